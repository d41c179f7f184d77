/* article.c — the article builder used by every format module, and the
 * public article functions (free, JSON output). */
#include "reader/reader.h"

#include "json.h"   /* pl_json_escape */
#include "utf8.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Bits set in a 16-bit mask. */
static inline int popcount16(unsigned v)
{
    v = v - ((v >> 1) & 0x5555);
    v = (v & 0x3333) + ((v >> 2) & 0x3333);
    v = (v + (v >> 4)) & 0x0F0F;
    return (int)((v + (v >> 8)) & 0x1F);
}

#define MAX_WARNINGS 64

void pl_article_init(pl_article *a)
{
    memset(a, 0, sizeof *a);
    pl_arena_init(&a->arena, 16 * 1024);
    pl_buf_init(&a->body);
    pl_article_reset(a);
}

void pl_article_reset(pl_article *a)
{
    pl_arena_reset(&a->arena);
    pl_buf_clear(&a->body);
    a->n_paras = a->n_sents = a->n_warns = a->n_authors = 0;
    a->finished = 0;
    parley_article *p = &a->pub;
    memset(p, 0, sizeof *p);
    p->id = p->format = p->url = p->canonical_url = p->source = p->language = "";
    p->headline = p->byline = p->body = "";
    p->file = "";
    p->offset = -1;
}

void pl_article_release(pl_article *a)
{
    if (!a) return;
    pl_arena_free(&a->arena);
    pl_buf_free(&a->body);
    free(a->paras);
    free(a->sents);
    free(a->warns);
    free(a->authors);
    a->paras = NULL;
    a->sents = NULL;
    a->warns = NULL;
    a->authors = NULL;
    a->cap_paras = a->cap_sents = a->cap_warns = a->cap_authors = 0;
}

const char *pl_article_strn(pl_article *a, const char *s, size_t n)
{
    if (!s || !n) return "";
    return pl_arena_strndup(&a->arena, s, n);
}

const char *pl_article_str(pl_article *a, const char *s)
{
    return s ? pl_article_strn(a, s, strlen(s)) : "";
}

void pl_article_warn(pl_article *a, const char *fmt, ...)
{
    if (a->n_warns >= MAX_WARNINGS) return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    a->warns = pl_grow(a->warns, &a->cap_warns, a->n_warns + 1, sizeof *a->warns);
    const char *w = a->n_warns + 1 == MAX_WARNINGS ? "more warnings were dropped"
                                                   : pl_article_str(a, msg);
    a->warns[a->n_warns++] = w;
}

/* Space-like bytes: ASCII space and control characters. */
static const unsigned char spacey[256] = {
    [0] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, [' '] = 1, [0x7F] = 1};

/* 1 when s[0..n) is already normalised: no control byte, DEL, U+00A0 lead
 * byte 0xC2 (checked the slow way), double space, or space at either end.
 * Eight bytes at a time with exact per-byte tests. */
static int is_normal(const unsigned char *p, size_t n)
{
    if (n == 0 || p[0] == ' ' || p[n - 1] == ' ') return n == 0;
    const uint64_t one = 0x0101010101010101ULL, hi = 0x8080808080808080ULL,
                   lo7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t carry = 0;
    size_t i = 0;
#ifdef __SSE2__
    const __m128i zero = _mm_setzero_si128(), lim = _mm_set1_epi8(0x20),
                  v7f = _mm_set1_epi8(0x7F), vc2 = _mm_set1_epi8((char)0xC2);
    unsigned prev = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(p + i));
        /* control bytes: below 0x20 and not negative (>= 0x80) */
        __m128i ctl = _mm_andnot_si128(_mm_cmplt_epi8(x, zero), _mm_cmplt_epi8(x, lim));
        __m128i bad = _mm_or_si128(ctl, _mm_or_si128(_mm_cmpeq_epi8(x, v7f), _mm_cmpeq_epi8(x, vc2)));
        unsigned spm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, lim));
        if (_mm_movemask_epi8(bad) || (spm & ((spm << 1) | prev))) return 0;
        prev = spm >> 15;
    }
    carry = prev ? 0x80 : 0;
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, p + i, 8);
        uint64_t ctl = ~(((x & lo7) + (0x80 - 0x20) * one) | x) & hi;
        uint64_t a = x ^ (0x7F * one), c = x ^ (0xC2 * one), sp = x ^ (0x20 * one);
        uint64_t del = ~(((a & lo7) + lo7) | a) & hi, c2 = ~(((c & lo7) + lo7) | c) & hi;
        uint64_t spf = ~(((sp & lo7) + lo7) | sp) & hi;
        if (ctl | del | c2 | (spf & ((spf << 8) | carry))) return 0;
        carry = (spf >> 56) & 0x80;
    }
    int prev_space = carry != 0;
    for (; i < n; i++) {
        unsigned char b = p[i];
        if (b < 0x20 || b == 0x7F || b == 0xC2 || (b == ' ' && prev_space)) return 0;
        prev_space = b == ' ';
    }
    return 1;
}

size_t pl_normalize_space(const char *s, size_t n, pl_buf *out)
{
    const unsigned char *p = (const unsigned char *)s;
    pl_buf_reserve(out, n + 1);
    if (is_normal(p, n)) {
        memcpy(out->data + out->len, s, n);
        out->len += n;
        out->data[out->len] = 0;
        return n;
    }
    char *o = out->data + out->len, *o0 = o;
    int pending = 0;
    size_t i = 0;
    while (i < n) {
        /* a run of text, single spaces included, is copied at once */
        size_t r = i;
        for (;;) {
            while (r < n && !spacey[p[r]] && p[r] != 0xC2) r++;
            if (r + 1 < n && r > i && p[r] == ' ' && !spacey[p[r + 1]] && p[r + 1] != 0xC2) {
                r += 2;
                continue;
            }
            if (r < n && p[r] == 0xC2 && !(r + 1 < n && p[r + 1] == 0xA0)) {
                r++;
                continue;
            }
            break;
        }
        if (r > i) {
            if (pending && o > o0) *o++ = ' ';
            pending = 0;
            memcpy(o, s + i, r - i);
            o += r - i;
            i = r;
            continue;
        }
        pending = 1;   /* white space or U+00A0 */
        i += p[i] == 0xC2 ? 2 : 1;
    }
    size_t k = (size_t)(o - o0);
    out->len += k;
    out->data[out->len] = 0;
    return k;
}

int pl_count_words(const char *s, size_t n)
{
    /* eight bytes at a time: a word starts at a non-space byte after a
     * space (exact per-byte zero test, no borrow between bytes) */
    const uint64_t one = 0x0101010101010101ULL, hi = 0x8080808080808080ULL,
                   lo7 = 0x7F7F7F7F7F7F7F7FULL;
    int w = 0;
    uint64_t carry = 0x80;   /* the byte before s counts as a space */
    size_t i = 0;
#ifdef __SSE2__
    const __m128i sp16 = _mm_set1_epi8(' '), tab16 = _mm_set1_epi8('\t');
    unsigned c16 = 1;
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(x, sp16), _mm_cmpeq_epi8(x, tab16)));
        w += popcount16(~m & ((m << 1) | c16) & 0xFFFF);
        c16 = (m >> 15) & 1;
    }
    carry = c16 ? 0x80 : 0;
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t a = x ^ (0x20 * one), b = x ^ (0x09 * one);
        uint64_t za = ~(((a & lo7) + lo7) | a) & hi, zb = ~(((b & lo7) + lo7) | b) & hi;
        uint64_t sp = za | zb;
        uint64_t starts = ~sp & hi & ((sp << 8) | carry);
        w += (int)(((starts >> 7) * one) >> 56);   /* count of flag bits */
        carry = (sp >> 56) & 0x80;
    }
    int prev = carry != 0;
    for (; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\t';
        w += prev && !sp;
        prev = sp;
    }
    return w;
}

void pl_article_add_paragraph(pl_article *a, const char *text, size_t n)
{
    size_t mark = a->body.len;
    if (mark) pl_buf_put(&a->body, "\n\n", 2);
    size_t start = a->body.len;
    size_t k = pl_normalize_space(text, n, &a->body);
    if (!k) {
        a->body.len = mark;
        if (a->body.data) a->body.data[mark] = 0;
        return;
    }
    a->paras = pl_grow(a->paras, &a->cap_paras, a->n_paras + 1, sizeof *a->paras);
    a->paras[a->n_paras].start = start;
    a->paras[a->n_paras].end = start + k;
    a->n_paras++;
}

void pl_article_add_author(pl_article *a, const char *name, size_t n)
{
    pl_buf tmp;
    pl_buf_init(&tmp);
    pl_normalize_space(name, n, &tmp);
    if (tmp.len) {
        for (size_t i = 0; i < a->n_authors; i++)
            if (!strcmp(a->authors[i], tmp.data)) { pl_buf_free(&tmp); return; }
        a->authors = pl_grow(a->authors, &a->cap_authors, a->n_authors + 1, sizeof *a->authors);
        a->authors[a->n_authors++] = pl_article_strn(a, tmp.data, tmp.len);
    }
    pl_buf_free(&tmp);
}

size_t pl_repair_utf8(pl_article *a, const char *s, size_t n, long long base, pl_buf *out,
                      long long *first_bad)
{
    long long first = -1;
    size_t bad = pl_utf8_repair(s, n, out, &first);
    if (first_bad) *first_bad = first;
    if (bad) {
        unsigned char b = (unsigned char)s[first];
        if (bad == 1)
            pl_article_warn(a, "invalid UTF-8 byte 0x%02X at byte %lld replaced by U+FFFD", b,
                            base + first);
        else
            pl_article_warn(a,
                            "invalid UTF-8: %zu bytes replaced by U+FFFD, the first 0x%02X at "
                            "byte %lld",
                            bad, b, base + first);
    }
    return bad;
}

void pl_article_finish(pl_article *a)
{
    if (a->finished) return;
    parley_article *p = &a->pub;
    /* byline from authors, or authors from byline */
    if (a->n_authors && (!p->byline || !*p->byline)) {
        pl_buf b;
        pl_buf_init(&b);
        for (size_t i = 0; i < a->n_authors; i++) {
            if (i) pl_buf_puts(&b, "; ");
            pl_buf_puts(&b, a->authors[i]);
        }
        p->byline = pl_article_strn(a, b.data, b.len);
        pl_buf_free(&b);
    }
    /* sentences, paragraph by paragraph */
    a->n_sents = 0;
    const char *body = a->body.data ? a->body.data : "";
    for (size_t k = 0; k < a->n_paras; k++) {
        size_t ps = a->paras[k].start, pe = a->paras[k].end;
        parley_span tmp[64];
        size_t got = parley_split_sentences(body + ps, pe - ps, tmp, PL_COUNT(tmp));
        a->sents = pl_grow(a->sents, &a->cap_sents, a->n_sents + got, sizeof *a->sents);
        parley_span *sp = tmp, *big = NULL;
        if (got > PL_COUNT(tmp)) {
            sp = big = pl_xmalloc(got * sizeof *big);
            parley_split_sentences(body + ps, pe - ps, big, got);
        }
        for (size_t s = 0; s < got; s++) {
            parley_sentence *ps_ = &a->sents[a->n_sents++];
            ps_->start = ps + sp[s].start;
            ps_->end = ps + sp[s].end;
            ps_->paragraph = k;
        }
        free(big);
    }
    if (!p->id) p->id = "";
    if (!p->format) p->format = "";
    if (!p->file) p->file = "";
    if (!p->url) p->url = "";
    if (!p->canonical_url) p->canonical_url = "";
    if (!p->source) p->source = "";
    if (!p->language) p->language = "";
    if (!p->headline) p->headline = "";
    if (!p->byline) p->byline = "";
    p->body = body;
    p->body_len = a->body.len;
    p->paragraphs = a->paras;
    p->n_paragraphs = a->n_paras;
    p->sentences = a->sents;
    p->n_sentences = a->n_sents;
    p->warnings = a->warns;
    p->n_warnings = a->n_warns;
    p->authors = a->authors;
    p->n_authors = a->n_authors;
    a->finished = 1;
}

void parley_article_free(parley_article *pub)
{
    if (!pub) return;
    pl_article *a = (pl_article *)pub;
    pl_article_release(a);
    free(a);
}

/* Bytes a JSON string must escape (or check, for >= 0x80). */
static inline int json_special(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
}

/* Appends a JSON string literal: plain runs are copied whole, valid UTF-8
 * passes through, the rest goes through pl_json_escape().  Returns 1 when
 * nothing needed escaping (the text was copied verbatim). */
static int put_text(pl_buf *b, const char *s, size_t n)
{
    int verbatim = 1;
    const unsigned char *p = (const unsigned char *)s;
    pl_buf_reserve(b, n + 2);
    char *o = b->data + b->len;   /* room for n + 2 bytes until an escape */
    *o++ = '"';
    size_t i = 0;
    while (i < n) {
        size_t run = i;
#ifdef __SSE2__
        /* sixteen bytes at a time: signed "< 0x20" also catches >= 0x80 */
        const __m128i lim = _mm_set1_epi8(0x20), dq = _mm_set1_epi8('"'),
                      bsl = _mm_set1_epi8('\\');
        while (run + 16 <= n) {
            __m128i x = _mm_loadu_si128((const __m128i *)(p + run));
            __m128i m = _mm_or_si128(_mm_cmplt_epi8(x, lim),
                                     _mm_or_si128(_mm_cmpeq_epi8(x, dq), _mm_cmpeq_epi8(x, bsl)));
            int bits = _mm_movemask_epi8(m);
            if (bits) {
                run += (size_t)__builtin_ctz((unsigned)bits);
                break;
            }
            run += 16;
        }
#endif
        /* eight bytes at a time while none needs a look */
        while (run + 8 <= n) {
            uint64_t x;
            memcpy(&x, p + run, 8);
            const uint64_t hi = 0x8080808080808080ULL, one = 0x0101010101010101ULL;
            uint64_t q = x ^ (0x22 * one), bs = x ^ (0x5C * one);
            uint64_t bad = (x & hi) | ((x - 0x20 * one) & ~x & hi) | ((q - one) & ~q & hi) |
                           ((bs - one) & ~bs & hi);
            if (bad) break;
            run += 8;
        }
        while (run < n && !json_special(p[run])) run++;
        if (run > i) {
            memcpy(o, s + i, run - i);
            o += run - i;
            i = run;
            if (i == n) break;
        }
        if (p[i] == '"' || p[i] == '\\') {
            /* the common escapes, in place: two bytes for one */
            verbatim = 0;
            b->len = (size_t)(o - b->data);
            pl_buf_reserve(b, n - i + 3);
            o = b->data + b->len;
            *o++ = '\\';
            *o++ = (char)p[i];
            i++;
            continue;
        }
        size_t k = p[i] >= 0x80 ? pl_utf8_valid_prefix(p + i, n - i) : 0;
        if (k) {
            memcpy(o, s + i, k);
            o += k;
            i += k;
        } else {
            /* escape one byte the general way (without its quotes) */
            verbatim = 0;
            b->len = (size_t)(o - b->data);
            size_t before = b->len;
            pl_json_escape(b, s + i, 1);
            memmove(b->data + before, b->data + before + 1, b->len - before - 2);
            b->len -= 2;
            i++;
            pl_buf_reserve(b, n - i + 2);
            o = b->data + b->len;
        }
    }
    *o++ = '"';
    b->len = (size_t)(o - b->data);
    b->data[b->len] = 0;
    return verbatim;
}

/* Appends text known to need no escaping, in quotes. */
static void put_verbatim(pl_buf *b, const char *s, size_t n)
{
    pl_buf_reserve(b, n + 2);
    char *o = b->data + b->len;
    *o++ = '"';
    memcpy(o, s, n);
    o += n;
    *o++ = '"';
    b->len = (size_t)(o - b->data);
    b->data[b->len] = 0;
}

#define PUT_LIT(b, lit) pl_buf_put((b), (lit), sizeof(lit) - 1)

static char *put_uint_at(char *o, size_t v)
{
    char t[24];
    size_t k = sizeof t;
    do {
        t[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(o, t + k, sizeof t - k);
    return o + (sizeof t - k);
}

/* ,"start":N,"end":M} in one reservation */
static void put_span_tail(pl_buf *b, size_t start, size_t end)
{
    pl_buf_reserve(b, 64);
    char *o = b->data + b->len;
    memcpy(o, ",\"start\":", 9);
    o = put_uint_at(o + 9, start);
    memcpy(o, ",\"end\":", 7);
    o = put_uint_at(o + 7, end);
    *o++ = '}';
    b->len = (size_t)(o - b->data);
    b->data[b->len] = 0;
}

/* ,"key": then a string value (first: no comma) */
static void put_kstr(pl_buf *b, const char *key, size_t klen, const char *v, int first)
{
    pl_buf_reserve(b, klen + 4);
    char *o = b->data + b->len;
    if (!first) *o++ = ',';
    *o++ = '"';
    memcpy(o, key, klen);
    o += klen;
    *o++ = '"';
    *o++ = ':';
    b->len = (size_t)(o - b->data);
    put_text(b, v ? v : "", v ? strlen(v) : 0);
}
#define KSTR(b, key, v) put_kstr((b), (key), sizeof(key) - 1, (v), 0)

static void put_kdate(pl_buf *b, const char *key, size_t klen, const parley_datetime *dt)
{
    char tmp[40];
    parley_datetime_format(dt, tmp, sizeof tmp);
    put_kstr(b, key, klen, tmp, 0);
}
#define KDATE(b, key, dt) put_kdate((b), (key), sizeof(key) - 1, (dt))

/* The JSON is written directly (no tree, one buffer per article): the
 * paragraphs and sentences are most of the output, and a sentence of a
 * paragraph that needed no escaping is copied without a second scan. */
parley_status parley_article_write_json(const parley_article *a, FILE *out)
{
    if (!a || !out) return PARLEY_ERR_USAGE;
    pl_buf b;
    pl_buf_init(&b);
    pl_buf_reserve(&b, a->body_len * 3 + 1024);
    PUT_LIT(&b, "{");
    put_kstr(&b, "id", 2, a->id, 1);
    KSTR(&b, "format", a->format);
    KSTR(&b, "source", a->source);
    KSTR(&b, "url", a->url);
    KSTR(&b, "canonical_url", a->canonical_url);
    KSTR(&b, "headline", a->headline);
    KDATE(&b, "published", &a->published);
    KDATE(&b, "modified", &a->modified);
    KDATE(&b, "crawled", &a->crawled);
    KSTR(&b, "byline", a->byline);
    PUT_LIT(&b, ",\"authors\":[");
    for (size_t i = 0; i < a->n_authors; i++) {
        if (i) pl_buf_putc(&b, ',');
        put_text(&b, a->authors[i], strlen(a->authors[i]));
    }
    PUT_LIT(&b, "]");
    KSTR(&b, "language", a->language);
    unsigned char plain[512];
    PUT_LIT(&b, ",\"paragraphs\":[");
    for (size_t i = 0; i < a->n_paragraphs; i++) {
        if (i) pl_buf_putc(&b, ',');
        int v = put_text(&b, a->body + a->paragraphs[i].start,
                         a->paragraphs[i].end - a->paragraphs[i].start);
        if (i < sizeof plain) plain[i] = (unsigned char)v;
    }
    PUT_LIT(&b, "],\"sentences\":[");
    for (size_t i = 0; i < a->n_sentences; i++) {
        const parley_sentence *s = &a->sentences[i];
        if (i) pl_buf_putc(&b, ',');
        PUT_LIT(&b, "{\"text\":");
        if (s->paragraph < a->n_paragraphs && s->paragraph < sizeof plain && plain[s->paragraph] &&
            s->start >= a->paragraphs[s->paragraph].start &&
            s->end <= a->paragraphs[s->paragraph].end)
            put_verbatim(&b, a->body + s->start, s->end - s->start);
        else
            put_text(&b, a->body + s->start, s->end - s->start);
        put_span_tail(&b, s->start, s->end);
    }
    PUT_LIT(&b, "],\"warnings\":[");
    for (size_t i = 0; i < a->n_warnings; i++) {
        if (i) pl_buf_putc(&b, ',');
        put_text(&b, a->warnings[i], strlen(a->warnings[i]));
    }
    PUT_LIT(&b, "]}");
    size_t w = fwrite(b.data, 1, b.len, out);
    int ok = w == b.len;
    pl_buf_free(&b);
    return ok ? PARLEY_OK : PARLEY_ERR_IO;
}
