#include "utf8.h"

#include <string.h>

size_t pl_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

size_t pl_utf8_valid_prefix(const unsigned char *s, size_t n)
{
    uint32_t cp;
    return pl_utf8_decode(s, n, &cp);
}

void pl_utf8_put(pl_buf *b, uint32_t cp)
{
    char t[4];
    size_t n;
    if (cp < 0x80) { t[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { t[0] = (char)(0xC0 | (cp >> 6)); t[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12)); t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        t[0] = (char)(0xF0 | (cp >> 18)); t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); t[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    pl_buf_put(b, t, n);
}

/* Skips whole 8-byte words of ASCII from i; returns the new position (most
 * of a page, markup included, is ASCII). */
static inline size_t skip_ascii8(const unsigned char *p, size_t i, size_t n)
{
    uint64_t w;
    while (i + 8 <= n) {
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL) break;
        i += 8;
    }
    return i;
}

int pl_utf8_is_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        i = skip_ascii8(p, i, n);
        if (i >= n) break;
        if (p[i] < 0x80) { i++; continue; }
        size_t k = pl_utf8_valid_prefix(p + i, n - i);
        if (!k) return 0;
        i += k;
    }
    return 1;
}

size_t pl_utf8_repair(const char *s, size_t n, pl_buf *out, long long *first_bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, bad = 0, run = 0;
    if (first_bad) *first_bad = -1;
    pl_buf_reserve(out, n);
    while (i < n) {
        size_t j = skip_ascii8(p, i, n);
        run += j - i;
        i = j;
        if (i >= n) break;
        if (p[i] < 0x80) { i++; run++; continue; }
        size_t k = pl_utf8_valid_prefix(p + i, n - i);
        if (k) { i += k; run += k; continue; }
        if (run) { pl_buf_put(out, s + i - run, run); run = 0; }
        pl_buf_puts(out, "\xEF\xBF\xBD");
        if (first_bad && *first_bad < 0) *first_bad = (long long)i;
        bad++;
        i++;
    }
    if (run) pl_buf_put(out, s + i - run, run);
    return bad;
}

/* Windows-1252 code points for 0x80..0x9F (0 = undefined, kept as C1). */
static const uint16_t cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

void pl_latin1_to_utf8(const char *s, size_t n, pl_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) pl_buf_putc(out, (char)c);
        else if (c < 0xA0 && cp1252[c - 0x80]) pl_utf8_put(out, cp1252[c - 0x80]);
        else pl_utf8_put(out, c);
    }
}
