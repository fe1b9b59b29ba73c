#include "CICU.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
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

// ICU's break iterator runs about twice as fast on UTF-16 as through a UTF-8 UText, and the
// conversion (u_strFromUTF8) costs little; so the text is converted into a buffer the breaker
// owns, and each boundary is mapped back to a UTF-8 byte offset by walking both encodings
// forward together.
struct caesar_sentence_breaker {
    UBreakIterator *icu;
    UChar *utf16;
    int32_t capacity16;
    const uint8_t *utf8;  // the caller's text, borrowed until the next set_text
    int32_t length8;
    int32_t position8;  // a scalar boundary in utf8 ...
    int32_t position16;  // ... and the same boundary in utf16
};

caesar_sentence_breaker *caesar_sentence_breaker_open(const char *locale, int32_t *status) {
    UBreakIterator *icu = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, (UErrorCode *)status);
    if (U_FAILURE(*status)) return NULL;
    caesar_sentence_breaker *b = calloc(1, sizeof *b);
    if (b == NULL) {
        ubrk_close(icu);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    b->icu = icu;
    return b;
}

static int is_line_break(UChar c) {
    return c == 0x0A || c == 0x0D || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// Unicode's sentence rules end a sentence at every line break. In hard-wrapped text a line
// break alone is layout, so each whitespace run holding exactly one line break (CR LF counts
// once, a paragraph separator twice) has its line break turned into spaces, unit for unit,
// so offsets do not move. A blank line still ends a sentence.
static void join_single_line_breaks(UChar *text, int32_t length) {
    for (int32_t i = 0; i < length; i++) {
        if (!is_line_break(text[i])) continue;
        int32_t start = i, end = i;
        while (start > 0 && u_isUWhiteSpace(text[start - 1])) start--;
        while (end < length && u_isUWhiteSpace(text[end])) end++;
        int32_t breaks = 0;
        for (int32_t k = start; k < end; k++) {
            if (text[k] == 0x2029) breaks += 2;
            else if (text[k] == 0x0D && k + 1 < end && text[k + 1] == 0x0A) { breaks += 1; k++; }
            else if (is_line_break(text[k])) breaks += 1;
        }
        if (breaks == 1) {
            for (int32_t k = start; k < end; k++) {
                if (is_line_break(text[k])) text[k] = 0x20;
            }
        }
        i = end - 1;  // the run is done
    }
}

void caesar_sentence_breaker_set_text(caesar_sentence_breaker *breaker, const uint8_t *text,
                                      int64_t length, int32_t join_lines, int32_t *status) {
    if (length > INT32_MAX - 1) {  // ubrk_next() reports offsets as int32_t
        *status = U_INDEX_OUTOFBOUNDS_ERROR;
        return;
    }
    // UTF-16 never needs more units than UTF-8 has bytes.
    int32_t needed = (int32_t)length + 1;
    if (needed > breaker->capacity16) {
        UChar *larger = realloc(breaker->utf16, sizeof(UChar) * (size_t)needed);
        if (larger == NULL) {
            *status = U_MEMORY_ALLOCATION_ERROR;
            return;
        }
        breaker->utf16 = larger;
        breaker->capacity16 = needed;
    }
    static const char empty[1] = {0};  // ICU wants a non-NULL pointer even for ""
    const char *source = length > 0 ? (const char *)text : empty;
    int32_t length16 = 0;
    // Ill-formed bytes become U+FFFD, one per maximal subpart, as U8_NEXT below steps.
    u_strFromUTF8WithSub(breaker->utf16, breaker->capacity16, &length16, source, (int32_t)length,
                         0xFFFD, NULL, (UErrorCode *)status);
    if (U_FAILURE(*status)) return;
    if (join_lines) join_single_line_breaks(breaker->utf16, length16);
    ubrk_setText(breaker->icu, breaker->utf16, length16, (UErrorCode *)status);
    breaker->utf8 = (const uint8_t *)source;
    breaker->length8 = (int32_t)length;
    breaker->position8 = 0;
    breaker->position16 = 0;
}

int64_t caesar_sentence_breaker_next(caesar_sentence_breaker *breaker) {
    int32_t next16 = ubrk_next(breaker->icu);
    if (next16 == UBRK_DONE) return -1;
    while (breaker->position16 < next16 && breaker->position8 < breaker->length8) {
        if (breaker->utf8[breaker->position8] < 0x80) {  // ASCII: one byte, one unit
            breaker->position8++;
            breaker->position16++;
            continue;
        }
        UChar32 c;
        U8_NEXT(breaker->utf8, breaker->position8, breaker->length8, c);
        breaker->position16 += (c > 0xFFFF) ? 2 : 1;
    }
    return breaker->position8;
}

void caesar_sentence_breaker_close(caesar_sentence_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->icu);
    free(breaker->utf16);
    free(breaker);
}
