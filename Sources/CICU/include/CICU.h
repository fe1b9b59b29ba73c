// A thin C shim over ICU's C API.
//
// Why a shim: ICU's headers rename every function by version (u_strToLower ->
// u_strToLower_72) with macros Swift cannot import, and a module that includes
// <unicode/*.h> clashes with the private ICU module Foundation carries on Linux
// ('UErrorCode has different definitions'). So this header includes no ICU header and
// uses only <stdint.h> types; icu_shim.c includes ICU and forwards the calls.
//
// Conventions: text is UTF-16 (`uint16_t`, ICU's UChar) unless a function says UTF-8.
// `status` works as ICU's UErrorCode: 0 is success, negative values are warnings, positive
// values are errors; caesar_icu_error_name() names any of them.
#ifndef CAESAR_CICU_H
#define CAESAR_CICU_H

#include <stdint.h>

/// Writes ICU's version ("72.1") into `buffer` (at least 20 bytes).
void caesar_icu_version(char *buffer, int32_t capacity);

/// ICU's name for a status code ("U_BUFFER_OVERFLOW_ERROR").
const char *caesar_icu_error_name(int32_t status);

// ---- properties of one code point -------------------------------------------------------

/// General categories, with the values of ICU's UCharCategory (icu_shim.c checks them).
enum {
    CAESAR_CATEGORY_UPPERCASE_LETTER = 1,
    CAESAR_CATEGORY_LOWERCASE_LETTER = 2,
    CAESAR_CATEGORY_TITLECASE_LETTER = 3,
    CAESAR_CATEGORY_MODIFIER_LETTER = 4,
    CAESAR_CATEGORY_OTHER_LETTER = 5,
    CAESAR_CATEGORY_NON_SPACING_MARK = 6,
    CAESAR_CATEGORY_ENCLOSING_MARK = 7,
    CAESAR_CATEGORY_COMBINING_SPACING_MARK = 8,
};

/// The general category of `scalar` (u_charType), one of ICU's UCharCategory values.
int32_t caesar_icu_general_category(uint32_t scalar);

/// 1 if `scalar` has the Unicode White_Space property (u_isUWhiteSpace), else 0.
int32_t caesar_icu_is_white_space(uint32_t scalar);

// ---- case mapping and normalization (UTF-16 in, UTF-16 out) -----------------------------

/// Full Unicode lowercasing in the root locale (u_strToLower). Returns the output length;
/// on U_BUFFER_OVERFLOW_ERROR the return value is the capacity needed.
int32_t caesar_icu_to_lower(const uint16_t *source, int32_t length,
                            uint16_t *destination, int32_t capacity, int32_t *status);

/// Compatibility decomposition, NFKD (unorm2_getNFKDInstance + unorm2_normalize). Returns
/// the output length.
int32_t caesar_icu_nfkd(const uint16_t *source, int32_t length,
                        uint16_t *destination, int32_t capacity, int32_t *status);

// ---- transliteration ---------------------------------------------------------------------

typedef struct caesar_transliterator caesar_transliterator;

/// Opens a transliterator by ICU identifier ("Latin-ASCII"); NULL on failure.
caesar_transliterator *caesar_transliterator_open(const char *identifier, int32_t *status);

/// Transliterates `text[0..<length]` in place (utrans_transUChars). Returns the new length;
/// if it exceeds `capacity`, status is U_BUFFER_OVERFLOW_ERROR and `text` is undefined.
int32_t caesar_transliterator_apply(caesar_transliterator *transliterator, uint16_t *text,
                                    int32_t length, int32_t capacity, int32_t *status);

void caesar_transliterator_close(caesar_transliterator *transliterator);

// ---- sentence boundaries (UTF-8 text, byte offsets) --------------------------------------

typedef struct caesar_sentence_breaker caesar_sentence_breaker;

/// Opens ICU's sentence break iterator for `locale`; "en@ss=standard" adds the locale's
/// abbreviation suppressions ("Mr.", "e.g."). NULL on failure.
caesar_sentence_breaker *caesar_sentence_breaker_open(const char *locale, int32_t *status);

/// Gives the breaker UTF-8 text to iterate over (converted to UTF-16 inside; `text` must
/// outlive the iteration, which maps boundaries back to its bytes). Less than INT32_MAX bytes;
/// longer text gives U_INDEX_OUTOFBOUNDS_ERROR. Ill-formed bytes count as U+FFFD.
/// With `join_lines` nonzero, a line break alone (not a blank line) ends no sentence: ICU
/// sees it as a space, which suits hard-wrapped text.
void caesar_sentence_breaker_set_text(caesar_sentence_breaker *breaker, const uint8_t *text,
                                      int64_t length, int32_t join_lines, int32_t *status);

/// The byte offset of the next sentence start after the current position, the text's
/// length for its end, then -1 once the end has been passed.
int64_t caesar_sentence_breaker_next(caesar_sentence_breaker *breaker);

void caesar_sentence_breaker_close(caesar_sentence_breaker *breaker);

#endif
