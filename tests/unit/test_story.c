/* test_story.c — story-level coding: date arithmetic, sentence dates and
 * mention resolution (src/coder/story.c). */
#include "test.h"

#include "coder/story.h"
#include "util.h"

#include <string.h>

static int32_t sdate(int32_t key, const char *s)
{
    return pl_story_sentence_date(key, s, strlen(s));
}

TEST(story_date_arithmetic)
{
    CHECK(pl_key_to_days(19700101) == 0);
    CHECK(pl_days_to_key(0) == 19700101);
    CHECK(pl_key_weekday(20121120) == 1);   /* a Tuesday */
    CHECK(pl_key_weekday(20121122) == 3);   /* a Thursday */
    CHECK(pl_story_add_days(20120301, -1) == 20120229);   /* leap year */
    CHECK(pl_story_add_days(20130301, -1) == 20130228);
    CHECK(pl_story_add_days(20130101, -1) == 20121231);
    CHECK(pl_story_add_days(20001231, 1) == 20010101);
    CHECK(pl_story_add_days(0, 5) == 0);
    for (long d = -1000; d < 30000; d += 37) CHECK(pl_key_to_days(pl_days_to_key(d)) == d);
}

TEST(story_sentence_dates)
{
    /* Thursday 2012-11-22 */
    CHECK(sdate(20121122, "Lavrov said Tuesday that talks went well.") == 20121120);
    CHECK(sdate(20121122, "The minister said yesterday that talks went well.") == 20121121);
    CHECK(sdate(20121122, "It happened the day before yesterday.") == 20121120);
    CHECK(sdate(20121122, "Troops attacked the town on Monday.") == 20121119);
    CHECK(sdate(20121122, "Troops attacked the town on Thursday.") == 20121122);
    CHECK(sdate(20121122, "Troops attacked the town last Thursday.") == 20121115);
    CHECK(sdate(20121122, "Troops attacked the town on Friday.") == 20121116);
    CHECK(sdate(20121122, "Lavrov will visit Paris on Monday.") == 20121122);
    CHECK(sdate(20121122, "The talks resume next Monday.") == 20121122);
    CHECK(sdate(20121122, "The ministers met last week.") == 20121122);
    CHECK(sdate(20121122, "Nothing about days here.") == 20121122);
    CHECK(sdate(0, "Lavrov said Tuesday.") == 0);
    /* a lower-case weekday is no date word */
    CHECK(sdate(20121122, "a monday meeting") == 20121122);
}

TEST(story_statements)
{
    const char *t = "Ostmark must stop the attacks, Brenn said.";
    size_t comma = (size_t)(strchr(t, ',') - t);
    CHECK(pl_story_said_clause(t + comma, strlen(t) - comma) == 1);
    const char *q = ",\" the foreign minister told reporters on Tuesday.";
    CHECK(pl_story_said_clause(q, strlen(q)) == 1);
    q = ", attacking the town and killing many civilians.";
    CHECK(pl_story_said_clause(q, strlen(q)) == 0);
    q = ", said.";
    CHECK(pl_story_said_clause(q, strlen(q)) == 0);
    /* the speaker after the verb; institutions as speakers */
    q = ",\" said Lavrov.";
    CHECK(pl_story_said_clause(q, strlen(q)) == 1);
    q = ", said the Russian foreign minister.";
    CHECK(pl_story_said_clause(q, strlen(q)) == 1);
    q = ", said the report.";
    CHECK(pl_story_said_clause(q, strlen(q)) == 0);
    q = ", the Armenian defence ministry said.";
    CHECK(pl_story_said_clause(q, strlen(q)) == 1);
    /* officials and forces as speakers: Parley's own dictionaries only */
    q = ", U.S. officials said.";
    CHECK(pl_story_said_clause(q, strlen(q)) == 0);
    CHECK(pl_story_said_clause_news(q, strlen(q)) == 1);
    q = ", the air force said.";
    CHECK(pl_story_said_clause_news(q, strlen(q)) == 1);
    CHECK(pl_story_say_word("NOTED") == 1);
    CHECK(pl_story_say_word("ATTACKED") == 0);
    CHECK(pl_story_say_word(NULL) == 0);
    size_t ss = (size_t)(strstr(t, "Brenn") - t), vs = (size_t)(strstr(t, "said") - t);
    CHECK(pl_story_said_content(t, strlen(t), ss, vs, vs + 4) == comma);
    CHECK(pl_story_said_content(t, strlen(t), ss, vs, vs + 3) == 0);   /* "sai" */
    const char *u = "Brenn said Ostmark must stop.";
    CHECK(pl_story_said_content(u, strlen(u), 0, 6, 10) == 0);
    const char *codes[2] = {"VAR", "OST"};
    CHECK(pl_story_other_actor("VARGOV", codes, 2) == 1);
    CHECK(pl_story_other_actor("VARGOV", codes, 1) == 0);
}

static int np(pl_story *s, const char *text, const char **codes, int n, int sent)
{
    return pl_story_np(s, text, strlen(text), codes, n, 8, sent);
}

TEST(story_mentions)
{
    pl_story *s = pl_story_new();
    const char *c[8];
    c[0] = "RUSGOV";
    CHECK(np(s, "Russian Foreign Minister Sergei Lavrov", c, 1, 1) == 1);
    c[0] = "USAGOV";
    CHECK(np(s, "US Secretary of State Hillary Clinton", c, 1, 1) == 1);
    /* a surname alone, not in any dictionary */
    CHECK(np(s, "Lavrov", c, 0, 2) == 1 && !strcmp(c[0], "RUSGOV"));
    CHECK(np(s, "Clinton's", c, 0, 2) == 1 && !strcmp(c[0], "USAGOV"));
    CHECK(np(s, "Smith", c, 0, 2) == 0);
    /* role nouns */
    c[0] = "---GOV";
    CHECK(np(s, "the foreign minister", c, 1, 3) == 1 && !strcmp(c[0], "RUSGOV"));
    c[0] = "---GOV";
    CHECK(np(s, "the secretary of state", c, 1, 3) == 1 && !strcmp(c[0], "USAGOV"));
    c[0] = "---GOV";
    CHECK(np(s, "the president", c, 1, 3) == 1 && !strcmp(c[0], "---GOV"));
    /* pronouns: the most recent person / plural actor of earlier sentences */
    CHECK(pl_story_pronoun(s, "HE", NULL, 0, c, 8, 4) == 1 && !strcmp(c[0], "USAGOV"));
    CHECK(pl_story_pronoun(s, "THEY", NULL, 0, c, 8, 4) == 0);
    c[0] = "RUS";
    c[1] = "CHN";
    CHECK(np(s, "Russia and China", c, 2, 4) == 2);
    CHECK(pl_story_pronoun(s, "THEY", NULL, 0, c, 8, 5) == 2 && !strcmp(c[0], "RUS") && !strcmp(c[1], "CHN"));
    CHECK(pl_story_pronoun(s, "IT", NULL, 0, c, 8, 5) == 0);
    /* "we" in a quote: the speaker named after it */
    const char *q = "\"We will support Egypt,\" Lavrov said.";
    CHECK(pl_story_pronoun(s, "WE", q, strlen(q), c, 8, 5) == 1 && !strcmp(c[0], "RUSGOV"));
    q = "We will support Egypt, Lavrov said.";
    CHECK(pl_story_pronoun(s, "WE", q, strlen(q), c, 8, 5) == 0);
    q = "\"We will support Egypt,\" said Lavrov.";
    CHECK(pl_story_pronoun(s, "WE", q, strlen(q), c, 8, 5) == 1 && !strcmp(c[0], "RUSGOV"));
    q = "\"We will support Egypt,\" said Foreign Minister Sergei Lavrov on Tuesday.";
    CHECK(pl_story_pronoun(s, "WE", q, strlen(q), c, 8, 5) == 1 && !strcmp(c[0], "RUSGOV"));
    /* "the parties": the last dyad */
    CHECK(np(s, "the parties", c, 0, 5) == 0);
    pl_story_event(s, "RUSGOV", "USAGOV");
    pl_story_event(s, "---", "USAGOV");   /* no country: not a dyad */
    CHECK(np(s, "the two sides", c, 0, 6) == 2 && !strcmp(c[0], "RUSGOV") && !strcmp(c[1], "USAGOV"));
    CHECK(np(s, "both sides", c, 0, 6) == 2);
    pl_story_reset(s);
    CHECK(np(s, "Lavrov", c, 0, 1) == 0);
    CHECK(pl_story_pronoun(s, "HE", NULL, 0, c, 8, 2) == 0);
    pl_story_free(s);
}

/* --- the case files of tests/cases/story through parley_code_article ------- */

#include "parley.h"
#include "util.h"

#include <stdlib.h>

typedef struct sgot {
    char ev[32][64];
    int n;
} sgot;

static int scollect(void *ctx, const parley_event *ev)
{
    sgot *g = ctx;
    if (g->n < 32)
        snprintf(g->ev[g->n++], sizeof g->ev[0], "%s %s %s %s", ev->date, ev->source, ev->target,
                 ev->code);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* Codes the story of a case file; fills got, returns 0 or -1 on a bad file. */
static int code_story(const parley_dict *d, const parley_code_options *opt, const char *path,
                      sgot *got, sgot *want)
{
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[1024], body[4096] = "";
    size_t bl = 0;
    parley_article a;
    memset(&a, 0, sizeof a);
    a.id = path;
    want->n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!strncmp(line, "date ", 5))
            sscanf(line + 5, "%d-%d-%d", &a.published.year, &a.published.month, &a.published.day);
        else if (!strncmp(line, "text ", 5) && bl + strlen(line) + 2 < sizeof body)
            bl += (size_t)snprintf(body + bl, sizeof body - bl, "%s%s", bl ? "\n\n" : "", line + 5);
        else if (!strncmp(line, "expect ", 7) && strcmp(line + 7, "none") != 0 && want->n < 32)
            snprintf(want->ev[want->n++], sizeof want->ev[0], "%.60s", line + 7);
    }
    fclose(f);
    a.body = body;
    a.body_len = bl;
    parley_coder *c = parley_coder_new(d, opt);
    got->n = 0;
    parley_code_article(c, &a, scollect, got);
    parley_coder_free(c);
    qsort(got->ev, (size_t)got->n, sizeof got->ev[0], cmp_str);
    qsort(want->ev, (size_t)want->n, sizeof want->ev[0], cmp_str);
    return 0;
}

static parley_dict *story_dict(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/cases/story/dict", pl_test_dir);
    parley_error err;
    return parley_dict_load_dir(path, NULL, NULL, &err);
}

static void story_case(const char *dir, const char *name, const char *path, void *ctx)
{
    sgot got, want;
    CHECK(code_story(ctx, NULL, path, &got, &want) == 0);
    int same = got.n == want.n;
    for (int i = 0; same && i < got.n; i++) same = !strcmp(got.ev[i], want.ev[i]);
    if (!same) {
        fprintf(stderr, "  story case %s.txt: expected", name);
        for (int i = 0; i < want.n; i++) fprintf(stderr, " [%s]", want.ev[i]);
        fprintf(stderr, ", got");
        for (int i = 0; i < got.n; i++) fprintf(stderr, " [%s]", got.ev[i]);
        fprintf(stderr, "\n");
        pl_test_failures++;
    }
}

TEST(story_cases)
{
    parley_dict *d = story_dict();
    CHECK(d != NULL);
    if (!d) return;
    CHECK(pl_test_each_case("story", ".txt", story_case, d) >= 10);
    parley_dict_free(d);
}

TEST(story_keep_duplicates)
{
    parley_dict *d = story_dict();
    CHECK(d != NULL);
    if (!d) return;
    char path[1024];
    snprintf(path, sizeof path, "%s/cases/story/duplicates.txt", pl_test_dir);
    parley_code_options opt;
    memset(&opt, 0, sizeof opt);
    opt.keep_duplicates = 1;
    sgot got, want;
    CHECK(code_story(d, &opt, path, &got, &want) == 0);
    CHECK(want.n == 2 && got.n == 3);
    parley_dict_free(d);
}
