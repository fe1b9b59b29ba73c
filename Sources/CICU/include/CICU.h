// A thin C shim over ICU's C API.
//
// Why a shim: ICU's headers rename every function by version (u_strToLower ->
// u_strToLower_72) with macros Swift cannot import, and a module that includes
// <unicode/*.h> clashes with the private ICU module Foundation carries on Linux
// ('UErrorCode has different definitions'). So this header includes no ICU header and
// uses only <stdint.h> types; icu_shim.c includes ICU and forwards the calls.
#ifndef CAESAR_CICU_H
#define CAESAR_CICU_H

#include <stdint.h>

/// Writes ICU's version ("72.1") into `buffer` (at least 20 bytes).
void caesar_icu_version(char *buffer, int32_t capacity);

#endif
