// C23 #embed puts the statistics file into the binary at compile time, in milliseconds.
// SwiftPM's own `.embedInCode` resource does the same through a Swift array literal of every
// byte, which took 70 s (release) to 190 s (debug) to compile for this file; and a bundled
// resource (`Bundle.module`) stops a copied binary with fatalError on Linux.
#include "CEnglishNgrams.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const uint8_t bytes[] = {
#embed "english-ngrams.txt"
};

const uint8_t *caesar_english_ngrams(void) { return bytes; }

size_t caesar_english_ngrams_count(void) { return sizeof bytes; }
