#include "CICU.h"

#include <unicode/uversion.h>

void caesar_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    int32_t i = 0;
    for (; i + 1 < capacity && text[i] != 0; i++) buffer[i] = text[i];
    if (capacity > 0) buffer[i] = 0;
}
