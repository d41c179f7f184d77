/* read.c — readers for the dictionary formats: PETRARCH-2/Phoenix verbs,
 * actors, agents, discards and issues; TABARI .verbs, .actors, .agents and
 * .options.  Bad entries are skipped with a warning naming file:line. */
#include "dict/dict.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* --- lines ----------------------------------------------------------------- */

typedef struct lines {
    const char *p, *end;
    long no;
    int xml;                     /* inside a <!-- --> block */
    int tabari;                  /* ';' starts a comment */
} lines;

static void lines_init(lines *L, const char *text, size_t len, int tabari)
{
    L->p = text;
    L->end = text + len;
    L->no = 0;
    L->xml = 0;
    L->tabari = tabari;
}

static void trim(const char **s, size_t *n)
{
    while (*n && pl_isspace((unsigned char)**s)) (*s)++, (*n)--;
    while (*n && pl_isspace((unsigned char)(*s)[*n - 1])) (*n)--;
}

static const char *memstr(const char *s, size_t n, const char *pat)
{
    size_t m = strlen(pat);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, pat, m) == 0) return s + i;
    return NULL;
}

/* Next line without comments and surrounding blanks (may be empty).
 * Returns 0 at the end. */
static int next_line(lines *L, const char **out, size_t *on)
{
    if (L->p >= L->end) return 0;
    const char *s = L->p;
    const char *e = memchr(s, '\n', (size_t)(L->end - s));
    if (!e) e = L->end;
    L->p = e < L->end ? e + 1 : e;
    L->no++;
    size_t n = (size_t)(e - s);
    if (L->xml) {
        const char *c = memstr(s, n, "-->");
        if (!c) {
            *out = s;
            *on = 0;
            return 1;
        }
        L->xml = 0;
        n -= (size_t)(c + 3 - s);
        s = c + 3;
    }
    const char *o = memstr(s, n, "<!--");
    if (!o && n >= 2 && s[0] == '<' && s[1] == '!') o = s;
    if (o) {
        const char *c = memstr(o, n - (size_t)(o - s), "-->");
        if (!c) L->xml = 1;
        n = (size_t)(o - s);
    }
    /* comments: '#' (outside brackets) or, in TABARI files, ';' and a '#' in column 1 */
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '[') depth++;
        else if (c == ']' && depth) depth--;
        else if ((c == '#' && (depth == 0 && (!L->tabari || i == 0))) || (c == ';' && L->tabari)) {
            n = i;
            break;
        }
    }
    trim(&s, &n);
    *out = s;
    *on = n;
    return 1;
}

static int starts(const char *s, size_t n, const char *pfx)
{
    size_t m = strlen(pfx);
    return n >= m && pl_strncaseeq(s, pfx, m);
}

/* --- codes ------------------------------------------------------------------ */

static int code_char(int c)
{
    return pl_isalnum(c) || c == '-' || c == '/' || c == '#' || c == '+' || c == '?' ||
           c == '~' || c == '*' || c == '.' || c == '!';
}

/* Parses a verb code "[a]", "[a:b]", "[:b]", "[---]" (text without brackets). */
static int parse_vcode(parley_dict *d, const char *s, size_t n, pl_vcode *out)
{
    trim(&s, &n);
    memset(out, 0, sizeof *out);
    out->a = out->b = PL_NOCODE;
    if (!n) return -1;
    const char *colon = memchr(s, ':', n);
    const char *a = s;
    size_t an = colon ? (size_t)(colon - s) : n;
    trim(&a, &an);
    for (size_t i = 0; i < an; i++)
        if (!code_char((unsigned char)a[i]) && a[i] != ' ') return -1;
    if (an) {
        int null = 1;
        for (size_t i = 0; i < an; i++)
            if (a[i] != '-' && a[i] != ' ') null = 0;
        if (null) out->null = 1;
        else out->a = pl_dict_str(d, a, an);
    }
    if (colon) {
        const char *b = colon + 1;
        size_t bn = n - (size_t)(b - s);
        trim(&b, &bn);
        for (size_t i = 0; i < bn; i++)
            if (!code_char((unsigned char)b[i])) return -1;
        if (bn && !(bn == 3 && memcmp(b, "---", 3) == 0)) out->b = pl_dict_str(d, b, bn);
        if (out->null && out->b != PL_NOCODE) out->null = 0;
    }
    out->set = 1;
    return 0;
}

/* --- synonym sets -------------------------------------------------------------- */

static uint32_t synset_find(parley_dict *d, const char *name, size_t n, int create)
{
    while (n && name[n - 1] == '_') n--;
    char buf[128];
    if (n >= sizeof buf) n = sizeof buf - 1;
    for (size_t i = 0; i < n; i++) buf[i] = (char)pl_upper((unsigned char)name[i]);
    uint32_t id = pl_intern_find(&d->strs, buf, n);
    if (id != PL_NO_ID)
        for (size_t i = 0; i < d->nsynsets; i++)
            if (d->synsets[i].name == id) return (uint32_t)i;
    if (!create) return PL_NO_ID;
    d->synsets = pl_grow(d->synsets, &d->capsynsets, d->nsynsets + 1, sizeof *d->synsets);
    pl_synset *ss = &d->synsets[d->nsynsets];
    ss->name = pl_dict_str(d, buf, n);
    ss->first = (uint32_t)d->nsynmem;
    ss->n = 0;
    return (uint32_t)d->nsynsets++;
}

/* Members must be contiguous: a set that gets members after another set was
 * extended is moved to the end. */
static void synset_add_member(parley_dict *d, uint32_t set, uint32_t words, uint16_t n, int stem)
{
    pl_synset *ss = &d->synsets[set];
    if (ss->first + ss->n != d->nsynmem) {
        /* relocate */
        uint32_t nf = (uint32_t)d->nsynmem;
        for (uint32_t i = 0; i < ss->n; i++) {
            d->synmem = pl_grow(d->synmem, &d->capsynmem, d->nsynmem + 1, sizeof *d->synmem);
            d->synmem[d->nsynmem++] = d->synmem[ss->first + i];
        }
        ss->first = nf;
    }
    d->synmem = pl_grow(d->synmem, &d->capsynmem, d->nsynmem + 1, sizeof *d->synmem);
    pl_synmem m = {words, n, (uint8_t)stem, 0};
    d->synmem[d->nsynmem++] = m;
    ss->n++;
}

/* Adds a member phrase that may contain &SET references (expanded). */
static void synset_add_phrase(parley_dict *d, uint32_t set, const char *s, size_t n, int depth,
                              uint16_t file, long line)
{
    /* find a reference */
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '&') continue;
        size_t j = i + 1;
        while (j < n && s[j] != ' ' && s[j] != '_' && s[j] != '\t') j++;
        char name[128];
        size_t nn = PL_MIN(j - i, sizeof name - 1);
        memcpy(name, s + i, nn);
        uint32_t r = synset_find(d, name, nn, 0);
        if (r == PL_NO_ID || depth > 3) {
            pl_dict_warn(d, file, line, "unknown synonym set %.*s in set member", (int)nn, name);
            return;
        }
        pl_synset rs = d->synsets[r];
        for (uint32_t k = 0; k < rs.n && k < 256; k++) {
            pl_synmem m = d->synmem[rs.first + k];
            pl_buf b;
            pl_buf_init(&b);
            pl_buf_put(&b, s, i);
            for (uint16_t w = 0; w < m.nwords; w++) {
                if (w) pl_buf_putc(&b, '_');
                pl_buf_puts(&b, pl_dict_w(d, d->wordv[m.words + w]));
            }
            pl_buf_put(&b, s + j, n - j);
            synset_add_phrase(d, set, b.data, b.len, depth + 1, file, line);
            pl_buf_free(&b);
        }
        return;
    }
    uint16_t nw;
    int us;
    uint32_t off = pl_dict_phrase(d, s, n, &nw, &us);
    if (nw) synset_add_member(d, set, off, nw, d->cur_tabari && !us);
}

/* --- verb forms ------------------------------------------------------------------ */

static int is_vowel(int c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

/* Writes the regular inflections of an upper-case verb into out[0..3). */
static void inflect(const char *v, size_t n, char out[3][96])
{
    char base[80];
    n = PL_MIN(n, sizeof base - 1);
    memcpy(base, v, n);
    base[n] = 0;
    char last = n ? base[n - 1] : 0, prev = n > 1 ? base[n - 2] : 0;
    /* -s */
    if (last == 'S' || last == 'X' || last == 'Z' || last == 'O' ||
        (last == 'H' && (prev == 'S' || prev == 'C')))
        snprintf(out[0], 96, "%sES", base);
    else if (last == 'Y' && prev && !is_vowel(prev))
        snprintf(out[0], 96, "%.*sIES", (int)(n - 1), base);
    else
        snprintf(out[0], 96, "%sS", base);
    /* -ed */
    if (last == 'E')
        snprintf(out[1], 96, "%sD", base);
    else if (last == 'Y' && prev && !is_vowel(prev))
        snprintf(out[1], 96, "%.*sIED", (int)(n - 1), base);
    else
        snprintf(out[1], 96, "%sED", base);
    /* -ing */
    if (last == 'E' && n > 2 && prev != 'E' && prev != 'Y' && prev != 'O')
        snprintf(out[2], 96, "%.*sING", (int)(n - 1), base);
    else if (last == 'E' && prev == 'I')
        snprintf(out[2], 96, "%.*sYING", (int)(n - 2), base);
    else
        snprintf(out[2], 96, "%sING", base);
}

/* Splits a form ("KLM_NOP_+RST", "+BREAK_DOWN") into words; the verb is the
 * word marked '+' (else the first).  Returns the number of words. */
static int form_words(const char *s, size_t n, char words[8][96], int *verb_at)
{
    int nw = 0;
    *verb_at = 0;
    size_t i = 0;
    while (i < n && nw < 8) {
        while (i < n && (s[i] == '_' || pl_isspace((unsigned char)s[i]))) i++;
        if (i >= n) break;
        int plus = 0;
        if (s[i] == '+') plus = 1, i++;
        size_t st = i;
        while (i < n && s[i] != '_' && !pl_isspace((unsigned char)s[i])) i++;
        if (i == st) continue;
        size_t len = PL_MIN(i - st, 94);
        for (size_t k = 0; k < len; k++) words[nw][k] = (char)pl_upper((unsigned char)s[st + k]);
        /* a trailing '_' closes the form (TABARI "SOLD_" is not a stem of
         * SOLDIERS): kept on the last word for add_vform_words */
        size_t r = i;
        while (r < n && s[r] == '_') r++;
        if (r > i && r == n) words[nw][len++] = '_';
        words[nw][len] = 0;
        if (plus) *verb_at = nw;
        nw++;
    }
    return nw;
}

static void add_vform_words(parley_dict *d, uint32_t block, char words[8][96], int nw, int verb_at,
                            const pl_vcode *code, uint16_t file, long line)
{
    uint32_t off = (uint32_t)d->nwordv;
    uint16_t total = 0;
    int vat = 0;
    int stem = 0;
    for (int i = 0; i < nw; i++) {
        uint16_t c = 0;
        int us = 0;
        uint32_t o = pl_dict_phrase(d, words[i], strlen(words[i]), &c, &us);
        (void)o;
        if (i == nw - 1) stem = d->cur_tabari && !us;
        if (i == verb_at) vat = total;
        total += c;
    }
    if (!total) return;
    d->vforms = pl_grow(d->vforms, &d->capvforms, d->nvforms + 1, sizeof *d->vforms);
    pl_verb_form *f = &d->vforms[d->nvforms];
    f->words = off;
    f->nwords = total;
    f->verb_at = (uint16_t)vat;
    f->block = block;
    if (code) f->code = *code;
    else memset(&f->code, 0, sizeof f->code), f->code.a = f->code.b = PL_NOCODE;
    f->src.file = file;
    f->src.line = (uint32_t)line;
    pl_names_add(d, &d->verb_names, off, total, stem ? PL_NAME_STEM : 0, (uint32_t)d->nvforms);
    d->nvforms++;
}

/* A verb form line: "WORD", "WORD {IRR IRR}", "A_+B [code]", "+A_B {}". */
static void read_form_line(parley_dict *d, uint32_t block, const char *s, size_t n, uint16_t file,
                           long line)
{
    pl_vcode code;
    int has_code = 0;
    const char *lb = memchr(s, '[', n);
    size_t body = n;
    if (lb) {
        const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
        if (!rb || parse_vcode(d, lb + 1, (size_t)(rb - lb - 1), &code)) {
            pl_dict_warn(d, file, line, "bad code in verb form, entry skipped");
            return;
        }
        has_code = 1;
        body = (size_t)(lb - s);
    }
    const char *br = memchr(s, '{', body);
    const char *irr = NULL;
    size_t nirr = 0;
    if (br) {
        const char *cb = memchr(br, '}', body - (size_t)(br - s));
        if (!cb) {
            pl_dict_warn(d, file, line, "unclosed '{' in verb forms");
            cb = s + body;
        }
        irr = br + 1;
        nirr = (size_t)(cb - br - 1);
        body = (size_t)(br - s);
    }
    const char *b = s;
    trim(&b, &body);
    char words[8][96];
    int verb_at;
    int nw = form_words(b, body, words, &verb_at);
    if (!nw && !br) {
        pl_dict_warn(d, file, line, "empty verb form");
        return;
    }
    const pl_vcode *cp = has_code ? &code : NULL;
    if (nw) add_vform_words(d, block, words, nw, verb_at, cp, file, line);
    if (br) {
        /* listed forms; each like the base, '+' marks the verb */
        size_t i = 0;
        while (i < nirr) {
            while (i < nirr && pl_isspace((unsigned char)irr[i])) i++;
            size_t st = i;
            while (i < nirr && !pl_isspace((unsigned char)irr[i])) i++;
            if (i == st) continue;
            char fw[8][96];
            int fv;
            int fn = form_words(irr + st, i - st, fw, &fv);
            if (fn) add_vform_words(d, block, fw, fn, fv, cp, file, line);
        }
    } else if (nw) {
        char infl[3][96];
        size_t vl = strlen(words[verb_at]);
        int closed = vl && words[verb_at][vl - 1] == '_';
        if (closed) words[verb_at][--vl] = 0;
        inflect(words[verb_at], vl, infl);
        if (closed) /* the inflections of a closed form are closed too */
            for (int k = 0; k < 3; k++) {
                size_t il = strlen(infl[k]);
                if (il + 1 < sizeof infl[k]) infl[k][il] = '_', infl[k][il + 1] = 0;
            }
        char keep[96];
        memcpy(keep, words[verb_at], sizeof keep);
        for (int k = 0; k < 3; k++) {
            memcpy(words[verb_at], infl[k], 96);
            add_vform_words(d, block, words, nw, verb_at, cp, file, line);
        }
        memcpy(words[verb_at], keep, sizeof keep);
    }
}

static uint32_t new_block(parley_dict *d, const char *name, size_t n, const pl_vcode *code,
                          uint16_t file, long line)
{
    d->blocks = pl_grow(d->blocks, &d->capblocks, d->nblocks + 1, sizeof *d->blocks);
    pl_verb_block *b = &d->blocks[d->nblocks];
    memset(b, 0, sizeof *b);
    b->name = pl_dict_str(d, name, n);
    if (code) b->code = *code;
    else b->code.a = b->code.b = PL_NOCODE;
    b->src.file = file;
    b->src.line = (uint32_t)line;
    return (uint32_t)d->nblocks++;
}

/* --- patterns ---------------------------------------------------------------------- */

typedef struct pitem {
    uint8_t kind;                /* PL_PE_* or 0 = the verb */
    uint8_t adj;                 /* joined to the previous item by '_' */
    uint8_t closed;              /* word ended with '_' */
    uint32_t arg;
} pitem;

static int word_char(int c)
{
    return c && !pl_isspace(c) && c != '_' && c != '(' && c != ')' && c != '{' && c != '}' &&
           c != '|' && c != '*' && c != '[' && c != ']';
}

/* Adds an anonymous synonym set for "{ A | B }". */
static uint32_t alt_set(parley_dict *d, const char *s, size_t n, uint16_t file, long line)
{
    char name[64];
    int nn = snprintf(name, sizeof name, "{ALT%zu}", d->nsynsets);
    uint32_t set = synset_find(d, name, (size_t)nn, 1);
    size_t i = 0;
    while (i <= n) {
        size_t st = i;
        while (i < n && s[i] != '|') i++;
        const char *a = s + st;
        size_t an = i - st;
        trim(&a, &an);
        if (an) synset_add_phrase(d, set, a, an, 0, file, line);
        i++;
    }
    return set;
}

static void add_pattern(parley_dict *d, uint32_t block, const char *s, size_t n, uint16_t file,
                        long line)
{
    const char *text = s;
    size_t tn = n;
    /* code: the last [...] */
    const char *lb = NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] == '[') {
            lb = s + i;
            break;
        }
    if (!lb) {
        pl_dict_warn(d, file, line, "pattern without a [code], skipped");
        return;
    }
    const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
    pl_vcode code;
    if (!rb || parse_vcode(d, lb + 1, (size_t)(rb - lb - 1), &code)) {
        pl_dict_warn(d, file, line, "bad pattern code, pattern skipped");
        return;
    }
    /* body: after the leading '-' up to the code */
    size_t i = 1, end = (size_t)(lb - s);
    pitem items[64];
    int ni = 0, verb = -1, adj = 0;
    while (i < end && ni < 64) {
        char c = s[i];
        if (pl_isspace((unsigned char)c)) {
            adj = 0;
            i++;
            continue;
        }
        if (c == '_') {
            char nx = i + 1 < end ? s[i + 1] : 0;
            if (nx && !pl_isspace((unsigned char)nx) && nx != '|' && nx != '}' && nx != ')' &&
                nx != ']')
                adj = 1;
            else if (ni)
                items[ni - 1].closed = 1;
            i++;
            continue;
        }
        if (c == '(' || c == ')' || c == '}') {
            i++;
            continue;
        }
        pitem it = {0, (uint8_t)adj, 0, 0};
        adj = 0;
        if (c == '{') {
            const char *cb = memchr(s + i, '}', end - i);
            size_t cl = cb ? (size_t)(cb - (s + i)) : end - i;
            if (memchr(s + i, '|', cl)) {
                it.kind = PL_PE_SYN;
                it.arg = alt_set(d, s + i + 1, cl - 1, file, line);
                items[ni++] = it;
                i += cl + 1;
            } else {
                i++; /* a noun-phrase group: its words are matched in order */
                adj = it.adj;
            }
            continue;
        }
        if (c == '*') {
            it.kind = 0;
            verb = ni;
            items[ni++] = it;
            i++;
            continue;
        }
        if ((c == '$' || c == '+' || c == '%' || c == '^') && !word_char((unsigned char)(i + 1 < end ? s[i + 1] : 0))) {
            it.kind = c == '$' ? PL_PE_SRC : c == '+' ? PL_PE_TGT : c == '%' ? PL_PE_CMP : PL_PE_SKIP;
            items[ni++] = it;
            i++;
            continue;
        }
        size_t st = i;
        while (i < end && word_char((unsigned char)s[i])) i++;
        if (i == st) {
            /* a stray '[', ']' or '|': skip it */
            i++;
            continue;
        }
        if (c == '&') {
            uint32_t set = synset_find(d, s + st, i - st, 1);
            it.kind = PL_PE_SYN;
            it.arg = set;
        } else {
            uint16_t nw;
            uint32_t off = pl_dict_phrase(d, s + st, i - st, &nw, NULL);
            if (!nw) continue;
            /* a contraction may have split in two words */
            for (uint16_t k = 0; k < nw && ni < 64; k++) {
                pitem w = {PL_PE_WORD, (uint8_t)(k ? 1 : it.adj), 0, d->wordv[off + k]};
                items[ni++] = w;
            }
            d->nwordv = off; /* the words live in the pattern elements */
            continue;
        }
        items[ni++] = it;
    }
    if (verb < 0) {
        pl_dict_warn(d, file, line, "pattern without '*', skipped");
        return;
    }
    int npre = verb, npost = ni - verb - 1;
    d->pelems = pl_grow(d->pelems, &d->cappelems, d->npelems + (size_t)ni, sizeof *d->pelems);
    uint32_t off = (uint32_t)d->npelems;
    uint16_t nlit = 0;
    /* pre, nearest the verb first: adjacency = the next item's '_' */
    for (int k = verb - 1; k >= 0; k--) {
        pl_pelem e = {items[k].kind, items[k + 1].adj, 0, 0, items[k].arg};
        e.stem = d->cur_tabari && e.kind == PL_PE_WORD && !items[k].closed;
        d->pelems[d->npelems++] = e;
        nlit++;
    }
    for (int k = verb + 1; k < ni; k++) {
        pl_pelem e = {items[k].kind, items[k].adj, 0, 0, items[k].arg};
        e.stem = d->cur_tabari && e.kind == PL_PE_WORD && !items[k].closed;
        d->pelems[d->npelems++] = e;
        nlit++;
    }
    d->patterns = pl_grow(d->patterns, &d->cappatterns, d->npatterns + 1, sizeof *d->patterns);
    d->pat_block = pl_grow(d->pat_block, &d->cappat_block, d->npatterns + 1, sizeof *d->pat_block);
    pl_pattern *p = &d->patterns[d->npatterns];
    memset(p, 0, sizeof *p);
    p->elems = off;
    p->npre = (uint16_t)npre;
    p->npost = (uint16_t)npost;
    p->nlit = nlit;
    p->code = code;
    trim(&text, &tn);
    {
        /* the pattern as written, blanks collapsed (files align codes in columns) */
        char buf[512];
        size_t bn = 0;
        for (size_t k = 0; k < tn && bn < sizeof buf - 1; k++) {
            if (pl_isspace((unsigned char)text[k])) {
                if (bn && buf[bn - 1] == ' ') continue;
                buf[bn++] = ' ';
            } else {
                buf[bn++] = text[k];
            }
        }
        p->text = pl_dict_str(d, buf, bn);
    }
    p->src.file = file;
    p->src.line = (uint32_t)line;
    d->pat_block[d->npatterns] = block;
    d->npatterns++;
}

/* --- PETRARCH verbs --------------------------------------------------------------- */

void pl_read_petr_verbs(parley_dict *d, uint16_t file, const char *text, size_t len)
{
    lines L;
    lines_init(&L, text, len, 0);
    const char *s;
    size_t n;
    uint32_t block = PL_NO_ID, syn = PL_NO_ID;
    while (next_line(&L, &s, &n)) {
        d->nlines++;
        if (!n) continue;
        if (s[0] == '&') {
            size_t e = 1;
            while (e < n && !pl_isspace((unsigned char)s[e])) e++;
            syn = synset_find(d, s, e, 1);
            continue;
        }
        if (s[0] == '+' && syn != PL_NO_ID) {
            synset_add_phrase(d, syn, s + 1, n - 1, 0, file, L.no);
            continue;
        }
        syn = PL_NO_ID;
        if (starts(s, n, "---")) {
            /* --- NAME [code] [code2] --- */
            const char *p = s + 3, *e = s + n;
            while (e > p && (e[-1] == '-' || pl_isspace((unsigned char)e[-1]))) e--;
            const char *lb = memchr(p, '[', (size_t)(e - p));
            const char *nm = p;
            size_t nn = lb ? (size_t)(lb - p) : (size_t)(e - p);
            trim(&nm, &nn);
            pl_vcode code;
            int ok = 1;
            if (lb) {
                const char *rb = memchr(lb, ']', (size_t)(e - lb));
                ok = rb && parse_vcode(d, lb + 1, (size_t)(rb - lb - 1), &code) == 0;
            }
            if (!ok || !nn) {
                pl_dict_warn(d, file, L.no, "bad verb block header, block skipped");
                block = PL_NO_ID;
                continue;
            }
            block = new_block(d, nm, nn, lb ? &code : NULL, file, L.no);
            continue;
        }
        if (s[0] == '~') {
            d->ntransforms++;
            continue;
        }
        if (block == PL_NO_ID) {
            pl_dict_warn(d, file, L.no, "entry outside a verb block, skipped");
            continue;
        }
        if (s[0] == '-') {
            add_pattern(d, block, s, n, file, L.no);
            continue;
        }
        read_form_line(d, block, s, n, file, L.no);
    }
}

/* --- TABARI verbs ---------------------------------------------------------------- */

void pl_read_tabari_verbs(parley_dict *d, uint16_t file, const char *text, size_t len)
{
    lines L;
    lines_init(&L, text, len, 1);
    const char *s;
    size_t n;
    uint32_t block = PL_NO_ID, syn = PL_NO_ID;
    int section = 0; /* 1 synsets, 2 time */
    while (next_line(&L, &s, &n)) {
        d->nlines++;
        if (!n) continue;
        if (s[0] == '<') {
            if (starts(s, n, "<SYNSETS>")) section = 1;
            else if (starts(s, n, "<TIME>")) section = 2;
            else if (starts(s, n, "</")) section = 0;
            syn = PL_NO_ID;
            continue;
        }
        if (s[0] == '&') {
            size_t e = 1;
            while (e < n && !pl_isspace((unsigned char)s[e])) e++;
            syn = synset_find(d, s, e, 1);
            continue;
        }
        if (s[0] == '+' && syn != PL_NO_ID) {
            synset_add_phrase(d, syn, s + 1, n - 1, 0, file, L.no);
            continue;
        }
        syn = PL_NO_ID;
        if (section == 2) {
            if (s[0] == '-') continue; /* time patterns are not used */
            const char *lb = memchr(s, '[', n), *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
            if (!lb || !rb) {
                pl_dict_warn(d, file, L.no, "time phrase without [shift], skipped");
                continue;
            }
            uint16_t nw;
            int us;
            uint32_t off = pl_dict_phrase(d, s, (size_t)(lb - s), &nw, &us);
            pl_time_shift t = {0, 0};
            const char *v = lb + 1;
            size_t vn = (size_t)(rb - v);
            trim(&v, &vn);
            if (memchr(v, '#', vn)) t.discard = 1;
            else t.days = atoi(v[0] == '+' ? v + 1 : v);
            d->times = pl_grow(d->times, &d->captimes, d->ntimes + 1, sizeof *d->times);
            d->times[d->ntimes] = t;
            pl_names_add(d, &d->time_names, off, nw, 0, (uint32_t)d->ntimes++);
            continue;
        }
        if (s[0] == '-') {
            if (block == PL_NO_ID) {
                pl_dict_warn(d, file, L.no, "pattern before any verb, skipped");
                continue;
            }
            add_pattern(d, block, s, n, file, L.no);
            continue;
        }
        if (s[0] == '{') {
            if (block == PL_NO_ID) continue;
            /* extra forms of the current verb */
            const char *cb = memchr(s, '}', n);
            size_t i = 1, e = cb ? (size_t)(cb - s) : n;
            while (i < e) {
                while (i < e && pl_isspace((unsigned char)s[i])) i++;
                size_t st = i;
                while (i < e && !pl_isspace((unsigned char)s[i])) i++;
                if (i > st) {
                    char fw[8][96];
                    int fv;
                    int fn = form_words(s + st, i - st, fw, &fv);
                    if (fn) add_vform_words(d, block, fw, fn, fv, NULL, file, L.no);
                }
            }
            continue;
        }
        /* a new verb: "WORD [code]" */
        const char *lb = memchr(s, '[', n);
        pl_vcode code;
        if (!lb) {
            pl_dict_warn(d, file, L.no, "verb without [code], skipped");
            block = PL_NO_ID;
            continue;
        }
        const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
        if (!rb || parse_vcode(d, lb + 1, (size_t)(rb - lb - 1), &code)) {
            pl_dict_warn(d, file, L.no, "bad verb code, verb skipped");
            block = PL_NO_ID;
            continue;
        }
        const char *nm = s;
        size_t nn = (size_t)(lb - s);
        trim(&nm, &nn);
        block = new_block(d, nm, nn, &code, file, L.no);
        read_form_line(d, block, nm, nn, file, L.no);
    }
}

/* --- actors ---------------------------------------------------------------------- */

static void add_word_list(parley_dict *d, int adj, const char *s, size_t n)
{
    uint16_t nw;
    uint32_t off = pl_dict_phrase(d, s, n, &nw, NULL);
    for (uint16_t i = 0; i < nw; i++) {
        if (adj) {
            d->adj_words = pl_grow(d->adj_words, &d->capadj, d->nadj + 1, sizeof *d->adj_words);
            d->adj_words[d->nadj++] = d->wordv[off + i];
        } else {
            d->noun_words = pl_grow(d->noun_words, &d->capnoun, d->nnoun + 1, sizeof *d->noun_words);
            d->noun_words[d->nnoun++] = d->wordv[off + i];
        }
    }
    d->nwordv = off;
}

/* Parses the "[CODE dates] [CODE]" groups at s for actor a.  Returns the
 * number of codes added, -1 on a bad group (reported). */
static int actor_codes(parley_dict *d, uint32_t a, const char *s, size_t n, uint16_t file, long line)
{
    int added = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] != '[') i++;
        if (i >= n) break;
        const char *rb = memchr(s + i, ']', n - i);
        if (!rb) {
            pl_dict_warn(d, file, line, "unclosed '[' in actor codes");
            return -1;
        }
        const char *c = s + i + 1;
        size_t cn = (size_t)(rb - c);
        i = (size_t)(rb - s) + 1;
        trim(&c, &cn);
        size_t ce = 0;
        while (ce < cn && code_char((unsigned char)c[ce]) && c[ce] != '~') ce++;
        if (!ce) {
            pl_dict_warn(d, file, line, "actor code missing in [%.*s], skipped", (int)cn, c);
            continue;
        }
        /* "CODE" may itself look like a date range if the code is missing */
        if (pl_isdigit((unsigned char)c[0]) && (memchr(c, '-', cn) || cn >= 6)) {
            pl_dict_warn(d, file, line, "date without an actor code in [%.*s], skipped", (int)cn, c);
            continue;
        }
        pl_actor_code ac = {pl_dict_str(d, c, ce), 0, 0};
        const char *r = c + ce;
        size_t rn = cn - ce;
        trim(&r, &rn);
        if (rn) {
            if (r[0] == '<' || r[0] == '>') {
                int32_t dt = pl_dict_parse_date(r + 1, rn - 1);
                if (dt < 0) {
                    pl_dict_warn(d, file, line, "bad date in [%.*s], code skipped", (int)cn, c);
                    continue;
                }
                if (r[0] == '<') ac.to = dt - 1;
                else ac.from = dt;
            } else {
                const char *dash = memchr(r, '-', rn);
                int32_t d1 = dash ? pl_dict_parse_date(r, (size_t)(dash - r)) : -1;
                int32_t d2 = dash ? pl_dict_parse_date(dash + 1, rn - (size_t)(dash + 1 - r)) : -1;
                if (d1 < 0 || d2 < 0 || d2 < d1) {
                    pl_dict_warn(d, file, line, "bad date range in [%.*s], code skipped", (int)cn, c);
                    continue;
                }
                ac.from = d1;
                ac.to = d2;
            }
        }
        pl_actor *act = &d->actors[a];
        if (act->ncodes && act->first_code + act->ncodes != d->nactor_codes) {
            /* codes must be contiguous: move them */
            uint32_t nf = (uint32_t)d->nactor_codes;
            for (uint32_t k = 0; k < act->ncodes; k++) {
                d->actor_codes = pl_grow(d->actor_codes, &d->capactor_codes, d->nactor_codes + 1,
                                         sizeof *d->actor_codes);
                d->actor_codes[d->nactor_codes++] = d->actor_codes[act->first_code + k];
            }
            act->first_code = nf;
        }
        d->actor_codes = pl_grow(d->actor_codes, &d->capactor_codes, d->nactor_codes + 1,
                                 sizeof *d->actor_codes);
        if (!act->ncodes) act->first_code = (uint32_t)d->nactor_codes;
        d->actor_codes[d->nactor_codes++] = ac;
        act->ncodes++;
        added++;
    }
    return added;
}

static void actor_name(parley_dict *d, uint32_t a, const char *s, size_t n)
{
    if (n && s[0] == '+') s++, n--;
    uint16_t nw;
    int us;
    uint32_t off = pl_dict_phrase(d, s, n, &nw, &us);
    if (!nw) return;
    uint8_t flags = (d->cur_tabari && !us) ? PL_NAME_STEM : 0;
    pl_names_add(d, &d->actor_names, off, nw, flags, a);
}

/* TABARI <NOUN> / <ADJECTIVE> sections (in .actors and .options files): a
 * "<...>" line opens or closes a section (*list: 1 nouns, 2 adjectives, 0
 * none) and lines inside one are words of the list.  Returns 1 when the line
 * was consumed. */
static int word_list_line(parley_dict *d, const char *s, size_t n, int *list)
{
    if (s[0] == '<') {
        if (starts(s, n, "<NOUN>")) *list = 1;
        else if (starts(s, n, "<ADJECTIVE>")) *list = 2;
        else *list = 0;
        return 1;
    }
    if (*list) {
        add_word_list(d, *list == 2, s, n);
        return 1;
    }
    return 0;
}

void pl_read_actors(parley_dict *d, uint16_t file, const char *text, size_t len)
{
    lines L;
    lines_init(&L, text, len, d->cur_tabari);
    const char *s;
    size_t n;
    uint32_t cur = PL_NO_ID;
    int list = 0; /* 1 nouns, 2 adjectives */
    while (next_line(&L, &s, &n)) {
        d->nlines++;
        if (!n) continue;
        if (word_list_line(d, s, n, &list)) continue;
        if (s[0] == '[') {
            if (cur == PL_NO_ID) {
                pl_dict_warn(d, file, L.no, "codes before any actor, skipped");
                continue;
            }
            actor_codes(d, cur, s, n, file, L.no);
            continue;
        }
        if (s[0] == '+') {
            if (cur == PL_NO_ID) {
                pl_dict_warn(d, file, L.no, "synonym before any actor, skipped");
                continue;
            }
            const char *lb = memchr(s, '[', n);
            actor_name(d, cur, s, lb ? (size_t)(lb - s) : n);
            if (lb) actor_codes(d, cur, lb, n - (size_t)(lb - s), file, L.no);
            continue;
        }
        /* a new actor */
        const char *lb = memchr(s, '[', n);
        size_t nn = lb ? (size_t)(lb - s) : n;
        const char *nm = s;
        trim(&nm, &nn);
        if (!nn) {
            pl_dict_warn(d, file, L.no, "actor without a name, skipped");
            continue;
        }
        d->actors = pl_grow(d->actors, &d->capactors, d->nactors + 1, sizeof *d->actors);
        cur = (uint32_t)d->nactors++;
        pl_actor *a = &d->actors[cur];
        memset(a, 0, sizeof *a);
        a->name = pl_dict_str(d, nm, nn);
        a->src.file = file;
        a->src.line = (uint32_t)L.no;
        actor_name(d, cur, nm, nn);
        if (lb) actor_codes(d, cur, lb, n - (size_t)(lb - s), file, L.no);
    }
}

/* --- agents ----------------------------------------------------------------------- */

typedef struct subst {
    char name[64];
    char alts[16][64];
    int n;
} subst;

static void agent_add_phrase(parley_dict *d, uint32_t ag, const char *s, size_t n, subst *subs,
                             int nsubs, int plural)
{
    /* expand the first !NAME! */
    const char *b = memchr(s, '!', n);
    if (b) {
        const char *e = memchr(b + 1, '!', n - (size_t)(b + 1 - s));
        if (e) {
            size_t nl = (size_t)(e - b + 1);
            for (int k = 0; k < nsubs; k++) {
                if (strlen(subs[k].name) != nl || !pl_strncaseeq(subs[k].name, b, nl)) continue;
                for (int a = 0; a < subs[k].n; a++) {
                    char buf[512];
                    int m = snprintf(buf, sizeof buf, "%.*s%s%.*s", (int)(b - s), s, subs[k].alts[a],
                                     (int)(n - (size_t)(e + 1 - s)), e + 1);
                    if (m > 0 && (size_t)m < sizeof buf) agent_add_phrase(d, ag, buf, (size_t)m, subs, nsubs, plural);
                }
                return;
            }
        }
    }
    uint16_t nw;
    int us;
    uint32_t off = pl_dict_phrase(d, s, n, &nw, &us);
    if (!nw) return;
    pl_names_add(d, &d->agent_names, off, nw, 0, ag);
    if (plural) {
        /* regular plural of the last word */
        const char *last = pl_dict_w(d, d->wordv[off + nw - 1]);
        size_t ll = strlen(last);
        char pl[128];
        char lc = ll ? last[ll - 1] : 0, pc = ll > 1 ? last[ll - 2] : 0;
        if (lc == 'Y' && pc && !is_vowel(pc)) snprintf(pl, sizeof pl, "%.*sIES", (int)ll - 1, last);
        else if (lc == 'S' || lc == 'X' || lc == 'Z' || (lc == 'H' && (pc == 'C' || pc == 'S')))
            snprintf(pl, sizeof pl, "%sES", last);
        else if (lc == 'N' && pc == 'A' && ll > 3 && memcmp(last + ll - 3, "MAN", 3) == 0)
            snprintf(pl, sizeof pl, "%.*sEN", (int)ll - 2, last);
        else snprintf(pl, sizeof pl, "%sS", last);
        uint32_t off2 = (uint32_t)d->nwordv;
        for (uint16_t i = 0; i + 1 < nw; i++) {
            uint32_t w = d->wordv[off + i];
            d->wordv = pl_grow(d->wordv, &d->capwordv, d->nwordv + 1, sizeof *d->wordv);
            d->wordv[d->nwordv++] = w;
        }
        uint32_t pw = pl_dict_word(d, pl, strlen(pl));
        d->wordv = pl_grow(d->wordv, &d->capwordv, d->nwordv + 1, sizeof *d->wordv);
        d->wordv[d->nwordv++] = pw;
        pl_names_add(d, &d->agent_names, off2, nw, 0, ag);
    }
}

void pl_read_agents(parley_dict *d, uint16_t file, const char *text, size_t len)
{
    lines L;
    lines_init(&L, text, len, d->cur_tabari);
    const char *s;
    size_t n;
    subst subs[32];
    int nsubs = 0;
    while (next_line(&L, &s, &n)) {
        d->nlines++;
        if (!n) continue;
        if (s[0] == '!' && memchr(s, '=', n) && !memchr(s, '[', n)) {
            const char *eq = memchr(s, '=', n);
            const char *e = memchr(s + 1, '!', n - 1);
            if (!eq || !e || e > eq || nsubs >= 32) {
                pl_dict_warn(d, file, L.no, "bad substitution set, skipped");
                continue;
            }
            subst *sb = &subs[nsubs];
            snprintf(sb->name, sizeof sb->name, "%.*s", (int)(e - s + 1), s);
            sb->n = 0;
            const char *p = eq + 1, *end = s + n;
            while (p < end && sb->n < 16) {
                while (p < end && (*p == ',' || pl_isspace((unsigned char)*p))) p++;
                const char *st = p;
                while (p < end && *p != ',') p++;
                const char *w = st;
                size_t wn = (size_t)(p - st);
                trim(&w, &wn);
                if (wn && wn < 64) {
                    for (size_t k = 0; k < wn; k++) sb->alts[sb->n][k] = (char)pl_upper((unsigned char)w[k]);
                    sb->alts[sb->n][wn] = 0;
                    sb->n++;
                }
            }
            nsubs++;
            continue;
        }
        if (s[0] == '<') continue;
        const char *lb = memchr(s, '[', n);
        const char *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
        if (!lb || !rb) {
            pl_dict_warn(d, file, L.no, "agent without [~CODE], skipped");
            continue;
        }
        const char *c = lb + 1;
        size_t cn = (size_t)(rb - c);
        trim(&c, &cn);
        pl_agent ag = {0, 0, {file, (uint32_t)L.no}};
        if (cn && c[0] == '~') {
            c++, cn--;
        } else if (cn && c[cn - 1] == '~') {
            cn--;
            ag.prefix = 1;
        } else {
            pl_dict_warn(d, file, L.no, "agent code [%.*s] without '~', skipped", (int)cn, c);
            continue;
        }
        trim(&c, &cn);
        if (!cn) {
            pl_dict_warn(d, file, L.no, "empty agent code, skipped");
            continue;
        }
        ag.code = pl_dict_str(d, c, cn);
        d->agents = pl_grow(d->agents, &d->capagents, d->nagents + 1, sizeof *d->agents);
        uint32_t ai = (uint32_t)d->nagents++;
        d->agents[ai] = ag;
        const char *br = memchr(s, '{', (size_t)(lb - s));
        size_t pn = (size_t)((br ? br : lb) - s);
        const char *ph = s;
        trim(&ph, &pn);
        agent_add_phrase(d, ai, ph, pn, subs, nsubs, br == NULL);
        if (br) {
            const char *cb = memchr(br, '}', (size_t)(lb - br));
            size_t i = 1, e = cb ? (size_t)(cb - br) : (size_t)(lb - br);
            while (i < e) {
                while (i < e && pl_isspace((unsigned char)br[i])) i++;
                size_t st = i;
                while (i < e && !pl_isspace((unsigned char)br[i])) i++;
                if (i > st) agent_add_phrase(d, ai, br + st, i - st, subs, nsubs, 0);
            }
        }
    }
}

/* --- discards, issues, options --------------------------------------------------- */

void pl_read_discards(parley_dict *d, uint16_t file, const char *text, size_t len)
{
    lines L;
    lines_init(&L, text, len, d->cur_tabari);
    const char *s;
    size_t n;
    while (next_line(&L, &s, &n)) {
        d->nlines++;
        if (!n || s[0] == '<') continue;
        pl_discard dc = {0, {file, (uint32_t)L.no}};
        if (s[0] == '+') dc.story = 1, s++, n--;
        const char *lb = memchr(s, '[', n);
        if (lb) n = (size_t)(lb - s);
        uint16_t nw;
        uint32_t off = pl_dict_phrase(d, s, n, &nw, NULL);
        if (!nw) continue;
        d->discards = pl_grow(d->discards, &d->capdiscards, d->ndiscards + 1, sizeof *d->discards);
        d->discards[d->ndiscards] = dc;
        pl_names_add(d, &d->discard_names, off, nw, 0, (uint32_t)d->ndiscards++);
    }
}

void pl_read_issues(parley_dict *d, uint16_t file, const char *text, size_t len)
{
    lines L;
    lines_init(&L, text, len, 0);
    const char *s;
    size_t n;
    while (next_line(&L, &s, &n)) {
        d->nlines++;
        if (!n || s[0] == '<' || s[0] == '~') continue;
        const char *lb = memchr(s, '[', n);
        const char *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
        if (!lb || !rb) {
            pl_dict_warn(d, file, L.no, "issue phrase without [CODE], skipped");
            continue;
        }
        char buf[256];
        size_t bn = 0;
        for (const char *p = s; p < lb && bn < sizeof buf - 1; p++) {
            if ((*p == 'n' || *p == 'N') && p + 1 < lb && p[1] == ':' &&
                (p == s || p[-1] == ' ' || p[-1] == '+')) {
                p++;
                continue;
            }
            buf[bn++] = *p == '+' ? ' ' : *p;
        }
        const char *c = lb + 1;
        size_t cn = (size_t)(rb - c);
        trim(&c, &cn);
        uint16_t nw;
        uint32_t off = pl_dict_phrase(d, buf, bn, &nw, NULL);
        if (!nw || !cn) continue;
        pl_issue is = {pl_dict_str(d, c, cn), {file, (uint32_t)L.no}};
        d->issues = pl_grow(d->issues, &d->capissues, d->nissues + 1, sizeof *d->issues);
        d->issues[d->nissues] = is;
        pl_names_add(d, &d->issue_names, off, nw, 0, (uint32_t)d->nissues);
        if (memstr(s, (size_t)(lb - s), "n:") || memstr(s, (size_t)(lb - s), "N:")) {
            /* a noun: its plural too */
            const char *last = pl_dict_w(d, d->wordv[off + nw - 1]);
            size_t ll = strlen(last);
            char pl[128];
            int es = ll && (last[ll - 1] == 'S' || last[ll - 1] == 'X' || last[ll - 1] == 'H');
            snprintf(pl, sizeof pl, "%s%s", last, es ? "ES" : "S");
            uint32_t off2 = (uint32_t)d->nwordv;
            for (uint16_t k = 0; k + 1 < nw; k++) {
                uint32_t w = d->wordv[off + k];
                d->wordv = pl_grow(d->wordv, &d->capwordv, d->nwordv + 1, sizeof *d->wordv);
                d->wordv[d->nwordv++] = w;
            }
            uint32_t pw = pl_dict_word(d, pl, strlen(pl));
            d->wordv = pl_grow(d->wordv, &d->capwordv, d->nwordv + 1, sizeof *d->wordv);
            d->wordv[d->nwordv++] = pw;
            pl_names_add(d, &d->issue_names, off2, nw, 0, (uint32_t)d->nissues);
        }
        d->nissues++;
    }
}

void pl_read_tabari_options(parley_dict *d, uint16_t file, const char *text, size_t len)
{
    lines L;
    lines_init(&L, text, len, 1);
    const char *s;
    size_t n;
    int list = 0;
    while (next_line(&L, &s, &n)) {
        d->nlines++;
        if (!n) continue;
        if (word_list_line(d, s, n, &list)) continue;
        if (starts(s, n, "LABEL:")) {
            const char *eq = memchr(s, '=', n);
            if (!eq) {
                pl_dict_warn(d, file, L.no, "LABEL without '=', skipped");
                continue;
            }
            const char *c = s + 6;
            size_t cn = (size_t)(eq - c);
            trim(&c, &cn);
            const char *v = eq + 1;
            size_t vn = n - (size_t)(v - s);
            trim(&v, &vn);
            d->labels = pl_grow(d->labels, &d->caplabels, d->nlabels + 2, sizeof *d->labels);
            d->labels[d->nlabels++] = pl_dict_s(d, pl_dict_str(d, c, cn));
            d->labels[d->nlabels++] = pl_dict_s(d, pl_dict_str(d, v, vn));
            continue;
        }
        if (starts(s, n, "SET:")) {
            if (memstr(s, n, "CODE ALL")) d->opts.code_all = 1;
            continue;
        }
        if (starts(s, n, "COMPLEX:")) {
            const char *v = memstr(s, n, "VERBS[");
            if (v) d->opts.complex_verbs = atoi(v + 6);
            v = memstr(s, n, "CONJ[");
            if (v) d->opts.complex_conj = atoi(v + 5);
            continue;
        }
        if (starts(s, n, "~~~")) continue;
        /* other commands are accepted and ignored */
    }
}
