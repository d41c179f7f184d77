/* cmd_code.c — `parley code`: read articles (or plain sentences), code them
 * into CAMEO events and print them as JSON Lines, TSV or a readable table. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef enum fmt { FMT_JSON, FMT_TSV, FMT_TABLE } fmt;

typedef struct code_state {
    fmt format;
    size_t events;
    int header_done;
    int io_error;
} code_state;

static void code_usage(FILE *out)
{
    fprintf(out,
            "usage: parley code [--dict DIR | --verbs F --actors F[,F] --agents F --discards F]\n"
            "                   [--sentences [--story]] [--date YYYY-MM-DD] [--format json|tsv|table]\n"
            "                   [--all-modes] [--keep-duplicates] [FILE|DIR|-]...\n"
            "Codes articles (as read by `parley read`) into CAMEO events.\n"
            "  --dict DIR       load every dictionary file in DIR (default: bundled ones)\n"
            "  --verbs/--actors/--agents/--discards/--issues/--options F  single files\n"
            "  --sentences      plain text, one sentence per line (sent = line number)\n"
            "  --story          with --sentences: the lines of a file are one story\n"
            "  --date D         story date for --sentences and undated articles\n"
            "  --format F       json (JSON Lines, default), tsv (with header), table\n"
            "  --all-modes      also print negated events (mode \"negated\")\n"
            "Exit status: 0 all coded, 1 some inputs skipped, 2 usage error.\n");
}

static void clip(char *out, size_t n, const char *s, size_t width)
{
    size_t len = strlen(s);
    if (len <= width) {
        snprintf(out, n, "%s", s);
        return;
    }
    snprintf(out, n, "%.*s~", (int)(width - 1), s);
}

static int on_event(void *ctx, const parley_event *ev)
{
    code_state *st = ctx;
    st->events++;
    switch (st->format) {
    case FMT_JSON:
        if (parley_event_write_json(ev, stdout) != PARLEY_OK) st->io_error = 1;
        fputc('\n', stdout);
        break;
    case FMT_TSV:
        if (!st->header_done) parley_event_write_tsv_header(stdout), st->header_done = 1;
        if (parley_event_write_tsv(ev, stdout) != PARLEY_OK) st->io_error = 1;
        break;
    case FMT_TABLE: {
        if (!st->header_done) {
            printf("%-10s %4s %-12s %-12s %-5s %-9s %-22s %s\n", "date", "sent", "source",
                   "target", "code", "mode", "verb", "source text -> target text");
            st->header_done = 1;
        }
        char s[16], t[16], v[24], a[40], b[40];
        clip(s, sizeof s, ev->source, 12);
        clip(t, sizeof t, ev->target, 12);
        clip(v, sizeof v, ev->verb_text, 22);
        clip(a, sizeof a, ev->source_text, 30);
        clip(b, sizeof b, ev->target_text, 30);
        printf("%-10s %4d %-12s %-12s %-5s %-9s %-22s %s -> %s\n", ev->date[0] ? ev->date : "-",
               ev->sent, s, t, ev->code, ev->mode[0] ? ev->mode : "-", v, a, b);
        break;
    }
    }
    return st->io_error;
}

/* Codes a plain-text file, one sentence per line (sent = line number).
 * Lines are independent sentences, or with --story one story: pronouns may
 * then refer to earlier lines and the story does not repeat an event. */
static int code_lines(parley_coder *c, const char *path, const parley_datetime *date,
                      code_state *st, int story)
{
    if (!story) {
        FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
        if (!f) {
            fprintf(stderr, "parley code: %s: cannot open\n", path);
            return 1;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        int no = 0;
        while ((n = getline(&line, &cap, f)) >= 0 && !st->io_error) {
            no++;
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
            if (n) parley_code_sentence(c, line, (size_t)n, date, path, no, on_event, st);
        }
        free(line);
        if (f != stdin) fclose(f);
        return 0;
    }
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "parley code: %s: cannot open\n", path);
        return 1;
    }
    char *body = NULL;
    size_t blen = 0;
    FILE *mem = open_memstream(&body, &blen);
    parley_sentence *sents = NULL;
    size_t ns = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t n;
    while (mem && (n = getline(&line, &lcap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        fflush(mem);
        size_t start = blen;
        fwrite(line, 1, (size_t)n, mem);
        fputc('\n', mem);
        if (ns == cap) {
            cap = cap ? cap * 2 : 256;
            parley_sentence *ns2 = realloc(sents, cap * sizeof *sents);
            if (!ns2) break;
            sents = ns2;
        }
        sents[ns].start = start;
        sents[ns].end = start + (size_t)n;
        sents[ns].paragraph = ns;
        ns++;
    }
    if (mem) fclose(mem);
    free(line);
    if (f != stdin) fclose(f);
    parley_article a;
    memset(&a, 0, sizeof a);
    a.id = path;
    a.format = "text";
    a.file = path;
    a.url = a.canonical_url = a.source = a.language = a.headline = a.byline = "";
    a.published = *date;
    a.body = body ? body : "";
    a.body_len = blen;
    a.sentences = sents;
    a.n_sentences = ns;
    if (ns) parley_code_article(c, &a, on_event, st);
    free(sents);
    free(body);
    return 0;
}

int cmd_code(int argc, char **argv)
{
    const char *dir = NULL, *date_s = NULL, *format = "json";
    parley_dict_files files = {0};
    int any_file = 0, sentences = 0, story = 0;
    parley_code_options opt = {0};
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t ninputs = 0;
    cli_diag_counts counts = {0};
    if (!inputs) return EXIT_FATAL;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r = 0;
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            code_usage(stdout);
            free(inputs);
            return 0;
        }
        if (!strcmp(a, "--sentences")) sentences = 1;
        else if (!strcmp(a, "--story")) story = 1;
        else if (!strcmp(a, "--all-modes")) opt.all_modes = 1;
        else if (!strcmp(a, "--keep-duplicates")) opt.keep_duplicates = 1;
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) counts.quiet = 1;
        else if ((r = cli_opt(argc, argv, &i, "--dict", &v))) dir = v;
        else if ((r = cli_opt(argc, argv, &i, "--verbs", &v))) files.verbs = v, any_file = 1;
        else if ((r = cli_opt(argc, argv, &i, "--actors", &v))) files.actors = v, any_file = 1;
        else if ((r = cli_opt(argc, argv, &i, "--agents", &v))) files.agents = v, any_file = 1;
        else if ((r = cli_opt(argc, argv, &i, "--discards", &v))) files.discards = v, any_file = 1;
        else if ((r = cli_opt(argc, argv, &i, "--issues", &v))) files.issues = v, any_file = 1;
        else if ((r = cli_opt(argc, argv, &i, "--options", &v))) files.options = v, any_file = 1;
        else if ((r = cli_opt(argc, argv, &i, "--date", &v))) date_s = v;
        else if ((r = cli_opt(argc, argv, &i, "--format", &v))) format = v;
        else if (a[0] == '-' && a[1]) {
            free(inputs);
            return cli_usage_error("code", "unknown option %s (see parley code --help)", a);
        } else inputs[ninputs++] = a;
        if (r < 0) {
            free(inputs);
            return cli_usage_error("code", "option %s needs a value", a);
        }
    }
    code_state st = {FMT_JSON, 0, 0, 0};
    if (!strcmp(format, "json")) st.format = FMT_JSON;
    else if (!strcmp(format, "tsv")) st.format = FMT_TSV;
    else if (!strcmp(format, "table")) st.format = FMT_TABLE;
    else {
        free(inputs);
        return cli_usage_error("code", "unknown format '%s' (json, tsv, table)", format);
    }
    if (dir && any_file) {
        free(inputs);
        return cli_usage_error("code", "--dict and single dictionary files exclude each other");
    }
    parley_datetime date = {0};
    if (date_s && !parley_date_parse(date_s, strlen(date_s), &date)) {
        free(inputs);
        return cli_usage_error("code", "bad date '%s' (use YYYY-MM-DD)", date_s);
    }
    if (!ninputs) inputs[ninputs++] = "-";
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_dict *d = dir ? parley_dict_load_dir(dir, cli_print_diag, &counts, &err)
                   : any_file ? parley_dict_load_files(&files, cli_print_diag, &counts, &err)
                              : parley_dict_load_default(cli_print_diag, &counts, &err);
    if (!d) {
        fprintf(stderr, "parley code: %s%s%s\n", err.file, err.file[0] ? ": " : "", err.message);
        free(inputs);
        return EXIT_USAGE;
    }
    opt.diag = cli_print_diag;
    opt.diag_ctx = &counts;
    parley_coder *c = parley_coder_new(d, &opt);
    int skipped = 0;
    if (sentences) {
        for (size_t i = 0; i < ninputs; i++) skipped |= code_lines(c, inputs[i], &date, &st, story);
    } else {
        parley_read_options ro = {0};
        ro.diag = cli_print_diag;
        ro.diag_ctx = &counts;
        parley_reader *r = parley_reader_new(&ro);
        for (size_t i = 0; i < ninputs; i++) parley_reader_add(r, inputs[i]);
        const parley_article *a;
        while (!st.io_error && parley_reader_next(r, &a) == PARLEY_OK) {
            if (a->published.year == 0 && date.year) {
                parley_article copy = *a;
                copy.published = date;
                parley_code_article(c, &copy, on_event, &st);
            } else {
                parley_code_article(c, a, on_event, &st);
            }
        }
        if (parley_reader_skipped(r)) skipped = 1;
        parley_reader_free(r);
    }
    parley_coder_free(c);
    parley_dict_free(d);
    free(inputs);
    fflush(stdout);
    if (st.io_error || ferror(stdout)) {
        fprintf(stderr, "parley code: error writing the output\n");
        return EXIT_FATAL;
    }
    return skipped || counts.errors ? EXIT_SKIPPED : 0;
}
