/* petrarch.c — a tolerant scanner for PETRARCH validation records (XML).
 *
 * Files in the wild are not well-formed XML (a self-closing <Sentence .../>
 * followed by its children, missing end tags, stray '<', '--' inside
 * comments), so this is a hand-written scanner rather than an XML parser:
 * it walks the tags it knows (Environment and its file names, Include,
 * Exclude, Config, Sentence, EventCoding, Text, Parse, Stop), takes an
 * unexpected tag or a missing end tag as the end of what came before, and
 * reports what it repaired with file:line.  Everything else is ignored. */
#include "validate/validate.h"
#include "utf8.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ATTRS 16

typedef struct xattr {
    const char *name, *value;   /* value decoded, arena-owned */
    size_t name_len;
} xattr;

typedef struct xscan {
    pl_vsuite *s;
    const char *data, *end;
    /* incremental line counting (offsets asked for only grow, mostly) */
    const char *line_pos;
    long line_no;
    /* Environment */
    const char *include, *exclude;
    /* the open record */
    pl_vrecord *rec;            /* NULL when none (pointer into s->records: refetched) */
    size_t rec_index;
    int rec_open, rec_selfclosed;
    int rec_noevents;           /* a noevents="true" coding was seen */
    int rec_has_text;
    const char *parse, *parse_end;   /* the open record's <Parse> content */
    const char *rec_sentence, *rec_valid, *rec_evaluate;
    pl_vevent *ev;              /* expected events of the open record (malloc'd) */
    size_t n_ev, cap_ev;
    pl_buf tmp;
} xscan;

static long line_at(xscan *x, const char *p)
{
    if (p < x->line_pos) {
        x->line_pos = x->data;
        x->line_no = 1;
    }
    for (const char *q = x->line_pos; q < p; q++)
        if (*q == '\n') x->line_no++;
    x->line_pos = p;
    return x->line_no;
}

static void warn_at(xscan *x, const char *p, const char *fmt, const char *arg)
{
    pl_vsuite *s = x->s;
    s->n_warnings++;
    if (!s->diag) return;
    char msg[512];
    snprintf(msg, sizeof msg, fmt, arg ? arg : "");
    const char *rid = NULL;
    if (x->rec_open && s->records[x->rec_index].id[0]) rid = s->records[x->rec_index].id;
    parley_diag d = {PARLEY_WARNING, s->path, line_at(x, p), (long long)(p - x->data), rid, msg};
    s->diag(s->diag_ctx, &d);
}

static const char *find(const char *p, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    if ((size_t)(end - p) < n) return NULL;
    const char *r = memmem(p, (size_t)(end - p), needle, n);
    return r;
}

static int name_char(int c)
{
    return pl_isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
}

static int name_is(const char *name, size_t n, const char *want)
{
    return strlen(want) == n && pl_strncaseeq(name, want, n);
}

/* Decodes XML character references in [p, p+n) and appends to b. */
static void decode_entities(pl_buf *b, const char *p, size_t n)
{
    const char *end = p + n;
    while (p < end) {
        if (*p != '&') {
            const char *amp = memchr(p, '&', (size_t)(end - p));
            const char *stop = amp ? amp : end;
            pl_buf_put(b, p, (size_t)(stop - p));
            p = stop;
            continue;
        }
        const char *semi = p + 1;
        while (semi < end && semi - p < 12 && *semi != ';') semi++;
        if (semi >= end || *semi != ';') {
            pl_buf_putc(b, *p++);
            continue;
        }
        size_t len = (size_t)(semi - p - 1);
        const char *e = p + 1;
        uint32_t cp = 0;
        int ok = 1;
        if (len == 3 && !memcmp(e, "amp", 3)) cp = '&';
        else if (len == 2 && !memcmp(e, "lt", 2)) cp = '<';
        else if (len == 2 && !memcmp(e, "gt", 2)) cp = '>';
        else if (len == 4 && !memcmp(e, "quot", 4)) cp = '"';
        else if (len == 4 && !memcmp(e, "apos", 4)) cp = '\'';
        else if (len >= 2 && e[0] == '#') {
            int hex = e[1] == 'x' || e[1] == 'X';
            const char *d = e + 1 + hex;
            if (d >= semi) ok = 0;
            for (; d < semi && ok; d++) {
                int v;
                if (pl_isdigit((unsigned char)*d)) v = *d - '0';
                else if (hex && pl_lower((unsigned char)*d) >= 'a' && pl_lower((unsigned char)*d) <= 'f')
                    v = pl_lower((unsigned char)*d) - 'a' + 10;
                else ok = 0, v = 0;
                cp = cp * (hex ? 16 : 10) + (uint32_t)v;
                if (cp > 0x10FFFF) ok = 0;
            }
            if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) ok = 0;
        } else {
            ok = 0;
        }
        if (!ok) {
            pl_buf_putc(b, *p++);
            continue;
        }
        pl_utf8_put(b, cp);
        p = semi + 1;
    }
}

/* Copies [p, p+n) decoded, with runs of white space collapsed to one space
 * and trimmed, into the arena.  Invalid UTF-8 is read as Latin-1. */
static const char *clean_text(xscan *x, const char *p, size_t n, int *latin1)
{
    pl_buf_clear(&x->tmp);
    decode_entities(&x->tmp, p, n);
    pl_buf conv;
    pl_buf_init(&conv);
    const char *src = x->tmp.data ? x->tmp.data : "";
    size_t len = x->tmp.len;
    if (!pl_utf8_is_valid(src, len)) {
        pl_latin1_to_utf8(src, len, &conv);
        src = conv.data ? conv.data : "";
        len = conv.len;
        if (latin1) *latin1 = 1;
    }
    char *out = pl_arena_alloc(&x->s->arena, len + 1);
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (pl_isspace(c)) {
            space = 1;
            continue;
        }
        if (space && k) out[k++] = ' ';
        space = 0;
        out[k++] = (char)c;
    }
    out[k] = 0;
    pl_buf_free(&conv);
    return out;
}

/* Parses attributes from p (just after the tag name) to the closing '>'.
 * Returns the position after '>', sets *selfclose.  A '<' before any '>'
 * ends the tag (with a warning). */
static const char *parse_attrs(xscan *x, const char *p, xattr *attrs, size_t *n_attrs,
                               int *selfclose, const char *tagname)
{
    *n_attrs = 0;
    *selfclose = 0;
    const char *end = x->end;
    for (;;) {
        while (p < end && pl_isspace((unsigned char)*p)) p++;
        if (p >= end) {
            warn_at(x, p, "unterminated <%s> tag at end of file", tagname);
            return p;
        }
        if (*p == '>') return p + 1;
        if (*p == '/' && p + 1 < end && p[1] == '>') {
            *selfclose = 1;
            return p + 2;
        }
        if (*p == '<') {
            warn_at(x, p, "<%s> tag not closed by '>'", tagname);
            return p;
        }
        if (!name_char((unsigned char)*p)) {
            p++;   /* stray character inside a tag */
            continue;
        }
        const char *nm = p;
        while (p < end && name_char((unsigned char)*p)) p++;
        size_t nlen = (size_t)(p - nm);
        while (p < end && pl_isspace((unsigned char)*p)) p++;
        const char *val = "";
        size_t vlen = 0;
        if (p < end && *p == '=') {
            p++;
            while (p < end && pl_isspace((unsigned char)*p)) p++;
            if (p < end && (*p == '"' || *p == '\'')) {
                char q = *p++;
                const char *v = p;
                /* the closing quote on the same line; failing that, the value
                 * ends at the end of the tag */
                while (p < end && *p != q && *p != '\n') p++;
                if (p >= end || *p != q) {
                    p = v;
                    while (p < end && *p != '>' && *p != '<' && *p != '\n') p++;
                }
                if (p < end && *p == q) {
                    val = v, vlen = (size_t)(p - v);
                    p++;
                } else {
                    warn_at(x, v, "unterminated attribute value in <%s>", tagname);
                    val = v, vlen = (size_t)(p - v);
                }
            } else {
                const char *v = p;
                while (p < end && !pl_isspace((unsigned char)*p) && *p != '>' && *p != '<' &&
                       !(*p == '/' && p + 1 < end && p[1] == '>'))
                    p++;
                val = v, vlen = (size_t)(p - v);
            }
        }
        if (*n_attrs < MAX_ATTRS) {
            xattr *a = &attrs[(*n_attrs)++];
            a->name = nm;
            a->name_len = nlen;
            pl_buf_clear(&x->tmp);
            decode_entities(&x->tmp, val, vlen);
            /* trim */
            const char *t = x->tmp.data ? x->tmp.data : "";
            size_t tl = x->tmp.len;
            while (tl && pl_isspace((unsigned char)*t)) t++, tl--;
            while (tl && pl_isspace((unsigned char)t[tl - 1])) tl--;
            a->value = pl_arena_strndup(&x->s->arena, t, tl);
        }
    }
}

static const char *attr(const xattr *a, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (name_is(a[i].name, a[i].name_len, name)) return a[i].value;
    return NULL;
}

static int is_true(const char *v)
{
    return v && (pl_strcaseeq(v, "true") || pl_strcaseeq(v, "yes") || !strcmp(v, "1"));
}

static int is_false(const char *v)
{
    return v && (pl_strcaseeq(v, "false") || pl_strcaseeq(v, "no") || !strcmp(v, "0"));
}

/* Tags that end an element whose end tag is missing. */
static int structural_tag(const char *p, const char *end)
{
    static const char *const tags[] = {"<Sentence", "</Sentence", "<EventCoding", "<Text",
                                       "<Parse", "<Config", "<Environment", "</Environment",
                                       "<Stop"};
    for (size_t i = 0; i < PL_COUNT(tags); i++) {
        size_t n = strlen(tags[i]);
        if ((size_t)(end - p) > n && pl_strncaseeq(p, tags[i], n) &&
            !name_char((unsigned char)p[n]))
            return 1;
    }
    return 0;
}

/* Content of element name from p up to its end tag (returned in *cend);
 * returns the position after the end tag.  A structural tag before the end
 * tag ends the content (the end tag was forgotten). */
static const char *element_content(xscan *x, const char *p, const char *name, const char **cend)
{
    char close[64];
    snprintf(close, sizeof close, "</%s", name);
    size_t cn = strlen(close);
    for (const char *q = p; q < x->end; q++) {
        if (*q != '<') continue;
        if ((size_t)(x->end - q) >= cn && pl_strncaseeq(q, close, cn) &&
            (q + cn == x->end || !name_char((unsigned char)q[cn]))) {
            *cend = q;
            const char *gt = memchr(q, '>', (size_t)(x->end - q));
            return gt ? gt + 1 : x->end;
        }
        if (q[1] == '!' && q + 3 < x->end && q[2] == '-' && q[3] == '-') {
            const char *c = find(q + 4, x->end, "-->");
            if (!c) break;
            q = c + 2;
            continue;
        }
        if (structural_tag(q, x->end)) {
            warn_at(x, q, "missing </%s>: element ended by the next tag", name);
            *cend = q;
            return q;
        }
    }
    warn_at(x, x->end, "missing </%s> at end of file", name);
    *cend = x->end;
    return x->end;
}

/* Removes <!-- --> comments from content (for <Text>). */
static void strip_comments(pl_buf *out, const char *p, const char *end)
{
    while (p < end) {
        const char *c = find(p, end, "<!--");
        if (!c) {
            pl_buf_put(out, p, (size_t)(end - p));
            return;
        }
        pl_buf_put(out, p, (size_t)(c - p));
        pl_buf_putc(out, ' ');
        const char *e = find(c + 4, end, "-->");
        p = e ? e + 3 : end;
    }
}

static int parse_date(const char *v, parley_datetime *dt)
{
    memset(dt, 0, sizeof *dt);
    if (!v) return 0;
    int y = 0, m = 0, d = 0;
    size_t n = strlen(v);
    size_t digits = 0;
    while (digits < n && pl_isdigit((unsigned char)v[digits])) digits++;
    if (digits == 8 && n == 8) {
        y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
        m = (v[4] - '0') * 10 + (v[5] - '0');
        d = (v[6] - '0') * 10 + (v[7] - '0');
    } else if (digits == 6 && n == 6) {
        y = (v[0] - '0') * 10 + (v[1] - '0');
        y += y >= 69 ? 1900 : 2000;
        m = (v[2] - '0') * 10 + (v[3] - '0');
        d = (v[4] - '0') * 10 + (v[5] - '0');
    } else if (n == 10 && digits == 4 && v[4] == '-' && v[7] == '-') {
        y = atoi(v);
        m = atoi(v + 5);
        d = atoi(v + 8);
    } else {
        return 0;
    }
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
    dt->year = y, dt->month = m, dt->day = d;
    return 1;
}

int pl_vparse_date(const char *v, parley_datetime *dt) { return parse_date(v, dt); }

/* ---- <Text> against <Parse> ----
 * PETRARCH codes the parse tree; Parley codes the text.  When the words of
 * the two differ, the expected events describe the parse and the record is
 * flagged (not skipped) so that reports can tell such records apart. */

typedef struct nword {
    const char *s;               /* original word */
    size_t n;
} nword;

/* Appends the normalised form of word w (lower-case ASCII letters and digits,
 * other ASCII dropped, non-ASCII bytes kept) to out, recording in owner the
 * index of the word each output byte came from. */
static void norm_word(pl_buf *out, pl_buf *owner, const char *w, size_t n, uint32_t idx)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c < 0x80 && !pl_isalnum(c)) continue;
        /* general punctuation U+2000..U+203F (curly quotes, dashes) and no-break space */
        if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80) {
            i += 2;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)w[i + 1] == 0xA0) {
            i += 1;
            continue;
        }
        pl_buf_putc(out, (char)(c < 0x80 ? pl_lower(c) : c));
        pl_buf_put(owner, &idx, sizeof idx);
    }
}

/* Leaves "(TAG word)" of a bracketed parse, in order. */
static size_t parse_leaves(const char *p, const char *end, nword **out, size_t *cap)
{
    size_t n = 0;
    while (p < end) {
        if (*p != '(') {
            p++;
            continue;
        }
        const char *q = p + 1;
        while (q < end && !pl_isspace((unsigned char)*q) && *q != '(' && *q != ')') q++;
        while (q < end && pl_isspace((unsigned char)*q)) q++;
        if (q >= end || *q == '(' || *q == ')') {
            p++;
            continue;
        }
        const char *w = q;
        while (q < end && !pl_isspace((unsigned char)*q) && *q != '(' && *q != ')') q++;
        const char *we = q;
        while (q < end && pl_isspace((unsigned char)*q)) q++;
        if (q < end && *q == ')') {
            /* -LRB-, -NONE- and friends are not words of the text */
            if (!(we - w >= 3 && w[0] == '-' && we[-1] == '-')) {
                *out = pl_grow(*out, cap, n + 1, sizeof **out);
                (*out)[n++] = (nword){w, (size_t)(we - w)};
            }
            p = q + 1;
        } else {
            p = w;
        }
    }
    return n;
}

static const char *parse_note(xscan *x, const char *text)
{
    if (!x->parse || !*text) return NULL;
    nword *leaves = NULL;
    size_t cap = 0;
    size_t nl = parse_leaves(x->parse, x->parse_end, &leaves, &cap);
    if (!nl) {
        free(leaves);
        return NULL;
    }
    pl_buf a, ao, b, bo;
    pl_buf_init(&a), pl_buf_init(&ao), pl_buf_init(&b), pl_buf_init(&bo);
    /* text words */
    nword *tw = NULL;
    size_t tcap = 0, nt = 0;
    for (const char *p = text; *p;) {
        while (*p == ' ') p++;
        const char *w = p;
        while (*p && *p != ' ') p++;
        if (p > w) {
            tw = pl_grow(tw, &tcap, nt + 1, sizeof *tw);
            tw[nt] = (nword){w, (size_t)(p - w)};
            norm_word(&a, &ao, w, (size_t)(p - w), (uint32_t)nt);
            nt++;
        }
    }
    for (size_t i = 0; i < nl; i++) {
        pl_buf_clear(&x->tmp);
        decode_entities(&x->tmp, leaves[i].s, leaves[i].n);
        norm_word(&b, &bo, x->tmp.data ? x->tmp.data : "", x->tmp.len, (uint32_t)i);
    }
    const char *note = NULL;
    size_t la = a.len, lb = b.len, k = 0;
    while (k < la && k < lb && a.data[k] == b.data[k]) k++;
    if (k < la || k < lb) {
        uint32_t ti, pi;
        if (k > 0) {
            /* a word that matched only in part ("welcome" / "welcomed") is
             * the difference, not the word after it */
            uint32_t tp, pp, tk = UINT32_MAX, pk = UINT32_MAX;
            memcpy(&tp, ao.data + (k - 1) * sizeof tp, sizeof tp);
            memcpy(&pp, bo.data + (k - 1) * sizeof pp, sizeof pp);
            if (k < la) memcpy(&tk, ao.data + k * sizeof tk, sizeof tk);
            if (k < lb) memcpy(&pk, bo.data + k * sizeof pk, sizeof pk);
            if (tk == tp || pk == pp) {
                note = pl_arena_printf(&x->s->arena, "<Text> has '%.*s' where <Parse> has '%.*s'",
                                       (int)PL_MIN(tw[tp].n, 40), tw[tp].s,
                                       (int)PL_MIN(leaves[pp].n, 40), leaves[pp].s);
                la = lb = k;   /* done */
            }
        }
        if (note) {
            /* reported above */
        } else if (k < la && k < lb) {
            memcpy(&ti, ao.data + k * sizeof ti, sizeof ti);
            memcpy(&pi, bo.data + k * sizeof pi, sizeof pi);
            note = pl_arena_printf(&x->s->arena, "<Text> has '%.*s' where <Parse> has '%.*s'",
                                   (int)PL_MIN(tw[ti].n, 40), tw[ti].s, (int)PL_MIN(leaves[pi].n, 40),
                                   leaves[pi].s);
        } else if (k < la) {
            memcpy(&ti, ao.data + k * sizeof ti, sizeof ti);
            note = pl_arena_printf(&x->s->arena, "<Parse> stops before '%.*s' of <Text>",
                                   (int)PL_MIN(tw[ti].n, 40), tw[ti].s);
        } else {
            memcpy(&pi, bo.data + k * sizeof pi, sizeof pi);
            note = pl_arena_printf(&x->s->arena, "<Parse> goes on with '%.*s' after the end of <Text>",
                                   (int)PL_MIN(leaves[pi].n, 40), leaves[pi].s);
        }
    }
    pl_buf_free(&a), pl_buf_free(&ao), pl_buf_free(&b), pl_buf_free(&bo);
    free(tw);
    free(leaves);
    return note;
}

static void close_record(xscan *x, const char *at, int warn_missing)
{
    if (!x->rec_open) return;
    pl_vsuite *s = x->s;
    pl_vrecord *r = &s->records[x->rec_index];
    if (warn_missing && !x->rec_selfclosed)
        warn_at(x, at, "missing </Sentence>: record ended by the next tag%s", "");
    if (x->n_ev) {
        r->events = pl_arena_alloc(&s->arena, x->n_ev * sizeof *r->events);
        memcpy(r->events, x->ev, x->n_ev * sizeof *r->events);
        r->n_events = pl_vevents_unique(r->events, x->n_ev);
    }
    if (r->error) {
        if (pl_strcaseeq(r->error, "sentencediscard") || pl_strcaseeq(r->error, "storydiscard"))
            r->expect = PL_VEXPECT_DISCARD;
        else
            r->expect = PL_VEXPECT_ERROR;
        if (r->n_events) {
            warn_at(x, at, "record '%s' has both error= and expected events; the events are ignored",
                    r->id);
            r->n_events = 0;
        }
    } else if (r->n_events) {
        r->expect = PL_VEXPECT_EVENTS;
        if (x->rec_noevents)
            warn_at(x, at, "record '%s' has both noevents and expected events; the events count",
                    r->id);
    } else if (x->rec_noevents) {
        r->expect = PL_VEXPECT_NOEVENTS;
    } else {
        r->expect = PL_VEXPECT_NONE;
    }
    /* Reasons to skip that depend only on the record. */
    r->parse_note = parse_note(x, r->text);
    if (is_false(x->rec_sentence)) r->skip = "sentence=\"false\"";
    else if (is_false(x->rec_evaluate)) r->skip = "evaluate=\"false\"";
    else if (is_false(x->rec_valid)) r->skip = "valid=\"false\"";
    else if (!x->rec_has_text || !r->text[0]) r->skip = "no <Text>";
    else if (r->error && pl_strcaseeq(r->error, "bad_input_parse"))
        r->skip = "error=\"bad_input_parse\" tests the supplied <Parse> tree, which Parley does not use";
    /* A record without any <EventCoding> expects no event (e.g. a pattern
     * cancelled by a determiner); PETRARCH compares with an empty list. */
    if (r->expect == PL_VEXPECT_NONE) r->expect = PL_VEXPECT_NOEVENTS;
    x->rec_open = 0;
    x->n_ev = 0;
}

static void open_record(xscan *x, const char *tag, const xattr *a, size_t na, int selfclose)
{
    pl_vsuite *s = x->s;
    if (x->rec_open) close_record(x, tag, 1);
    pl_vrecord *r = pl_vsuite_add_record(s);
    x->rec_index = s->n_records - 1;
    x->rec_open = 1;
    x->rec_selfclosed = selfclose;
    x->rec_noevents = 0;
    x->rec_has_text = 0;
    x->parse = x->parse_end = NULL;
    x->n_ev = 0;
    r->line = line_at(x, tag);
    r->byte = (long long)(tag - x->data);
    const char *id = attr(a, na, "id");
    if (id && *id) {
        r->id = id;
    } else {
        r->id = pl_arena_printf(&s->arena, "line-%ld", r->line);
        warn_at(x, tag, "<Sentence> without id: called '%s'", r->id);
    }
    const char *cat = attr(a, na, "category");
    r->category = cat ? cat : "";
    const char *date = attr(a, na, "date");
    if (date && !parse_date(date, &r->date)) warn_at(x, tag, "bad date '%s' ignored", date);
    x->rec_sentence = attr(a, na, "sentence");
    x->rec_valid = attr(a, na, "valid");
    x->rec_evaluate = attr(a, na, "evaluate");
    r->marked_valid = is_true(x->rec_valid);
    if (selfclose)
        warn_at(x, tag, "self-closing <Sentence .../>: the elements that follow are taken as its children%s",
                "");
}

static void add_coding(xscan *x, const char *tag, const xattr *a, size_t na)
{
    if (!x->rec_open) {
        warn_at(x, tag, "<EventCoding> outside a <Sentence> ignored%s", "");
        return;
    }
    pl_vrecord *r = &x->s->records[x->rec_index];
    const char *err = attr(a, na, "error");
    if (err && *err) {
        r->error = err;
        return;
    }
    if (is_true(attr(a, na, "noevents"))) {
        x->rec_noevents = 1;
        return;
    }
    const char *src = attr(a, na, "sourcecode"), *tgt = attr(a, na, "targetcode"),
               *code = attr(a, na, "eventcode");
    if (!src && !tgt && !code) {
        warn_at(x, tag, "<EventCoding> without sourcecode/targetcode/eventcode ignored%s", "");
        return;
    }
    if (!src || !*src) src = "---";
    if (!tgt || !*tgt) tgt = "---";
    if (!code || !*code) {
        warn_at(x, tag, "<EventCoding> without eventcode ignored%s", "");
        return;
    }
    x->ev = pl_grow(x->ev, &x->cap_ev, x->n_ev + 1, sizeof *x->ev);
    x->ev[x->n_ev++] = (pl_vevent){src, tgt, code};
}

static void apply_config(xscan *x, const char *tag, const xattr *a, size_t na)
{
    const char *opt = attr(a, na, "option"), *val = attr(a, na, "value");
    if (!opt || !*opt) {
        warn_at(x, tag, "<Config> without option= ignored%s", "");
        return;
    }
    if (!val) val = "";
    static const char *const comma[6] = {"comma_min", "comma_max", "comma_bmin",
                                         "comma_bmax", "comma_emin", "comma_emax"};
    int ci = -1;
    for (int i = 0; i < 6; i++)
        if (pl_strcaseeq(opt, comma[i])) ci = i;
    char *endp = NULL;
    long n = strtol(val, &endp, 10);
    int numeric = *val && endp && *endp == 0 && n >= 0 && n < 100000;
    if (pl_strcaseeq(opt, "require_dyad")) {
        if (!is_true(val) && !is_false(val)) {
            warn_at(x, tag, "require_dyad needs true or false, not '%s'", val);
            return;
        }
        pl_vsuite_push_config(x->s)->require_dyad = is_true(val) ? 1 : -1;
    } else if (pl_strcaseeq(opt, "new_actor_length")) {
        if (!numeric) {
            warn_at(x, tag, "new_actor_length needs a number, not '%s'", val);
            return;
        }
        pl_vsuite_push_config(x->s)->new_actor_length = (int)n;
    } else if (ci >= 0) {
        if (!numeric) {
            warn_at(x, tag, "comma option needs a number, not '%s'", val);
            return;
        }
        pl_vsuite_push_config(x->s)->comma[ci] = (int)n;
    } else if (pl_strcaseeq(opt, "stop_on_error")) {
        /* PETRARCH stops at the first coding error; a validation run reports them all. */
    } else {
        warn_at(x, tag, "unknown <Config> option '%s' ignored", opt);
    }
}

static void set_file(xscan *x, const char **slot, const char *name, const char *tag)
{
    if (!*name) {
        warn_at(x, tag, "empty dictionary file name ignored%s", "");
        return;
    }
    if (*slot && slot == &x->s->files.actors)
        *slot = pl_arena_printf(&x->s->arena, "%s,%s", *slot, name);
    else
        *slot = name;
}

/* Is word w (length n) in the space-separated list? */
static int in_list(const char *list, const char *w, size_t n)
{
    const char *p = list;
    while (*p) {
        while (*p && (pl_isspace((unsigned char)*p) || *p == ',')) p++;
        const char *q = p;
        while (*q && !pl_isspace((unsigned char)*q) && *q != ',') q++;
        if ((size_t)(q - p) == n && n && pl_strncaseeq(p, w, n)) return 1;
        p = q;
    }
    return 0;
}

static void apply_include(xscan *x)
{
    pl_vsuite *s = x->s;
    for (size_t i = 0; i < s->n_records; i++) {
        pl_vrecord *r = &s->records[i];
        size_t clen = strlen(r->category);
        if (r->skip) continue;
        if (x->include && *x->include) {
            int in = in_list(x->include, r->category, clen) ||
                     (r->marked_valid && in_list(x->include, "valid", 5));
            if (!in) {
                r->skip = pl_arena_printf(&s->arena, "category %s not in <Include>",
                                          clen ? r->category : "(none)");
                continue;
            }
        }
        if (x->exclude && *x->exclude && in_list(x->exclude, r->category, clen))
            r->skip = pl_arena_printf(&s->arena, "category %s in <Exclude>", r->category);
    }
}

parley_status pl_petrarch_read(pl_vsuite *s, const char *data, size_t len, parley_error *err)
{
    xscan x;
    memset(&x, 0, sizeof x);
    x.s = s;
    x.data = data;
    x.end = data + len;
    x.line_pos = data;
    x.line_no = 1;
    pl_buf_init(&x.tmp);
    s->format = PL_VFORMAT_PETRARCH;
    int in_env = 0, seen_tag = 0;
    const char *p = data;
    xattr a[MAX_ATTRS];
    size_t na;
    int selfclose;
    while (p < x.end) {
        const char *lt = memchr(p, '<', (size_t)(x.end - p));
        if (!lt) break;
        p = lt;
        if (x.end - p >= 4 && !memcmp(p, "<!--", 4)) {
            const char *e = find(p + 4, x.end, "-->");
            if (!e) {
                warn_at(&x, p, "comment not closed before the end of the file%s", "");
                break;
            }
            p = e + 3;
            continue;
        }
        if (x.end - p >= 2 && (p[1] == '?' || p[1] == '!')) {
            const char *e = memchr(p, '>', (size_t)(x.end - p));
            p = e ? e + 1 : x.end;
            continue;
        }
        int closing = x.end - p >= 2 && p[1] == '/';
        const char *nm = p + 1 + closing;
        const char *ne = nm;
        while (ne < x.end && name_char((unsigned char)*ne)) ne++;
        size_t nlen = (size_t)(ne - nm);
        if (!nlen) {
            p++;   /* a lone '<' in text */
            continue;
        }
        seen_tag = 1;
        char tagname[40];
        snprintf(tagname, sizeof tagname, "%.*s", (int)PL_MIN(nlen, 39), nm);
        const char *tag = p;
        if (closing) {
            const char *e = memchr(ne, '>', (size_t)(x.end - ne));
            p = e ? e + 1 : x.end;
            if (name_is(nm, nlen, "Sentence")) {
                if (!x.rec_open) warn_at(&x, tag, "</Sentence> without <Sentence>%s", "");
                close_record(&x, tag, 0);
            } else if (name_is(nm, nlen, "Environment")) {
                in_env = 0;
            } else if (name_is(nm, nlen, "Sentences") || name_is(nm, nlen, "Validation")) {
                close_record(&x, tag, 1);
            }
            continue;
        }
        p = parse_attrs(&x, ne, a, &na, &selfclose, tagname);
        if (name_is(nm, nlen, "Sentence")) {
            open_record(&x, tag, a, na, selfclose);
        } else if (name_is(nm, nlen, "EventCoding")) {
            add_coding(&x, tag, a, na);
        } else if (name_is(nm, nlen, "Config")) {
            apply_config(&x, tag, a, na);
        } else if (name_is(nm, nlen, "Environment")) {
            in_env = !selfclose;
        } else if (name_is(nm, nlen, "Stop")) {
            close_record(&x, tag, 1);
            s->stopped = 1;
            warn_at(&x, tag, "<Stop> record: the records after it are not read%s", "");
            break;
        } else if (!selfclose &&
                   (name_is(nm, nlen, "Text") || name_is(nm, nlen, "Parse") ||
                    name_is(nm, nlen, "Verbfile") || name_is(nm, nlen, "Actorfile") ||
                    name_is(nm, nlen, "Agentfile") || name_is(nm, nlen, "Discardfile") ||
                    name_is(nm, nlen, "Issuefile") || name_is(nm, nlen, "Include") ||
                    name_is(nm, nlen, "Exclude") || name_is(nm, nlen, "Errorfile") ||
                    name_is(nm, nlen, "Pause"))) {
            const char *cend;
            const char *cstart = p;
            p = element_content(&x, p, tagname, &cend);
            if (name_is(nm, nlen, "Parse") && x.rec_open) {
                x.parse = cstart;
                x.parse_end = cend;
                continue;
            }
            if (name_is(nm, nlen, "Parse") || name_is(nm, nlen, "Errorfile") ||
                name_is(nm, nlen, "Pause"))
                continue;
            if (name_is(nm, nlen, "Text")) {
                if (!x.rec_open) {
                    warn_at(&x, tag, "<Text> outside a <Sentence> ignored%s", "");
                    continue;
                }
                pl_buf body;
                pl_buf_init(&body);
                strip_comments(&body, cstart, cend);
                int latin1 = 0;
                const char *t = clean_text(&x, body.data ? body.data : "", body.len, &latin1);
                pl_buf_free(&body);
                if (latin1) warn_at(&x, cstart, "text is not UTF-8: read as Latin-1%s", "");
                pl_vrecord *r = &s->records[x.rec_index];
                if (x.rec_has_text && r->text[0]) {
                    warn_at(&x, tag, "second <Text> in a record appended%s", "");
                    r->text = pl_arena_printf(&s->arena, "%s %s", r->text, t);
                } else {
                    r->text = t;
                }
                x.rec_has_text = 1;
                continue;
            }
            const char *v = clean_text(&x, cstart, (size_t)(cend - cstart), NULL);
            if (!in_env)
                warn_at(&x, tag, "<%s> outside <Environment> used anyway", tagname);
            if (name_is(nm, nlen, "Include")) x.include = v;
            else if (name_is(nm, nlen, "Exclude")) x.exclude = v;
            else if (name_is(nm, nlen, "Verbfile")) set_file(&x, &s->files.verbs, v, tag);
            else if (name_is(nm, nlen, "Actorfile")) set_file(&x, &s->files.actors, v, tag);
            else if (name_is(nm, nlen, "Agentfile")) set_file(&x, &s->files.agents, v, tag);
            else if (name_is(nm, nlen, "Discardfile")) set_file(&x, &s->files.discards, v, tag);
            else if (name_is(nm, nlen, "Issuefile")) set_file(&x, &s->files.issues, v, tag);
        }
        /* other tags (Sentences, Validation, unknown ones) carry nothing we use */
    }
    close_record(&x, x.end, 1);
    apply_include(&x);
    free(x.ev);
    pl_buf_free(&x.tmp);
    if (!s->n_records) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->status = PARLEY_ERR_FORMAT;
            snprintf(err->file, sizeof err->file, "%s", s->path);
            err->byte = -1;
            snprintf(err->message, sizeof err->message, "%s",
                     seen_tag ? "no <Sentence> records found" : "not a PETRARCH validation file");
        }
        return PARLEY_ERR_FORMAT;
    }
    return PARLEY_OK;
}
