/* date.c — dates as written on news pages.
 *
 * One hand-written scanner covers the forms met on news pages: ISO 8601,
 * RFC 2822, day-month-year and month-day-year with month names (full or
 * abbreviated, with or without a dot), numeric dates (D.M.Y, M/D/Y, D-M-Y),
 * weekday prefixes, times with or without seconds and AM/PM, and zones
 * written as offsets ("+0400", "UTC+04:00", "(GMT+4)") or names ("EST").
 * The scanner returns how many bytes a date covers, so the same code parses
 * a whole field (parley_date_parse), finds a date inside a line
 * (pl_date_find) and reads news datelines (pl_dateline_scan).
 *
 * Ambiguous numeric dates: "." and "-" are read day-first (European), "/"
 * month-first (US) unless a field exceeds 12. */
#include "reader/reader.h"

#include <string.h>

typedef struct cur {
    const unsigned char *s;
    size_t n, i;
} cur;

static int at(const cur *c, size_t k) { return c->i + k < c->n ? c->s[c->i + k] : -1; }

static void skip_space(cur *c)
{
    for (;;) {
        int ch = at(c, 0);
        if (ch == ' ' || ch == '\t') c->i++;
        else if (ch == 0xC2 && at(c, 1) == 0xA0) c->i += 2;   /* no-break space */
        else break;
    }
}

/* Reads up to maxd digits; returns the digit count (0 = none). */
static int num(cur *c, int maxd, int *val)
{
    int d = 0, v = 0;
    size_t save = c->i;
    while (d < maxd && pl_isdigit(at(c, 0))) {
        v = v * 10 + (at(c, 0) - '0');
        c->i++;
        d++;
    }
    if (d && pl_isdigit(at(c, 0))) { c->i = save; return 0; }   /* too many digits */
    *val = v;
    return d;
}

/* Length of the ASCII word at the cursor (letters only). */
static size_t word_len(const cur *c)
{
    size_t k = 0;
    while (c->i + k < c->n && pl_isalpha(c->s[c->i + k])) k++;
    return k;
}

/* 1 when w[0..n) equals the lower-case literal lit, ignoring ASCII case. */
static int lit_caseeq(const char *lit, const unsigned char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!lit[i] || pl_lower(w[i]) != lit[i]) return 0;
    return lit[n] == 0;
}

static int word_eq(const unsigned char *w, size_t n, const char *lit)
{
    return lit_caseeq(lit, w, n);
}

static const char *const month_names[12] = {"january", "february", "march", "april",
                                              "may", "june", "july", "august",
                                              "september", "october", "november", "december"};

/* Month from a word: full name, 3-letter abbreviation or "Sept". */
static int month_of(const unsigned char *w, size_t n)
{
    if (n < 3 || n > 9) return 0;
    for (int m = 0; m < 12; m++) {
        const char *mn = month_names[m];
        if (pl_lower(w[0]) != mn[0] || pl_lower(w[1]) != mn[1] || pl_lower(w[2]) != mn[2]) continue;
        if (n == 3 || lit_caseeq(mn, w, n)) return m + 1;
    }
    if (n == 4 && lit_caseeq("sept", w, 4)) return 9;
    return 0;
}

static int is_weekday(const unsigned char *w, size_t n)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    if (n < 3 || n > 9) return 0;
    for (size_t d = 0; d < 7; d++) {
        const char *dn = days[d];
        if (pl_lower(w[0]) != dn[0] || pl_lower(w[1]) != dn[1] || pl_lower(w[2]) != dn[2]) continue;
        if (n == 3 || lit_caseeq(dn, w, n)) return 1;
        if (n == 4 && (d == 1 || d == 3) && pl_lower(w[3]) == dn[3]) return 1;   /* Tues, Thur */
        if (n == 5 && d == 3 && lit_caseeq("thurs", w, 5)) return 1;
    }
    return 0;
}

/* Reads a month word with an optional dot. */
static int month_word(cur *c)
{
    size_t k = word_len(c);
    int m = month_of(c->s + c->i, k);
    if (!m) return 0;
    c->i += k;
    if (at(c, 0) == '.') c->i++;
    return m;
}

/* Day number with optional ordinal suffix ("20th"). */
static int day_num(cur *c, int *day)
{
    size_t save = c->i;
    if (!num(c, 2, day)) { c->i = save; return 0; }
    size_t k = word_len(c);
    if (k == 2) {
        const unsigned char *w = c->s + c->i;
        if (word_eq(w, 2, "st") || word_eq(w, 2, "nd") || word_eq(w, 2, "rd") ||
            word_eq(w, 2, "th"))
            c->i += 2;
        else { c->i = save; return 0; }
    } else if (k) {
        c->i = save;
        return 0;
    }
    return 1;
}

static int year_num(cur *c, int *year)
{
    size_t save = c->i;
    if (num(c, 4, year) != 4 || pl_isalpha(at(c, 0))) { c->i = save; return 0; }
    return 1;
}

static const struct { const char *name; int minutes; } zones[] = {
    {"UTC", 0}, {"GMT", 0}, {"UT", 0}, {"Z", 0}, {"WET", 0},
    {"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300}, {"MST", -420},
    {"MDT", -360}, {"PST", -480}, {"PDT", -420}, {"AKST", -540}, {"AKDT", -480},
    {"HST", -600}, {"AST", -240}, {"ADT", -180}, {"NST", -210},
    {"BST", 60}, {"CET", 60}, {"WEST", 60}, {"CEST", 120}, {"EET", 120}, {"EEST", 180},
    {"MSK", 180}, {"TRT", 180}, {"IRST", 210}, {"AZT", 240}, {"GST", 240}, {"AMT", 240},
    {"GET", 240}, {"PKT", 300}, {"IST", 330}, {"ICT", 420}, {"WIB", 420}, {"SGT", 480},
    {"HKT", 480}, {"PHT", 480}, {"AWST", 480}, {"JST", 540}, {"KST", 540},
    {"AEST", 600}, {"AEDT", 660}, {"NZST", 720}, {"NZDT", 780},
};

int pl_zone_lookup(const char *s, size_t n, int *minutes)
{
    if (n == 0 || n > 4) return 0;
    for (size_t i = 0; i < PL_COUNT(zones); i++)
        if (zones[i].name[0] == s[0] && !strncmp(zones[i].name, s, n) && zones[i].name[n] == 0) {
            *minutes = zones[i].minutes;
            return 1;
        }
    return 0;
}

/* [+-]HH[:MM] / [+-]HHMM / [+-]H.  Returns 1 and the offset in minutes. */
static int offset(cur *c, int *minutes)
{
    size_t save = c->i;
    int sign = at(c, 0);
    if (sign == 0xE2 && at(c, 1) == 0x88 && at(c, 2) == 0x92) { c->i += 2; sign = '-'; }  /* U+2212 */
    if (sign != '+' && sign != '-') return 0;
    c->i++;
    int h = 0, m = 0, d = num(c, 4, &h);
    if (d == 4) { m = h % 100; h /= 100; }
    else if (d == 3) { m = h % 100; h /= 100; }
    else if (d >= 1) {
        if (at(c, 0) == ':' && pl_isdigit(at(c, 1))) {
            c->i++;
            if (num(c, 2, &m) != 2) { c->i = save; return 0; }
        }
    } else { c->i = save; return 0; }
    if (h > 14 || m > 59) { c->i = save; return 0; }
    *minutes = (sign == '-' ? -1 : 1) * (h * 60 + m);
    return 1;
}

/* A zone after a time: "Z", "+04:00", "UTC", "UTC+04:00", "(UTC+04:00)",
 * "GMT+4", "EST", "(EST)".  Returns 1 when one was read. */
static int zone(cur *c, int *minutes)
{
    size_t save = c->i;
    int paren = 0;
    skip_space(c);
    if (at(c, 0) == '(') { paren = 1; c->i++; skip_space(c); }
    int ok = 0;
    if (at(c, 0) == '+' || at(c, 0) == '-' || at(c, 0) == 0xE2) {
        ok = offset(c, minutes);
    } else {
        size_t k = 0;
        while (c->i + k < c->n && c->s[c->i + k] >= 'A' && c->s[c->i + k] <= 'Z') k++;
        if (k && !(c->i + k < c->n && pl_isalpha(c->s[c->i + k])) &&
            pl_zone_lookup((const char *)c->s + c->i, k, minutes)) {
            c->i += k;
            ok = 1;
            if (*minutes == 0) {   /* UTC+04:00, GMT+4 */
                int off;
                if (offset(c, &off)) *minutes = off;
            }
        }
    }
    if (ok && paren) {
        skip_space(c);
        if (at(c, 0) == ')') c->i++;
        else ok = 0;
    }
    if (!ok) c->i = save;
    return ok;
}

/* "a.m." / "am" / "AM" / "p.m." ... returns 0 none, 1 am, 2 pm. */
static int ampm(cur *c)
{
    size_t save = c->i;
    skip_space(c);
    int ch = pl_lower(at(c, 0)), r = 0;
    if ((ch == 'a' || ch == 'p') && pl_lower(at(c, 1)) == 'm' && !pl_isalpha(at(c, 2))) {
        c->i += 2;
        if (at(c, 0) == '.') c->i++;
        r = ch == 'a' ? 1 : 2;
    } else if ((ch == 'a' || ch == 'p') && at(c, 1) == '.' && pl_lower(at(c, 2)) == 'm' &&
               at(c, 3) == '.') {
        c->i += 4;
        r = ch == 'a' ? 1 : 2;
    }
    if (!r) c->i = save;
    return r;
}

/* HH:MM[:SS[.frac]] [am|pm] or H am|pm.  Fills dt's time. */
static int time_of_day(cur *c, parley_datetime *dt)
{
    size_t save = c->i;
    int h, m = 0, s = 0;
    if (!num(c, 2, &h)) return 0;
    if (at(c, 0) == ':' && pl_isdigit(at(c, 1))) {
        c->i++;
        if (num(c, 2, &m) != 2) { c->i = save; return 0; }
        if (at(c, 0) == ':' && pl_isdigit(at(c, 1))) {
            c->i++;
            if (num(c, 2, &s) != 2) { c->i = save; return 0; }
            if (at(c, 0) == '.' && pl_isdigit(at(c, 1))) {
                c->i++;
                while (pl_isdigit(at(c, 0))) c->i++;
            }
        }
        int ap = ampm(c);
        if (ap) {
            if (h < 1 || h > 12) { c->i = save; return 0; }
            h = h % 12 + (ap == 2 ? 12 : 0);
        }
    } else {
        int ap = ampm(c);
        if (!ap || h < 1 || h > 12) { c->i = save; return 0; }
        h = h % 12 + (ap == 2 ? 12 : 0);
    }
    if (h > 23 || m > 59 || s > 60) { c->i = save; return 0; }
    dt->hour = h;
    dt->minute = m;
    dt->second = s;
    dt->has_time = 1;
    return 1;
}

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

static int valid_ymd(int y, int m, int d, int allow_no_year)
{
    if (m < 1 || m > 12 || d < 1) return 0;
    if (y == 0) return allow_no_year && d <= days_in(2000, m);
    return y >= 1900 && y <= 2199 && d <= days_in(y, m);
}

/* The calendar part.  Returns 1 and sets y/m/d. */
static int calendar(cur *c, int allow_no_year, int *y, int *m, int *d)
{
    size_t save = c->i;
    int a, b, v;
    /* ISO and year-first numeric: 2012-11-20, 2012/11/20, 2012.11.20 */
    if (num(c, 4, &a) == 4) {
        int sep = at(c, 0);
        if ((sep == '-' || sep == '/' || sep == '.') && pl_isdigit(at(c, 1))) {
            c->i++;
            if (num(c, 2, &b) && at(c, 0) == sep && pl_isdigit(at(c, 1))) {
                c->i++;
                if (num(c, 2, &v) && valid_ymd(a, b, v, 0)) {
                    *y = a; *m = b; *d = v;
                    return 1;
                }
            }
        }
        c->i = save;
        return 0;
    }
    c->i = save;
    /* numeric day/month first: 20.11.2012, 11/20/2012, 20-11-2012 */
    if (num(c, 2, &a)) {
        int sep = at(c, 0);
        if ((sep == '.' || sep == '/' || sep == '-') && pl_isdigit(at(c, 1))) {
            size_t mid = c->i;
            c->i++;
            if (num(c, 2, &b) && at(c, 0) == sep && pl_isdigit(at(c, 1))) {
                c->i++;
                if (num(c, 4, &v) == 4 && !pl_isalpha(at(c, 0))) {
                    int dd = a, mm = b;
                    if (sep == '/') { dd = b; mm = a; }
                    if (mm > 12 && dd <= 12) { int t = dd; dd = mm; mm = t; }
                    if (valid_ymd(v, mm, dd, 0)) {
                        *y = v; *m = mm; *d = dd;
                        return 1;
                    }
                }
            }
            c->i = mid;
        }
        c->i = save;
    }
    /* day month [year]: 20 November 2012, 20th Nov. 2012, 20-Nov-2012 */
    if (day_num(c, &a)) {
        int dash = 0;
        if (at(c, 0) == '-') { c->i++; dash = 1; }
        else skip_space(c);
        if (!dash && word_len(c) == 2 && pl_strncaseeq((const char *)c->s + c->i, "of", 2)) {
            c->i += 2;
            skip_space(c);
        }
        int mm = month_word(c);
        if (mm) {
            size_t after_month = c->i;
            if (dash && at(c, 0) == '-') c->i++;
            else {
                if (at(c, 0) == ',') c->i++;
                skip_space(c);
            }
            if (year_num(c, &v) && valid_ymd(v, mm, a, 0)) {
                *y = v; *m = mm; *d = a;
                return 1;
            }
            c->i = after_month;
            if (valid_ymd(0, mm, a, allow_no_year)) {
                *y = 0; *m = mm; *d = a;
                return 1;
            }
        }
        c->i = save;
    }
    /* month day[,] [year]: Nov. 20, 2012; November 20 2012; Nov 20th */
    int mm = month_word(c);
    if (mm) {
        skip_space(c);
        if (day_num(c, &a) && at(c, 0) != ':') {
            size_t after_day = c->i;
            if (at(c, 0) == ',') c->i++;
            skip_space(c);
            if (year_num(c, &v) && valid_ymd(v, mm, a, 0)) {
                *y = v; *m = mm; *d = a;
                return 1;
            }
            c->i = after_day;
            if (valid_ymd(0, mm, a, allow_no_year)) {
                *y = 0; *m = mm; *d = a;
                return 1;
            }
        }
    }
    c->i = save;
    return 0;
}

/* Separator between date and time: spaces, a comma, "at", "-", "|", "T". */
static void date_time_sep(cur *c)
{
    skip_space(c);
    if (at(c, 0) == ',' || at(c, 0) == '|' || (at(c, 0) == '-' && at(c, 1) == ' ') ||
        at(c, 0) == '/')
        c->i++;
    skip_space(c);
    if (word_len(c) == 2 && pl_strncaseeq((const char *)c->s + c->i, "at", 2)) {
        c->i += 2;
        skip_space(c);
    }
}

size_t pl_date_scan(const char *text, size_t n, int allow_no_year, parley_datetime *out)
{
    cur c = {(const unsigned char *)text, n, 0};
    parley_datetime dt;
    memset(&dt, 0, sizeof dt);
    skip_space(&c);
    size_t k = word_len(&c);
    if (k >= 3 && is_weekday(c.s + c.i, k)) {
        c.i += k;
        if (at(&c, 0) == '.') c.i++;
        skip_space(&c);
        if (at(&c, 0) == ',') c.i++;
        skip_space(&c);
    }
    size_t start = c.i;
    /* time first: "19:12, 20 November 2012", "7:12 PM EST, Nov. 20, 2012" */
    int lead_time = 0;
    if (time_of_day(&c, &dt)) {
        int z;
        if (zone(&c, &z)) { dt.has_zone = 1; dt.tz_minutes = z; }
        date_time_sep(&c);
        k = word_len(&c);
        if (k >= 3 && is_weekday(c.s + c.i, k)) {
            c.i += k;
            if (at(&c, 0) == '.') c.i++;
            skip_space(&c);
            if (at(&c, 0) == ',') c.i++;
            skip_space(&c);
        }
        lead_time = 1;
    }
    int y, m, d;
    if (!calendar(&c, allow_no_year, &y, &m, &d)) {
        if (!lead_time) return 0;
        memset(&dt, 0, sizeof dt);
        c.i = start;
        if (!calendar(&c, allow_no_year, &y, &m, &d)) return 0;
        lead_time = 0;
    }
    if (pl_isalnum(at(&c, 0)) && !(at(&c, 0) == 'T' && pl_isdigit(at(&c, 1)))) return 0;
    dt.year = y;
    dt.month = m;
    dt.day = d;
    size_t end = c.i;
    if (!lead_time) {
        /* ISO "T" separator, then the usual separators */
        int iso_t = at(&c, 0) == 'T' && pl_isdigit(at(&c, 1));
        if (iso_t) c.i++;
        else date_time_sep(&c);
        if (time_of_day(&c, &dt)) {
            end = c.i;
            int z;
            if (at(&c, 0) == 'Z' && !pl_isalnum(at(&c, 1))) {
                c.i++;
                dt.has_zone = 1;
                dt.tz_minutes = 0;
            } else if (zone(&c, &z)) {
                dt.has_zone = 1;
                dt.tz_minutes = z;
            }
            end = c.i;
        }
    }
    if (pl_isalnum(end < n ? c.s[end] : 0)) return 0;
    *out = dt;
    return end;
}

int parley_date_parse(const char *text, size_t len, parley_datetime *out)
{
    if (!text) return 0;
    parley_datetime dt;
    size_t k = pl_date_scan(text, len, 0, &dt);
    if (!k) return 0;
    for (size_t i = k; i < len; i++)
        if (!pl_isspace((unsigned char)text[i]) && text[i] != '.') return 0;
    *out = dt;
    return 1;
}

static char *put2(char *o, int v)
{
    *o++ = (char)('0' + v / 10 % 10);
    *o++ = (char)('0' + v % 10);
    return o;
}

int parley_datetime_format(const parley_datetime *dt, char *out, size_t n)
{
    if (!dt || dt->year == 0) {
        if (n) out[0] = 0;
        return 0;
    }
    char t[32], *o = t;
    if (dt->year < 0 || dt->year > 9999 || dt->month < 0 || dt->month > 99 || dt->day < 0 ||
        dt->day > 99)
        return snprintf(out, n, "%d-%d-%d", dt->year, dt->month, dt->day);
    o = put2(o, dt->year / 100);
    o = put2(o, dt->year % 100);
    *o++ = '-';
    o = put2(o, dt->month);
    *o++ = '-';
    o = put2(o, dt->day);
    if (dt->has_time) {
        *o++ = 'T';
        o = put2(o, dt->hour);
        *o++ = ':';
        o = put2(o, dt->minute);
        *o++ = ':';
        o = put2(o, dt->second);
        if (dt->has_zone) {
            int z = dt->tz_minutes, az = z < 0 ? -z : z;
            if (az > 99 * 60) az = 99 * 60;
            *o++ = z < 0 ? '-' : '+';
            o = put2(o, az / 60);
            *o++ = ':';
            o = put2(o, az % 60);
        }
    }
    size_t len = (size_t)(o - t);
    if (n) {
        size_t k = len < n ? len : n - 1;
        memcpy(out, t, k);
        out[k] = 0;
    }
    return (int)len;
}

/* Could a date start with this byte?  Digits, month and weekday initials. */
static int date_initial(unsigned char ch)
{
    if (pl_isdigit(ch)) return 1;
    switch (pl_lower(ch)) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd':
    case 't': case 'w':
        return 1;
    }
    return 0;
}

int pl_date_find(const char *s, size_t n, parley_datetime *out, size_t *start, size_t *end)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t nd = 0;   /* the next digit at or after i: every date form has one,
                      * at most 32 bytes after its start */
    for (size_t i = 0; i < n; i++) {
        if (nd < i) nd = i;
        while (nd < n && !pl_isdigit(p[nd])) nd++;
        if (nd >= n) return 0;
        if (nd - i > 32) {
            i = nd - 33;
            continue;
        }
        if (!date_initial(p[i]) || (i > 0 && pl_isalnum(p[i - 1]))) continue;
        parley_datetime dt;
        size_t k = pl_date_scan(s + i, n - i, 0, &dt);
        if (k) {
            *out = dt;
            *start = i;
            *end = i + k;
            return 1;
        }
    }
    return 0;
}

/* ---- datelines --------------------------------------------------------- */

/* An all-capital place word: "WASHINGTON", "PHNOM", "N.Y.", "AL-ARISH". */
static size_t caps_word(const unsigned char *s, size_t n, size_t *letters)
{
    size_t k = 0, l = 0;
    while (k < n) {
        unsigned char ch = s[k];
        if (ch >= 'A' && ch <= 'Z') { l++; k++; }
        else if ((ch == '.' || ch == '\'' || ch == '-') && k > 0) k++;
        else break;
    }
    if (k && (s[k - 1] == '-')) k--;
    if (k < n && pl_isalnum(s[k])) return 0;
    *letters = l;
    return l ? k : 0;
}

/* A dash: "-", "--", "—", "–". Returns its length. */
static size_t dash_len(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == '-' && s[1] == '-') return 2;
    if (n >= 1 && s[0] == '-') return 1;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x94 || s[2] == 0x93)) return 3;
    return 0;
}

int pl_dateline_scan(const char *text, size_t n, pl_dateline *out)
{
    const unsigned char *s = (const unsigned char *)text;
    if (n > 160) n = 160;
    memset(out, 0, sizeof *out);
    size_t i = 0, letters = 0, words = 0;
    /* place: capital words */
    for (;;) {
        size_t l, k = caps_word(s + i, n - i, &l);
        if (!k) break;
        i += k;
        letters += l;
        words++;
        if (i < n && s[i] == ' ' && i + 1 < n && s[i + 1] >= 'A' && s[i + 1] <= 'Z') {
            size_t l2;
            if (caps_word(s + i + 1, n - i - 1, &l2)) { i++; continue; }
        }
        break;
    }
    if (!words || words > 5) return 0;
    size_t place_end = i;
    /* ", Region" words (capitalised, not a month) */
    while (i + 2 < n && s[i] == ',' && s[i + 1] == ' ' && s[i + 2] >= 'A' && s[i + 2] <= 'Z') {
        cur c = {s, n, i + 2};
        parley_datetime dt;
        size_t dk = pl_date_scan(text + i + 2, n - i - 2, 1, &dt);
        if (dk) {
            out->date = dt;
            i = i + 2 + dk;
            break;
        }
        size_t k = word_len(&c), j = i + 2 + k;
        if (k < 2) break;
        if (j < n && s[j] == '.') j++;
        while (j + 1 < n && s[j] == ' ' && s[j + 1] >= 'A' && s[j + 1] <= 'Z') {
            c.i = j + 1;
            size_t k2 = word_len(&c);
            if (!k2 || month_of(s + j + 1, k2)) break;
            j += 1 + k2;
        }
        i = j;
        place_end = i;
    }
    if (i + 1 < n && s[i] == ',' && s[i + 1] == ' ' && !out->date.month) {
        parley_datetime dt;
        size_t dk = pl_date_scan(text + i + 2, n - i - 2, 1, &dt);
        if (dk) {
            out->date = dt;
            i += 2 + dk;
        }
    }
    /* (Agency) */
    size_t j = i;
    while (j < n && s[j] == ' ') j++;
    if (j < n && s[j] == '(') {
        size_t a = j + 1, e = a;
        while (e < n && e - a < 40 && s[e] != ')' &&
               (pl_isalnum(s[e]) || s[e] == ' ' || s[e] == '&' || s[e] == '-' || s[e] == '.' ||
                s[e] == '/' || s[e] == '\''))
            e++;
        if (e < n && s[e] == ')' && e > a) {
            out->agency = text + a;
            out->agency_len = e - a;
            i = e + 1;
        }
    }
    while (i < n && s[i] == ' ') i++;
    size_t dl = dash_len(s + i, n - i);
    if (!dl) return 0;
    if (letters < 3 && !out->agency) return 0;
    i += dl;
    if (i >= n || s[i] != ' ') return 0;
    while (i < n && s[i] == ' ') i++;
    out->place_len = place_end;
    out->len = i;
    return 1;
}
