/* cmd_read.c — `parley read`: inputs in, one clean article per line out
 * (JSON Lines on stdout), diagnostics on stderr. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

static void read_usage(FILE *out)
{
    fprintf(out,
            "usage: parley read [--input FORMAT] [--max-record-bytes N] [--quiet] [FILE|DIR|-]...\n"
            "\n"
            "Reads news articles and prints one JSON object per article per line:\n"
            "id, format, source, url, canonical_url, headline, published, modified,\n"
            "crawled, byline, authors, language, paragraphs, sentences, warnings.\n"
            "\n"
            "  --input FORMAT         auto (default: sniffed), text, jsonl, html, warc\n"
            "  --max-record-bytes N   skip records (files, lines) larger than N bytes\n"
            "                         (suffixes K, M, G; default 64M)\n"
            "  --quiet                print errors only, not warnings\n"
            "\n"
            "Folders are read recursively in name order; - reads standard input.\n"
            "gzip-compressed inputs are decoded transparently.\n"
            "Exit status: 0 all read, 1 some inputs or records skipped, 2 usage error.\n");
}

/* "64M" -> 67108864; 0 on error. */
static size_t parse_size(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-') return 0;
    unsigned long long mul = 1;
    if (*end == 'k' || *end == 'K') mul = 1ULL << 10, end++;
    else if (*end == 'm' || *end == 'M') mul = 1ULL << 20, end++;
    else if (*end == 'g' || *end == 'G') mul = 1ULL << 30, end++;
    if (*end == 'B' || *end == 'b') end++;
    if (*end) return 0;
    if (v > (unsigned long long)SIZE_MAX / mul) return 0;
    return (size_t)(v * mul);
}

int cmd_read(int argc, char **argv)
{
    const char *format = NULL;
    size_t max_bytes = 0;
    cli_diag_counts counts = {0, 0, 0};
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    if (!paths) return EXIT_FATAL;
    size_t n_paths = 0;
    int only_paths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (only_paths || a[0] != '-' || !strcmp(a, "-")) {
            paths[n_paths++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--")) { only_paths = 1; continue; }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            read_usage(stdout);
            free(paths);
            return 0;
        }
        if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) { counts.quiet = 1; continue; }
        int r = cli_opt(argc, argv, &i, "--input", &v);
        if (r < 0) { free(paths); return cli_usage_error("read", "--input needs a value"); }
        if (r > 0) {
            if (strcmp(v, "auto") && strcmp(v, "text") && strcmp(v, "jsonl") &&
                strcmp(v, "html") && strcmp(v, "warc")) {
                free(paths);
                return cli_usage_error("read", "unknown input format '%s' (auto, text, jsonl, html, warc)", v);
            }
            format = strcmp(v, "auto") ? v : NULL;
            continue;
        }
        r = cli_opt(argc, argv, &i, "--max-record-bytes", &v);
        if (r < 0) { free(paths); return cli_usage_error("read", "--max-record-bytes needs a value"); }
        if (r > 0) {
            max_bytes = parse_size(v);
            if (!max_bytes) {
                free(paths);
                return cli_usage_error("read", "bad --max-record-bytes '%s' (a positive size such as 1000000 or 64M)", v);
            }
            continue;
        }
        free(paths);
        cli_usage_error("read", "unknown option '%s'", a);
        read_usage(stderr);
        return EXIT_USAGE;
    }
    if (n_paths == 0) {
        free(paths);
        cli_usage_error("read", "no input (give files, folders, or - for standard input)");
        read_usage(stderr);
        return EXIT_USAGE;
    }
    parley_read_options opt = {format, max_bytes, cli_print_diag, &counts};
    parley_reader *r = parley_reader_new(&opt);
    if (!r) { free(paths); return EXIT_FATAL; }
    for (size_t i = 0; i < n_paths; i++) parley_reader_add(r, paths[i]);
    free(paths);
    static char outbuf[1 << 20];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
#ifdef F_SETPIPE_SZ
    /* a larger pipe spares a context switch per 64 KiB of output */
    fcntl(1, F_SETPIPE_SZ, 1 << 20);
#endif
    const parley_article *a;
    int write_failed = 0;
    parley_status st;
    while ((st = parley_reader_next(r, &a)) == PARLEY_OK) {
        if (parley_article_write_json(a, stdout) != PARLEY_OK || putchar('\n') == EOF) {
            write_failed = 1;
            break;
        }
    }
    size_t skipped = parley_reader_skipped(r);
    parley_reader_free(r);
    if (fflush(stdout) != 0) write_failed = 1;
    if (write_failed) {
        fprintf(stderr, "parley read: cannot write output: %s\n", strerror(errno));
        return EXIT_FATAL;
    }
    if (st != PARLEY_OK && st != PARLEY_END) return EXIT_FATAL;
    return skipped ? EXIT_SKIPPED : EXIT_READ_ALL;
}
