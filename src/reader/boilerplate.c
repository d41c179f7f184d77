/* boilerplate.c — recognises navigation and widget lines ("crumbs") in page
 * text.  The rules live in data/reader/boilerplate.txt (see its header);
 * they are compiled once into sorted tables shared read-only by threads.
 * A few shape rules are built in: lines without any letter ("* * *", "|"),
 * and breadcrumb trails ("Home > World > Europe", "News | Politics | Asia"). */
#include "reader/reader.h"

#include "embedded.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_BYTES 320     /* longer lines are never crumbs */
#define SHORT_WORDS 12         /* prefix/contains rules: short lines only */
#define FOOTER_WORDS 40        /* footer rules: legal notices run longer */

typedef struct rule {
    char *text;
    size_t n;
    int kind;                  /* 'e' exact, 'p' prefix, 'c' contains, 'f' footer */
} rule;

static rule *rules;
static size_t n_rules;
static size_t max_prefix;      /* longest prefix/footer rule */
/* rules other than "contains" grouped by first byte: by_first[first[c] ..
 * first[c + 1]) are the indexes of the rules whose text starts with c */
static size_t *by_first, first_at[257];
static size_t *contains, n_contains;
static unsigned char contains_first[256];   /* first bytes of "contains" rules */
static pthread_once_t rules_once = PTHREAD_ONCE_INIT;

/* Lower-cases, collapses spaces (incl. U+00A0), trims and drops a trailing
 * run of ":", "." and "…".  Returns the length written to out (cap bytes). */
static size_t normalize(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { i++; c = ' '; }
        if (pl_isspace(c)) { space = 1; continue; }
        if (space && o) out[o++] = ' ';
        space = 0;
        out[o++] = (char)pl_lower(c);
    }
    for (;;) {
        if (o && (out[o - 1] == ':' || out[o - 1] == '.' || out[o - 1] == ' ')) o--;
        else if (o >= 3 && (unsigned char)out[o - 3] == 0xE2 && (unsigned char)out[o - 2] == 0x80 &&
                 (unsigned char)out[o - 1] == 0xA6)
            o -= 3;
        else break;
    }
    out[o] = 0;
    return o;
}

static void rules_load(void)
{
    size_t len = 0, cap = 0;
    const char *d = pl_data_file("reader/boilerplate.txt", &len);
    if (!d) return;
    const char *p = d, *end = d + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        while (p < le && (*p == ' ' || *p == '\t')) p++;
        if (p < le && *p != '#') {
            const char *k = p;
            while (p < le && *p != ' ' && *p != '\t') p++;
            size_t kn = (size_t)(p - k);
            int kind = 0;
            if (kn == 5 && !memcmp(k, "exact", 5)) kind = 'e';
            else if (kn == 6 && !memcmp(k, "prefix", 6)) kind = 'p';
            else if (kn == 8 && !memcmp(k, "contains", 8)) kind = 'c';
            else if (kn == 6 && !memcmp(k, "footer", 6)) kind = 'f';
            char buf[LINE_MAX_BYTES];
            size_t n = normalize(p, (size_t)(le - p), buf, sizeof buf);
            /* prefix rules keep a trailing ":" or "(" that normalize() dropped */
            if (kind && n) {
                rules = pl_grow(rules, &cap, n_rules + 1, sizeof *rules);
                rules[n_rules].text = pl_xstrndup(buf, n);
                rules[n_rules].n = n;
                rules[n_rules].kind = kind;
                n_rules++;
                if ((kind == 'p' || kind == 'f') && n > max_prefix) max_prefix = n;
            }
        }
        p = le + 1;
    }
    by_first = pl_xcalloc(n_rules + 1, sizeof *by_first);
    contains = pl_xcalloc(n_rules + 1, sizeof *contains);
    size_t k = 0;
    for (int c = 0; c < 256; c++) {
        first_at[c] = k;
        for (size_t r = 0; r < n_rules; r++)
            if (rules[r].kind != 'c' && (unsigned char)rules[r].text[0] == c) by_first[k++] = r;
    }
    first_at[256] = k;
    for (size_t r = 0; r < n_rules; r++)
        if (rules[r].kind == 'c') {
            contains[n_contains++] = r;
            contains_first[(unsigned char)rules[r].text[0]] = 1;
        }
}

/* Breadcrumb trail: two or more " > ", " | ", " » ", " / " separators and
 * no final punctuation. */
static int breadcrumb(const char *s, size_t n)
{
    int seps = 0;
    for (size_t i = 1; i + 2 < n; i++) {
        if (s[i - 1] != ' ') continue;
        if ((s[i] == '>' || s[i] == '|' || s[i] == '/') && s[i + 1] == ' ') seps++;
        else if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xBB && i + 2 < n &&
                 s[i + 2] == ' ')
            seps++;
    }
    char last = s[n - 1];
    return seps >= 2 && last != '.' && last != '?' && last != '!' && last != '"';
}

static int classify(const char *s, size_t n, int words);

int pl_boilerplate_line(const char *s, size_t n) { return classify(s, n, -1); }

int pl_boilerplate_line_words(const char *s, size_t n, int words) { return classify(s, n, words); }

static int classify(const char *s, size_t n, int words)
{
    if (n == 0) return PL_BP_NONE;
    if (n > LINE_MAX_BYTES) return PL_BP_NONE;   /* prose is never a crumb */
    int letters = 0;
    for (size_t i = 0; i < n && !letters; i++) {
        unsigned char c = (unsigned char)s[i];
        letters = pl_isalpha(c) || (c >= 0xC3 && c != 0xE2);
    }
    /* digits alone ("2", "12,345") may be a count widget; dates have letters
     * or are digits with separators, which the date rules see first */
    if (!letters) return PL_BP_CRUMB;
    if (words < 0) words = pl_count_words(s, n);
    if (words > FOOTER_WORDS) return PL_BP_NONE;
    pthread_once(&rules_once, rules_load);
    int is_short = words <= SHORT_WORDS, found = PL_BP_NONE;
    if (!is_short) {
        /* only footer rules apply: compare them with the raw line */
        unsigned char r0 = (unsigned char)pl_lower((unsigned char)s[0]);
        for (size_t q = first_at[r0]; q < first_at[r0 + 1]; q++) {
            const rule *ru = &rules[by_first[q]];
            if (ru->kind != 'f') continue;
            size_t i = 0, k = 0;
            while (k < ru->n && i < n) {
                unsigned char c = (unsigned char)s[i];
                if (pl_isspace(c)) {
                    if (ru->text[k] != ' ') break;
                    while (i < n && pl_isspace((unsigned char)s[i])) i++;
                    k++;
                    continue;
                }
                if ((unsigned char)pl_lower(c) != (unsigned char)ru->text[k]) break;
                i++;
                k++;
            }
            if (k == ru->n && (i == n || !pl_isalpha((unsigned char)s[i]) ||
                               !pl_isalpha((unsigned char)ru->text[ru->n - 1])))
                return PL_BP_FOOTER;
        }
        return PL_BP_NONE;
    }
    char buf[LINE_MAX_BYTES + 8];
    size_t m = normalize(s, n, buf, sizeof buf);
    if (!m) return PL_BP_CRUMB;
    /* a footer rule wins over a crumb rule (it also drops what follows) */
    unsigned char c0 = (unsigned char)buf[0];
    for (size_t q = first_at[c0]; q < first_at[c0 + 1]; q++) {
        const rule *ru = &rules[by_first[q]];
        if (ru->kind == 'e') {
            if (ru->n == m && !memcmp(ru->text, buf, m)) found = PL_BP_CRUMB;
            continue;
        }
        /* prefix and footer rules: the rule then a non-letter (unless the
         * rule itself ends in one, as "follow @") */
        if (m >= ru->n &&
            !memcmp(ru->text, buf, ru->n) &&
            (m == ru->n || !pl_isalpha((unsigned char)buf[ru->n]) ||
             !pl_isalpha((unsigned char)ru->text[ru->n - 1]))) {
            if (ru->kind == 'f') return PL_BP_FOOTER;
            found = PL_BP_CRUMB;
        }
    }
    /* "contains" rules match at the start of a word: one pass over the
     * words, comparing only those whose first byte starts some rule */
    for (size_t i = 0; !found && n_contains && i < m; i++) {
        if ((i > 0 && buf[i - 1] != ' ') || !contains_first[(unsigned char)buf[i]]) continue;
        for (size_t q = 0; q < n_contains; q++) {
            const rule *ru = &rules[contains[q]];
            if (ru->text[0] == buf[i] && m - i >= ru->n && !memcmp(buf + i, ru->text, ru->n)) {
                found = PL_BP_CRUMB;
                break;
            }
        }
    }
    if (!found && breadcrumb(buf, m)) found = PL_BP_CRUMB;
    return found;
}
