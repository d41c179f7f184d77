/* test_dict.c — dictionary loading: PETRARCH-2 and TABARI syntax, dated
 * actors, verb forms, patterns, synonym sets, agents, malformed files. */
#include "test.h"

#include "dict/dict.h"
#include "parley.h"

#include <stdlib.h>
#include <string.h>

typedef struct diags {
    int n;
    char last[512];
    char all[4096];
} diags;

static void on_diag(void *ctx, const parley_diag *d)
{
    diags *g = ctx;
    g->n++;
    snprintf(g->last, sizeof g->last, "%s:%ld: %s", d->file, d->line, d->message);
    size_t l = strlen(g->all);
    snprintf(g->all + l, sizeof g->all - l, "%s\n", g->last);
}

static parley_dict *load(const char *sub, diags *g)
{
    char path[512];
    snprintf(path, sizeof path, "%s/cases/code/%s", pl_test_dir, sub);
    parley_error err;
    return parley_dict_load_dir(path, on_diag, g, &err);
}

/* The actor whose name is the given phrase ("ANNA KORVEN"), or NULL. */
static const pl_actor *find_actor(const parley_dict *d, const char *w1, const char *w2)
{
    uint32_t a = pl_intern_find(&d->words, w1, strlen(w1));
    size_t cnt;
    const pl_name *nm = pl_names_lookup(&d->actor_names, a, &cnt);
    for (size_t i = 0; i < cnt; i++) {
        if (w2) {
            if (nm[i].nwords != 2) continue;
            uint32_t b = pl_intern_find(&d->words, w2, strlen(w2));
            if (d->wordv[nm[i].words + 1] != b) continue;
        } else if (nm[i].nwords != 1) {
            continue;
        }
        return &d->actors[nm[i].target];
    }
    return NULL;
}

TEST(dict_parse_date)
{
    CHECK_INT(pl_dict_parse_date("950601", 6), 19950601);
    CHECK_INT(pl_dict_parse_date("011222", 6), 20011222);
    CHECK_INT(pl_dict_parse_date("20121109", 8), 20121109);
    CHECK_INT(pl_dict_parse_date(" 20121109 ", 10), 20121109);
    CHECK_INT(pl_dict_parse_date("2004017", 7), -1);
    CHECK_INT(pl_dict_parse_date("201213xx", 8), -1);
    CHECK_INT(pl_dict_parse_date("20121332", 8), -1);
}

TEST(dict_load_petrarch)
{
    diags g = {0};
    parley_dict *d = load("dict", &g);
    CHECK(d != NULL);
    if (!d) return;
    if (g.n) fprintf(stderr, "%s", g.all);
    CHECK_INT(g.n, 0);
    parley_dict_stats st;
    parley_dict_get_stats(d, &st);
    CHECK_INT(st.files, 5);
    CHECK(st.actors >= 7);
    CHECK(st.agents >= 7);
    CHECK(st.patterns >= 10);
    CHECK_INT(st.discards, 2);
    CHECK_INT(st.issues, 2);
    /* dated roles: the narrowest interval containing the date wins */
    const pl_actor *k = find_actor(d, "ANNA", "KORVEN");
    CHECK(k != NULL);
    const pl_actor *k2 = find_actor(d, "KORVEN", NULL);
    CHECK(k2 == k);
    if (k) {
        CHECK_STR(pl_dict_s(d, pl_actor_code_on(d, k, 20120601)), "VARGOV");
        CHECK_STR(pl_dict_s(d, pl_actor_code_on(d, k, 20100101)), "VARGOV");
        CHECK_STR(pl_dict_s(d, pl_actor_code_on(d, k, 20091231)), "VARLEG");
        CHECK_STR(pl_dict_s(d, pl_actor_code_on(d, k, 20150101)), "VARELI");
        CHECK_STR(pl_dict_s(d, pl_actor_code_on(d, k, 0)), "VARELI");
    }
    /* generated and listed verb forms */
    const char *forms[] = {"ATTACKED", "ATTACKS", "ATTACKING", "SHELLED", "MET", "URGES", "SAID"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        uint32_t w = pl_intern_find(&d->words, forms[i], strlen(forms[i]));
        size_t cnt = 0;
        pl_names_lookup(&d->verb_names, w, &cnt);
        if (!cnt) fprintf(stderr, "  verb form %s missing\n", forms[i]);
        CHECK(cnt > 0);
    }
    /* the nested synonym set &BONDS holds "DIPLOMATIC RELATIONS" */
    int found = 0;
    for (size_t i = 0; i < d->nsynsets; i++) {
        if (strcmp(pl_dict_s(d, d->synsets[i].name), "&BONDS") != 0) continue;
        for (uint32_t m = 0; m < d->synsets[i].n; m++) {
            const pl_synmem *sm = &d->synmem[d->synsets[i].first + m];
            if (sm->nwords == 2 && !strcmp(pl_dict_w(d, d->wordv[sm->words]), "DIPLOMATIC")) found = 1;
        }
    }
    CHECK(found);
    /* agents: a substitution set and a prefix agent */
    uint32_t fw = pl_intern_find(&d->words, "FOREIGN", 7);
    size_t cnt = 0;
    const pl_name *nm = pl_names_lookup(&d->agent_names, fw, &cnt);
    CHECK(cnt >= 3);
    if (cnt) CHECK_STR(pl_dict_s(d, d->agents[nm[0].target].code), "GOV");
    uint32_t rw = pl_intern_find(&d->words, "RIGHTS", 6);
    nm = pl_names_lookup(&d->agent_names, rw, &cnt);
    CHECK(cnt >= 1);
    if (cnt) CHECK_INT(d->agents[nm[0].target].prefix, 1);
    /* POLICE {} has no generated plural */
    CHECK(pl_intern_find(&d->words, "POLICES", 7) == PL_NO_ID);
    parley_dict_free(d);
}

TEST(dict_pattern_elements)
{
    diags g = {0};
    parley_dict *d = load("dict", &g);
    if (!d) {
        CHECK(d != NULL);
        return;
    }
    /* "- * AGREEMENT WITH +  [057]": two words then a target slot */
    int found = 0;
    for (size_t i = 0; i < d->npatterns; i++) {
        const pl_pattern *p = &d->patterns[i];
        if (!strstr(pl_dict_s(d, p->text), "AGREEMENT WITH +")) continue;
        found = 1;
        CHECK_INT(p->npre, 0);
        CHECK_INT(p->npost, 3);
        const pl_pelem *e = &d->pelems[p->elems];
        CHECK_INT(e[0].kind, PL_PE_WORD);
        CHECK_STR(pl_dict_w(d, e[0].arg), "AGREEMENT");
        CHECK_INT(e[2].kind, PL_PE_TGT);
        CHECK_STR(pl_dict_s(d, p->code.a), "057");
    }
    CHECK(found);
    /* "- + WAS * BY $": pre part nearest the verb first */
    found = 0;
    for (size_t i = 0; i < d->npatterns; i++) {
        const pl_pattern *p = &d->patterns[i];
        if (!strstr(pl_dict_s(d, p->text), "WAS * BY $")) continue;
        found = 1;
        CHECK_INT(p->npre, 2);
        const pl_pelem *e = &d->pelems[p->elems];
        CHECK_STR(pl_dict_w(d, e[0].arg), "WAS");
        CHECK_INT(e[1].kind, PL_PE_TGT);
        CHECK_INT(e[3].kind, PL_PE_SRC);
    }
    CHECK(found);
    /* paired and null codes */
    int paired = 0, null = 0;
    for (size_t i = 0; i < d->nblocks; i++)
        if (d->blocks[i].code.b != PL_NOCODE) paired++;
    for (size_t i = 0; i < d->npatterns; i++)
        if (d->patterns[i].code.null) null++;
    CHECK(paired >= 1);
    CHECK(null >= 1);
    parley_dict_free(d);
}

TEST(dict_load_tabari)
{
    diags g = {0};
    parley_dict *d = load("dict-tabari", &g);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(g.n, 0);
    CHECK(d->format_tabari);
    /* VARLAND is a stem, OSTMARK_ is closed */
    CHECK(d->actor_names.nstems >= 1);
    int var_stem = 0, ost_stem = 0;
    for (size_t i = 0; i < d->actor_names.nstems; i++) {
        const char *w = pl_dict_w(d, d->wordv[d->actor_names.stems[i].words]);
        if (!strcmp(w, "VARLAND")) var_stem = 1;
        if (!strcmp(w, "OSTMARK")) ost_stem = 1;
    }
    CHECK(var_stem);
    CHECK(!ost_stem);
    /* labels and the noun list */
    CHECK(d->nlabels >= 4);
    uint32_t leader = pl_intern_find(&d->words, "LEADER", 6);
    CHECK(leader != PL_NO_ID && d->word_is_noun && d->word_is_noun[leader]);
    CHECK_INT(d->ntimes, 1);
    parley_dict_free(d);
}

TEST(dict_malformed_entries)
{
    diags g = {0};
    parley_dict *d = load("dict-bad", &g);
    CHECK(d != NULL);
    if (!d) return;
    /* every bad entry is reported with file:line, the good ones are kept */
    CHECK(g.n >= 7);
    CHECK(strstr(g.all, "actors.txt:5: bad date range") != NULL);
    CHECK(strstr(g.all, "verbs.txt:5: pattern without '*'") != NULL);
    CHECK(strstr(g.all, "verbs.txt:7: bad verb block header") != NULL);
    CHECK(strstr(g.all, "agents.txt:1: agent code [COP] without '~'") != NULL);
    CHECK(find_actor(d, "GOODLAND", NULL) != NULL);
    CHECK(find_actor(d, "GOODLANDER", NULL) != NULL);
    CHECK(find_actor(d, "LASTLAND", NULL) != NULL);   /* after a two-line comment */
    /* the Latin-1 byte became UTF-8 "CAFÉ" */
    CHECK(pl_intern_find(&d->words, "CAF\xc3\xa9", 5) != PL_NO_ID ||
          pl_intern_find(&d->words, "CAF\xc3\x89", 5) != PL_NO_ID);
    parley_dict_stats st;
    parley_dict_get_stats(d, &st);
    CHECK_INT((long long)st.warnings, g.n);
    parley_dict_free(d);
}

TEST(dict_missing_files)
{
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_dict_files f = {0};
    f.verbs = "/nonexistent/parley/verbs.txt";
    parley_dict *d = parley_dict_load_files(&f, NULL, NULL, &err);
    CHECK(d == NULL);
    CHECK_INT(err.status, PARLEY_ERR_IO);
    CHECK(strstr(err.file, "/nonexistent/parley/verbs.txt") != NULL);
    d = parley_dict_load_dir("/nonexistent/parley", NULL, NULL, &err);
    CHECK(d == NULL);
    CHECK(parley_dict_load_files(NULL, NULL, NULL, &err) == NULL);
    parley_dict_free(NULL);
}

TEST(dict_default)
{
    parley_error err;
    parley_dict *d = parley_dict_load_default(NULL, NULL, &err);
    if (!d) return; /* no bundled dictionaries in this build yet */
    parley_dict_stats st;
    parley_dict_get_stats(d, &st);
    CHECK(st.actors > 100);
    CHECK(st.load_seconds < 1.0);
    parley_dict_free(d);
}

/* Regression: a '[' inside a pattern body ("- * THING [011]N- * NOSTAR [012]")
 * made the pattern reader loop for ever (found by fuzz_dict). */
TEST(dict_stray_bracket_regression)
{
    const char *text = "--- GOOD  [010] ---\nGOOD\n- * THING  [011]N- * NOSTAR [012]\n"
                       "- * A ] B | C [013]\n- * BAD";
    parley_dict *d = pl_dict_new(NULL, NULL);
    uint16_t f = pl_dict_add_file(d, "stray.txt");
    pl_read_petr_verbs(d, f, text, strlen(text));
    pl_dict_finish(d);
    CHECK_INT(d->nblocks, 1);
    CHECK(d->npatterns >= 2);
    parley_dict_free(d);
}
