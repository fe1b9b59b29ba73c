#include "CICU.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

// The header mirrors ICU's enum values so that it need not include ICU.
_Static_assert(CAESAR_CATEGORY_UPPERCASE_LETTER == U_UPPERCASE_LETTER, "UCharCategory changed");
_Static_assert(CAESAR_CATEGORY_LOWERCASE_LETTER == U_LOWERCASE_LETTER, "UCharCategory changed");
_Static_assert(CAESAR_CATEGORY_TITLECASE_LETTER == U_TITLECASE_LETTER, "UCharCategory changed");
_Static_assert(CAESAR_CATEGORY_MODIFIER_LETTER == U_MODIFIER_LETTER, "UCharCategory changed");
_Static_assert(CAESAR_CATEGORY_OTHER_LETTER == U_OTHER_LETTER, "UCharCategory changed");
_Static_assert(CAESAR_CATEGORY_NON_SPACING_MARK == U_NON_SPACING_MARK, "UCharCategory changed");
_Static_assert(CAESAR_CATEGORY_ENCLOSING_MARK == U_ENCLOSING_MARK, "UCharCategory changed");
_Static_assert(CAESAR_CATEGORY_COMBINING_SPACING_MARK == U_COMBINING_SPACING_MARK, "UCharCategory changed");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar is not 16 bits");
_Static_assert(sizeof(UErrorCode) == sizeof(int32_t), "UErrorCode is not 32 bits");

void caesar_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    int32_t i = 0;
    for (; i + 1 < capacity && text[i] != 0; i++) buffer[i] = text[i];
    if (capacity > 0) buffer[i] = 0;
}

const char *caesar_icu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

int32_t caesar_icu_general_category(uint32_t scalar) {
    return (int32_t)u_charType((UChar32)scalar);
}

int32_t caesar_icu_is_white_space(uint32_t scalar) {
    return u_isUWhiteSpace((UChar32)scalar) ? 1 : 0;
}

int32_t caesar_icu_to_lower(const uint16_t *source, int32_t length,
                            uint16_t *destination, int32_t capacity, int32_t *status) {
    return u_strToLower((UChar *)destination, capacity, (const UChar *)source, length, "",
                        (UErrorCode *)status);
}

int32_t caesar_icu_nfkd(const uint16_t *source, int32_t length,
                        uint16_t *destination, int32_t capacity, int32_t *status) {
    const UNormalizer2 *nfkd = unorm2_getNFKDInstance((UErrorCode *)status);
    if (U_FAILURE(*status)) return 0;
    return unorm2_normalize(nfkd, (const UChar *)source, length, (UChar *)destination, capacity,
                            (UErrorCode *)status);
}

// ---- transliteration ---------------------------------------------------------------------

struct caesar_transliterator {
    UTransliterator *icu;
};

caesar_transliterator *caesar_transliterator_open(const char *identifier, int32_t *status) {
    UChar id[128];
    u_strFromUTF8(id, 128, NULL, identifier, -1, (UErrorCode *)status);
    if (U_FAILURE(*status)) return NULL;
    UTransliterator *icu = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, (UErrorCode *)status);
    if (U_FAILURE(*status)) return NULL;
    caesar_transliterator *t = malloc(sizeof *t);
    if (t == NULL) {
        utrans_close(icu);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    t->icu = icu;
    return t;
}

int32_t caesar_transliterator_apply(caesar_transliterator *transliterator, uint16_t *text,
                                    int32_t length, int32_t capacity, int32_t *status) {
    int32_t limit = length;
    utrans_transUChars(transliterator->icu, (UChar *)text, &length, capacity, 0, &limit,
                       (UErrorCode *)status);
    return length;
}

void caesar_transliterator_close(caesar_transliterator *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->icu);
    free(transliterator);
}

// ---- sentence boundaries -------------------------------------------------------------------

// The UText lives beside the iterator: ICU keeps a pointer to it while iterating.
struct caesar_sentence_breaker {
    UBreakIterator *icu;
    UText text;
};

caesar_sentence_breaker *caesar_sentence_breaker_open(const char *locale, int32_t *status) {
    UBreakIterator *icu = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, (UErrorCode *)status);
    if (U_FAILURE(*status)) return NULL;
    caesar_sentence_breaker *b = malloc(sizeof *b);
    if (b == NULL) {
        ubrk_close(icu);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    b->icu = icu;
    UText empty = UTEXT_INITIALIZER;
    b->text = empty;
    return b;
}

void caesar_sentence_breaker_set_text(caesar_sentence_breaker *breaker, const uint8_t *text,
                                      int64_t length, int32_t *status) {
    if (length > INT32_MAX) {  // ubrk_next() reports offsets as int32_t
        *status = U_INDEX_OUTOFBOUNDS_ERROR;
        return;
    }
    static const char empty[1] = {0};  // ICU wants a non-NULL pointer even for ""
    const char *start = length > 0 ? (const char *)text : empty;
    utext_openUTF8(&breaker->text, start, length, (UErrorCode *)status);
    if (U_FAILURE(*status)) return;
    ubrk_setUText(breaker->icu, &breaker->text, (UErrorCode *)status);
}

int64_t caesar_sentence_breaker_next(caesar_sentence_breaker *breaker) {
    int32_t next = ubrk_next(breaker->icu);
    return next == UBRK_DONE ? -1 : (int64_t)next;
}

void caesar_sentence_breaker_close(caesar_sentence_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->icu);
    utext_close(&breaker->text);
    free(breaker);
}
