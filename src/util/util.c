#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void pl_oom(void)
{
    fputs("parley: out of memory\n", stderr);
    exit(3);
}

void *pl_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) pl_oom();
    return p;
}

void *pl_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) pl_oom();
    return p;
}

void *pl_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) pl_oom();
    return q;
}

char *pl_xstrndup(const char *s, size_t n)
{
    char *p = pl_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *pl_xstrdup(const char *s) { return pl_xstrndup(s, strlen(s)); }

void *pl_grow(void *arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return arr;
    size_t c = *cap ? *cap : 8;
    while (c < need) c *= 2;
    arr = pl_xrealloc(arr, c * elem);
    *cap = c;
    return arr;
}

void pl_buf_init(pl_buf *b) { b->data = NULL; b->len = b->cap = 0; }
void pl_buf_free(pl_buf *b) { free(b->data); pl_buf_init(b); }
void pl_buf_clear(pl_buf *b) { b->len = 0; if (b->data) b->data[0] = 0; }

void pl_buf_reserve(pl_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
    size_t c = b->cap ? b->cap : 256;
    while (c < need) c *= 2;
    b->data = pl_xrealloc(b->data, c);
    b->cap = c;
}

void pl_buf_put(pl_buf *b, const void *p, size_t n)
{
    pl_buf_reserve(b, n);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

void pl_buf_puts(pl_buf *b, const char *s) { pl_buf_put(b, s, strlen(s)); }

void pl_buf_putc(pl_buf *b, char c)
{
    pl_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}

void pl_buf_vprintf(pl_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n > 0) {
        pl_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void pl_buf_printf(pl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pl_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *pl_buf_detach(pl_buf *b)
{
    char *p = b->data ? b->data : pl_xstrdup("");
    pl_buf_init(b);
    return p;
}

int pl_strncaseeq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (pl_lower((unsigned char)a[i]) != pl_lower((unsigned char)b[i])) return 0;
        if (!a[i]) return 1;
    }
    return 1;
}

int pl_strcaseeq(const char *a, const char *b)
{
    for (;; a++, b++) {
        if (pl_lower((unsigned char)*a) != pl_lower((unsigned char)*b)) return 0;
        if (!*a) return 1;
    }
}

int pl_read_file(const char *path, size_t max, char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return errno ? errno : EIO;
    pl_buf b;
    pl_buf_init(&b);
    char tmp[65536];
    size_t n;
    int err = 0;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
        if (max && b.len + n > max) { err = EFBIG; break; }
        pl_buf_put(&b, tmp, n);
    }
    if (!err && ferror(f)) err = errno ? errno : EIO;
    if (f != stdin) fclose(f);
    if (err) { pl_buf_free(&b); return err; }
    if (!b.data) pl_buf_reserve(&b, 0), b.data[0] = 0;
    *len = b.len;
    *data = b.data;
    return 0;
}

long pl_key_to_days(int32_t key)
{
    long y = key / 10000, m = key / 100 % 100, d = key % 100;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int32_t pl_days_to_key(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

int pl_key_weekday(int32_t key)
{
    long w = (pl_key_to_days(key) + 3) % 7;   /* 1970-01-01 was a Thursday (3) */
    return (int)(w < 0 ? w + 7 : w);
}

uint64_t pl_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 1099511628211ULL; }
    return h;
}
