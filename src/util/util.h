/* util.h — small helpers shared by every module: checked allocation, a
 * growable byte buffer, ASCII case helpers and file reading.
 *
 * Allocation failure is not survivable in a command-line batch tool without
 * losing accepted work in odd ways, so pl_xmalloc() and friends print a
 * message and exit(3) (documented in docs/design.md; the store commits in
 * batches so nothing accepted is lost). */
#ifndef PL_UTIL_H
#define PL_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define PL_MIN(a, b) ((a) < (b) ? (a) : (b))
#define PL_MAX(a, b) ((a) > (b) ? (a) : (b))
#define PL_COUNT(a) (sizeof(a) / sizeof((a)[0]))

void pl_oom(void) __attribute__((noreturn));
void *pl_xmalloc(size_t n);
void *pl_xcalloc(size_t n, size_t size);
void *pl_xrealloc(void *p, size_t n);
char *pl_xstrdup(const char *s);
char *pl_xstrndup(const char *s, size_t n);

/* Growable array helper: ensures *cap >= need for an array of elem-sized items. */
void *pl_grow(void *arr, size_t *cap, size_t need, size_t elem);

/* Growable byte buffer, always NUL-terminated when data != NULL. */
typedef struct pl_buf {
    char *data;
    size_t len, cap;
} pl_buf;

void pl_buf_init(pl_buf *b);
void pl_buf_free(pl_buf *b);
void pl_buf_clear(pl_buf *b);                /* len = 0, keeps memory */
void pl_buf_reserve(pl_buf *b, size_t extra);
void pl_buf_put(pl_buf *b, const void *p, size_t n);
void pl_buf_puts(pl_buf *b, const char *s);
void pl_buf_putc(pl_buf *b, char c);
void pl_buf_printf(pl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pl_buf_vprintf(pl_buf *b, const char *fmt, va_list ap);
/* Returns the contents as a malloc'd string and resets the buffer. */
char *pl_buf_detach(pl_buf *b);

/* ASCII-only case helpers (locale independent). */
static inline int pl_lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
static inline int pl_upper(int c) { return (c >= 'a' && c <= 'z') ? c - 32 : c; }
static inline int pl_isspace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static inline int pl_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int pl_isalpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline int pl_isalnum(int c) { return pl_isalpha(c) || pl_isdigit(c); }
int pl_strncaseeq(const char *a, const char *b, size_t n);   /* 1 when equal ignoring ASCII case */
int pl_strcaseeq(const char *a, const char *b);

/* Reads a whole file ("-" = stdin) into a malloc'd, NUL-terminated buffer.
 * Returns 0 on success, else errno and *data = NULL. max = 0: no limit;
 * a file larger than max gives EFBIG. */
int pl_read_file(const char *path, size_t max, char **data, size_t *len);

/* Calendar days as yyyymmdd keys (proleptic Gregorian), after H. Hinnant's
 * days_from_civil / civil_from_days. */
long pl_key_to_days(int32_t key);      /* days since 1970-01-01 */
int32_t pl_days_to_key(long days);
int pl_key_weekday(int32_t key);       /* 0 = Monday ... 6 = Sunday */

/* FNV-1a 64-bit hash. */
uint64_t pl_hash(const void *p, size_t n);

#endif
