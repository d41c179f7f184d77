/* run.c — parley_validate(): reads a suite, loads the dictionaries it names,
 * codes every record with the options in force for it, and compares the
 * coder's events with the expected ones (see docs/validate.md for the
 * scoring rules). */
#include "validate/validate.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static parley_status set_err(parley_error *err, parley_status st, const char *file, const char *fmt,
                             ...) __attribute__((format(printf, 4, 5)));
static parley_status set_err(parley_error *err, parley_status st, const char *file, const char *fmt,
                             ...)
{
    if (!err) return st;
    memset(err, 0, sizeof *err);
    err->status = st;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->byte = -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return st;
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Resolves one file name: absolute as is; else dict_dir/name, then
 * dir/name.  Returns an arena path, or NULL with *tried describing where. */
static const char *resolve1(pl_arena *a, const char *name, const char *dict_dir, const char *dir)
{
    if (name[0] == '/') return is_file(name) ? name : NULL;
    if (dict_dir) {
        const char *p = pl_arena_printf(a, "%s/%s", dict_dir, name);
        if (is_file(p)) return p;
    }
    const char *p = strcmp(dir, ".") ? pl_arena_printf(a, "%s/%s", dir, name) : name;
    return is_file(p) ? p : NULL;
}

/* Resolves a comma-separated list in place; on failure fills err. */
static parley_status resolve(pl_vsuite *s, const char **slot, const char *what, const char *dict_dir,
                             parley_error *err)
{
    if (!*slot) return PARLEY_OK;
    pl_buf out;
    pl_buf_init(&out);
    const char *p = *slot;
    while (*p) {
        const char *q = strchr(p, ',');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        char *name = pl_arena_strndup(&s->arena, p, n);
        /* trim */
        while (*name == ' ') name++;
        for (size_t k = strlen(name); k && name[k - 1] == ' '; k--) name[k - 1] = 0;
        if (*name) {
            const char *r = resolve1(&s->arena, name, dict_dir, s->dir);
            if (!r) {
                pl_buf_free(&out);
                return set_err(err, PARLEY_ERR_IO, s->path,
                               "%s file '%s' named by the suite not found (looked in %s%s%s)", what,
                               name, dict_dir ? dict_dir : "", dict_dir ? " and " : "", s->dir);
            }
            if (out.len) pl_buf_putc(&out, ',');
            pl_buf_puts(&out, r);
        }
        p = q ? q + 1 : p + n;
    }
    *slot = out.len ? pl_arena_strdup(&s->arena, out.data) : NULL;
    pl_buf_free(&out);
    return PARLEY_OK;
}

/* ---- collecting the coder's events ---- */

typedef struct collect {
    pl_arena *arena;
    pl_vevent *ev;
    size_t n, cap;
} collect;

static int on_event(void *ctx, const parley_event *e)
{
    collect *c = ctx;
    if (e->mode && e->mode[0]) return 0;   /* negated / hypothetical: not an event */
    c->ev = pl_grow(c->ev, &c->cap, c->n + 1, sizeof *c->ev);
    c->ev[c->n++] = (pl_vevent){pl_arena_strdup(c->arena, e->source && *e->source ? e->source : "---"),
                                pl_arena_strdup(c->arena, e->target && *e->target ? e->target : "---"),
                                pl_arena_strdup(c->arena, e->code ? e->code : "")};
    return 0;
}

/* ---- report ---- */

static void put_events(FILE *f, const char *label, const pl_vevent *ev, size_t n)
{
    fprintf(f, "    %-9s", label);
    if (!n) fputs(" (none)", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s %s / %s / %s", i ? " ;" : "", ev[i].source, ev[i].target, ev[i].code);
    fputc('\n', f);
}

static int has_event(const pl_vevent *set, size_t n, const pl_vevent *e)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(set[i].source, e->source) && !strcmp(set[i].target, e->target) &&
            !strcmp(set[i].code, e->code))
            return 1;
    return 0;
}

static const char *expect_text(const pl_vrecord *r)
{
    switch (r->expect) {
    case PL_VEXPECT_NOEVENTS: return "no events";
    case PL_VEXPECT_DISCARD: return "no events (discarded)";
    case PL_VEXPECT_COMPLEX: return "no events (too complex: {+++})";
    case PL_VEXPECT_ERROR: return "no events (error record)";
    default: return "";
    }
}

static void report_record(FILE *f, const pl_vsuite *s, const pl_vrecord *r, int pass,
                          const pl_vevent *got, size_t n_got, parley_status st, int details)
{
    fprintf(f, "%s %s\n", pass ? "PASS" : "FAIL", r->id);
    if (!details) return;
    fprintf(f, "    %-9s %s:%ld%s%s\n", "record", r->file, r->line, r->category[0] ? " category " : "",
            r->category);
    fprintf(f, "    %-9s %s\n", "sentence", r->text);
    if (r->expect == PL_VEXPECT_EVENTS) {
        put_events(f, "expected", r->events, r->n_events);
    } else {
        fprintf(f, "    %-9s %s", "expected", expect_text(r));
        if (r->error) fprintf(f, " [error=\"%s\"]", r->error);
        fputc('\n', f);
    }
    put_events(f, "produced", got, n_got);
    if (r->parse_note) fprintf(f, "    %-9s %s\n", "note", r->parse_note);
    if (st != PARLEY_OK) fprintf(f, "    %-9s %s\n", "coder", parley_status_str(st));
    if (pass || r->expect != PL_VEXPECT_EVENTS || !n_got) return;
    /* the difference, for quick reading */
    size_t nm = 0, nx = 0;
    for (size_t i = 0; i < r->n_events; i++) nm += !has_event(got, n_got, &r->events[i]);
    for (size_t i = 0; i < n_got; i++) nx += !has_event(r->events, r->n_events, &got[i]);
    if (nm) {
        fprintf(f, "    %-9s", "missing");
        size_t k = 0;
        for (size_t i = 0; i < r->n_events; i++)
            if (!has_event(got, n_got, &r->events[i]))
                fprintf(f, "%s %s / %s / %s", k++ ? " ;" : "", r->events[i].source,
                        r->events[i].target, r->events[i].code);
        fputc('\n', f);
    }
    if (nx) {
        fprintf(f, "    %-9s", "extra");
        size_t k = 0;
        for (size_t i = 0; i < n_got; i++)
            if (!has_event(r->events, r->n_events, &got[i]))
                fprintf(f, "%s %s / %s / %s", k++ ? " ;" : "", got[i].source, got[i].target,
                        got[i].code);
        fputc('\n', f);
    }
}

static int config_eq(const pl_vconfig *a, const pl_vconfig *b)
{
    if (a->require_dyad != b->require_dyad || a->new_actor_length != b->new_actor_length ||
        memcmp(a->comma, b->comma, sizeof a->comma))
        return 0;
    if (!a->tabari_commands || !b->tabari_commands) return a->tabari_commands == b->tabari_commands;
    return !strcmp(a->tabari_commands, b->tabari_commands);
}

static parley_coder *make_coder(const pl_vcoder_api *api, const pl_vsuite *s,
                                const parley_dict *dict, const pl_vconfig *c,
                                const parley_validate_options *opt)
{
    parley_code_options o;
    memset(&o, 0, sizeof o);
    o.diag = opt->diag;
    o.diag_ctx = opt->diag_ctx;
    o.require_dyad = c->require_dyad;
    o.new_actor_length = c->new_actor_length;
    if (s->format == PL_VFORMAT_PETRARCH) {
        o.comma_set = 1;
        o.comma_min = c->comma[0], o.comma_max = c->comma[1];
        o.comma_bmin = c->comma[2], o.comma_bmax = c->comma[3];
        o.comma_emin = c->comma[4], o.comma_emax = c->comma[5];
    }
    o.tabari_commands = c->tabari_commands;
    return api->coder_new(dict, &o);
}

/* Reads the suite at path into s. */
static parley_status load_suite(pl_vsuite *s, const char *path, parley_error *err)
{
    char *data = NULL;
    size_t len = 0;
    int e = pl_read_file(path, 0, &data, &len);
    if (e)
        return set_err(err, PARLEY_ERR_IO, path, "cannot read validation suite: %s", strerror(e));
    parley_status st;
    switch (pl_vsuite_sniff(path, data, len)) {
    case PL_VFORMAT_PETRARCH:
        st = pl_petrarch_read(s, data, len, err);
        break;
    case PL_VFORMAT_TABARI_PROJECT:
        st = pl_tabari_read_project(s, data, len, err);
        if (st == PARLEY_OK) {
            /* read every text file the project names, beside the project */
            const char *p = s->text_files;
            while (st == PARLEY_OK && p && *p) {
                const char *q = strchr(p, ',');
                size_t n = q ? (size_t)(q - p) : strlen(p);
                const char *name = pl_arena_strndup(&s->arena, p, n);
                const char *full = resolve1(&s->arena, name, NULL, s->dir);
                char *t = NULL;
                size_t tl = 0;
                int te = full ? pl_read_file(full, 0, &t, &tl) : ENOENT;
                if (te) {
                    st = set_err(err, PARLEY_ERR_IO, path, "text file '%s' named by the project: %s",
                                 name, strerror(te));
                } else {
                    st = pl_tabari_read_text(s, full, t, tl, err);
                    free(t);
                }
                p = q ? q + 1 : p + n;
            }
        }
        break;
    case PL_VFORMAT_TABARI_TEXT:
        st = pl_tabari_read_text(s, path, data, len, err);
        break;
    default:
        st = set_err(err, PARLEY_ERR_FORMAT, path,
                     "not a validation suite (expected PETRARCH XML records, a TABARI .project "
                     "or a TABARI .text file)");
        break;
    }
    free(data);
    return st;
}

parley_status pl_validate_run(const char *path, const parley_validate_options *opt,
                             const pl_vcoder_api *api, FILE *report, parley_validate_result *res,
                             parley_error *err)
{
    parley_validate_options dflt;
    memset(&dflt, 0, sizeof dflt);
    if (!opt) opt = &dflt;
    parley_validate_result r0;
    if (!res) res = &r0;
    memset(res, 0, sizeof *res);
    if (err) {
        memset(err, 0, sizeof *err);
        err->byte = -1;
    }
    if (!path || !*path) return set_err(err, PARLEY_ERR_USAGE, "", "no validation suite given");
    pl_vsuite s;
    pl_vsuite_init(&s, path, opt->diag, opt->diag_ctx);
    parley_status st = load_suite(&s, path, err);
    parley_dict *dict = NULL;
    if (st != PARLEY_OK) goto done;
    pl_vsuite_check_ids(&s);

    /* --only: the record must exist (every record with that id is run) */
    if (opt->only) {
        size_t i = 0;
        while (i < s.n_records && strcmp(s.records[i].id, opt->only)) i++;
        if (i == s.n_records) {
            st = set_err(err, PARLEY_ERR_USAGE, path, "no record with id '%s' in the suite", opt->only);
            goto done;
        }
    }

    /* dictionaries */
    const char *dd = opt->dict_dir;
    parley_dict_files *f = &s.files;
    int named = f->verbs || f->actors || f->agents || f->discards || f->issues || f->options;
    if (named) {
        if ((st = resolve(&s, &f->verbs, "verb", dd, err)) ||
            (st = resolve(&s, &f->actors, "actor", dd, err)) ||
            (st = resolve(&s, &f->agents, "agent", dd, err)) ||
            (st = resolve(&s, &f->discards, "discard", dd, err)) ||
            (st = resolve(&s, &f->issues, "issue", dd, err)) ||
            (st = resolve(&s, &f->options, "options", dd, err)))
            goto done;
        dict = api->load_files(f, opt->diag, opt->diag_ctx, err);
    } else if (dd && api->load_dir) {
        dict = api->load_dir(dd, opt->diag, opt->diag_ctx, err);
    } else {
        st = set_err(err, PARLEY_ERR_USAGE, path,
                     "the suite names no dictionaries: give a folder with --dict");
        goto done;
    }
    if (!dict) {
        if (err && err->status == PARLEY_OK) set_err(err, PARLEY_ERR_IO, path, "cannot load the dictionaries");
        st = err ? err->status : PARLEY_ERR_IO;
        if (st == PARLEY_OK) st = PARLEY_ERR_IO;
        goto done;
    }

    {
        pl_arena scratch;
        pl_arena_init(&scratch, 16 * 1024);
        collect col = {&scratch, NULL, 0, 0};
        parley_coder *coder = NULL;
        const pl_vconfig *coder_cfg = NULL;
        for (size_t i = 0; i < s.n_records; i++) {
            const pl_vrecord *rec = &s.records[i];
            if (opt->only && strcmp(rec->id, opt->only)) continue;
            if (rec->skip) {
                res->skipped++;
                if (report) fprintf(report, "SKIP %s (%s)\n", rec->id, rec->skip);
                continue;
            }
            const pl_vconfig *cfg = &s.configs[rec->config];
            if (!coder || !config_eq(cfg, coder_cfg)) {
                if (coder) api->coder_free(coder);
                coder = make_coder(api, &s, dict, cfg, opt);
                coder_cfg = cfg;
                if (!coder) {
                    st = set_err(err, PARLEY_ERR_NOMEM, path, "cannot create the coder");
                    break;
                }
            }
            pl_arena_reset(&scratch);
            col.n = 0;
            parley_status cs = api->code_sentence(coder, rec->text, strlen(rec->text),
                                                    rec->date.year ? &rec->date : NULL, rec->id, 1,
                                                    on_event, &col);
            size_t n_got = pl_vevents_unique(col.ev, col.n);
            size_t matched = 0;
            int pass = pl_vcompare(rec, col.ev, n_got, &matched);
            if (pass) res->passed++;
            else res->failed++;
            if (rec->parse_note) {
                if (pass) res->differ_passed++;
                else res->differ_failed++;
            }
            res->events_expected += rec->n_events;
            res->events_produced += n_got;
            res->events_matched += matched;
            if (report)
                report_record(report, &s, rec, pass, col.ev, n_got, cs, !pass || opt->verbose);
        }
        if (coder) api->coder_free(coder);
        free(col.ev);
        pl_arena_free(&scratch);
    }
done:
    if (dict) api->dict_free(dict);
    pl_vsuite_free(&s);
    return st;
}

parley_status parley_validate_ex(const char *path, const parley_validate_options *opt,
                                 FILE *report, parley_validate_result *res, parley_error *err)
{
    pl_vcoder_api api = {parley_dict_load_files, parley_dict_load_dir, parley_dict_free,
                         parley_coder_new, parley_coder_free, parley_code_sentence};
    return pl_validate_run(path, opt, &api, report, res, err);
}

parley_status parley_validate(const char *path, const char *dict_dir, FILE *report,
                              parley_validate_result *res, parley_error *err)
{
    parley_validate_options o;
    memset(&o, 0, sizeof o);
    o.dict_dir = dict_dir;
    return parley_validate_ex(path, &o, report, res, err);
}
