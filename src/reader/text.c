/* text.c — plain-text page dumps: one article per file.
 *
 * A page dump is the text of a web page: a site banner, a page date, the
 * headline (often twice), the story's dateline and byline, the story, and
 * widget crumbs around it.  pl_text_extract() finds these parts with
 * general rules (docs/reader.md):
 *
 *  1. Lines are classified: crumb or footer (boilerplate rules), date line
 *     (a date with at most a label and two other words), byline ("By ..."),
 *     or text.
 *  2. The body starts at the first text line that reads like prose (12+
 *     words, or 5+ words ending a sentence, or a news dateline such as
 *     "WASHINGTON (Reuters) -"); the first short text line is the headline
 *     even when long, if a date, byline or its own repetition follows it.
 *  3. Header text lines before the body: a first short banner-like line
 *     (a domain such as "Azernews.Az", or a short line followed by other
 *     header lines) is the source; the next one is the headline.  Repeated
 *     headlines are kept once.
 *  4. The story date is the date nearest the story: a labelled "Published"
 *     date, else the first date after the headline, else a timed date above
 *     it, else the dateline of the first paragraph.  A date without time
 *     right under the banner (or with a weekday) above the headline is the
 *     page date (crawled), never the story date.
 *  5. Body lines: crumbs dropped, a footer ends the story, a trailing run of
 *     short lines without final punctuation (widgets) is dropped; lines of a
 *     block are joined when hard-wrapped. */
#include "reader/reader.h"

#include "utf8.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum { L_BLANK, L_TEXT, L_DATE, L_BYLINE, L_CRUMB, L_FOOTER };
#define MAX_HEADER 16              /* text lines before the story, at most */
enum { LBL_NONE, LBL_PUBLISHED, LBL_MODIFIED };

typedef struct tline {
    const char *s;
    size_t n;
    int kind;
    int words;
    int term;            /* ends with sentence punctuation */
    int dup;             /* repeats an earlier header line */
    int label;           /* date lines: LBL_* */
    int weekday;         /* date line starts with a weekday */
    parley_datetime dt;
} tline;

/* ---- small text helpers ------------------------------------------------ */

/* Words in a line; the rules only compare counts up to 40, so a long line
 * that has more than that in its first 512 bytes is not counted further. */
static int count_words(const char *s, size_t n)
{
    if (n > 512) {
        int w = pl_count_words(s, 512);
        if (w > 40) return w;
    }
    return pl_count_words(s, n);
}

/* Does the text end a sentence ("." "!" "?" "…", maybe followed by quotes)? */
static int ends_sentence(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    while (n) {
        if (p[n - 1] == '"' || p[n - 1] == '\'' || p[n - 1] == ')') { n--; continue; }
        if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 && (p[n - 1] == 0x9D || p[n - 1] == 0x99)) {
            n -= 3;
            continue;
        }
        break;
    }
    if (!n) return 0;
    unsigned char c = p[n - 1];
    if (c == '.' || c == '!' || c == '?') return 1;
    return n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 && c == 0xA6;
}

/* Compares two lines ignoring ASCII case, spacing and final punctuation. */
static int same_text(const char *a, size_t an, const char *b, size_t bn)
{
    while (an && (a[an - 1] == '.' || a[an - 1] == ' ')) an--;
    while (bn && (b[bn - 1] == '.' || b[bn - 1] == ' ')) bn--;
    size_t i = 0, j = 0;
    while (i < an && j < bn) {
        int sa = pl_isspace((unsigned char)a[i]), sb = pl_isspace((unsigned char)b[j]);
        if (sa && sb) {
            while (i < an && pl_isspace((unsigned char)a[i])) i++;
            while (j < bn && pl_isspace((unsigned char)b[j])) j++;
            continue;
        }
        if (pl_lower((unsigned char)a[i]) != pl_lower((unsigned char)b[j])) return 0;
        i++;
        j++;
    }
    return i == an && j == bn;
}

/* Length of the lower-case literal lit when s starts with it (ignoring
 * ASCII case), else 0. */
static size_t starts_with_ci(const char *s, size_t n, const char *lit)
{
    size_t i = 0;
    for (; lit[i]; i++)
        if (i >= n || pl_lower((unsigned char)s[i]) != lit[i]) return 0;
    return i;
}

/* 1 when w[0..n) is exactly lit. */
static int lit_eq(const char *lit, const char *w, size_t n)
{
    return !strncmp(lit, w, n) && lit[n] == 0;
}

/* A domain-like single token: "Azernews.Az", "www.example.com". */
static int domain_like(const char *s, size_t n)
{
    if (n < 4 || n > 64) return 0;
    size_t dot = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.') dot = i;
        else if (!pl_isalnum(c) && c != '-') return 0;
    }
    if (!dot) return 0;
    size_t tld = n - dot - 1;
    if (tld < 2 || tld > 6) return 0;
    for (size_t i = dot + 1; i < n; i++)
        if (!pl_isalpha((unsigned char)s[i])) return 0;
    return 1;
}

/* ---- date lines -------------------------------------------------------- */

static const struct { const char *text; int label; } date_labels[] = {
    {"first published", LBL_PUBLISHED}, {"published", LBL_PUBLISHED},
    {"posted", LBL_PUBLISHED}, {"date", LBL_PUBLISHED}, {"released", LBL_PUBLISHED},
    {"last updated", LBL_MODIFIED}, {"last modified", LBL_MODIFIED},
    {"updated", LBL_MODIFIED}, {"modified", LBL_MODIFIED}, {"edited", LBL_MODIFIED},
};

/* Words that may surround a date on its line without making it text. */
static int filler_words(const char *s, size_t n)
{
    int w = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int part = pl_isalnum(c) || c >= 0x80;
        if (!part) in = 0;
        else if (!in) { in = 1; w++; }
    }
    return w;
}

static int weekday_prefix(const char *s, size_t n)
{
    static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    if (n < 3) return 0;
    for (size_t i = 0; i < 7; i++)
        if (pl_strncaseeq(s, days[i], 3) && (n == 3 || !pl_isdigit((unsigned char)s[3])))
            return 1;
    return 0;
}

/* Is the line a date (with an optional label)?  Fills l->dt/label. */
static int date_line(tline *l)
{
    const char *s = l->s;
    size_t n = l->n;
    if (n > 120 || l->words > 14) return 0;
    int label = LBL_NONE;
    for (size_t i = 0; i < PL_COUNT(date_labels); i++) {
        size_t k = starts_with_ci(s, n, date_labels[i].text);
        if (k) {
            if (k < n && pl_isalpha((unsigned char)s[k])) continue;
            label = date_labels[i].label;
            s += k;
            n -= k;
            while (n && (*s == ':' || *s == ' ' || *s == '\t')) { s++; n--; }
            if (starts_with_ci(s, n, "on ")) { s += 3; n -= 3; }
            break;
        }
    }
    parley_datetime dt;
    size_t ds, de;
    if (!pl_date_find(s, n, &dt, &ds, &de)) return 0;
    if (filler_words(s, ds) + filler_words(s + de, n - de) > 2) return 0;
    l->dt = dt;
    l->label = label;
    l->weekday = ds == 0 ? weekday_prefix(s, n) : 0;
    return 1;
}

/* ---- bylines ----------------------------------------------------------- */

static const char *const byline_prefixes[] = {"written by ", "by ", "author: ", "authors: ",
                                              "author ", "reporter: "};

static const char *const not_name_words[] = {
    "Staff", "Writer", "Writers", "Correspondent", "Reporter", "Editor", "Editors", "Press",
    "News", "Agency", "Reuters", "AFP", "AP", "Bureau", "Service", "Desk", "Times", "Post",
    "Online", "Contributor", "Analyst", "Chief", "Senior", "Special", "Team", "Agencies",
    "Report", "Wire", "Wires", "Newsroom", "Daily", "Television", "Radio", "Tass", "TASS",
    "Xinhua", "Trend", "APA", "Interfax", "Associated", "Network"};

static int particle(const char *w, size_t n)
{
    static const char *const ps[] = {"de", "van", "von", "al", "bin", "el", "da", "di", "du",
                                     "le", "la", "ibn", "der", "den", "dos", "das", "del", "y"};
    for (size_t i = 0; i < PL_COUNT(ps); i++)
        if (lit_eq(ps[i], w, n)) return 1;
    return 0;
}

/* 1 name, 2 agency/role, 0 neither. */
static int name_piece(const char *s, size_t n)
{
    int tokens = 0, bad = 0, role = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        size_t b = i;
        while (i < n && s[i] != ' ') i++;
        const char *w = s + b;
        size_t wn = i - b;
        tokens++;
        for (size_t k = 0; k < PL_COUNT(not_name_words); k++)
            if (not_name_words[k][0] == w[0] && lit_eq(not_name_words[k], w, wn)) role = 1;
        unsigned char c = (unsigned char)w[0];
        if (!(c >= 'A' && c <= 'Z') && c < 0xC3 && !particle(w, wn)) bad = 1;
        for (size_t k = 0; k < wn; k++) {
            unsigned char ch = (unsigned char)w[k];
            if (pl_isdigit(ch) || ch == '@' || ch == '/' || ch == ':') bad = 1;
        }
    }
    if (role && tokens) return 2;
    if (bad || tokens < 2 || tokens > 5) return 0;
    return 1;
}

/* Adds a name, title-casing ALL-CAPS names. */
static void add_name(pl_article *a, const char *s, size_t n)
{
    int lower = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z') lower = 1;
    if (lower) {
        pl_article_add_author(a, s, n);
        return;
    }
    char tmp[256];
    if (n >= sizeof tmp) n = sizeof tmp - 1;
    int start = 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        tmp[i] = start ? c : (char)pl_lower((unsigned char)c);
        start = c == ' ' || c == '-' || c == '\'' || c == '.';
    }
    pl_article_add_author(a, tmp, n);
}

/* Parses a byline; returns 1 when it is one.  May set a date (*dt). */
static int parse_byline(const char *s, size_t n, int apply, pl_article *a, parley_datetime *dt,
                        int *has_dt)
{
    if (n > 200) return 0;
    size_t k = 0;
    for (size_t i = 0; i < PL_COUNT(byline_prefixes) && !k; i++)
        k = starts_with_ci(s, n, byline_prefixes[i]);
    if (!k) return 0;
    s += k;
    n -= k;
    while (n && *s == ' ') { s++; n--; }
    if (!n || !((*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 0xC3)) return 0;
    /* a date in the byline ends the names */
    parley_datetime d;
    size_t ds, de;
    if (pl_date_find(s, n, &d, &ds, &de)) {
        if (has_dt) { *dt = d; *has_dt = 1; }
        n = ds;
    }
    /* cut at " | ", " - ", " — " */
    for (size_t i = 0; i + 2 < n; i++) {
        if (s[i] == ' ' && (s[i + 1] == '|' || s[i + 1] == '-') && s[i + 2] == ' ') { n = i; break; }
        if (s[i] == ' ' && i + 4 < n && (unsigned char)s[i + 1] == 0xE2 &&
            (unsigned char)s[i + 2] == 0x80 && (unsigned char)s[i + 3] == 0x94) { n = i; break; }
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '|' || s[n - 1] == '-')) n--;
    if (!n || count_words(s, n) > 14) return 0;
    /* split into pieces on ",", ";", " and ", " & " */
    int names = 0;
    size_t i = 0;
    while (i < n) {
        size_t b = i, e = i;
        while (e < n && s[e] != ',' && s[e] != ';') {
            if (s[e] == ' ' && ((e + 5 <= n && !memcmp(s + e, " and ", 5)) ||
                                (e + 3 <= n && !memcmp(s + e, " & ", 3))))
                break;
            e++;
        }
        size_t next = e;
        if (e < n && (s[e] == ',' || s[e] == ';')) next = e + 1;
        else if (e < n && !memcmp(s + e, " and ", 5)) next = e + 5;
        else if (e < n) next = e + 3;
        while (b < e && s[b] == ' ') b++;
        size_t pe = e;
        while (pe > b && s[pe - 1] == ' ') pe--;
        /* "Name in Moscow" */
        for (size_t q = b; q + 4 < pe; q++)
            if (!memcmp(s + q, " in ", 4) && s[q + 4] >= 'A' && s[q + 4] <= 'Z') { pe = q; break; }
        if (pe > b) {
            int kind = name_piece(s + b, pe - b);
            if (kind == 1) {
                names++;
                if (apply) add_name(a, s + b, pe - b);
            } else if (kind == 2) {
                if (apply && !*a->pub.source) a->pub.source = pl_article_strn(a, s + b, pe - b);
            } else if (!names) {
                return 0;
            }
        }
        i = next;
    }
    return names > 0;
}

/* ---- source names ------------------------------------------------------ */

/* Second-level labels under a country domain: bbc.co.uk, abc.net.au. */
static int second_level(const char *s, size_t n)
{
    static const char *const sl[] = {"co", "com", "org", "net", "gov", "ac", "edu", "news"};
    for (size_t i = 0; i < PL_COUNT(sl); i++)
        if (lit_eq(sl[i], s, n)) return 1;
    return 0;
}

/* The site name from a banner: "Azernews.Az" -> "Azernews",
 * "www.bbc.co.uk" -> "BBC", "edition.example.com" -> "Example", "Balkan
 * Wire" as is; a tagline after " | " or " - " is dropped. */
static void set_source(pl_article *a, const char *s, size_t n)
{
    for (size_t i = 0; i + 2 < n; i++)
        if (s[i] == ' ' && (s[i + 1] == '|' || s[i + 1] == '-') && s[i + 2] == ' ') { n = i; break; }
    int domain = domain_like(s, n);
    if (domain) {
        /* labels: drop the top level, then a second level such as "co",
         * and keep the last remaining label (the registered name) */
        size_t end = n;
        while (end > 0 && s[end - 1] != '.') end--;
        end--;                                   /* before the last dot */
        size_t start = end;
        while (start > 0 && s[start - 1] != '.') start--;
        if (start > 0 && second_level(s + start, end - start)) {
            end = start - 1;
            start = end;
            while (start > 0 && s[start - 1] != '.') start--;
        }
        s += start;
        n = end - start;
    }
    if (!n) return;
    char tmp[128];
    if (n >= sizeof tmp) n = sizeof tmp - 1;
    memcpy(tmp, s, n);
    int upper = 0;
    for (size_t i = 0; i < n; i++)
        if (tmp[i] >= 'A' && tmp[i] <= 'Z') upper = 1;
    if (!upper) {
        /* a lower-case domain name: short ones are acronyms (bbc, dw) */
        if (domain && n <= 4)
            for (size_t i = 0; i < n; i++) tmp[i] = (char)pl_upper((unsigned char)tmp[i]);
        else
            tmp[0] = (char)pl_upper((unsigned char)tmp[0]);
    }
    a->pub.source = pl_article_strn(a, tmp, n);
}

/* "Headline | Site" or "Headline - site.com": strips the site part. */
static size_t strip_site_suffix(pl_article *a, const char *s, size_t n)
{
    for (size_t i = n; i > 3; i--) {
        size_t j = i - 3;
        if (s[j] != ' ' || s[j + 2] != ' ' || (s[j + 1] != '|' && s[j + 1] != '-')) continue;
        const char *t = s + j + 3;
        size_t tn = n - j - 3;
        int is_site = domain_like(t, tn) || (*a->pub.source && same_text(t, tn, a->pub.source,
                                                                          strlen(a->pub.source)));
        if (!is_site && s[j + 1] == '|' && count_words(t, tn) <= 3) is_site = 1;
        if (is_site) {
            if (!*a->pub.source) set_source(a, t, tn);
            return j;
        }
        break;
    }
    return n;
}

/* ---- extraction -------------------------------------------------------- */

/* Are lines a and b (consecutive, same block) one hard-wrapped paragraph? */
static int joins(const tline *a, const tline *b)
{
    if (a->term || b->kind != L_TEXT || !b->n) return 0;
    unsigned char c0 = (unsigned char)b->s[0];
    return (c0 >= 'a' && c0 <= 'z') || a->n >= 60;
}

/* Prose test on the paragraph that starts at line i (hard-wrapped lines
 * joined). */
static int body_like(const tline *L, size_t i, size_t m)
{
    if (L[i].n > 400) return 1;   /* no headline or banner is that long */
    int words = L[i].words, term = L[i].term;
    for (size_t k = i; k + 1 < m && k < i + 200 && joins(&L[k], &L[k + 1]); k++) {
        words += L[k + 1].words;
        term = L[k + 1].term;
    }
    return words >= 12 || (term && words >= 5);
}

static int all_caps(const char *s, size_t n)
{
    int upper = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z') return 0;
        if (s[i] >= 'A' && s[i] <= 'Z') upper = 1;
    }
    return upper;
}

static int dt_richer(const parley_datetime *a, const parley_datetime *b)
{
    return a->has_time + a->has_zone > b->has_time + b->has_zone;
}

/* Infers the year of a dateline "Nov. 20" from a reference date. */
static void infer_year(parley_datetime *d, const parley_datetime *ref)
{
    if (!ref->year) return;
    d->year = ref->year;
    if (d->month > ref->month || (d->month == ref->month && d->day > ref->day + 1)) d->year--;
}

void pl_text_extract(const char *text, size_t n, pl_article *a)
{
    /* lines */
    /* one pass: the line array starts with a guess and doubles when full */
    size_t nl = n / 48 + 16;
    tline *L = pl_arena_alloc(&a->arena, nl * sizeof *L);
    size_t m = 0;
    for (size_t i = 0; i <= n;) {
        const char *e = memchr(text + i, '\n', n - i);
        size_t j = e ? (size_t)(e - text) : n;
        if (m == nl) {
            tline *bigger = pl_arena_alloc(&a->arena, 2 * nl * sizeof *L);
            memcpy(bigger, L, nl * sizeof *L);
            L = bigger;
            nl *= 2;
        }
        /* trim white space and U+00A0 (C2 A0) at both ends */
        const unsigned char *u = (const unsigned char *)text;
        size_t b = i, f = j;
        for (;;) {
            if (b < f && pl_isspace(u[b])) b++;
            else if (b + 1 < f && u[b] == 0xC2 && u[b + 1] == 0xA0) b += 2;
            else break;
        }
        for (;;) {
            if (f > b && pl_isspace(u[f - 1])) f--;
            else if (f >= b + 2 && u[f - 2] == 0xC2 && u[f - 1] == 0xA0) f -= 2;
            else break;
        }
        tline *l = &L[m++];
        memset(l, 0, sizeof *l);
        l->s = text + b;
        l->n = f - b;
        l->kind = l->n ? L_TEXT : L_BLANK;
        if (!e) break;
        i = j + 1;
    }

    /* 1. classify */
    for (size_t i = 0; i < m; i++) {
        tline *l = &L[i];
        if (l->kind == L_BLANK) continue;
        l->words = count_words(l->s, l->n);
        l->term = ends_sentence(l->s, l->n);
        if (l->words <= 14 && date_line(l)) { l->kind = L_DATE; continue; }
        int bp = l->words <= 40 ? pl_boilerplate_line_words(l->s, l->n, l->words) : PL_BP_NONE;
        if (bp) { l->kind = bp == PL_BP_FOOTER ? L_FOOTER : L_CRUMB; continue; }
        if (l->words <= 16 && parse_byline(l->s, l->n, 0, a, NULL, NULL)) l->kind = L_BYLINE;
    }

    /* 2. where does the story start? */
    size_t body = m;
    long first_text = -1;
    int header_texts = 0;
    size_t seen[MAX_HEADER];          /* header text lines so far */
    for (size_t i = 0; i < m; i++) {
        tline *l = &L[i];
        if (l->kind != L_TEXT) continue;
        int dup = 0;
        for (int k = 0; k < header_texts && !dup; k++)
            dup = same_text(L[seen[k]].s, L[seen[k]].n, l->s, l->n);
        if (dup) { l->dup = 1; continue; }
        if (header_texts == MAX_HEADER) { body = i; break; }   /* no prose: a list page */
        pl_dateline dl;
        if (pl_dateline_scan(l->s, l->n, &dl)) { body = i; break; }
        if (first_text >= 0 || header_texts > 0) {
            /* a header line must be short and unpunctuated */
            if (body_like(L, i, m)) { body = i; break; }
        } else if (body_like(L, i, m)) {
            /* the first text line: a headline if header parts follow it */
            int header_follows = 0;
            if (l->words <= 30 && !(l->term && l->words > 20)) {
                for (size_t k = i + 1; k < m && k < i + 8; k++) {
                    int kk = L[k].kind;
                    if (kk == L_BLANK || kk == L_CRUMB) continue;
                    if (kk == L_DATE || kk == L_BYLINE ||
                        (kk == L_TEXT && same_text(L[k].s, L[k].n, l->s, l->n)))
                        header_follows = 1;
                    break;
                }
            }
            if (!header_follows) { body = i; break; }
        }
        if (first_text < 0) first_text = (long)i;
        seen[header_texts++] = i;
    }

    /* 3. source and headline from the header text lines */
    long hdr[8];
    int nh = 0;
    for (size_t i = 0; i < body && nh < 8; i++)
        if (L[i].kind == L_TEXT && !L[i].dup) hdr[nh++] = (long)i;
    long headline = -1, banner = -1;
    int preset_headline = *a->pub.headline != 0;
    if (nh >= 1) {
        const tline *f = &L[hdr[0]];
        int f_dup = 0;
        for (size_t k = (size_t)hdr[0] + 1; k < body; k++)
            if (L[k].dup && same_text(L[k].s, L[k].n, f->s, f->n)) f_dup = 1;
        size_t fn = f->n;   /* "Site.Com | tagline": the site part */
        for (size_t i = 0; i + 2 < f->n; i++)
            if (f->s[i] == ' ' && (f->s[i + 1] == '|' || f->s[i + 1] == '-') && f->s[i + 2] == ' ') {
                fn = i;
                break;
            }
        int bannerish = domain_like(f->s, fn) ||
                        (nh >= 2 && !f_dup && f->words <= 5 && !f->term);
        if (bannerish) {
            banner = hdr[0];
            if (nh >= 2) headline = hdr[1];
        } else {
            headline = hdr[0];
        }
    }
    if (banner >= 0 && !*a->pub.source) set_source(a, L[banner].s, L[banner].n);
    if (headline >= 0 && !preset_headline) {
        size_t hn = strip_site_suffix(a, L[headline].s, L[headline].n);
        pl_buf tmp;
        pl_buf_init(&tmp);
        pl_normalize_space(L[headline].s, hn, &tmp);
        /* a headline in capitals over two lines */
        size_t h2 = (size_t)headline + 1;
        if (h2 < body && L[h2].kind == L_TEXT && !L[h2].dup &&
            all_caps(L[headline].s, L[headline].n) && all_caps(L[h2].s, L[h2].n)) {
            pl_buf_putc(&tmp, ' ');
            pl_normalize_space(L[h2].s, L[h2].n, &tmp);
        }
        a->pub.headline = pl_article_strn(a, tmp.data, tmp.len);
        pl_buf_free(&tmp);
    }
    const char *hl = a->pub.headline;
    size_t hln = strlen(hl);

    /* 4. dates and byline in the header */
    parley_datetime pub = {0}, crawl = {0}, mod = {0};
    int pub_rank = 0;
    long last_td = -1;                /* last text or date line seen */
    for (size_t i = 0; i < body; i++) {
        tline *l = &L[i];
        if (i > 0 && (L[i - 1].kind == L_TEXT || L[i - 1].kind == L_DATE)) last_td = (long)i - 1;
        if (l->kind == L_BYLINE) {
            parley_datetime d;
            int has = 0;
            parse_byline(l->s, l->n, a->n_authors == 0, a, &d, &has);
            if (has && pub_rank < 2) { pub = d; pub_rank = 2; }
            continue;
        }
        if (l->kind != L_DATE) continue;
        if (l->label == LBL_MODIFIED) { if (!mod.year) mod = l->dt; continue; }
        if (l->label == LBL_PUBLISHED) { if (pub_rank < 3) { pub = l->dt; pub_rank = 3; } continue; }
        int after_headline = headline >= 0 && (long)i > headline;
        if (after_headline) {
            if (pub_rank < 2) { pub = l->dt; pub_rank = 2; }
            continue;
        }
        /* above the headline: the page date unless it has a time */
        int under_banner = banner >= 0 && last_td == banner;
        if (!l->dt.has_time && (under_banner || l->weekday || headline < 0)) {
            if (!crawl.year) crawl = l->dt;
        } else if (pub_rank < 1) {
            pub = l->dt;
            pub_rank = 1;
        }
    }

    /* 5. the body */
    size_t end = m;
    for (size_t i = body; i < m; i++)
        if (L[i].kind == L_FOOTER) { end = i; break; }
    /* trailing widgets: short unpunctuated lines after the last prose line */
    size_t last = body;
    for (size_t i = body; i < end; i++)
        if (L[i].kind == L_TEXT && (L[i].words >= 5 || L[i].term || L[i].n > 200)) last = i + 1;
    if (last < end) end = last;

    /* a paragraph of one line is used in place; lines of a hard-wrapped
     * paragraph are joined in para */
    pl_buf para;
    pl_buf_init(&para);
    int first_para = 1;
    const tline *prev = NULL, *single = NULL;
    for (size_t i = body; i <= end; i++) {
        const tline *l = i < end ? &L[i] : NULL;
        int flush = !l || l->kind == L_BLANK;
        if (l && l->kind == L_TEXT && prev) {
            /* same block: join a hard-wrapped line, else a new paragraph */
            if (!joins(prev, l)) flush = 1;
        }
        if (flush && (single || para.len)) {
            const char *ps = single ? single->s : para.data;
            size_t pn = single ? single->n : para.len;
            if (first_para) {
                pl_dateline dl;
                if (pl_dateline_scan(ps, pn, &dl)) {
                    if (dl.agency && !*a->pub.source)
                        a->pub.source = pl_article_strn(a, dl.agency, dl.agency_len);
                    if (dl.date.month && pub_rank < 1) {
                        parley_datetime d = dl.date;
                        if (!d.year) infer_year(&d, crawl.year ? &crawl : &mod);
                        if (d.year) { pub = d; pub_rank = 1; }
                    }
                    ps += dl.len;
                    pn -= dl.len;
                }
            }
            if (!(hln && same_text(ps, pn, hl, hln))) {
                pl_article_add_paragraph(a, ps, pn);
                first_para = 0;
            }
            pl_buf_clear(&para);
            prev = single = NULL;
        }
        if (!l) break;
        if (l->kind == L_TEXT) {
            if (hln && pl_lower((unsigned char)l->s[0]) == pl_lower((unsigned char)hl[0]) &&
                same_text(l->s, l->n, hl, hln))
                continue;   /* repeated headline */
            if (!prev) {
                single = l;
            } else {
                if (single) {
                    pl_buf_put(&para, single->s, single->n);
                    single = NULL;
                }
                pl_buf_putc(&para, ' ');
                pl_buf_put(&para, l->s, l->n);
            }
            prev = l;
        } else if (l->kind == L_BYLINE && a->n_authors == 0) {
            parse_byline(l->s, l->n, 1, a, NULL, NULL);
        }
    }
    pl_buf_free(&para);
    /* labelled dates under the story ("Published: ...", "Updated ...") */
    for (size_t i = body; i < m; i++) {
        const tline *l = &L[i];
        if (l->kind != L_DATE) continue;
        if (l->label == LBL_MODIFIED && !mod.year) mod = l->dt;
        if (l->label == LBL_PUBLISHED && pub_rank < 1) {
            pub = l->dt;
            pub_rank = 1;
        }
    }

    /* 6. dates into the article; a preset (given) date wins unless the
     * page's is the same day with more detail */
    parley_datetime *P = &a->pub.published;
    if (!pub_rank && mod.year) {
        /* only an "Updated" date: still the story's own date, closer than none */
        pub = mod;
        pub_rank = 1;
    }
    if (pub_rank) {
        if (!P->year || (P->year == pub.year && P->month == pub.month && P->day == pub.day &&
                         dt_richer(&pub, P)))
            *P = pub;
    }
    if (!a->pub.crawled.year && crawl.year) a->pub.crawled = crawl;
    if (!a->pub.modified.year && mod.year) a->pub.modified = mod;
}

/* ---- the "text" format ------------------------------------------------- */

/* pl_utf8_is_valid() with an ASCII fast path (eight bytes at a time), that
 * also finds the first NUL byte (*nul = its offset, or n). */
static int valid_utf8(const char *s, size_t n, size_t *nul)
{
    const unsigned char *p = (const unsigned char *)s;
    const uint64_t hi = 0x8080808080808080ULL, lo7 = 0x7F7F7F7F7F7F7F7FULL;
    size_t i = 0;
    int ok = 1;
    *nul = n;
    while (i < n) {
#ifdef __SSE2__
        if (i + 16 <= n) {
            __m128i x = _mm_loadu_si128((const __m128i *)(p + i));
            if (!(_mm_movemask_epi8(x) | _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_setzero_si128())))) {
                i += 16;
                continue;
            }
        }
#endif
        if (i + 8 <= n) {
            uint64_t x;
            memcpy(&x, p + i, 8);
            uint64_t zero = ~(((x & lo7) + lo7) | x) & hi;
            if (!(x & hi) && !zero) { i += 8; continue; }
        }
        if (p[i] == 0 && *nul == n) *nul = i;
        if (p[i] < 0x80) { i++; continue; }
        size_t k = ok ? pl_utf8_valid_prefix(p + i, n - i) : 1;
        if (!k) { ok = 0; k = 1; }
        i += k;
    }
    return ok;
}


typedef struct text_state {
    pl_stream *s;
    const pl_read_ctx *ctx;
    int done;
    pl_buf own;                 /* used when ctx->scratch is NULL */
    pl_buf fixed;               /* repaired copy */
} text_state;

static int text_sniff(const char *path, const unsigned char *head, size_t n, int gzip)
{
    size_t pl = strlen(path);
    const char *ext = pl > 3 && gzip && !strcmp(path + pl - 3, ".gz") ? path + pl - 3 : path + pl;
    size_t base = (size_t)(ext - path);
    if (base >= 4 && pl_strncaseeq(path + base - 4, ".txt", 4)) return 60;
    (void)head;
    (void)n;
    return 10;
}

static void *text_open(pl_stream *s, const pl_read_ctx *ctx)
{
    text_state *st = pl_xcalloc(1, sizeof *st);
    st->s = s;
    st->ctx = ctx;
    pl_buf_init(&st->own);
    pl_buf_init(&st->fixed);
    return st;
}

static parley_status skip(text_state *st, parley_status why, long long byte, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static parley_status skip(text_state *st, parley_status why, long long byte, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pl_read_diag(st->ctx, PARLEY_ERROR, 0, byte, NULL, "%s", msg);
    if (st->ctx->skipped) (*st->ctx->skipped)++;
    return why;
}

static parley_status text_next(void *state, pl_article *a)
{
    text_state *st = state;
    if (st->done) return PARLEY_END;
    st->done = 1;
    const pl_read_ctx *ctx = st->ctx;
    pl_buf *buf = ctx->scratch ? ctx->scratch : &st->own;
    pl_buf_clear(buf);
    size_t max = ctx->max_record_bytes ? ctx->max_record_bytes : (size_t)64 << 20;
    int rc = pl_stream_slurp(st->s, buf, max);
    if (rc < 0) {
        const char *msg = NULL;
        pl_stream_error(st->s, &msg);
        return skip(st, PARLEY_ERR_IO, pl_stream_tell(st->s), "%s; file skipped",
                    msg ? msg : "read error");
    }
    if (rc > 0) {
        return skip(st, PARLEY_ERR_LIMIT, (long long)max,
                    "file is larger than the record limit of %zu bytes (--max-record-bytes); "
                    "skipped",
                    max);
    }
    const char *t = buf->data ? buf->data : "";
    size_t n = buf->len;
    long long base = 0;
    if (n >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3)) { t += 3; n -= 3; base = 3; }
    size_t ws = 0;
    while (ws < n && pl_isspace((unsigned char)t[ws])) ws++;
    if (n == 0) return skip(st, PARLEY_ERR_FORMAT, -1, "empty file; skipped");
    if (ws == n) return skip(st, PARLEY_ERR_FORMAT, -1, "no text (only white space); skipped");
    size_t nul_at;
    int utf8_ok = valid_utf8(t, n, &nul_at);
    if (nul_at < n) {
        long long at = base + (long long)nul_at;
        return skip(st, PARLEY_ERR_FORMAT, at,
                    "binary data (NUL byte at byte %lld); not a text file; skipped", at);
    }
    a->pub.id = pl_article_str(a, ctx->path);
    a->pub.line = 1;
    a->pub.offset = 0;
    if (!utf8_ok) {
        pl_buf_clear(&st->fixed);
        long long first = -1;
        size_t bad = pl_repair_utf8(a, t, n, base, &st->fixed, &first);
        if (bad) {
            pl_read_diag(ctx, PARLEY_WARNING, 0, base + first, a->pub.id,
                         "invalid UTF-8 byte 0x%02X replaced by U+FFFD (%zu bytes replaced)",
                         (unsigned char)t[first], bad);
        }
        t = st->fixed.data;
        n = st->fixed.len;
    }
    pl_text_extract(t, n, a);
    if (a->n_paras == 0) pl_article_warn(a, "no body text found");
    return PARLEY_OK;
}

static void text_close(void *state)
{
    text_state *st = state;
    if (!st) return;
    pl_buf_free(&st->own);
    pl_buf_free(&st->fixed);
    free(st);
}

const pl_format pl_format_text = {"text", text_sniff, text_open, text_next, text_close};
