/* test_mirror.c — the CAMEO mirror table (data/cameo/mirror.tsv) and the
 * coder's complement frames with the bundled dictionaries. */
#include "test.h"

#include "cameo/mirror.h"
#include "parley.h"

#include <stdlib.h>
#include <string.h>

TEST(mirror_rows)
{
    const char *m = pl_cameo_mirror("085", PL_MIRROR_INTENT, NULL);
    if (!m) return; /* the table is not in this build */
    CHECK_STR(m, "0354");
    CHECK_STR(pl_cameo_mirror("085", PL_MIRROR_DEMAND, NULL), "1054");
    CHECK_STR(pl_cameo_mirror("061", PL_MIRROR_APPEAL, NULL), "0211");
    CHECK_STR(pl_cameo_mirror("163", PL_MIRROR_THREAT, NULL), "1312");
    /* a four-digit action without a row takes its parent's */
    CHECK_STR(pl_cameo_mirror("0841", PL_MIRROR_DEMAND, NULL), "1053");
    CHECK_STR(pl_cameo_mirror("1951", PL_MIRROR_THREAT, NULL), "1384");
    /* a row of its own beats the parent */
    CHECK_STR(pl_cameo_mirror("0874", PL_MIRROR_DEMAND, NULL), "106");
    /* an intent to use force is a threat */
    CHECK_STR(pl_cameo_mirror("190", PL_MIRROR_INTENT, NULL), "138");
    unsigned line = 0;
    CHECK(pl_cameo_mirror("042", PL_MIRROR_INTENT, &line) != NULL);
    CHECK(line > 20);
    CHECK(pl_cameo_mirror("190", PL_MIRROR_APPEAL, NULL) == NULL); /* "-" */
    CHECK(pl_cameo_mirror("010", PL_MIRROR_INTENT, NULL) == NULL); /* no row */
    CHECK(pl_cameo_mirror("042", 19, NULL) == NULL);               /* not a family */
    CHECK(pl_cameo_mirror("", PL_MIRROR_INTENT, NULL) == NULL);
    CHECK(pl_cameo_mirror(NULL, PL_MIRROR_INTENT, NULL) == NULL);
    CHECK(pl_cameo_mirror("08411", PL_MIRROR_INTENT, NULL) == NULL);
    CHECK_STR(pl_cameo_frame_block(PL_MIRROR_INTENT), "AGREE");
    CHECK(pl_cameo_frame_block(PL_MIRROR_THREAT) == NULL);
}

/* Every mirrored code is a CAMEO code of its family's root. */
TEST(mirror_codes_in_family)
{
    static const int fam[4] = {PL_MIRROR_APPEAL, PL_MIRROR_INTENT, PL_MIRROR_DEMAND, PL_MIRROR_THREAT};
    static const char *const root[4] = {"02", "03", "10", "13"};
    int rows = 0;
    char code[8];
    for (int n = 0; n < 10000; n++) {
        for (int digits = 3; digits <= 4; digits++) {
            if (digits == 3 && n >= 1000) continue;
            snprintf(code, sizeof code, digits == 3 ? "%03d" : "%04d", n);
            if (!parley_cameo_lookup(code)) continue;
            for (int f = 0; f < 4; f++) {
                const char *m = pl_cameo_mirror(code, fam[f], NULL);
                if (!m) continue;
                rows++;
                const parley_cameo *cm = parley_cameo_lookup(m);
                CHECK(cm != NULL);
                /* a threat mirrored as intent is allowed: 03 or 13 */
                if (cm && strcmp(cm->root, root[f]) != 0 &&
                    !(fam[f] == PL_MIRROR_INTENT && !strcmp(cm->root, "13"))) {
                    fprintf(stderr, "  %s -> %s outside root %s\n", code, m, root[f]);
                    pl_test_failures++;
                }
            }
        }
    }
    if (parley_cameo_lookup("190")) CHECK(rows > 100);
}

typedef struct got {
    char ev[16][64];
    int n;
} got;

static int collect(void *ctx, const parley_event *ev)
{
    got *g = ctx;
    if (g->n < 16)
        snprintf(g->ev[g->n++], sizeof g->ev[0], "%s %s %s%s%s", ev->source, ev->target,
                 ev->code, ev->mode[0] ? " " : "", ev->mode);
    return 0;
}

static int has(const got *g, const char *ev)
{
    for (int i = 0; i < g->n; i++)
        if (!strcmp(g->ev[i], ev)) return 1;
    return 0;
}

static void code(parley_dict *d, int all_modes, const char *s, got *g)
{
    parley_code_options opt;
    memset(&opt, 0, sizeof opt);
    opt.all_modes = all_modes;
    parley_coder *c = parley_coder_new(d, &opt);
    parley_datetime dt = {.year = 2014, .month = 3, .day = 3};
    memset(g, 0, sizeof *g);
    parley_code_sentence(c, s, strlen(s), &dt, "t", 1, collect, g);
    parley_coder_free(c);
}

TEST(coder_complement_frames)
{
    parley_error err;
    parley_dict *d = parley_dict_load_default(NULL, NULL, &err);
    if (!d) return; /* no bundled dictionaries in this build */
    got g;
    /* "said it would": intent; the complement is not delivered as done */
    code(d, 0, "Canada said it would lift its sanctions on Iran.", &g);
    CHECK(has(&g, "CAN IRN 0354"));
    CHECK(!has(&g, "CAN IRN 085"));
    /* a threat verb with its default code: the complement's mirror */
    code(d, 0, "North Korea threatened to shell South Korean border towns.", &g);
    CHECK(has(&g, "PRK KOR 1384"));
    CHECK(!has(&g, "PRK KOR 194") && !has(&g, "PRK KOR 130"));
    /* an appeal with its default code: the addressee is the target */
    code(d, 0, "Kenya urged Somalia to trade with Ethiopia.", &g);
    CHECK(has(&g, "KEN SOM 0211"));
    CHECK(!has(&g, "KEN SOM 020") && !has(&g, "SOM ETH 061"));
    /* a future cooperative action is an expressed intent (036), asserted;
     * the visit itself did not happen (no 042, not even with all_modes) */
    code(d, 0, "Obama will visit Malaysia next week.", &g);
    CHECK_INT(g.n, 1);
    CHECK(has(&g, "USAGOV MYS 036"));
    code(d, 1, "Obama will visit Malaysia next week.", &g);
    CHECK(!has(&g, "USAGOV MYS 042 future") && !has(&g, "USAGOV MYS 042"));
    /* a future hostile action stays future: only with all_modes */
    code(d, 0, "Canada will expel Syrian diplomats next week.", &g);
    CHECK(!has(&g, "CAN SYRGOV 174") && !has(&g, "CAN SYR 174"));
    /* conditional: the threat, not the sanction */
    code(d, 0, "Canada will impose sanctions on Syria unless Damascus stops the violence.", &g);
    CHECK(has(&g, "CAN SYR 1312"));
    CHECK(!has(&g, "CAN SYR 163"));
    /* a negated frame gives nothing */
    code(d, 0, "China said it would not attack Vietnam.", &g);
    CHECK(!has(&g, "CHN VNM 138") && !has(&g, "CHN VNM 190"));
    parley_dict_free(d);
}
