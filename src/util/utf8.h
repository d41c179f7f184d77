/* utf8.h — UTF-8 validation and repair. */
#ifndef PL_UTF8_H
#define PL_UTF8_H

#include "util.h"

/* Length (1-4) of the valid UTF-8 sequence at s, or 0 when s[0] does not
 * start a valid, complete, shortest-form sequence. n > 0. */
size_t pl_utf8_valid_prefix(const unsigned char *s, size_t n);

/* Decodes one code point; returns its length, or 0 when invalid. */
size_t pl_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Appends the UTF-8 encoding of cp to b. */
void pl_utf8_put(pl_buf *b, uint32_t cp);

/* Copies s to out, replacing each invalid byte by U+FFFD.  Returns the number
 * of bytes replaced; *first_bad gets the offset of the first one (or -1). */
size_t pl_utf8_repair(const char *s, size_t n, pl_buf *out, long long *first_bad);

/* Converts Latin-1 (ISO 8859-1 / Windows-1252 for 0x80-0x9F) to UTF-8. */
void pl_latin1_to_utf8(const char *s, size_t n, pl_buf *out);

/* 1 when the whole buffer is valid UTF-8. */
int pl_utf8_is_valid(const char *s, size_t n);

#endif
