/* sentence.c — splits text into sentences (see sentence.h for the rules).
 *
 * One pass over the bytes; only ".!?", "…" and line breaks are looked at
 * closely, so the cost is a table lookup per byte.  The abbreviation list is
 * compiled once into a small hash table shared (read-only) by all threads. */
#include "text/sentence.h"

#include "embedded.h"
#include "parley.h"
#include "util.h"

#include <pthread.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- abbreviation table ------------------------------------------------ */

#define ABBR_SLOTS 1024

typedef struct abbr_slot {
    const char *w;
    unsigned char n, cls;
} abbr_slot;

static abbr_slot abbr_table[ABBR_SLOTS];
static pthread_once_t abbr_once = PTHREAD_ONCE_INIT;

static uint32_t abbr_hash(const char *w, size_t n)
{
    return (uint32_t)pl_hash(w, n) & (ABBR_SLOTS - 1);
}

static void abbr_load(void)
{
    size_t len = 0;
    const char *d = pl_data_file("text/abbreviations.txt", &len);
    if (!d) return;
    const char *p = d, *end = d + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *w = p;
        while (w < le && (*w == ' ' || *w == '\t')) w++;
        if (w < le && *w != '#') {
            const char *we = w;
            while (we < le && *we != ' ' && *we != '\t') we++;
            const char *c = we;
            while (c < le && (*c == ' ' || *c == '\t')) c++;
            const char *ce = c;
            while (ce < le && *ce != ' ' && *ce != '\t' && *ce != '\r') ce++;
            int cls = PL_ABBR_NONE;
            size_t cn = (size_t)(ce - c);
            if (cn == 5 && !memcmp(c, "title", 5)) cls = PL_ABBR_TITLE;
            else if (cn == 6 && !memcmp(c, "number", 6)) cls = PL_ABBR_NUMBER;
            else if (cn == 5 && !memcmp(c, "other", 5)) cls = PL_ABBR_OTHER;
            else if (cn == 7 && !memcmp(c, "starter", 7)) cls = PL_ABBR_STARTER;
            size_t wn = (size_t)(we - w);
            if (cls && wn > 0 && wn < 32) {
                uint32_t h = abbr_hash(w, wn);
                for (size_t k = 0; k < ABBR_SLOTS; k++) {
                    abbr_slot *s = &abbr_table[(h + k) & (ABBR_SLOTS - 1)];
                    if (!s->w) {
                        s->w = w;
                        s->n = (unsigned char)wn;
                        s->cls = (unsigned char)cls;
                        break;
                    }
                    if (s->n == wn && !memcmp(s->w, w, wn)) break;   /* first entry wins */
                }
            }
        }
        p = le + 1;
    }
}

int pl_abbrev_class(const char *w, size_t n)
{
    pthread_once(&abbr_once, abbr_load);
    if (n == 0 || n >= 32) return PL_ABBR_NONE;
    uint32_t h = abbr_hash(w, n);
    for (size_t k = 0; k < ABBR_SLOTS; k++) {
        const abbr_slot *s = &abbr_table[(h + k) & (ABBR_SLOTS - 1)];
        if (!s->w) return PL_ABBR_NONE;
        if (s->n == n && !memcmp(s->w, w, n)) return s->cls;
    }
    return PL_ABBR_NONE;
}

/* ---- splitting --------------------------------------------------------- */

/* Bytes that need a closer look: 1 terminal, 2 newline, 3 maybe "…". */
static const unsigned char kind[256] = {['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 2,
                                        [0xE2] = 3};

static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

/* Length of a closing quote or bracket at p, 0 when none. */
static size_t closing_len(const unsigned char *p, size_t n)
{
    if (n >= 1 && (p[0] == '"' || p[0] == '\'' || p[0] == ')' || p[0] == ']')) return 1;
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x99 || p[2] == 0x9D)) return 3;
    if (n >= 2 && p[0] == 0xC2 && p[1] == 0xBB) return 2;
    return 0;
}

/* An opening quote or bracket at p. */
static int is_opening(const unsigned char *p, size_t n)
{
    if (n >= 1 && (p[0] == '"' || p[0] == '\'' || p[0] == '(' || p[0] == '[')) return 1;
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x98)) return 1;
    if (n >= 2 && p[0] == 0xC2 && p[1] == 0xAB) return 1;
    return 0;
}

static int is_ellipsis(const unsigned char *p, size_t n)
{
    return n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xA6;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

/* Is the word starting at p a usual sentence starter? */
static int starter_at(const unsigned char *p, size_t n)
{
    size_t k = 0;
    while (k < n && k < 31 && (is_upper(p[k]) || is_lower(p[k]))) k++;
    if (k == 0 || (k < n && p[k] == '.')) return 0;
    return pl_abbrev_class((const char *)p, k) == PL_ABBR_STARTER;
}

/* Decides whether the period at p[i] (a single period, no closing quote)
 * ends a sentence, given the next word at p[j]. */
static int period_ends(const unsigned char *p, size_t len, size_t i, size_t j)
{
    size_t ws = i;
    while (ws > 0 && i - ws < 32 && (is_upper(p[ws - 1]) || is_lower(p[ws - 1]) || p[ws - 1] == '.'))
        ws--;
    if (ws > 0 && (pl_isdigit(p[ws - 1]) || p[ws - 1] >= 0x80)) return 1;   /* "2012." "été." */
    size_t wn = i + 1 - ws;
    if (wn < 2) return 1;
    int cls = pl_abbrev_class((const char *)p + ws, wn);
    if (cls == PL_ABBR_NONE) {
        if (wn == 2 && is_upper(p[ws])) cls = PL_ABBR_OTHER;   /* initial */
        else {
            /* dotted acronym: L.L. / L.L.L. */
            int acro = 1;
            for (size_t k = ws; k <= i; k += 2)
                if (!(pl_isalpha(p[k]) && k + 1 <= i && p[k + 1] == '.')) { acro = 0; break; }
            if (acro && wn >= 4 && (wn % 2) == 0) cls = PL_ABBR_OTHER;
        }
    }
    unsigned char nc = p[j];
    switch (cls) {
    case PL_ABBR_TITLE: return is_opening(p + j, len - j);
    case PL_ABBR_NUMBER: return !pl_isdigit(nc);
    case PL_ABBR_OTHER: return is_opening(p + j, len - j) || starter_at(p + j, len - j);
    default: return 1;
    }
}

/* Appends sentence [s, e) trimmed; returns the new count. */
static size_t emit(const unsigned char *p, size_t s, size_t e, parley_span *out, size_t max,
                   size_t count)
{
    while (s < e && is_space(p[s])) s++;
    while (e > s && is_space(p[e - 1])) e--;
    if (s >= e) return count;
    if (count < max) {
        out[count].start = s;
        out[count].end = e;
    }
    return count + 1;
}

/* Does the line [ls, le) read as a headline (no final punctuation, short)? */
static int headline_line(const unsigned char *p, size_t ls, size_t le)
{
    while (le > ls && is_space(p[le - 1])) le--;
    if (le == ls || le - ls > 120) return 0;
    unsigned char c = p[le - 1];
    if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || c == '-' ||
        c == '"' || c == '\'')
        return 0;
    if (le - ls >= 3 && p[le - 3] == 0xE2 && p[le - 2] == 0x80) return 0;   /* quotes, … , — */
    return 1;
}

size_t parley_split_sentences(const char *text, size_t len, parley_span *out, size_t max)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t count = 0, start = 0, line_start = 0, i = 0;
    if (!text) return 0;
    const uint64_t one = 0x0101010101010101ULL, hi = 0x8080808080808080ULL,
                   lo7 = 0x7F7F7F7F7F7F7F7FULL;
    while (i < len) {
        unsigned char k = kind[p[i]];
        if (!k) {
            /* skip 16 (SSE2) or 8 bytes at a time while none of ".!?\n" or
             * 0xE2 occurs (exact per-byte equality tests) */
#ifdef __SSE2__
            const __m128i c1 = _mm_set1_epi8('.'), c2 = _mm_set1_epi8('!'),
                          c3 = _mm_set1_epi8('?'), c4 = _mm_set1_epi8('\n'),
                          c5 = _mm_set1_epi8((char)0xE2);
            while (i + 16 <= len) {
                __m128i x = _mm_loadu_si128((const __m128i *)(p + i));
                __m128i m = _mm_or_si128(
                    _mm_or_si128(_mm_cmpeq_epi8(x, c1), _mm_cmpeq_epi8(x, c2)),
                    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, c3), _mm_cmpeq_epi8(x, c4)),
                                 _mm_cmpeq_epi8(x, c5)));
                int bits = _mm_movemask_epi8(m);
                if (bits) {
                    i += (size_t)__builtin_ctz((unsigned)bits);
                    break;
                }
                i += 16;
            }
#endif
            while (i + 8 <= len) {
                uint64_t x, t, z = 0;
                memcpy(&x, p + i, 8);
                t = x ^ ('.' * one); z |= ~(((t & lo7) + lo7) | t);
                t = x ^ ('!' * one); z |= ~(((t & lo7) + lo7) | t);
                t = x ^ ('?' * one); z |= ~(((t & lo7) + lo7) | t);
                t = x ^ ('\n' * one); z |= ~(((t & lo7) + lo7) | t);
                t = x ^ (0xE2 * one); z |= ~(((t & lo7) + lo7) | t);
                if (z & hi) break;
                i += 8;
            }
            while (i < len && !kind[p[i]]) i++;
            continue;
        }
        if (k == 2) {
            size_t j = i + 1;
            int blank = 0;
            while (j < len && is_space(p[j])) {
                if (p[j] == '\n') blank = 1;
                j++;
            }
            size_t ss = start;
            while (ss < i && is_space(p[ss])) ss++;
            if (blank || (j < len && ss >= line_start && headline_line(p, line_start, i) &&
                          (is_upper(p[j]) || pl_isdigit(p[j]) || is_opening(p + j, len - j)))) {
                count = emit(p, start, i, out, max, count);
                start = j;
            }
            line_start = j;
            i = j;
            continue;
        }
        if (k == 3 && !is_ellipsis(p + i, len - i)) { i++; continue; }
        /* a run of terminal punctuation */
        size_t e = i;
        int dots = 0, other = 0;
        while (e < len) {
            if (p[e] == '.') { dots++; e++; }
            else if (p[e] == '!' || p[e] == '?') { other++; e++; }
            else if (is_ellipsis(p + e, len - e)) { other++; e += 3; }
            else break;
        }
        size_t closers = 0, cl;
        while (e < len && (cl = closing_len(p + e, len - e)) != 0) { e += cl; closers++; }
        if (e >= len) break;
        if (!is_space(p[e])) { i = e; continue; }   /* 3.5, U.S.-led, site.com */
        size_t j = e;
        int blank = 0;
        while (j < len && is_space(p[j])) {
            if (p[j] == '\n') blank = 1;
            j++;
        }
        if (j >= len) break;
        int split;
        if (blank) split = 1;
        else if (is_lower(p[j])) split = 0;
        else if (!(is_upper(p[j]) || pl_isdigit(p[j]) || p[j] >= 0x80 || is_opening(p + j, len - j)))
            split = 0;
        else if (other || dots > 1 || closers) split = 1;
        else split = period_ends(p, len, i, j);
        if (split) {
            count = emit(p, start, e, out, max, count);
            start = j;
        }
        /* line breaks inside the skipped space start a new line */
        for (size_t q = e; q < j; q++)
            if (p[q] == '\n') line_start = q + 1;
        i = j;
    }
    return emit(p, start, len, out, max, count);
}
