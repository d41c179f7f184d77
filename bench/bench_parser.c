/* bench_parser.c — parser speed and a debugging aid.
 *
 *   bench_parser FILE [REPEAT]     parse every line of FILE REPEAT times (default 20)
 *                                  and print tokens/s, sentences/s, lexicon load time
 *                                  and size
 *   bench_parser --dump FILE       print the token table of every line
 *   bench_parser --bracket FILE    print the one-line bracketing of every line
 *   bench_parser --cases FILE      draft case-file entries (to be checked by hand!)
 *   bench_parser --tags FILE       "NORM/tag ..." per line (Penn Treebank tags, for
 *                                  tools/eval_parser_tags.py)
 *
 * Built by bench/parser.sh against the library (it uses private headers). */
#include "parser/parser.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this thread: the per-core figure, robust on a busy machine. */
static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int mode = 0;
    int a = 1;
    if (argc > 1 && strcmp(argv[1], "--dump") == 0) mode = 1, a++;
    else if (argc > 1 && strcmp(argv[1], "--bracket") == 0) mode = 2, a++;
    else if (argc > 1 && strcmp(argv[1], "--cases") == 0) mode = 3, a++;
    else if (argc > 1 && strcmp(argv[1], "--tags") == 0) mode = 4, a++;
    if (a >= argc) {
        fprintf(stderr, "usage: bench_parser [--dump|--bracket] FILE [REPEAT]\n");
        return 2;
    }
    char *data;
    size_t len;
    if (pl_read_file(argv[a], 0, &data, &len)) {
        perror(argv[a]);
        return 1;
    }
    int repeat = a + 1 < argc ? atoi(argv[a + 1]) : 20;
    /* split lines */
    size_t nl = 0, cap = 0;
    char **lines = NULL;
    size_t *lens = NULL;
    size_t capl = 0;
    for (char *s = data; s < data + len;) {
        char *e = memchr(s, '\n', (size_t)(data + len - s));
        if (!e) e = data + len;
        if (e > s) {
            lines = pl_grow(lines, &cap, nl + 1, sizeof *lines);
            lens = pl_grow(lens, &capl, nl + 1, sizeof *lens);
            lines[nl] = s;
            lens[nl] = (size_t)(e - s);
            nl++;
        }
        s = e + 1;
    }
    double t0 = now(), c0 = cpu();
    const pl_lexicon *lx = pl_lexicon_get();
    double t1 = now(), c1 = cpu();
    pl_parser *p = pl_parser_new();
    if (mode) {
        pl_buf b;
        pl_buf_init(&b);
        for (size_t i = 0; i < nl; i++) {
            const pl_parse *ps = pl_parse_sentence(p, lines[i], lens[i]);
            if (mode == 1) {
                printf("# %.*s\n", (int)lens[i], lines[i]);
                pl_parse_dump(ps, stdout);
            } else if (mode == 4) {
                for (size_t k = 0; k < ps->ntoks; k++)
                    printf("%s%s/%s", k ? " " : "", ps->toks[k].norm, pl_tag_name(ps->toks[k].tag));
                printf("\n");
            } else {
                pl_buf_clear(&b);
                pl_parse_bracket(ps, &b);
                if (mode == 3) printf("> %.*s\n= ", (int)lens[i], lines[i]);
                printf("%s\n", b.data ? b.data : "");
                if (mode == 3) {
                    pl_buf_clear(&b);
                    pl_parse_clauses_str(ps, &b);
                    printf("c %s\n\n", b.data ? b.data : "");
                }
            }
        }
        pl_buf_free(&b);
        pl_parser_free(p);
        free(data);
        free(lines);
        free(lens);
        return 0;
    }
    size_t toks = 0;
    double t2 = now(), c2 = cpu();
    for (int r = 0; r < repeat; r++)
        for (size_t i = 0; i < nl; i++) toks += pl_parse_sentence(p, lines[i], lens[i])->ntoks;
    double t3 = now(), c3 = cpu();
    double secs = c3 - c2;
    printf("lexicon load: %.1f ms CPU (%.1f ms wall), size about %.1f MB\n", (c1 - c0) * 1e3,
           (t1 - t0) * 1e3, pl_lexicon_size(lx) / 1048576.0);
    printf("parsed %zu sentences (%zu tokens) in %.3f s CPU (%.3f s wall): "
           "%.0f sentences/s, %.0f tokens/s per core\n",
           nl * (size_t)repeat, toks, secs, t3 - t2, nl * repeat / secs, toks / secs);
    pl_parser_free(p);
    free(data);
    free(lines);
    free(lens);
    return 0;
}
