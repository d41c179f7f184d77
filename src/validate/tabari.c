/* tabari.c — TABARI validation suites: the .project file (which names the
 * dictionaries and the text files) and .text records:
 *
 *   YYMMDD ID                 header (6 or 8 digits, then space or '*')
 *   sentence text ...
 *   / * \n[comment] \n{ SRC / TGT / CODE } ... * /   expected events
 *
 * Expected events are the {...} groups inside the record's comments:
 * { SRC / TGT / CODE }, {---} no event, {###} discarded, {+++} too complex.
 * A group written -{ ... } is struck out and ignored.  Lines such as
 * "SET: CODE ALL" between records are TABARI option commands; they apply to
 * the records that follow.  See docs/validate.md. */
#include "validate/validate.h"
#include "utf8.h"
#include "util.h"

#include <string.h>

static void fail(pl_vsuite *s, parley_error *err, const char *file, const char *msg)
{
    if (!err) return;
    memset(err, 0, sizeof *err);
    err->status = PARLEY_ERR_FORMAT;
    snprintf(err->file, sizeof err->file, "%s", file ? file : s->path);
    err->byte = -1;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

static const char *trim_dup(pl_vsuite *s, const char *p, const char *e)
{
    while (p < e && pl_isspace((unsigned char)*p)) p++;
    while (e > p && pl_isspace((unsigned char)e[-1])) e--;
    return pl_arena_strndup(&s->arena, p, (size_t)(e - p));
}

static void add_name(pl_vsuite *s, const char **slot, const char *v)
{
    if (*slot && **slot) *slot = pl_arena_printf(&s->arena, "%s,%s", *slot, v);
    else *slot = v;
}

parley_status pl_tabari_read_project(pl_vsuite *s, const char *data, size_t len,
                                     parley_error *err)
{
    s->format = PL_VFORMAT_TABARI_PROJECT;
    memset(&s->configs[0], 0, sizeof s->configs[0]);   /* TABARI: the .options file rules */
    const char *p = data, *end = data + len;
    int any = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *q = p;
        while (q < le && pl_isspace((unsigned char)*q)) q++;
        if (q < le && *q == '<') {
            const char *gt = memchr(q, '>', (size_t)(le - q));
            if (gt) {
                const char *key = q + 1;
                size_t klen = (size_t)(gt - key);
                const char *val = trim_dup(s, gt + 1, le);
                const char **slot = NULL;
#define KEY(k) (klen == sizeof(k) - 1 && pl_strncaseeq(key, k, klen))
                if (KEY("actorsfile") || KEY("actorfile")) slot = &s->files.actors;
                else if (KEY("verbsfile") || KEY("verbfile")) slot = &s->files.verbs;
                else if (KEY("agentsfile") || KEY("agentfile")) slot = &s->files.agents;
                else if (KEY("optionsfile") || KEY("optionfile")) slot = &s->files.options;
                else if (KEY("issuesfile") || KEY("issuefile")) slot = &s->files.issues;
                else if (KEY("discardfile") || KEY("discardsfile")) slot = &s->files.discards;
                else if (KEY("textfile")) slot = &s->text_files;
#undef KEY
                if (slot) {
                    /* a value may carry a later <tag> on the same line: cut it */
                    char *lt = strchr((char *)val, '<');
                    if (lt) {
                        *lt = 0;
                        val = trim_dup(s, val, lt);
                    }
                    if (!*val) {
                        pl_vsuite_warn(s, NULL, data, (long long)(q - data), NULL,
                                       "<%.*s> without a file name", (int)klen, key);
                    } else {
                        /* several actors or text files are allowed; others: last wins */
                        if (slot == &s->files.actors || slot == &s->text_files) add_name(s, slot, val);
                        else *slot = val;
                        any = 1;
                    }
                }
            }
        }
        p = nl ? nl + 1 : end;
    }
    if (!s->text_files) {
        fail(s, err, NULL, any ? "the project names no <textfile>" : "not a TABARI .project file");
        return PARLEY_ERR_FORMAT;
    }
    return PARLEY_OK;
}

/* Header at line start p: returns the id start and fills date digits. */
static int header_at(const char *p, const char *le, const char **id, const char **id_end,
                     char *digits)
{
    size_t n = 0;
    while (p + n < le && pl_isdigit((unsigned char)p[n])) n++;
    if (n != 6 && n != 8) return 0;
    const char *q = p + n;
    if (q >= le || !(*q == ' ' || *q == '\t' || *q == '*')) return 0;
    while (q < le && (*q == ' ' || *q == '\t' || *q == '*')) q++;
    if (q >= le || pl_isspace((unsigned char)*q)) return 0;
    *id = q;
    while (q < le && !pl_isspace((unsigned char)*q)) q++;
    *id_end = q;
    memcpy(digits, p, n);
    digits[n] = 0;
    return 1;
}

/* "SET: CODE ALL", "COMPLEX: ...": an upper-case word and ':'. */
static int command_at(const char *p, const char *le)
{
    const char *q = p;
    while (q < le && *q >= 'A' && *q <= 'Z') q++;
    return q - p >= 3 && q < le && *q == ':';
}

static int blank(const char *p, const char *le)
{
    while (p < le && pl_isspace((unsigned char)*p)) p++;
    return p == le;
}

/* The trimmed line ends with the end of a comment. */
static int ends_comment(const char *p, const char *le)
{
    while (le > p && pl_isspace((unsigned char)le[-1])) le--;
    return le - p >= 2 && le[-2] == '*' && le[-1] == '/';
}

void pl_tabari_parse_expect(pl_vsuite *s, pl_vrecord *rec, const char *c, size_t n)
{
    const char *p = c, *end = c + n;
    pl_vevent ev[64];
    size_t nev = 0;
    int none = 0, discard = 0, complex = 0;
    while (p < end) {
        const char *open = memchr(p, '{', (size_t)(end - p));
        if (!open) break;
        const char *close = open + 1;
        while (close < end && *close != '}' && *close != '{') close++;
        if (close >= end || *close == '{') {
            p = open + 1;
            continue;
        }
        p = close + 1;
        if (open > c && open[-1] == '-') continue;    /* -{ ... }: struck out */
        const char *a = open + 1, *b = close;
        while (a < b && pl_isspace((unsigned char)*a)) a++;
        while (b > a && pl_isspace((unsigned char)b[-1])) b--;
        size_t len = (size_t)(b - a);
        if (len == 3 && !memcmp(a, "---", 3)) { none = 1; continue; }
        if (len == 3 && !memcmp(a, "###", 3)) { discard = 1; continue; }
        if (len == 3 && !memcmp(a, "+++", 3)) { complex = 1; continue; }
        const char *s1 = memchr(a, '/', len);
        const char *s2 = s1 ? memchr(s1 + 1, '/', (size_t)(b - s1 - 1)) : NULL;
        if (!s1 || !s2 || memchr(s2 + 1, '/', (size_t)(b - s2 - 1))) {
            pl_vsuite_warn_line(s, rec->file, rec->line, rec->id,
                           "expected event '{%.*s}' is not { SOURCE / TARGET / CODE }: ignored",
                           (int)PL_MIN(len, 80), a);
            continue;
        }
        const char *src = trim_dup(s, a, s1), *tgt = trim_dup(s, s1 + 1, s2),
                   *code = trim_dup(s, s2 + 1, b);
        if (!*code) {
            pl_vsuite_warn_line(s, rec->file, rec->line, rec->id, "expected event without a code ignored");
            continue;
        }
        if (nev == PL_COUNT(ev)) {
            pl_vsuite_warn_line(s, rec->file, rec->line, rec->id, "more than %zu expected events: rest ignored",
                           PL_COUNT(ev));
            break;
        }
        ev[nev++] = (pl_vevent){*src ? src : "---", *tgt ? tgt : "---", code};
    }
    if (nev) {
        rec->events = pl_arena_alloc(&s->arena, nev * sizeof *rec->events);
        memcpy(rec->events, ev, nev * sizeof *ev);
        rec->n_events = pl_vevents_unique(rec->events, nev);
        rec->expect = PL_VEXPECT_EVENTS;
        if (none || discard || complex)
            pl_vsuite_warn_line(s, rec->file, rec->line, rec->id,
                           "record lists events and also {---}/{###}/{+++}: the events count");
    } else if (discard) {
        rec->expect = PL_VEXPECT_DISCARD;
    } else if (complex) {
        rec->expect = PL_VEXPECT_COMPLEX;
    } else if (none) {
        rec->expect = PL_VEXPECT_NOEVENTS;
    } else {
        rec->expect = PL_VEXPECT_NONE;
    }
}

/* Fills rec from the body [p, end) (after the header line). */
static void read_body(pl_vsuite *s, const char *file, const char *data, pl_vrecord *rec,
                      const char *p, const char *end)
{
    pl_buf text, comm;
    pl_buf_init(&text);
    pl_buf_init(&comm);
    while (p < end) {
        const char *o = memmem(p, (size_t)(end - p), "/*", 2);
        if (!o) {
            pl_buf_put(&text, p, (size_t)(end - p));
            break;
        }
        pl_buf_put(&text, p, (size_t)(o - p));
        pl_buf_putc(&text, ' ');
        const char *c = o + 2;
        const char *e = memmem(c, (size_t)(end - c), "*/", 2);
        if (!e) {
            pl_vsuite_warn(s, file, data, (long long)(o - data), rec->id,
                           "comment not closed by */ before the next record");
            e = end;
        }
        pl_buf_put(&comm, c, (size_t)(e - c));
        pl_buf_putc(&comm, '\n');
        p = e < end ? e + 2 : end;
    }
    /* sentence: white space collapsed */
    const char *t = text.data ? text.data : "";
    pl_buf conv;
    pl_buf_init(&conv);
    size_t tl = text.len;
    if (!pl_utf8_is_valid(t, tl)) {
        pl_latin1_to_utf8(t, tl, &conv);
        t = conv.data;
        tl = conv.len;
        pl_vsuite_warn(s, file, data, rec->byte, rec->id, "text is not UTF-8: read as Latin-1");
    }
    char *out = pl_arena_alloc(&s->arena, tl + 1);
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < tl; i++) {
        if (pl_isspace((unsigned char)t[i])) {
            sp = 1;
            continue;
        }
        if (sp && k) out[k++] = ' ';
        sp = 0;
        out[k++] = t[i];
    }
    out[k] = 0;
    rec->text = out;
    pl_tabari_parse_expect(s, rec, comm.data ? comm.data : "", comm.len);
    pl_buf_free(&conv);
    pl_buf_free(&text);
    pl_buf_free(&comm);
}

parley_status pl_tabari_read_text(pl_vsuite *s, const char *file, const char *data, size_t len,
                                  parley_error *err)
{
    if (s->format == PL_VFORMAT_UNKNOWN) {
        s->format = PL_VFORMAT_TABARI_TEXT;
        memset(&s->configs[0], 0, sizeof s->configs[0]);
    }
    const char *p = data, *end = data + len;
    if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3;
    int boundary = 1;          /* a record header may start here */
    int prelude_warned = 0;
    size_t before = s->n_records;
    size_t cur = (size_t)-1;   /* index of the open record */
    const char *body = NULL;   /* start of the open record's body */
    pl_buf cmds;
    pl_buf_init(&cmds);
    const char *prev = s->configs[s->n_configs - 1].tabari_commands;
    if (prev) pl_buf_puts(&cmds, prev);
#define CLOSE_AT(pos)                                                             \
    do {                                                                          \
        if (cur != (size_t)-1) read_body(s, file, data, &s->records[cur], body, (pos)); \
        cur = (size_t)-1;                                                         \
    } while (0)
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        const char *id, *id_end;
        char digits[9];
        if (blank(p, le)) {
            boundary = 1;
            p = next;
            continue;
        }
        if (boundary && header_at(p, le, &id, &id_end, digits)) {
            CLOSE_AT(p);
            pl_vrecord *r = pl_vsuite_add_record(s);
            cur = s->n_records - 1;
            r->id = pl_arena_strndup(&s->arena, id, (size_t)(id_end - id));
            r->category = "";
            r->file = pl_arena_strdup(&s->arena, file);
            r->byte = (long long)(p - data);
            long line = 1;
            for (const char *q = data; q < p; q++) line += *q == '\n';
            r->line = line;
            if (!pl_vparse_date(digits, &r->date))
                pl_vsuite_warn(s, file, data, r->byte, r->id, "bad record date '%s' ignored", digits);
            /* text on the header line after the id belongs to the sentence */
            body = id_end;
            boundary = 0;
            p = next;
            continue;
        }
        if (boundary && command_at(p, le)) {
            CLOSE_AT(p);
            pl_buf_put(&cmds, p, (size_t)(le - p));
            pl_buf_putc(&cmds, '\n');
            pl_vconfig *c = pl_vsuite_push_config(s);
            c->tabari_commands = pl_arena_strdup(&s->arena, cmds.data);
            p = next;
            continue;   /* boundary stays: more commands or a header may follow */
        }
        if (cur == (size_t)-1 && !prelude_warned) {
            pl_vsuite_warn(s, file, data, (long long)(p - data), NULL,
                           "text before the first record header (YYMMDD ID) ignored");
            prelude_warned = 1;
        }
        boundary = ends_comment(p, le);
        p = next;
    }
    CLOSE_AT(end);
#undef CLOSE_AT
    pl_buf_free(&cmds);
    for (size_t i = before; i < s->n_records; i++) {
        pl_vrecord *r = &s->records[i];
        if (!r->text[0]) r->skip = "no sentence text";
        else if (r->expect == PL_VEXPECT_NONE) r->skip = "no expected events";
    }
    if (s->n_records == before) {
        fail(s, err, file, "no TABARI records (YYMMDD ID) found");
        return PARLEY_ERR_FORMAT;
    }
    return PARLEY_OK;
}
