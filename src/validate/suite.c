/* suite.c — the in-memory validation suite: records, configs, diagnostics,
 * format sniffing, and the comparison of produced with expected events. */
#include "diag.h"
#include "validate/validate.h"
#include "util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void pl_vsuite_init(pl_vsuite *s, const char *path, parley_diag_fn diag, void *ctx)
{
    memset(s, 0, sizeof *s);
    pl_arena_init(&s->arena, 64 * 1024);
    s->path = pl_arena_strdup(&s->arena, path ? path : "-");
    const char *slash = strrchr(s->path, '/');
    if (slash == s->path) s->dir = "/";
    else if (slash) s->dir = pl_arena_strndup(&s->arena, s->path, (size_t)(slash - s->path));
    else s->dir = ".";
    s->diag = diag;
    s->diag_ctx = ctx;
    /* configs[0]: PETRARCH's documented defaults (require_dyad true, comma
     * clauses 2..8 internal and final, initial off). */
    pl_vconfig *c = pl_vsuite_push_config(s);
    c->require_dyad = 1;
    c->new_actor_length = 0;
    int def[6] = {2, 8, 0, 0, 2, 8};
    memcpy(c->comma, def, sizeof def);
}

void pl_vsuite_free(pl_vsuite *s)
{
    if (!s) return;
    free(s->records);
    free(s->configs);
    pl_arena_free(&s->arena);
    memset(s, 0, sizeof *s);
}

void pl_vsuite_warn(pl_vsuite *s, const char *file, const char *data, long long byte,
                    const char *record, const char *fmt, ...)
{
    s->n_warnings++;
    if (!s->diag) return;
    long line = 0;
    if (data && byte >= 0) {
        line = 1;
        for (long long i = 0; i < byte; i++)
            if (data[i] == '\n') line++;
    }
    va_list ap;
    va_start(ap, fmt);
    pl_vdiag(s->diag, s->diag_ctx, PARLEY_WARNING, file ? file : s->path, line, byte, record, fmt, ap);
    va_end(ap);
}

void pl_vsuite_warn_line(pl_vsuite *s, const char *file, long line, const char *record,
                         const char *fmt, ...)
{
    s->n_warnings++;
    va_list ap;
    va_start(ap, fmt);
    pl_vdiag(s->diag, s->diag_ctx, PARLEY_WARNING, file ? file : s->path, line, -1, record, fmt, ap);
    va_end(ap);
}

pl_vrecord *pl_vsuite_add_record(pl_vsuite *s)
{
    s->records = pl_grow(s->records, &s->cap_records, s->n_records + 1, sizeof *s->records);
    pl_vrecord *r = &s->records[s->n_records++];
    memset(r, 0, sizeof *r);
    r->id = "";
    r->file = s->path;
    r->category = "";
    r->text = "";
    r->byte = -1;
    r->config = s->n_configs - 1;
    return r;
}

pl_vconfig *pl_vsuite_push_config(pl_vsuite *s)
{
    s->configs = pl_grow(s->configs, &s->cap_configs, s->n_configs + 1, sizeof *s->configs);
    pl_vconfig *c = &s->configs[s->n_configs];
    if (s->n_configs) *c = s->configs[s->n_configs - 1];
    else memset(c, 0, sizeof *c);
    s->n_configs++;
    return c;
}

static int by_id(const void *a, const void *b)
{
    const pl_vrecord *x = *(const pl_vrecord *const *)a, *y = *(const pl_vrecord *const *)b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x < y ? -1 : x > y);   /* same id: file order */
}

size_t pl_vsuite_check_ids(pl_vsuite *s)
{
    if (s->n_records < 2) return 0;
    const pl_vrecord **ix = pl_xmalloc(s->n_records * sizeof *ix);
    for (size_t i = 0; i < s->n_records; i++) ix[i] = &s->records[i];
    qsort(ix, s->n_records, sizeof *ix, by_id);
    size_t dup = 0;
    const pl_vrecord *first = ix[0];   /* first record of the current run of equal ids */
    for (size_t k = 1; k < s->n_records; k++) {
        const pl_vrecord *b = ix[k];
        if (strcmp(first->id, b->id)) {
            first = b;
            continue;
        }
        dup++;
        pl_vsuite_warn_line(s, b->file, b->line, b->id,
                            "record id used again (first at %s:%ld); both records are run",
                            first->file, first->line);
    }
    free(ix);
    return dup;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && pl_strcaseeq(s + n - m, suffix);
}

/* A TABARI record header: 6 or 8 digits, then space or '*', then an id. */
static int tabari_header_at(const char *p, const char *end)
{
    size_t digits = 0;
    while (p + digits < end && pl_isdigit((unsigned char)p[digits])) digits++;
    if (digits != 6 && digits != 8) return 0;
    p += digits;
    return p < end && (*p == ' ' || *p == '\t' || *p == '*');
}

pl_vformat pl_vsuite_sniff(const char *path, const char *data, size_t len)
{
    const char *end = data + len;
    const char *p = data;
    if (len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        p += 3;
    /* Content first: a <Sentence or <Validation tag means PETRARCH. */
    size_t look = PL_MIN(len, (size_t)1 << 20);
    for (size_t i = 0; i < look; i++) {   /* data is NUL-terminated */
        if (data[i] != '<') continue;
        if (pl_strncaseeq(data + i + 1, "Sentence", 8) || pl_strncaseeq(data + i + 1, "Validation", 10))
            return PL_VFORMAT_PETRARCH;
        if (pl_strncaseeq(data + i + 1, "textfile>", 9)) return PL_VFORMAT_TABARI_PROJECT;
    }
    if (path && ends_with(path, ".project")) return PL_VFORMAT_TABARI_PROJECT;
    if (path && ends_with(path, ".xml")) return PL_VFORMAT_PETRARCH;
    while (p < end && pl_isspace((unsigned char)*p)) p++;
    if (tabari_header_at(p, end)) return PL_VFORMAT_TABARI_TEXT;
    return PL_VFORMAT_UNKNOWN;
}

static int vevent_eq(const pl_vevent *a, const pl_vevent *b)
{
    return !strcmp(a->source, b->source) && !strcmp(a->target, b->target) &&
           !strcmp(a->code, b->code);
}

size_t pl_vevents_unique(pl_vevent *ev, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < k && !vevent_eq(&ev[j], &ev[i])) j++;
        if (j == k) ev[k++] = ev[i];
    }
    return k;
}

int pl_vcompare(const pl_vrecord *rec, const pl_vevent *got, size_t n_got, size_t *matched)
{
    size_t m = 0;
    for (size_t i = 0; i < n_got; i++)
        for (size_t j = 0; j < rec->n_events; j++)
            if (vevent_eq(&got[i], &rec->events[j])) {
                m++;
                break;
            }
    if (matched) *matched = m;
    switch (rec->expect) {
    case PL_VEXPECT_EVENTS: {
        /* Set equality: every produced event expected, every expected one produced. */
        if (m != n_got) return 0;
        for (size_t j = 0; j < rec->n_events; j++) {
            size_t i = 0;
            while (i < n_got && !vevent_eq(&got[i], &rec->events[j])) i++;
            if (i == n_got) return 0;
        }
        return 1;
    }
    case PL_VEXPECT_NOEVENTS:
    case PL_VEXPECT_DISCARD:
    case PL_VEXPECT_COMPLEX:
    case PL_VEXPECT_ERROR:
        return n_got == 0;
    case PL_VEXPECT_NONE:
        break;
    }
    return 0;
}
