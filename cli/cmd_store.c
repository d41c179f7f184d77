/* cmd_store.c — the store commands: `parley ingest`, `events`, `dyad`,
 * `network`, `plot` and `export`.  A thin layer over the Store section of
 * parley.h; see docs/store.md. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_DB "parley.db"

static int status_exit(parley_status st)
{
    return st == PARLEY_ERR_USAGE ? EXIT_USAGE : EXIT_FATAL;
}

static int fail(const char *cmd, parley_status st, const parley_error *err)
{
    fprintf(stderr, "parley %s: %s\n", cmd, err->message[0] ? err->message : parley_status_str(st));
    return status_exit(st);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Opens an existing store for a query command. */
static parley_store *open_existing(const char *cmd, const char *db, int *rc)
{
    if (access(db, F_OK) != 0) {
        fprintf(stderr, "parley %s: no store at '%s' (create one with parley ingest --db %s)\n", cmd, db, db);
        *rc = EXIT_USAGE;
        return NULL;
    }
    parley_error err;
    parley_store *s = parley_store_open(db, &err);
    if (!s) {
        fprintf(stderr, "parley %s: %s: %s\n", cmd, db, err.message);
        *rc = EXIT_FATAL;
    }
    return s;
}

static int parse_count(const char *v, long long *out)
{
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno || end == v || *end || n < 0) return 0;
    *out = n;
    return 1;
}

/* Common options of the query commands.  Returns 1 when argv[*i] was one of
 * them, 0 when not, -1 after printing a usage error. */
typedef struct qopts {
    parley_query q;
    const char *db, *format, *output;
    char dyad_buf[128];
} qopts;

static int query_opt(const char *cmd, int argc, char **argv, int *i, qopts *o)
{
    const char *v = NULL;
    int r;
    const char *a = argv[*i];
    if (!strcmp(a, "--all-modes")) {
        o->q.all_modes = 1;
        return 1;
    }
    if ((r = cli_opt(argc, argv, i, "--db", &v)) > 0) o->db = v;
    else if ((r = cli_opt(argc, argv, i, "--actor", &v)) > 0) o->q.actor = v;
    else if ((r = cli_opt(argc, argv, i, "--source", &v)) > 0) o->q.source = v;
    else if ((r = cli_opt(argc, argv, i, "--target", &v)) > 0) o->q.target = v;
    else if ((r = cli_opt(argc, argv, i, "--code", &v)) > 0) o->q.code = v;
    else if ((r = cli_opt(argc, argv, i, "--root", &v)) > 0) o->q.root = v;
    else if ((r = cli_opt(argc, argv, i, "--plover", &v)) > 0) o->q.plover = v;
    else if ((r = cli_opt(argc, argv, i, "--from", &v)) > 0) o->q.from = v;
    else if ((r = cli_opt(argc, argv, i, "--to", &v)) > 0) o->q.to = v;
    else if ((r = cli_opt(argc, argv, i, "--text", &v)) > 0) o->q.text = v;
    else if ((r = cli_opt(argc, argv, i, "--format", &v)) > 0) o->format = v;
    else if ((r = cli_opt(argc, argv, i, "--output", &v)) > 0 || (r = cli_opt(argc, argv, i, "-o", &v)) > 0) o->output = v;
    else if ((r = cli_opt(argc, argv, i, "--dyad", &v)) > 0) {
        snprintf(o->dyad_buf, sizeof o->dyad_buf, "%s", v);
        char *comma = strchr(o->dyad_buf, ',');
        if (!comma || comma == o->dyad_buf || !comma[1]) {
            cli_usage_error(cmd, "--dyad needs two actors as A,B (got '%s')", v);
            return -1;
        }
        *comma = 0;
        o->q.dyad_a = o->dyad_buf;
        o->q.dyad_b = comma + 1;
    } else if ((r = cli_opt(argc, argv, i, "--quad", &v)) > 0) {
        long long n;
        if (!parse_count(v, &n) || n < 1 || n > 4) {
            cli_usage_error(cmd, "bad --quad '%s' (1 verbal cooperation, 2 material cooperation,"
                                 " 3 verbal conflict, 4 material conflict)", v);
            return -1;
        }
        o->q.quad = (int)n;
    } else if ((r = cli_opt(argc, argv, i, "--limit", &v)) > 0) {
        long long n;
        if (!parse_count(v, &n) || n == 0) {
            cli_usage_error(cmd, "bad --limit '%s' (a positive number)", v);
            return -1;
        }
        o->q.limit = (size_t)n;
    } else if ((r = cli_opt(argc, argv, i, "--dedup", &v)) > 0) {
        if (!strcmp(v, "none")) o->q.dedup = PARLEY_DEDUP_NONE;
        else if (!strcmp(v, "story")) o->q.dedup = PARLEY_DEDUP_STORY;
        else if (!strcmp(v, "daily")) o->q.dedup = PARLEY_DEDUP_DAILY;
        else {
            cli_usage_error(cmd, "bad --dedup '%s' (none, story or daily)", v);
            return -1;
        }
    }
    if (r < 0) {
        cli_usage_error(cmd, "option %s needs a value", a);
        return -1;
    }
    return r;
}

static const char FILTER_HELP[] =
    "filters:\n"
    "  --actor A          A on either side (a country such as USA matches USAGOV, USAMIL ...)\n"
    "  --source A         A as source        --target A   A as target\n"
    "  --dyad A,B         events between A and B, either direction\n"
    "  --code C           CAMEO code (042)   --root R     root code (04)\n"
    "  --quad Q           1..4               --plover T   PLOVER type (CONSULT, ASSAULT ...)\n"
    "  --from D --to D    dates YYYY-MM-DD (or YYYY-MM, YYYY), inclusive\n"
    "  --text Q           full-text search in the sentences (SQLite FTS5 syntax)\n"
    "  --all-modes        include negated, hypothetical and future events\n"
    "  --dedup M          none, story (a wire story republished counts once) or daily\n"
    "                     (one-a-day filter: one per date, source, target and code)\n"
    "  --db FILE          the store (default parley.db)\n";

static FILE *open_output(const char *cmd, const char *path, int *rc)
{
    if (!path || !strcmp(path, "-")) return stdout;
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "parley %s: cannot write %s: %s\n", cmd, path, strerror(errno));
        *rc = EXIT_USAGE;
    }
    return f;
}

static int close_output(const char *cmd, FILE *f, const char *path)
{
    if (f == stdout) return fflush(stdout) ? EXIT_FATAL : 0;
    if (fclose(f) != 0) {
        fprintf(stderr, "parley %s: write error on %s\n", cmd, path);
        return EXIT_FATAL;
    }
    return 0;
}

/* ---- parley ingest ---------------------------------------------------- */

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* Adds events to the store and counts them (for the progress line). */
typedef struct ingest_ctx {
    parley_store *store;
    long long events;
} ingest_ctx;

static int add_event(void *ctx, const parley_event *ev)
{
    ingest_ctx *ic = ctx;
    ic->events++;
    return parley_store_event_fn(ic->store, ev);
}

/* Total size of the inputs, for the ETA (0 = unknown, e.g. stdin). */
static long long input_size(const char *path, int depth)
{
    struct stat st;
    if (!strcmp(path, "-") || stat(path, &st) != 0) return 0;
    if (S_ISREG(st.st_mode)) return st.st_size;
    if (!S_ISDIR(st.st_mode) || depth > 32) return 0;
    DIR *d = opendir(path);
    if (!d) return 0;
    long long total = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        char *child = malloc(n);
        if (!child) break;
        snprintf(child, n, "%s/%s", path, e->d_name);
        total += input_size(child, depth + 1);
        free(child);
    }
    closedir(d);
    return total;
}

static void ingest_usage(FILE *out)
{
    fprintf(out,
            "usage: parley ingest [--db FILE] [--dict DIR] [--batch N] [--all-modes] [--quiet] [INPUT...]\n"
            "Reads articles (files, folders, - for stdin; text, JSON Lines, HTML, WARC), codes them\n"
            "and stores articles, sentences, actors and events in the SQLite store (default\n"
            "parley.db).  Articles already stored with the same text are skipped; an article whose\n"
            "text changed is re-coded and its old events replaced.  Each article is stored with all\n"
            "its events or not at all; transactions are committed every N articles (default 256)\n"
            "and at least every second.\n");
}

int cmd_ingest(int argc, char **argv)
{
    const char *db = DEFAULT_DB, *dict_dir = NULL;
    long long batch = 256;
    int all_modes = 0;
    cli_diag_counts counts = {0};
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t n_inputs = 0;
    if (!inputs) return EXIT_FATAL;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r = 0;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            ingest_usage(stdout);
            free(inputs);
            return 0;
        }
        if (!strcmp(argv[i], "--all-modes")) { all_modes = 1; continue; }
        if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) { counts.quiet = 1; continue; }
        if ((r = cli_opt(argc, argv, &i, "--db", &v)) > 0) db = v;
        else if ((r = cli_opt(argc, argv, &i, "--dict", &v)) > 0) dict_dir = v;
        else if ((r = cli_opt(argc, argv, &i, "--batch", &v)) > 0) {
            if (!parse_count(v, &batch) || batch == 0) {
                free(inputs);
                return cli_usage_error("ingest", "bad --batch '%s' (a positive number)", v);
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            free(inputs);
            return cli_usage_error("ingest", "unknown option %s", argv[i]);
        } else {
            inputs[n_inputs++] = argv[i];
        }
        if (r < 0) {
            free(inputs);
            return cli_usage_error("ingest", "option %s needs a value", argv[i]);
        }
    }
    if (!n_inputs) inputs[n_inputs++] = "-";

    parley_error err;
    parley_dict *dict = dict_dir ? parley_dict_load_dir(dict_dir, cli_print_diag, &counts, &err)
                                 : parley_dict_load_default(cli_print_diag, &counts, &err);
    if (!dict) {
        fprintf(stderr, "parley ingest: %s%s%s\n", err.file, err.file[0] ? ": " : "", err.message);
        free(inputs);
        return EXIT_USAGE;
    }
    parley_store *s = parley_store_open(db, &err);
    if (!s) {
        fprintf(stderr, "parley ingest: %s: %s\n", db, err.message);
        parley_dict_free(dict);
        free(inputs);
        return EXIT_FATAL;
    }
    parley_store_set_batch(s, (size_t)batch);
    parley_code_options copt = {0};
    copt.all_modes = all_modes;
    copt.diag = cli_print_diag;
    copt.diag_ctx = &counts;
    parley_coder *coder = parley_coder_new(dict, &copt);
    parley_read_options ropt = {0};
    ropt.diag = cli_print_diag;
    ropt.diag_ctx = &counts;
    parley_reader *r = parley_reader_new(&ropt);
    long long total_bytes = 0;
    for (size_t i = 0; i < n_inputs; i++) {
        parley_reader_add(r, inputs[i]);
        total_bytes += input_size(inputs[i], 0);
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    int progress = isatty(2);
    double t0 = now_seconds(), last_commit = t0, last_report = t0;
    long long n_new = 0, n_changed = 0, n_same = 0, n_failed = 0;
    long long done_bytes = 0, cur_size = 0;
    ingest_ctx ic = {s, 0};
    char cur_file[1024] = "";
    int rc = 0;
    const parley_article *a;
    parley_status st;
    while (!stop_requested && (st = parley_reader_next(r, &a)) == PARLEY_OK) {
        if (progress && a->file && strcmp(a->file, cur_file)) {
            done_bytes += cur_size;
            snprintf(cur_file, sizeof cur_file, "%s", a->file);
            struct stat fs;
            cur_size = stat(a->file, &fs) == 0 ? fs.st_size : 0;
        }
        parley_ingest_state state;
        if (parley_store_article_begin(s, a, &state, &err) != PARLEY_OK) {
            fprintf(stderr, "parley ingest: %s: %s\n", a->id, err.message);
            if (err.status == PARLEY_ERR_DB) { rc = EXIT_FATAL; break; }
            n_failed++;
            continue;
        }
        if (state == PARLEY_INGEST_UNCHANGED) {
            n_same++;
        } else {
            long long before = ic.events;
            parley_status cs = parley_code_article(coder, a, add_event, &ic);
            const char *why = parley_store_errmsg(s);
            if (cs != PARLEY_OK || why[0]) {
                fprintf(stderr, "parley ingest: %s: %s\n", a->id, why[0] ? why : parley_status_str(cs));
                parley_store_article_abort(s);
                ic.events = before;
                if (why[0]) { rc = EXIT_FATAL; break; }
                n_failed++;
                continue;
            }
            if (parley_store_article_end(s, &err) != PARLEY_OK) {
                fprintf(stderr, "parley ingest: %s: %s\n", a->id, err.message);
                rc = EXIT_FATAL;
                break;
            }
            if (state == PARLEY_INGEST_NEW) n_new++;
            else n_changed++;
        }
        double t = now_seconds();
        if (t - last_commit >= 1.0) {
            if (parley_store_commit(s, &err) != PARLEY_OK) {
                fprintf(stderr, "parley ingest: %s\n", err.message);
                rc = EXIT_FATAL;
                break;
            }
            last_commit = t;
        }
        if (progress && t - last_report >= 0.5) {
            long long done = n_new + n_changed + n_same + n_failed;
            double rate = done / (t - t0);
            long long pos = done_bytes + (a->offset > 0 ? a->offset : 0);
            char eta[32] = "";
            if (total_bytes > 0 && pos > 0 && pos < total_bytes)
                snprintf(eta, sizeof eta, ", ETA %.0f s", (t - t0) * (double)(total_bytes - pos) / (double)pos);
            fprintf(stderr, "\r%lld articles (%.0f/s, %lld new, %lld unchanged), %lld events%s   ", done, rate, n_new,
                    n_same, ic.events, eta);
            last_report = t;
        }
    }
    if (progress) fprintf(stderr, "\r\033[K");
    if (rc == 0 && parley_store_commit(s, &err) != PARLEY_OK) {
        fprintf(stderr, "parley ingest: %s\n", err.message);
        rc = EXIT_FATAL;
    }
    size_t skipped = parley_reader_skipped(r);
    parley_store_stats stats;
    parley_store_stats_get(s, &stats, &err);
    double t = now_seconds() - t0;
    if (!counts.quiet || rc)
        fprintf(stderr,
                "parley ingest: %lld articles (%lld new, %lld changed, %lld unchanged, %lld failed, %zu unreadable)"
                " in %.1f s (%.0f articles/s); %s holds %lld articles, %lld events\n",
                n_new + n_changed + n_same + n_failed, n_new, n_changed, n_same, n_failed, skipped, t,
                t > 0 ? (n_new + n_changed + n_same) / t : 0.0, db, stats.articles, stats.events);
    if (stop_requested) fprintf(stderr, "parley ingest: interrupted; everything read so far is stored\n");
    parley_reader_free(r);
    parley_coder_free(coder);
    parley_store_close(s);
    parley_dict_free(dict);
    free(inputs);
    if (rc) return rc;
    return (skipped || n_failed || counts.errors) ? EXIT_SKIPPED : 0;
}

/* ---- parley events / export ------------------------------------------- */

static int run_events(const char *cmd, int argc, char **argv, int export_mode)
{
    qopts o;
    memset(&o, 0, sizeof o);
    o.db = DEFAULT_DB;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            if (export_mode)
                printf("usage: parley export --format phoenix|gdelt|plover|csv|jsonl [FILTERS] [-o FILE]\n"
                       "Exports stored events: Phoenix-style TSV (no header), a GDELT-like column subset\n"
                       "(TSV with header), PLOVER JSON Lines, or CSV with a header row.\n%s", FILTER_HELP);
            else
                printf("usage: parley events [FILTERS] [--limit N] [--format table|jsonl|csv] [-o FILE]\n"
                       "Lists stored events in date order (a table on a terminal, JSON Lines otherwise).\n%s",
                       FILTER_HELP);
            return 0;
        }
        int r = query_opt(cmd, argc, argv, &i, &o);
        if (r < 0) return EXIT_USAGE;
        if (r == 0) return cli_usage_error(cmd, "%s %s", argv[i][0] == '-' ? "unknown option" : "unexpected argument", argv[i]);
    }
    const char *fmt = o.format;
    if (export_mode) {
        if (!fmt) return cli_usage_error(cmd, "--format is required (phoenix, gdelt, plover, csv, jsonl)");
        static const char *const ok[] = {"phoenix", "gdelt", "plover", "csv", "jsonl"};
        int found = 0;
        for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) found |= !strcmp(fmt, ok[k]);
        if (!found) return cli_usage_error(cmd, "unknown format '%s' (phoenix, gdelt, plover, csv, jsonl)", fmt);
    } else {
        if (!fmt) fmt = isatty(1) && !o.output ? "table" : "jsonl";
        if (strcmp(fmt, "table") && strcmp(fmt, "jsonl") && strcmp(fmt, "csv"))
            return cli_usage_error(cmd, "unknown format '%s' (table, jsonl, csv)", fmt);
    }
    int rc = 0;
    parley_store *s = open_existing(cmd, o.db, &rc);
    if (!s) return rc;
    FILE *out = open_output(cmd, o.output, &rc);
    if (!out) {
        parley_store_close(s);
        return rc;
    }
    parley_error err;
    parley_status st = parley_store_export(s, &o.q, fmt, out, &err);
    rc = close_output(cmd, out, o.output);
    parley_store_close(s);
    if (st != PARLEY_OK) return fail(cmd, st, &err);
    return rc;
}

int cmd_events(int argc, char **argv)
{
    return run_events("events", argc, argv, 0);
}

int cmd_export(int argc, char **argv)
{
    return run_events("export", argc, argv, 1);
}

/* ---- parley dyad / network / plot ------------------------------------- */

typedef struct aopts {
    qopts o;
    const char *pos[3];
    int n_pos;
    int by;
    long long min;
    int countries;
} aopts;

static int analysis_args(const char *cmd, int argc, char **argv, aopts *a)
{
    memset(a, 0, sizeof *a);
    a->o.db = DEFAULT_DB;
    a->o.q.dedup = PARLEY_DEDUP_STORY;
    a->by = PARLEY_BY_MONTH;
    a->min = 1;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r;
        if (!strcmp(argv[i], "--countries")) {
            a->countries = 1;
            continue;
        }
        if ((r = cli_opt(argc, argv, &i, "--by", &v)) != 0) {
            if (r < 0) return cli_usage_error(cmd, "option --by needs a value");
            if ((a->by = parley_period_parse(v)) < 0)
                return cli_usage_error(cmd, "bad --by '%s' (day, week, month or year)", v);
            continue;
        }
        if ((r = cli_opt(argc, argv, &i, "--min", &v)) != 0) {
            if (r < 0 || !parse_count(v, &a->min))
                return cli_usage_error(cmd, "bad --min '%s' (a number of events)", r < 0 ? "" : v);
            continue;
        }
        r = query_opt(cmd, argc, argv, &i, &a->o);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (argv[i][0] == '-' && argv[i][1]) return cli_usage_error(cmd, "unknown option %s", argv[i]);
        if (a->n_pos == 3) return cli_usage_error(cmd, "unexpected argument %s", argv[i]);
        a->pos[a->n_pos++] = argv[i];
    }
    return 0;
}

static int do_dyad(const char *cmd, aopts *a, const char *x, const char *y, int svg)
{
    const char *fmt = a->o.format;
    if (!svg) {
        if (!fmt) fmt = isatty(1) && !a->o.output ? "table" : "jsonl";
        if (strcmp(fmt, "table") && strcmp(fmt, "jsonl") && strcmp(fmt, "csv"))
            return cli_usage_error(cmd, "unknown format '%s' (table, jsonl, csv)", fmt);
    }
    int rc = 0;
    parley_store *s = open_existing(cmd, a->o.db, &rc);
    if (!s) return rc;
    parley_dyad_series d;
    parley_error err;
    parley_status st = parley_store_dyad(s, x, y, (parley_period)a->by, &a->o.q, &d, &err);
    parley_store_close(s);
    if (st != PARLEY_OK) return fail(cmd, st, &err);
    FILE *out = open_output(cmd, a->o.output, &rc);
    if (out) {
        if (svg) parley_dyad_svg(&d, out);
        else parley_dyad_write(&d, fmt, out);
        rc = close_output(cmd, out, a->o.output);
    }
    parley_dyad_series_free(&d);
    return rc;
}

static int do_network(const char *cmd, aopts *a, int svg)
{
    const char *fmt = a->o.format ? a->o.format : "json";
    if (!svg && strcmp(fmt, "graphml") && strcmp(fmt, "dot") && strcmp(fmt, "json"))
        return cli_usage_error(cmd, "unknown format '%s' (graphml, dot, json)", fmt);
    int rc = 0;
    parley_store *s = open_existing(cmd, a->o.db, &rc);
    if (!s) return rc;
    parley_network n;
    parley_error err;
    parley_status st = parley_store_network(s, &a->o.q, a->min, a->countries, &n, &err);
    parley_store_close(s);
    if (st != PARLEY_OK) return fail(cmd, st, &err);
    FILE *out = open_output(cmd, a->o.output, &rc);
    if (out) {
        if (svg) parley_network_svg(&n, out);
        else parley_network_write(&n, fmt, out);
        rc = close_output(cmd, out, a->o.output);
    }
    parley_network_free(&n);
    return rc;
}

static const char ANALYSIS_HELP[] =
    "Counts use --dedup story by default (a wire story republished by several outlets counts\n"
    "once); --dedup none counts every stored event, --dedup daily applies the one-a-day filter.\n";

int cmd_dyad(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: parley dyad A B [--by day|week|month|year] [--from D] [--to D]\n"
                   "                   [--format table|jsonl|csv] [FILTERS] [-o FILE]\n"
                   "Relations between A and B over time, both directions: counts per quad class,\n"
                   "Goldstein sum and mean, number of stories.\n%s%s", ANALYSIS_HELP, FILTER_HELP);
            return 0;
        }
    aopts a;
    int rc = analysis_args("dyad", argc, argv, &a);
    if (rc) return rc;
    if (a.n_pos != 2) return cli_usage_error("dyad", "needs two actors: parley dyad A B [--by month]");
    return do_dyad("dyad", &a, a.pos[0], a.pos[1], 0);
}

int cmd_network(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: parley network [--from D] [--to D] [--min N] [--countries]\n"
                   "                      [--format graphml|dot|json] [FILTERS] [-o FILE]\n"
                   "The actor network of a period: actors as nodes, directed edges weighted by\n"
                   "events and split into cooperation (quad 1-2) and conflict (quad 3-4).  --min N\n"
                   "keeps edges with at least N events; --countries merges actors by country.\n%s%s",
                   ANALYSIS_HELP, FILTER_HELP);
            return 0;
        }
    aopts a;
    int rc = analysis_args("network", argc, argv, &a);
    if (rc) return rc;
    if (a.n_pos) return cli_usage_error("network", "unexpected argument %s", a.pos[0]);
    return do_network("network", &a, 0);
}

int cmd_plot(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: parley plot dyad A B [--by day|week|month|year] [FILTERS] -o FILE.svg\n"
                   "       parley plot network [--from D] [--to D] [--min N] [--countries] -o FILE.svg\n"
                   "Draws a dyad time series (cooperation vs conflict, both directions) or an actor\n"
                   "network as SVG.\n%s%s", ANALYSIS_HELP, FILTER_HELP);
            return 0;
        }
    aopts a;
    int rc = analysis_args("plot", argc, argv, &a);
    if (rc) return rc;
    if (a.n_pos < 1) return cli_usage_error("plot", "what to plot: parley plot dyad A B | parley plot network");
    if (a.o.format && strcmp(a.o.format, "svg"))
        return cli_usage_error("plot", "unknown format '%s' (plots are SVG)", a.o.format);
    if (!strcmp(a.pos[0], "dyad")) {
        if (a.n_pos != 3) return cli_usage_error("plot", "plot dyad needs two actors: parley plot dyad A B -o FILE.svg");
        return do_dyad("plot", &a, a.pos[1], a.pos[2], 1);
    }
    if (!strcmp(a.pos[0], "network")) {
        if (a.n_pos != 1) return cli_usage_error("plot", "unexpected argument %s", a.pos[1]);
        return do_network("plot", &a, 1);
    }
    return cli_usage_error("plot", "unknown plot '%s' (dyad or network)", a.pos[0]);
}
