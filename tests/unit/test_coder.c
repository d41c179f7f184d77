/* test_coder.c — the event coder: the case files of tests/cases/code run
 * through the library, plus API checks (options, discards, output). */
#include "test.h"

#include "parley.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct got {
    char ev[64][96];
    int n;
    char issues[128];
} got;

static int collect(void *ctx, const parley_event *ev)
{
    got *g = ctx;
    if (g->n < 64) {
        snprintf(g->ev[g->n], sizeof g->ev[0], "%s %s %s%s%s", ev->source, ev->target, ev->code,
                 ev->mode[0] ? " " : "", ev->mode);
        if (g->n == 0) snprintf(g->issues, sizeof g->issues, "%s", ev->issues);
        g->n++;
    }
    return 0;
}

static parley_dict *load_case_dict(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/cases/code/%s", pl_test_dir, name);
    parley_error err;
    return parley_dict_load_dir(path, NULL, NULL, &err);
}

/* Runs one case file; returns the number of problems (reported). */
static int run_case(const char *file)
{
    char *data;
    size_t len;
    if (pl_read_file(file, 0, &data, &len)) {
        fprintf(stderr, "  %s: cannot read\n", file);
        return 1;
    }
    char dictname[64] = "dict";
    parley_code_options opt = {0};
    parley_datetime date = {0};
    char *texts[16];
    int ntexts = 0;
    char *expect[64];
    int nexpect = 0, expect_none = 0;
    const char *discard = NULL, *issues = NULL;
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || !line[0]) continue;
        if (!strncmp(line, "dict ", 5)) snprintf(dictname, sizeof dictname, "%s", line + 5);
        else if (!strncmp(line, "date ", 5)) parley_date_parse(line + 5, strlen(line + 5), &date);
        else if (!strcmp(line, "option all_modes")) opt.all_modes = 1;
        else if (!strcmp(line, "option require_dyad false")) opt.require_dyad = -1;
        else if (!strncmp(line, "option ", 7) && strchr(line + 7, ' ')) {
            /* "option comma_bmax 6": any PETRARCH <Config> option */
            char *sp = strchr(line + 7, ' ');
            *sp = 0;
            if (parley_code_options_set(&opt, line + 7, sp + 1)) {
                fprintf(stderr, "  %s: bad option '%s'\n", file, line + 7);
                free(data);
                return 1;
            }
        }
        else if (!strncmp(line, "text ", 5) && ntexts < 16) texts[ntexts++] = line + 5;
        else if (!strcmp(line, "expect none")) expect_none = 1;
        else if (!strncmp(line, "expect discard ", 15)) discard = line + 15;
        else if (!strncmp(line, "expect ", 7) && nexpect < 64) expect[nexpect++] = line + 7;
        else if (!strncmp(line, "issues ", 7)) issues = line + 7;
        else {
            fprintf(stderr, "  %s: unknown line '%s'\n", file, line);
            free(data);
            return 1;
        }
    }
    int bad = 0;
    parley_dict *d = load_case_dict(dictname);
    if (!d) {
        fprintf(stderr, "  %s: cannot load dictionary %s\n", file, dictname);
        free(data);
        return 1;
    }
    parley_coder *c = parley_coder_new(d, &opt);
    got g;
    memset(&g, 0, sizeof g);
    /* the texts form one story */
    pl_buf body;
    pl_buf_init(&body);
    parley_sentence sents[16];
    for (int i = 0; i < ntexts; i++) {
        if (i) pl_buf_puts(&body, "\n\n");
        sents[i].start = body.len;
        pl_buf_puts(&body, texts[i]);
        sents[i].end = body.len;
        sents[i].paragraph = (size_t)i;
    }
    parley_article a;
    memset(&a, 0, sizeof a);
    a.id = file;
    a.body = body.data ? body.data : "";
    a.body_len = body.len;
    a.sentences = sents;
    a.n_sentences = (size_t)ntexts;
    a.published = date;
    parley_code_article(c, &a, collect, &g);
    const char *disc = parley_coder_discarded(c);
    if (discard) {
        if (!disc || strcmp(disc, discard) != 0 || g.n) {
            fprintf(stderr, "  %s: expected discard %s, got %s and %d events\n", file, discard,
                    disc ? disc : "none", g.n);
            bad++;
        }
    } else {
        int used[64] = {0};
        for (int i = 0; i < nexpect; i++) {
            int found = 0;
            for (int k = 0; k < g.n && !found; k++)
                if (!used[k] && !strcmp(g.ev[k], expect[i])) used[k] = found = 1;
            if (!found) {
                fprintf(stderr, "  %s: missing event '%s'\n", file, expect[i]);
                bad++;
            }
        }
        for (int k = 0; k < g.n; k++)
            if (!used[k]) {
                fprintf(stderr, "  %s: unexpected event '%s'\n", file, g.ev[k]);
                bad++;
            }
        if (!expect_none && !nexpect) {
            fprintf(stderr, "  %s: the case states no expectation\n", file);
            bad++;
        }
        if (issues && strcmp(g.issues, issues) != 0) {
            fprintf(stderr, "  %s: issues '%s', expected '%s'\n", file, g.issues, issues);
            bad++;
        }
    }
    pl_buf_free(&body);
    parley_coder_free(c);
    parley_dict_free(d);
    free(data);
    return bad;
}

static void coder_case(const char *dir, const char *name, const char *path, void *ctx)
{
    if (run_case(path)) pl_test_failures++;
}

TEST(coder_cases)
{
    CHECK(pl_test_each_case("code", ".txt", coder_case, NULL) >= 20);
}

static parley_dict *test_dict(void)
{
    return load_case_dict("dict");
}

TEST(coder_options_set)
{
    parley_code_options o = {0};
    CHECK_INT(parley_code_options_set(&o, "require_dyad", "False"), 0);
    CHECK_INT(o.require_dyad, -1);
    CHECK_INT(parley_code_options_set(&o, "require_dyad", "TRUE"), 0);
    CHECK_INT(o.require_dyad, 1);
    CHECK_INT(parley_code_options_set(&o, "comma_max", "6"), 0);
    CHECK_INT(o.comma_set, 1);
    CHECK_INT(o.comma_max, 6);
    CHECK_INT(o.comma_emax, 8);
    CHECK_INT(parley_code_options_set(&o, "new_actor_length", "4"), 0);
    CHECK_INT(o.new_actor_length, 4);
    CHECK_INT(parley_code_options_set(&o, "no_such_option", "1"), -1);
    CHECK_INT(parley_code_options_set(&o, "comma_min", "x"), -1);
    CHECK_INT(parley_code_options_set(&o, "require_dyad", "maybe"), -1);
}

TEST(coder_sentence_and_evidence)
{
    parley_dict *d = test_dict();
    CHECK(d != NULL);
    if (!d) return;
    parley_coder *c = parley_coder_new(d, NULL);
    got g;
    memset(&g, 0, sizeof g);
    parley_datetime dt = {2012, 11, 20, 0, 0, 0, 0, 0, 0};
    const char *s = "Varland attacked Ostmark on Tuesday.";
    CHECK_INT(parley_code_sentence(c, s, strlen(s), &dt, "doc1", 3, collect, &g), PARLEY_OK);
    CHECK_INT(g.n, 1);
    CHECK_STR(g.ev[0], "VAR OST 190");
    CHECK(parley_coder_discarded(c) == NULL);
    /* the discard is reported */
    const char *t = "Varland attacked Ostmark in the football match.";
    memset(&g, 0, sizeof g);
    parley_code_sentence(c, t, strlen(t), &dt, "doc1", 4, collect, &g);
    CHECK_INT(g.n, 0);
    CHECK_STR(parley_coder_discarded(c), "sentencediscard");
    /* empty and odd input never fail */
    CHECK_INT(parley_code_sentence(c, "", 0, NULL, NULL, 1, collect, &g), PARLEY_OK);
    CHECK_INT(parley_code_sentence(c, "\xff\xfe ,,, ((", 8, NULL, NULL, 1, collect, &g), PARLEY_OK);
    CHECK_INT(parley_code_sentence(NULL, "x", 1, NULL, NULL, 1, collect, &g), PARLEY_ERR_USAGE);
    parley_coder_free(c);
    parley_dict_free(d);
}

typedef struct capture {
    char json[4096];
    char tsv[4096];
} capture;

static int write_both(void *ctx, const parley_event *ev)
{
    capture *cp = ctx;
    FILE *f = fmemopen(cp->json, sizeof cp->json, "w");
    parley_event_write_json(ev, f);
    fclose(f);
    f = fmemopen(cp->tsv, sizeof cp->tsv, "w");
    parley_event_write_tsv_header(f);
    parley_event_write_tsv(ev, f);
    fclose(f);
    return 0;
}

TEST(coder_output_formats)
{
    parley_dict *d = test_dict();
    if (!d) {
        CHECK(d != NULL);
        return;
    }
    parley_coder *c = parley_coder_new(d, NULL);
    capture cp;
    memset(&cp, 0, sizeof cp);
    parley_datetime dt = {2012, 6, 1, 0, 0, 0, 0, 0, 0};
    const char *s = "Korven met with Ostmark.";
    parley_code_sentence(c, s, strlen(s), &dt, "d\t1", 2, write_both, &cp);
    CHECK(strstr(cp.json, "\"source\":\"VARGOV\"") != NULL);
    CHECK(strstr(cp.json, "\"date\":\"2012-06-01\"") != NULL);
    CHECK(strstr(cp.json, "\"verb_text\":\"met\"") != NULL);
    CHECK(strstr(cp.json, "\"evidence\":\"verb MEET (verbs.txt:") != NULL);
    CHECK(strstr(cp.json, "actors.txt:") != NULL);
    /* TSV: a header and one line, the same number of columns, tab escaped */
    char *nl = strchr(cp.tsv, '\n');
    CHECK(nl != NULL);
    if (nl) {
        int h = 0, r = 0;
        for (char *p = cp.tsv; p < nl; p++) h += *p == '\t';
        for (char *p = nl + 1; *p && *p != '\n'; p++) r += *p == '\t';
        CHECK_INT(h, 16);
        CHECK_INT(r, 16);
        CHECK(strstr(nl, "d\\t1\t2\t2012-06-01\tVARGOV\tOST\t040") != NULL);
    }
    parley_coder_free(c);
    parley_dict_free(d);
}

TEST(coder_compound_cap)
{
    parley_dict *d = test_dict();
    if (!d) {
        CHECK(d != NULL);
        return;
    }
    parley_code_options o = {0};
    o.max_compound = 2;
    parley_coder *c = parley_coder_new(d, &o);
    got g;
    memset(&g, 0, sizeof g);
    const char *s = "Varland, Kesh and Ostmark praised the UFI for its support.";
    parley_code_sentence(c, s, strlen(s), NULL, NULL, 1, collect, &g);
    CHECK_INT(g.n, 2);
    parley_coder_free(c);
    parley_dict_free(d);
}

TEST(cameo_lookup)
{
    const parley_cameo *c = parley_cameo_lookup("190");
    if (!c) return; /* the CAMEO table is not in this build */
    CHECK_STR(c->code, "190");
    CHECK_STR(c->root, "19");
    CHECK_INT(c->quad, 4);
    CHECK(parley_cameo_lookup("99999") == NULL);
    CHECK(parley_cameo_lookup("") == NULL);
    CHECK(parley_cameo_lookup(NULL) == NULL);
}

/* Regression: a sentence of more tokens than the coder keeps (512) with
 * commas past that point overran the comma-clause table (found by
 * fuzz_dict). */
TEST(coder_long_sentence_regression)
{
    parley_dict *d = test_dict();
    if (!d) {
        CHECK(d != NULL);
        return;
    }
    parley_coder *c = parley_coder_new(d, NULL);
    pl_buf b;
    pl_buf_init(&b);
    pl_buf_puts(&b, "Varland attacked Ostmark");
    for (int i = 0; i < 700; i++) pl_buf_puts(&b, i % 3 ? " and Kesh" : ", then");
    pl_buf_puts(&b, ".");
    got g;
    memset(&g, 0, sizeof g);
    CHECK_INT(parley_code_sentence(c, b.data, b.len, NULL, NULL, 1, collect, &g), PARLEY_OK);
    CHECK(g.n >= 1);
    if (g.n) CHECK_STR(g.ev[0], "VAR OST 190");
    pl_buf_free(&b);
    parley_coder_free(c);
    parley_dict_free(d);
}
