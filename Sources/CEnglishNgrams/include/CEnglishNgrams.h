// The built-in English n-gram statistics (english-ngrams.txt), compiled into the binary.
// No Swift API of its own: CaesarCipher's NgramStatistics.english() parses these bytes.
#ifndef CENGLISHNGRAMS_H
#define CENGLISHNGRAMS_H

#include <stddef.h>
#include <stdint.h>

/// The bytes of english-ngrams.txt (not NUL-terminated).
const uint8_t *caesar_english_ngrams(void);

/// How many bytes `caesar_english_ngrams()` points to.
size_t caesar_english_ngrams_count(void);

#endif
