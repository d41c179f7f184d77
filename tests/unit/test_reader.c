/* test_reader.c — the reader through the library: case files under
 * tests/cases/read (NAME.txt or NAME.jsonl + NAME.expect, see
 * tests/cases/read/README.md), the stream (gzip, lines, limits), the reader
 * queue (folders in name order, bad inputs counted and reported), and the
 * boilerplate rules. */
#include "test.h"

#include "parley.h"
#include "reader/reader.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char *slurp(const char *path, size_t *n)
{
    char *d = NULL;
    if (pl_read_file(path, 0, &d, n) != 0) return NULL;
    return d;
}

static const char *field(const parley_article *a, const char *key, char *tmp, size_t n)
{
    if (!strcmp(key, "id")) return a->id;
    if (!strcmp(key, "format")) return a->format;
    if (!strcmp(key, "source")) return a->source;
    if (!strcmp(key, "url")) return a->url;
    if (!strcmp(key, "canonical_url")) return a->canonical_url;
    if (!strcmp(key, "headline")) return a->headline;
    if (!strcmp(key, "byline")) return a->byline;
    if (!strcmp(key, "language")) return a->language;
    const parley_datetime *d = !strcmp(key, "published") ? &a->published
                               : !strcmp(key, "modified") ? &a->modified
                               : !strcmp(key, "crawled")  ? &a->crawled
                                                          : NULL;
    if (d) {
        parley_datetime_format(d, tmp, n);
        return tmp;
    }
    long long count = -1;
    if (!strcmp(key, "paragraphs")) count = (long long)a->n_paragraphs;
    if (!strcmp(key, "sentences")) count = (long long)a->n_sentences;
    if (!strcmp(key, "authors")) count = (long long)a->n_authors;
    if (!strcmp(key, "warnings")) count = (long long)a->n_warnings;
    if (count >= 0) {
        snprintf(tmp, n, "%lld", count);
        return tmp;
    }
    size_t idx;
    if (sscanf(key, "paragraph[%zu]", &idx) == 1) {
        if (idx >= a->n_paragraphs) return "(none)";
        snprintf(tmp, n, "%.*s", (int)(a->paragraphs[idx].end - a->paragraphs[idx].start),
                 a->body + a->paragraphs[idx].start);
        return tmp;
    }
    if (sscanf(key, "sentence[%zu]", &idx) == 1) {
        if (idx >= a->n_sentences) return "(none)";
        snprintf(tmp, n, "%.*s", (int)(a->sentences[idx].end - a->sentences[idx].start),
                 a->body + a->sentences[idx].start);
        return tmp;
    }
    return NULL;
}

/* Checks one case; returns the number of failed expectations. */
static int run_case(const char *dir, const char *name)
{
    char path[2048], input[2048];
    snprintf(path, sizeof path, "%s/%s.expect", dir, name);
    size_t en;
    char *exp = slurp(path, &en);
    if (!exp) return 1;
    const char *exts[] = {".txt", ".jsonl", ".html", ".warc"};
    char *data = NULL;
    size_t dn = 0;
    for (size_t i = 0; i < 4 && !data; i++) {
        snprintf(input, sizeof input, "%s/%s%s", dir, name, exts[i]);
        data = slurp(input, &dn);
    }
    int fails = 0;
    if (!data) {
        fprintf(stderr, "  case %s: no input file\n", name);
        free(exp);
        return 1;
    }
    parley_error err;
    parley_article *a = parley_article_parse(data, dn, input, NULL, &err);
    if (!a) {
        fprintf(stderr, "  case %s: not read: %s\n", name, err.message);
        free(exp);
        free(data);
        return 1;
    }
    char *save = NULL;
    for (char *line = strtok_r(exp, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || !line[0]) continue;
        char *colon = strstr(line, ":");
        if (!colon) continue;
        *colon = 0;
        const char *key = line, *want = colon + 1;
        if (*want == ' ') want++;
        static char tmp[8192];
        if (!strcmp(key, "body-lacks")) {
            if (strstr(a->body, want)) {
                fprintf(stderr, "  case %s: body contains \"%s\"\n", name, want);
                fails++;
            }
            continue;
        }
        if (!strcmp(key, "warning")) {
            int found = 0;
            for (size_t i = 0; i < a->n_warnings; i++)
                if (strstr(a->warnings[i], want)) found = 1;
            if (!found) {
                fprintf(stderr, "  case %s: no warning containing \"%s\"\n", name, want);
                fails++;
            }
            continue;
        }
        const char *got = field(a, key, tmp, sizeof tmp);
        if (!got) {
            fprintf(stderr, "  case %s: unknown key %s\n", name, key);
            fails++;
        } else if (strcmp(got, want) != 0) {
            fprintf(stderr, "  case %s: %s = \"%s\", expected \"%s\"\n", name, key, got, want);
            fails++;
        }
    }
    parley_article_free(a);
    free(exp);
    free(data);
    return fails;
}

static void reader_case(const char *dir, const char *name, const char *path, void *ctx)
{
    if (run_case(dir, name)) pl_test_failures++;
}

TEST(reader_case_files)
{
    CHECK(pl_test_each_case("read", ".expect", reader_case, NULL) >= 7);
}

TEST(reader_repeated_headline_once)
{
    const char *page = "Site.Com\n\nTalks fail\n\nTalks fail\n\nTalks fail\n\n"
                       "The talks between the two countries failed on Monday, officials said.\n";
    parley_article *a = parley_article_parse(page, strlen(page), "x", "text", NULL);
    CHECK(a != NULL);
    if (!a) return;
    CHECK_STR(a->headline, "Talks fail");
    CHECK_STR(a->source, "Site");
    CHECK_INT(a->n_paragraphs, 1);
    CHECK(strstr(a->body, "Talks fail") == NULL);
    parley_article_free(a);
}

TEST(reader_empty_and_binary)
{
    parley_error err;
    parley_article *a = parley_article_parse("", 0, "empty.txt", NULL, &err);
    CHECK(a == NULL);
    CHECK(strstr(err.message, "empty") != NULL);
    a = parley_article_parse("abc\0def", 7, "bin.txt", "text", &err);
    CHECK(a == NULL);
    CHECK(strstr(err.message, "NUL byte at byte 3") != NULL);
    CHECK_INT(err.byte, 3);
    /* a NUL and a bad byte past the first 16 bytes (the vector path) */
    char page[100];
    memset(page, 'x', sizeof page);
    page[40] = 0;
    a = parley_article_parse(page, sizeof page, "bin2.txt", "text", &err);
    CHECK(a == NULL);
    CHECK_INT(err.byte, 40);
    page[40] = (char)0xFF;
    a = parley_article_parse(page, sizeof page, "bad.txt", "text", &err);
    CHECK(a != NULL);
    if (a) {
        CHECK(a->n_warnings >= 1);
        CHECK(a->n_warnings && strstr(a->warnings[0], "0xFF at byte 40") != NULL);
        parley_article_free(a);
    }
    a = parley_article_parse("  \n\n \t", 6, "blank.txt", "text", &err);
    CHECK(a == NULL);
    CHECK(strstr(err.message, "white space") != NULL);
}

TEST(reader_jsonl_errors_and_progress)
{
    char dir[] = "/tmp/parley-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/a.jsonl", dir);
    FILE *f = fopen(path, "w");
    fputs("{\"id\":\"r1\",\"text\":\"The minister met his counterpart in Paris on Monday.\"}\n", f);
    fputs("{\"id\":\"r2\",\"text\":\"truncated\n", f);
    fputs("\n[1,2]\n", f);
    fputs("{\"id\":\"r4\",\"title\":\"x\"}\n", f);
    fputs("{\"id\":5,\"date\":\"Nov. 20, 2012\",\"text\":\"Russia vetoed the draft resolution.\"}", f);
    fclose(f);
    typedef struct { int n; char last[1024]; char all[4096]; } sink;
    sink s = {0, "", ""};
    parley_read_options opt = {NULL, 0, NULL, NULL};
    opt.diag_ctx = &s;
    opt.diag = NULL;
    parley_reader *r = parley_reader_new(&opt);
    parley_reader_add(r, path);
    const parley_article *a;
    int got = 0;
    char ids[64] = "";
    while (parley_reader_next(r, &a) == PARLEY_OK) {
        got++;
        strncat(ids, a->id, sizeof ids - strlen(ids) - 2);
        strcat(ids, " ");
        if (!strcmp(a->id, "5")) CHECK_INT(a->published.day, 20);
        if (!strcmp(a->id, "5")) CHECK_INT(a->line, 6);
    }
    CHECK_INT(got, 2);
    CHECK_STR(ids, "r1 5 ");
    CHECK_INT(parley_reader_skipped(r), 3);
    parley_reader_free(r);
    unlink(path);
    rmdir(dir);
}

static void collect_diag(void *ctx, const parley_diag *d)
{
    char *buf = ctx;
    char line[1536];
    parley_diag_format(d, line, sizeof line);
    strncat(buf, line, 8191 - strlen(buf));
    strncat(buf, "\n", 8191 - strlen(buf));
}

TEST(reader_folders_in_name_order_and_gzip)
{
    char dir[] = "/tmp/parley-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char p[512];
    snprintf(p, sizeof p, "%s/sub", dir);
    mkdir(p, 0755);
    const char *story = "Headline %s\n\nBy Ann Lee\n\nThe two ministers met in Rome on Tuesday and "
                        "signed an agreement on trade.\n";
    char text[512];
    /* b.txt, a/ sub folder, c.txt.gz, .hidden, empty.txt */
    snprintf(p, sizeof p, "%s/b.txt", dir);
    FILE *f = fopen(p, "w");
    fprintf(f, story, "B");
    fclose(f);
    snprintf(p, sizeof p, "%s/sub/a.txt", dir);
    f = fopen(p, "w");
    fprintf(f, story, "SubA");
    fclose(f);
    snprintf(p, sizeof p, "%s/.hidden.txt", dir);
    f = fopen(p, "w");
    fprintf(f, story, "Hidden");
    fclose(f);
    snprintf(p, sizeof p, "%s/empty.txt", dir);
    f = fopen(p, "w");
    fclose(f);
    snprintf(p, sizeof p, "%s/c.txt.gz", dir);
    gzFile g = gzopen(p, "wb");
    snprintf(text, sizeof text, story, "C");
    gzputs(g, text);
    gzclose(g);
    static char diags[8192];
    diags[0] = 0;
    parley_read_options opt = {NULL, 0, collect_diag, diags};
    parley_reader *r = parley_reader_new(&opt);
    parley_reader_add(r, dir);
    snprintf(p, sizeof p, "%s/missing.txt", dir);
    parley_reader_add(r, p);
    const parley_article *a;
    char heads[256] = "";
    while (parley_reader_next(r, &a) == PARLEY_OK) {
        strncat(heads, a->headline, sizeof heads - strlen(heads) - 2);
        strcat(heads, "|");
    }
    CHECK_STR(heads, "Headline B|Headline C|Headline SubA|");
    CHECK_INT(parley_reader_skipped(r), 2);
    CHECK(strstr(diags, "empty.txt: error: empty file") != NULL);
    CHECK(strstr(diags, "missing.txt: error: cannot open: No such file") != NULL);
    parley_reader_free(r);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

TEST(reader_stream_lines_and_limits)
{
    const char *data = "one\r\ntwo-is-long\nthree";
    pl_stream *s = pl_stream_open_mem(data, strlen(data));
    pl_buf line;
    pl_buf_init(&line);
    long long off;
    int too_long;
    CHECK(pl_stream_getline(s, &line, 100, &off, &too_long));
    CHECK_STR(line.data, "one");
    CHECK_INT(off, 0);
    CHECK(pl_stream_getline(s, &line, 5, &off, &too_long));
    CHECK_INT(off, 5);
    CHECK_INT(too_long, 1);
    CHECK_INT(line.len, 5);
    CHECK(pl_stream_getline(s, &line, 100, &off, &too_long));
    CHECK_STR(line.data, "three");
    CHECK(!pl_stream_getline(s, &line, 100, &off, &too_long));
    pl_stream_close(s);
    /* raw mode after a peek starts again at byte 0 */
    s = pl_stream_open_mem(data, strlen(data));
    const unsigned char *head;
    CHECK_INT(pl_stream_peek(s, 3, &head), 3);
    int gz = -1;
    pl_stream_raw(s, &gz);
    CHECK_INT(gz, 0);
    char b[4] = {0};
    CHECK_INT(pl_stream_read(s, b, 3), 3);
    CHECK_STR(b, "one");
    pl_stream_close(s);
    /* corrupt gzip is an error, not a crash */
    const char bad[] = "\x1f\x8b\x08\x00garbage-garbage-garbage";
    s = pl_stream_open_mem(bad, sizeof bad - 1);
    pl_buf_clear(&line);
    CHECK(pl_stream_slurp(s, &line, 1000) < 0);
    const char *msg = NULL;
    CHECK(pl_stream_error(s, &msg));
    CHECK(msg && strstr(msg, "gzip"));
    pl_stream_close(s);
    pl_buf_free(&line);
}

TEST(reader_boilerplate_rules)
{
    const char *crumbs[] = {"Loading...", "Latest See more", "Read more", "Share this article",
                            "Subscribe to our newsletter", "Home > World > Europe", "* * *",
                            "Tags: Syria, Russia", "We use cookies on this site."};
    for (size_t i = 0; i < sizeof crumbs / sizeof *crumbs; i++)
        CHECK(pl_boilerplate_line(crumbs[i], strlen(crumbs[i])) != PL_BP_NONE);
    const char *footer = "Copyright 2013 The Associated Press. All rights reserved.";
    CHECK_INT(pl_boilerplate_line(footer, strlen(footer)), PL_BP_FOOTER);
    const char *keep[] = {
        "Russia and the United States have not yet agreed on a common position.",
        "Read the statement, the minister said, and then judge for yourselves whether "
        "the cookie factory deal was fair to both sides of the border.",
        "More than 200 people were killed."};
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
        CHECK_INT(pl_boilerplate_line(keep[i], strlen(keep[i])), PL_BP_NONE);
}

TEST(reader_json_output)
{
    const char *page = "Headline \"quoted\"\n\nBy Ann Lee\n\nThe ministers met in Rome on "
                       "Tuesday. They signed a deal.\n";
    parley_article *a = parley_article_parse(page, strlen(page), "id\\1", "text", NULL);
    CHECK(a != NULL);
    if (!a) return;
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    CHECK_INT(parley_article_write_json(a, f), PARLEY_OK);
    fclose(f);
    CHECK(strstr(buf, "\"id\":\"id\\\\1\"") != NULL);
    CHECK(strstr(buf, "\"headline\":\"Headline \\\"quoted\\\"\"") != NULL);
    CHECK(strstr(buf, "{\"text\":\"They signed a deal.\",\"start\":38,\"end\":57}") != NULL);
    CHECK(strstr(buf, "\"authors\":[\"Ann Lee\"]") != NULL);
    free(buf);
    parley_article_free(a);
}

TEST(reader_count_words)
{
    CHECK_INT(pl_count_words("", 0), 0);
    CHECK_INT(pl_count_words("one", 3), 1);
    CHECK_INT(pl_count_words("  one  two\tthree ", 17), 3);
    const char *t = "Russia and the United States have not yet agreed!on\ta  common position";
    CHECK_INT(pl_count_words(t, strlen(t)), 12);
    char big[200];
    for (int i = 0; i < 200; i++) big[i] = (i % 3 == 2) ? ' ' : '!';
    CHECK_INT(pl_count_words(big, 200), 67);
    for (int i = 0; i < 200; i++) big[i] = (char)(i % 5 == 0 ? '\t' : 0x21);
    CHECK_INT(pl_count_words(big, 200), 40);
}

TEST(reader_normalize_space)
{
    const char *in[] = {"plain text here, long enough to use the fast path",
                        "  lead and trail  ", "double  space in the middle of a long line",
                        "tab\there and a\nnewline in a longer line of text",
                        "nbsp\xC2\xA0here and \xC2\xA9 copyright sign kept",
                        "del\x7F" "char in a line that is long enough", "", "   ", "x"};
    const char *want[] = {"plain text here, long enough to use the fast path", "lead and trail",
                          "double space in the middle of a long line",
                          "tab here and a newline in a longer line of text",
                          "nbsp here and \xC2\xA9 copyright sign kept",
                          "del char in a line that is long enough", "", "", "x"};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
        pl_buf b;
        pl_buf_init(&b);
        pl_buf_puts(&b, "");
        pl_normalize_space(in[i], strlen(in[i]), &b);
        CHECK_STR(b.data, want[i]);
        pl_buf_free(&b);
    }
}

/* Regression: a page that is one long line without spaces was taken for a
 * headline (and then dropped as a trailing widget): long lines are story. */
TEST(reader_long_line_is_body)
{
    size_t n = 5000;
    char *page = malloc(n);
    memset(page, 'a', n);
    parley_article *a = parley_article_parse(page, n, "long.txt", "text", NULL);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->headline, "");
        CHECK_INT(a->n_paragraphs, 1);
        CHECK_INT(a->n_sentences, 1);
        CHECK_INT(a->body_len, n);
        parley_article_free(a);
    }
    free(page);
}

static const char *source_of(const char *banner)
{
    static char out[128];
    char page[512];
    snprintf(page, sizeof page, "%s\n\nSaturday May 18 2024\n\nHeadline of the story\n\n"
             "The ministers met in Geneva on Tuesday and agreed to meet again soon.\n", banner);
    parley_article *a = parley_article_parse(page, strlen(page), "x", "text", NULL);
    snprintf(out, sizeof out, "%s", a ? a->source : "(none)");
    parley_article_free(a);
    return out;
}

TEST(reader_source_names)
{
    CHECK_STR(source_of("Azernews.Az"), "Azernews");
    CHECK_STR(source_of("www.bbc.co.uk"), "BBC");
    CHECK_STR(source_of("edition.example.com"), "Example");
    CHECK_STR(source_of("reuters.com"), "Reuters");
    CHECK_STR(source_of("Balkan Wire"), "Balkan Wire");
    CHECK_STR(source_of("CaspianPost.Com | News from the Caspian"), "CaspianPost");
}
