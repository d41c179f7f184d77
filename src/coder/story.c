/* story.c — story-level coding for article mode: sentence dates and later
 * mentions resolved to earlier actors (see story.h, docs/story.md). */
#include "coder/story.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- dates ------------------------------------------------------------------ */

int32_t pl_story_add_days(int32_t key, long n)
{
    return key ? pl_days_to_key(pl_key_to_days(key) + n) : 0;
}

#define MAX_WORDS 96

typedef struct words {
    char w[MAX_WORDS][24];
    uint8_t cap[MAX_WORDS];  /* starts with an upper-case letter */
    int n;
} words;

/* ASCII words of a text, upper-cased (longer words are cut). */
static void split_words(const char *t, size_t len, words *out)
{
    out->n = 0;
    size_t i = 0;
    while (i < len && out->n < MAX_WORDS) {
        unsigned char ch = (unsigned char)t[i];
        int alpha = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        if (!alpha) {
            i++;
            continue;
        }
        size_t k = 0;
        out->cap[out->n] = ch >= 'A' && ch <= 'Z';
        while (i < len) {
            ch = (unsigned char)t[i];
            int a = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '-';
            if (!a) break;
            if (k + 1 < sizeof out->w[0]) out->w[out->n][k++] = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
            i++;
        }
        out->w[out->n][k] = 0;
        /* "Lavrov's": the possessive s is no word */
        if (k == 1 && out->w[out->n][0] == 'S' && i >= 2 + k && t[i - 2] == '\'') continue;
        out->n++;
    }
}

static const char *const WEEKDAYS[] = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                                       "FRIDAY", "SATURDAY", "SUNDAY"};

int32_t pl_story_sentence_date(int32_t key, const char *text, size_t len)
{
    if (!key || !text) return key;
    words ws;
    split_words(text, len, &ws);
    for (int i = 0; i < ws.n; i++) {
        const char *w = ws.w[i];
        const char *prev = i > 0 ? ws.w[i - 1] : "";
        if (!strcmp(w, "YESTERDAY")) {
            int before = i >= 2 && !strcmp(prev, "BEFORE") && !strcmp(ws.w[i - 2], "DAY");
            return pl_story_add_days(key, before ? -2 : -1);
        }
        if (!strcmp(w, "TODAY") || !strcmp(w, "TONIGHT")) return key;
        if (!ws.cap[i]) continue;
        int wd = -1;
        for (int k = 0; k < 7; k++)
            if (!strcmp(w, WEEKDAYS[k])) wd = k;
        if (wd < 0) continue;
        if (!strcmp(prev, "NEXT") || !strcmp(prev, "COMING")) return key;
        /* "will visit Moscow on Monday": a future day */
        for (int k = i - 1; k >= 0 && k >= i - 6; k--)
            if (!strcmp(ws.w[k], "WILL") || !strcmp(ws.w[k], "SHALL") || !strcmp(ws.w[k], "WON"))
                return key;
        int back = (pl_key_weekday(key) - wd + 7) % 7;
        if (back == 0 && !strcmp(prev, "LAST")) back = 7;
        return pl_story_add_days(key, -back);
    }
    return key;
}

/* --- mentions --------------------------------------------------------------- */

#define MAX_ENTRIES 128
#define ENTRY_CODES 4
#define POOL_BYTES 16384

typedef struct entry {
    const char *codes[ENTRY_CODES];
    int ncodes;
    char surname[24];            /* last capitalised word of a name, "" */
    char roles[96];              /* " MINISTER FOREIGN " : role words of the phrase */
    uint8_t person, plural;
    int sent;
} entry;

struct pl_story {
    entry e[MAX_ENTRIES];
    int ne;
    const char *dsrc, *dtgt;     /* the last dyadic event */
    const char *ds[16], *dt[16]; /* the last dyadic events, oldest first */
    int nd;
    char pool[POOL_BYTES];
    size_t npool;
    int debug;                   /* PARLEY_STORY_DEBUG is set: phrases to stderr */
};

pl_story *pl_story_new(void)
{
    pl_story *s = pl_xcalloc(1, sizeof *s);
    s->debug = getenv("PARLEY_STORY_DEBUG") != NULL;
    return s;
}

void pl_story_free(pl_story *s)
{
    free(s);
}

void pl_story_reset(pl_story *s)
{
    if (!s) return;
    s->ne = 0;
    s->npool = 0;
    s->dsrc = s->dtgt = NULL;
    s->nd = 0;
}

/* A copy of str in the story's pool (the same string when already there). */
static const char *pool_str(pl_story *s, const char *str)
{
    if (str >= s->pool && str < s->pool + POOL_BYTES) return str;
    size_t n = strlen(str) + 1;
    if (s->npool + n > POOL_BYTES) return NULL;
    char *p = s->pool + s->npool;
    memcpy(p, str, n);
    s->npool += n;
    return p;
}

static const char *const ROLES[] = {"MINISTER", "PRESIDENT", "SECRETARY", "SPOKESMAN", "SPOKESWOMAN",
    "SPOKESPERSON", "CHANCELLOR", "PREMIER", "KING", "QUEEN", "ENVOY", "AMBASSADOR", "LEADER",
    "COMMANDER", "GENERAL", "CHIEF", "DIPLOMAT", "EMIR", "PRINCE", "MINISTERS", NULL};
static const char *const QUALIFIERS[] = {"FOREIGN", "DEFENCE", "DEFENSE", "PRIME", "INTERIOR",
    "FINANCE", "STATE", "VICE", "DEPUTY", "GENERAL", NULL};
static const char *const NAME_STOP[] = {"THE", "OF", "AND", "FOREIGN", "MINISTRY", "MINISTER",
    "PRESIDENT", "SECRETARY", "STATE", "PRIME", NULL};

static int in_list(const char *w, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(w, list[i])) return 1;
    return 0;
}

static int country_code(const char *code)
{
    if (!code || strlen(code) < 3) return 0;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z') return 0;
    return strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3) && strncmp(code, "MNC", 3);
}

static int roles_of(const words *ws, char *buf, size_t cap)
{
    size_t k = 0;
    int nrole = 0;
    buf[k++] = ' ';
    buf[k] = 0;
    for (int i = 0; i < ws->n; i++) {
        int role = in_list(ws->w[i], ROLES);
        if (!role && !in_list(ws->w[i], QUALIFIERS)) continue;
        nrole += role;
        size_t l = strlen(ws->w[i]);
        if (k + l + 2 >= cap) break;
        memcpy(buf + k, ws->w[i], l);
        k += l;
        buf[k++] = ' ';
        buf[k] = 0;
    }
    return nrole;
}

/* every role word of want is among have */
static int roles_match(const char *want, const char *have)
{
    char w[32];
    const char *p = want;
    while (*p) {
        while (*p == ' ') p++;
        size_t l = 0;
        while (p[l] && p[l] != ' ') l++;
        if (!l) break;
        if (l + 3 > sizeof w) return 0;
        w[0] = ' ';
        memcpy(w + 1, p, l);
        w[l + 1] = ' ';
        w[l + 2] = 0;
        /* "ministers" matches "minister" */
        if (!strstr(have, w)) {
            if (l > 1 && p[l - 1] == 'S') {
                w[l] = ' ';
                w[l + 1] = 0;
                if (!strstr(have, w)) return 0;
            } else
                return 0;
        }
        p += l;
    }
    return 1;
}

static int is_dyad_phrase(const words *ws)
{
    if (ws->n != 2) return 0;
    const char *a = ws->w[0], *b = ws->w[1];
    int first = !strcmp(a, "THE") || !strcmp(a, "BOTH") || !strcmp(a, "TWO");
    if (!strcmp(a, "THE") && (!strcmp(b, "SIDES") || !strcmp(b, "PARTIES"))) return 1;
    if (!strcmp(a, "BOTH") && (!strcmp(b, "SIDES") || !strcmp(b, "PARTIES") || !strcmp(b, "COUNTRIES") ||
                               !strcmp(b, "MINISTERS") || !strcmp(b, "LEADERS")))
        return 1;
    (void)first;
    return 0;
}

static int is_dyad_phrase3(const words *ws)
{
    if (ws->n != 3 || strcmp(ws->w[0], "THE") != 0 || strcmp(ws->w[1], "TWO") != 0) return 0;
    const char *b = ws->w[2];
    return !strcmp(b, "SIDES") || !strcmp(b, "PARTIES") || !strcmp(b, "COUNTRIES") ||
           !strcmp(b, "MINISTERS") || !strcmp(b, "LEADERS") || !strcmp(b, "DELEGATIONS");
}

static void remember(pl_story *s, const words *ws, const char **codes, int n, int sent)
{
    entry en;
    memset(&en, 0, sizeof en);
    for (int i = 0; i < n && en.ncodes < ENTRY_CODES; i++) {
        const char *p = pool_str(s, codes[i]);
        if (!p) return;
        en.codes[en.ncodes++] = p;
    }
    int nrole = roles_of(ws, en.roles, sizeof en.roles);
    /* a name: two or more capitalised words ending the phrase */
    int caps = 0;
    for (int i = 0; i < ws->n; i++) caps += ws->cap[i] && !in_list(ws->w[i], NAME_STOP);
    if (ws->n && ws->cap[ws->n - 1] && caps >= 2 && !in_list(ws->w[ws->n - 1], ROLES) &&
        !in_list(ws->w[ws->n - 1], NAME_STOP))
        snprintf(en.surname, sizeof en.surname, "%s", ws->w[ws->n - 1]);
    en.person = (nrole > 0 || en.surname[0]) && n == 1;
    en.plural = n > 1;
    en.sent = sent;
    if (!en.person && !en.plural && !en.surname[0] && !nrole) return;
    if (s->ne == MAX_ENTRIES) {
        memmove(s->e, s->e + 1, (MAX_ENTRIES - 1) * sizeof *s->e);
        s->ne--;
    }
    s->e[s->ne++] = en;
}

static int give(const entry *en, const char **codes, int cap)
{
    int k = 0;
    for (; k < en->ncodes && k < cap; k++) codes[k] = en->codes[k];
    return k;
}

static int np_one(pl_story *s, const words *ws, const char **codes, int n, int cap, int sent);

/* the entry whose surname is a bare name phrase ("Lavrov", "Sergei Lavrov") */
static const entry *by_surname(const pl_story *s, const words *ws)
{
    if (!ws->n || ws->n > 2) return NULL;
    for (int i = 0; i < ws->n; i++)
        if (!ws->cap[i]) return NULL;
    for (int i = s->ne - 1; i >= 0; i--)
        if (s->e[i].surname[0] && !strcmp(s->e[i].surname, ws->w[ws->n - 1])) return &s->e[i];
    return NULL;
}

/* "Lavrov and Clinton": members that are bare surnames add their codes */
static int np_compound(pl_story *s, const char *text, size_t len, const char **codes, int n, int cap,
                       int sent)
{
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != ',' && !(j + 5 <= len && !strncmp(text + j, " and ", 5))) j++;
        words mw;
        split_words(text + i, j - i, &mw);
        const entry *en = by_surname(s, &mw);
        for (int k = 0; en && k < en->ncodes && n < cap; k++) {
            int dup = 0;
            for (int q = 0; q < n; q++) dup |= !strcmp(codes[q], en->codes[k]);
            if (!dup) codes[n++] = en->codes[k];
        }
        i = j < len && text[j] == ',' ? j + 1 : j + 5;
    }
    if (n > 1) {
        entry en;
        memset(&en, 0, sizeof en);
        for (int k = 0; k < n && en.ncodes < ENTRY_CODES; k++) {
            const char *p = pool_str(s, codes[k]);
            if (!p) return n;
            en.codes[en.ncodes++] = p;
        }
        en.plural = 1;
        en.sent = sent;
        if (s->ne == MAX_ENTRIES) {
            memmove(s->e, s->e + 1, (MAX_ENTRIES - 1) * sizeof *s->e);
            s->ne--;
        }
        s->e[s->ne++] = en;
    }
    return n;
}

int pl_story_np(pl_story *s, const char *text, size_t len, const char **codes, int n, int cap,
                int sent)
{
    if (!s || !text || cap <= 0) return n;
    words ws;
    split_words(text, len, &ws);
    if (!ws.n) return n;
    if (s->debug)
        fprintf(stderr, "story: sent %d np \"%.*s\" codes %d %s\n", sent, (int)len, text, n,
                n ? codes[0] : "");
    for (int i = 0; i < ws.n; i++)
        if (!strcmp(ws.w[i], "AND")) return np_compound(s, text, len, codes, n, cap, sent);
    for (size_t i = 0; i < len; i++)
        if (text[i] == ',') return np_compound(s, text, len, codes, n, cap, sent);
    return np_one(s, &ws, codes, n, cap, sent);
}

static int np_one(pl_story *s, const words *wsp, const char **codes, int n, int cap, int sent)
{
    words ws = *wsp;
    int countryless = n > 0;
    for (int i = 0; i < n; i++)
        if (country_code(codes[i]) || strncmp(codes[i], "---", 3) != 0) countryless = 0;
    if (n > 0 && !countryless) {
        /* "the Russian minister": the earlier Russian minister */
        char roles[96];
        if (n == 1 && !strcmp(ws.w[0], "THE") && roles_of(&ws, roles, sizeof roles) &&
            country_code(codes[0]))
            for (int i = s->ne - 1; i >= 0; i--) {
                const entry *en = &s->e[i];
                if (en->sent >= sent || !en->person || en->ncodes != 1) continue;
                if (!strncmp(en->codes[0], codes[0], 3) && roles_match(roles, en->roles))
                    return give(en, codes, cap);
            }
        remember(s, &ws, codes, n, sent);
        return n;
    }
    /* "the two ministers", "both leaders": the two latest persons of two
     * countries named in the story */
    if ((is_dyad_phrase(&ws) || is_dyad_phrase3(&ws)) && cap >= 2 &&
        (!strcmp(ws.w[ws.n - 1], "MINISTERS") || !strcmp(ws.w[ws.n - 1], "LEADERS"))) {
        const entry *a = NULL, *b = NULL;
        for (int i = s->ne - 1; i >= 0 && !b; i--) {
            const entry *en = &s->e[i];
            if (en->sent > sent || !en->person || en->ncodes != 1 || !country_code(en->codes[0]))
                continue;
            if (!a) a = en;
            else if (strncmp(a->codes[0], en->codes[0], 3) != 0) b = en;
        }
        if (b) {
            codes[0] = b->codes[0];
            codes[1] = a->codes[0];
            return 2;
        }
    }
    /* "the parties", "both sides", "the two ministers" */
    if ((is_dyad_phrase(&ws) || is_dyad_phrase3(&ws)) && s->dsrc && s->dtgt && cap >= 2) {
        codes[0] = s->dsrc;
        codes[1] = s->dtgt;
        /* the latest pair that acted both ways (a conflict, talks) */
        for (int i = s->nd - 1; i >= 0; i--)
            for (int j = 0; j < s->nd; j++)
                if (!strncmp(s->ds[j], s->dt[i], 3) && !strncmp(s->dt[j], s->ds[i], 3)) {
                    codes[0] = s->ds[i];
                    codes[1] = s->dt[i];
                    return 2;
                }
        return 2;
    }
    /* "the foreign minister", "the president" */
    char roles[96];
    if (!strcmp(ws.w[0], "THE") && roles_of(&ws, roles, sizeof roles)) {
        for (int i = s->ne - 1; i >= 0; i--) {
            const entry *en = &s->e[i];
            if (en->sent > sent || !en->person) continue;
            if (roles_match(roles, en->roles)) return give(en, codes, cap);
        }
        return n;
    }
    /* a surname alone: "Lavrov" */
    const entry *en = n == 0 ? by_surname(s, &ws) : NULL;
    return en ? give(en, codes, cap) : n;
}

static const char *const SAYS[] = {"SAID", "SAYS", "SAY", "TOLD", "ADDED", "STRESSED", "NOTED",
                                   "STATED", "DECLARED", "INSISTED", "WARNED", NULL};

/* '"We ...," Lavrov said.': the speaker after the closing quote */
static const entry *quote_speaker(const pl_story *s, const char *text, size_t len)
{
    const char *q = NULL;
    for (size_t i = 1; i < len; i++)
        if (text[i] == '"' && (text[i - 1] == ',' || text[i - 1] == '.')) q = text + i + 1;
    if (!q) return NULL;
    words ws;
    split_words(q, len - (size_t)(q - text), &ws);
    int v = -1;
    for (int i = 0; i < ws.n && v < 0; i++)
        if (in_list(ws.w[i], SAYS)) v = i;
    if (v < 0) return NULL;
    /* '"...," Lavrov said' or '"...," said Lavrov': the name before the verb,
     * else the last capitalised word of the names after it */
    const char *name = v > 0 ? ws.w[v - 1] : NULL;
    for (int i = v + 1; !name && i < ws.n && ws.cap[i]; i++)
        if (i + 1 == ws.n || !ws.cap[i + 1]) name = ws.w[i];
    if (!name) return NULL;
    for (int i = s->ne - 1; i >= 0; i--)
        if (s->e[i].surname[0] && !strcmp(s->e[i].surname, name)) return &s->e[i];
    return NULL;
}

int pl_story_say_word(const char *norm)
{
    return norm && in_list(norm, SAYS);
}

int pl_story_other_actor(const char *src, const char *const *codes, int n)
{
    for (int i = 0; i < n; i++)
        if (codes[i] && strncmp(codes[i], src, 3) != 0) return 1;
    return 0;
}

/* institutions that speak: "the defence ministry said" */
static const char *const SPEAKERS[] = {"MINISTRY", "OFFICE", "GOVERNMENT",
                                       "MILITARY", "ARMY", "POLICE", "AGENCY", "EMBASSY", NULL};
/* Parley's own dictionaries, whose agents code them: "..., U.S. officials
 * said", "the air force said", "Ukraine's general staff said" */
static const char *const NEWS_SPEAKERS[] = {"OFFICIALS", "OFFICIAL", "AUTHORITIES", "FORCE", "FORCES",
                                            "STAFF", "COMMAND", "PROSECUTORS", "MEDIA", "GUARD",
                                            "TELEVISION", "GOVERNOR", NULL};

static int said_clause(const char *text, size_t len, int news);

int pl_story_said_clause(const char *text, size_t len)
{
    return said_clause(text, len, 0);
}

int pl_story_said_clause_news(const char *text, size_t len)
{
    return said_clause(text, len, 1);
}

static int said_clause(const char *text, size_t len, int news)
{
    if (!text) return 0;
    words ws;
    split_words(text, len, &ws);
    if (ws.n < 2 || ws.n > 8) return 0;
    /* ', said Lavrov.', ', said the Russian foreign minister.' */
    if (in_list(ws.w[0], SAYS)) {
        if (ws.cap[1]) return 1;
        for (int i = 2; i < ws.n; i++)
            if (!strcmp(ws.w[1], "THE") && in_list(ws.w[i], ROLES)) return 1;
        return 0;
    }
    for (int i = 1; i < ws.n && i <= 5; i++)
        if (in_list(ws.w[i], SAYS))
            return (ws.cap[i - 1] || in_list(ws.w[i - 1], ROLES) || in_list(ws.w[i - 1], SPEAKERS) ||
                    (news && in_list(ws.w[i - 1], NEWS_SPEAKERS))) &&
                   ws.n - i - 1 <= 3;
    return 0;
}

size_t pl_story_said_content(const char *text, size_t len, size_t ss, size_t vs, size_t ve)
{
    if (!text || ve > len || vs >= ve || ss > vs || ss == 0) return 0;
    words ws;
    split_words(text + vs, ve - vs, &ws);
    if (ws.n != 1 || !in_list(ws.w[0], SAYS)) return 0;
    size_t q = ss;
    while (q > 0) {
        unsigned char ch = (unsigned char)text[q - 1];
        /* spaces, straight quotes and the bytes of curly quotes */
        if (ch == ' ' || ch == '"' || ch == '\'' || ch >= 0x80) q--;
        else break;
    }
    return q > 1 && text[q - 1] == ',' ? q - 1 : 0;
}

int pl_story_pronoun(const pl_story *s, const char *norm, const char *text, size_t len,
                     const char **codes, int cap, int sent)
{
    if (!s || !norm) return 0;
    if (!strcmp(norm, "WE") || !strcmp(norm, "I")) {
        const entry *en = text ? quote_speaker(s, text, len) : NULL;
        return en ? give(en, codes, cap) : 0;
    }
    int he = !strcmp(norm, "HE") || !strcmp(norm, "SHE") || !strcmp(norm, "HIM");
    int they = !strcmp(norm, "THEY") || !strcmp(norm, "THEM");
    if (!he && !they) return 0;
    for (int i = s->ne - 1; i >= 0; i--) {
        const entry *en = &s->e[i];
        if (en->sent >= sent) continue;
        if (he ? en->person : en->plural) return give(en, codes, cap);
    }
    return 0;
}

void pl_story_event(pl_story *s, const char *src, const char *tgt)
{
    if (!s || !src || !tgt || !country_code(src) || !country_code(tgt)) return;
    if (s->dsrc && !strcmp(s->dsrc, src) && s->dtgt && !strcmp(s->dtgt, tgt)) return;
    const char *a = pool_str(s, src), *b = pool_str(s, tgt);
    if (!a || !b) return;
    s->dsrc = a;
    s->dtgt = b;
    if (s->nd == 16) {
        memmove(s->ds, s->ds + 1, 15 * sizeof *s->ds);
        memmove(s->dt, s->dt + 1, 15 * sizeof *s->dt);
        s->nd--;
    }
    s->ds[s->nd] = a;
    s->dt[s->nd++] = b;
}
