/* lexicon.c — the process-wide lexicon: WordNet lemma lists and irregular
 * forms, the Festival/WSJ tag lexicon and tag trigram model (all generated
 * by tools/gen_lexicon.py into data/lexicon/), plus the closed-class word
 * lists below.  Built once (pthread_once), immutable afterwards. */
#include "parser/parser_int.h"

#include "embedded.h"
#include "util.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

const char *const pl_tag_names[PL_NTAGS] = {
    "nn", "punc", "nnp", "dt", "in", "jj", "nns", "cd", "rb", "vbd", "vb", "prp", "cc",
    "of", "to", "vbz", "vbn", "vbg", "vbp", "md", "pos", "wdt", "jjr", "wp", "nnps",
    "wrb", "jjs", "rbr", "rp", "ex", "rbs", "pdt", "fw", "uh", "sym", "ls"};

static int tag_by_name(const char *s, size_t n)
{
    for (int i = 0; i < PL_NTAGS; i++) {
        const char *t = pl_tag_names[i];
        if (t[0] == s[0] && strncmp(t, s, n) == 0 && t[n] == 0) return i;
    }
    return -1;
}

static uint32_t add_word(pl_lexicon *lx, const char *w, size_t n)
{
    uint32_t id = pl_intern_add(&lx->words, w, n);
    if (id >= lx->ninfo) {
        size_t cap = lx->ninfo;
        lx->info = pl_grow(lx->info, &cap, (size_t)id + 1, sizeof *lx->info);
        for (size_t i = lx->ninfo; i < cap; i++)
            lx->info[i] = (lx_word){PL_NO_ID, PL_NO_ID, PL_NO_ID, 0, 0, 0, 0};
        lx->ninfo = cap;
    }
    return id;
}

uint32_t pl_lex_find(const pl_lexicon *lx, const char *w, size_t n)
{
    return pl_intern_find(&lx->words, w, n);
}

/* Line iterator over a data file; skips '#' comments and blank lines.
 * Splits on tabs into at most nf fields. */
typedef struct lines {
    const char *p, *end;
} lines;

static int next_line(lines *it, const char **f, size_t *fl, int nf)
{
    while (it->p < it->end) {
        const char *s = it->p;
        const char *e = memchr(s, '\n', (size_t)(it->end - s));
        if (!e) e = it->end;
        it->p = e + 1;
        if (e > s && e[-1] == '\r') e--;
        if (s == e || *s == '#') continue;
        int k = 0;
        const char *q = s;
        while (k < nf) {
            const char *t = memchr(q, '\t', (size_t)(e - q));
            if (!t || k == nf - 1) t = e;
            f[k] = q;
            fl[k] = (size_t)(t - q);
            k++;
            if (t == e) break;
            q = t + 1;
        }
        return k;
    }
    return 0;
}

static lines open_data(const char *name)
{
    size_t len = 0;
    const char *d = pl_data_file(name, &len);
    lines it = {d, d ? d + len : NULL};
    if (!d) {
        fprintf(stderr, "parley: bundled data file %s is missing\n", name);
        it.p = it.end = "";
    }
    return it;
}

static void load_exceptions(pl_lexicon *lx, const char *name, int which)
{
    lines it = open_data(name);
    const char *f[2];
    size_t fl[2];
    while (next_line(&it, f, fl, 2) == 2) {
        uint32_t form = add_word(lx, f[0], fl[0]);
        uint32_t lemma = add_word(lx, f[1], fl[1]);
        lx_word *w = &lx->info[form];
        if (which == 0) w->verb_exc = lemma;
        else if (which == 1) w->noun_exc = lemma;
        else w->adj_exc = lemma;
    }
}

static void load_words(pl_lexicon *lx)
{
    lines it = open_data("lexicon/words.tsv");
    const char *f[2];
    size_t fl[2];
    while (next_line(&it, f, fl, 2) == 2) {
        uint32_t id = add_word(lx, f[0], fl[0]);
        uint8_t m = 0;
        for (size_t i = 0; i < fl[1]; i++)
            m |= f[1][i] == 'n' ? WN_N : f[1][i] == 'v' ? WN_V : f[1][i] == 'a' ? WN_A
                 : f[1][i] == 'r' ? WN_R : 0;
        lx->info[id].wn |= m;
    }
}

static void load_poslex(pl_lexicon *lx)
{
    lines it = open_data("lexicon/poslex.tsv");
    const char *f[2];
    size_t fl[2];
    while (next_line(&it, f, fl, 2) == 2) {
        uint32_t id = add_word(lx, f[0], fl[0]);
        lx_word *w = &lx->info[id];
        if (w->ntags) continue;
        w->tagoff = (uint32_t)lx->ntagp;
        const char *s = f[1], *e = f[1] + fl[1];
        while (s < e && w->ntags < 8) {
            const char *sp = memchr(s, ' ', (size_t)(e - s));
            if (!sp) sp = e;
            const char *colon = memchr(s, ':', (size_t)(sp - s));
            if (colon) {
                int t = tag_by_name(s, (size_t)(colon - s));
                if (t >= 0) {
                    lx->tags = pl_grow(lx->tags, &lx->tagcap, lx->ntagp + 1, sizeof *lx->tags);
                    lx->tags[lx->ntagp++] = (lx_tagp){(uint8_t)t, strtof(colon + 1, NULL)};
                    w->ntags++;
                }
            }
            s = sp + 1;
        }
    }
}

static void load_trigrams(pl_lexicon *lx)
{
    static float c3[PL_NTAGS][PL_NTAGS][PL_NTAGS];   /* only used under pthread_once */
    memset(c3, 0, sizeof c3);
    lines it = open_data("lexicon/tag_trigrams.tsv");
    const char *f[4];
    size_t fl[4];
    while (next_line(&it, f, fl, 4) == 4) {
        int a = tag_by_name(f[0], fl[0]), b = tag_by_name(f[1], fl[1]), c = tag_by_name(f[2], fl[2]);
        if (a < 0 || b < 0 || c < 0) continue;
        c3[a][b][c] = strtof(f[3], NULL);
    }
    /* Interpolated estimate: 0.75 trigram + 0.2 bigram + 0.05 unigram. */
    double c2[PL_NTAGS][PL_NTAGS] = {{0}}, c1[PL_NTAGS] = {0}, tot = 0;
    double ctx2[PL_NTAGS][PL_NTAGS] = {{0}}, ctx1[PL_NTAGS] = {0};
    for (int a = 0; a < PL_NTAGS; a++)
        for (int b = 0; b < PL_NTAGS; b++)
            for (int c = 0; c < PL_NTAGS; c++) {
                double v = c3[a][b][c];
                ctx2[a][b] += v;
                c2[b][c] += v;
                ctx1[b] += v;
                c1[c] += v;
                tot += v;
            }
    for (int a = 0; a < PL_NTAGS; a++)
        for (int b = 0; b < PL_NTAGS; b++)
            for (int c = 0; c < PL_NTAGS; c++) {
                double p3 = ctx2[a][b] > 0 ? c3[a][b][c] / ctx2[a][b] : 0;
                double p2 = ctx1[b] > 0 ? c2[b][c] / ctx1[b] : 0;
                double p1 = tot > 0 ? (c1[c] + 1) / (tot + PL_NTAGS) : 1.0 / PL_NTAGS;
                double p = ctx2[a][b] > 5 ? 0.75 * p3 + 0.2 * p2 + 0.05 * p1 : 0.8 * p2 + 0.2 * p1;
                lx->trans[a][b][c] = (float)log(p > 1e-9 ? p : 1e-9);
            }
}

/* Closed classes and word properties written for Parley. */
static const struct {
    const char *words;
    uint32_t flags;
} closed[] = {
    {"BE AM IS ARE WAS WERE BEEN BEING 'RE 'M", W_BE | W_FUNC},
    {"HAVE HAS HAD HAVING 'VE", W_HAVE | W_FUNC},
    {"DO DOES DID", W_DO | W_FUNC},
    {"GET GETS GOT GOTTEN GETTING", W_GET},
    {"CAN COULD MAY MIGHT SHOULD WOULD MUST OUGHT 'D", W_MODAL | W_FUNC},
    {"WILL SHALL 'LL", W_FUTURE | W_FUNC},
    {"NOT N'T NEVER", W_NEG | W_FUNC},
    {"THAT BECAUSE WHILE ALTHOUGH THOUGH IF WHETHER UNLESS WHEREAS ONCE WHEN WHERE"
     " WHEREBY", W_SCONJ | W_FUNC},
    {"AFTER BEFORE SINCE UNTIL TILL AS", W_CLAUSE_PREP | W_FUNC},
    {"WHO WHOM WHICH WHOSE", W_REL | W_FUNC},
    {"HIS HER ITS THEIR OUR MY YOUR", W_POSS | W_FUNC},
    {"I ME YOU HE HIM SHE IT WE US THEY THEM MYSELF HIMSELF HERSELF ITSELF OURSELVES"
     " THEMSELVES YOURSELF", W_PRONOUN | W_FUNC},
    {"THE A AN THIS THESE THOSE SOME ANY EACH EVERY NO ALL BOTH EITHER NEITHER SEVERAL"
     " MANY MUCH FEW ANOTHER OTHER SUCH", W_DET | W_FUNC},
    {"AND OR BUT NOR SO YET ALSO THEN THERE HERE TO OF IN ON AT BY FOR FROM WITH WITHOUT"
     " INTO ONTO UPON ABOUT AGAINST AMONG BETWEEN DURING THROUGH OVER UNDER ABOVE BELOW"
     " NEAR ACROSS ALONG AROUND BEHIND BEYOND DESPITE TOWARD TOWARDS VIA WITHIN AMID"
     " WHAT HOW WHY THAN LIKE", W_FUNC},
    {"SAY TELL ADD STATE ANNOUNCE WARN CLAIM REPORT NOTE DECLARE INSIST CONFIRM EXPLAIN"
     " WRITE ASSERT STRESS ARGUE ALLEGE ACKNOWLEDGE ADMIT COMPLAIN PREDICT PROMISE VOW"
     " TWEET REPLY RESPOND CONCLUDE OBSERVE REMARK ASK QUOTE CONTEND ESTIMATE BELIEVE"
     " THINK", W_SPEECH},
    {"MR. MRS. MS. DR. GEN. LT. COL. SGT. CAPT. MAJ. ADM. GOV. SEN. REP. REV. PROF."
     " ST. JR. SR. INC. CORP. CO. LTD. JAN. FEB. MAR. APR. AUG. SEPT. SEP. OCT. NOV."
     " DEC. NO. VS. ETC. PRES. BRIG. CMDR. SUPT. MT. FT. GEN. CPL. PVT. AMB. DEP."
     " SEC. ASST. GOVT. DEPT. U.S. U.N. U.K. E.U. U.S.A.", W_TITLE}};

static void load_closed(pl_lexicon *lx)
{
    for (size_t i = 0; i < PL_COUNT(closed); i++) {
        const char *s = closed[i].words;
        while (*s) {
            const char *e = strchr(s, ' ');
            if (!e) e = s + strlen(s);
            uint32_t id = add_word(lx, s, (size_t)(e - s));
            lx->info[id].flags |= closed[i].flags;
            s = *e ? e + 1 : e;
        }
    }
    /* Irregular forms of the auxiliaries that WordNet's verb.exc misses or
     * gets differently from news usage. */
    static const char *const fixes[][2] = {
        {"IS", "BE"}, {"AM", "BE"}, {"ARE", "BE"}, {"WAS", "BE"}, {"WERE", "BE"}, {"BEEN", "BE"},
        {"BEING", "BE"}, {"'RE", "BE"}, {"'M", "BE"}, {"HAS", "HAVE"}, {"HAD", "HAVE"},
        {"HAVING", "HAVE"}, {"'VE", "HAVE"}, {"DOES", "DO"}, {"DID", "DO"}, {"DONE", "DO"},
        {"'LL", "WILL"}, {"'D", "WOULD"}, {"N'T", "NOT"}, {"FOUND", "FIND"}, {"LEFT", "LEAVE"},
        {"SAID", "SAY"}, {"FLED", "FLEE"}, {"MET", "MEET"}, {"HELD", "HOLD"}, {"LED", "LEAD"},
        {"SHOT", "SHOOT"}, {"STRUCK", "STRIKE"}, {"SOUGHT", "SEEK"}, {"FOUGHT", "FIGHT"}};
    for (size_t i = 0; i < PL_COUNT(fixes); i++) {
        uint32_t f = add_word(lx, fixes[i][0], strlen(fixes[i][0]));
        uint32_t l = add_word(lx, fixes[i][1], strlen(fixes[i][1]));
        lx->info[f].verb_exc = l;
    }
    /* Plural-looking nouns that are their own lemma in news. */
    static const char *const keep[] = {"NEWS", "ARMS", "MEANS", "HEADQUARTERS", "POLITICS",
                                       "SERIES", "SPECIES", "UNITED", "STATES", "AIRLINES",
                                       "ECONOMICS", "PHYSICS", "MATHEMATICS", "GOODS", "THANKS",
                                       "OLYMPICS", "PHILIPPINES", "NETHERLANDS", "BAHAMAS"};
    for (size_t i = 0; i < PL_COUNT(keep); i++)
        lx->info[add_word(lx, keep[i], strlen(keep[i]))].flags |= W_NOLEMMA;
}

/* The WSJ tag lexicon misses readings that WordNet knows ("tear" as a noun,
 * "inspectors" only as a verb): add them with a low probability. */
static void augment_tags(pl_lexicon *lx)
{
    size_t cap = lx->ntagp + lx->ntagp / 4 + 16, n = 0;
    lx_tagp *nt = pl_xmalloc(cap * sizeof *nt);
    for (size_t id = 0; id < lx->words.n; id++) {
        lx_word *w = &lx->info[id];
        if (!w->ntags) continue;
        lx_tagp add[4];
        int nadd = 0, has_n = 0, has_j = 0, has_v = 0, has_vbd = 0, has_vbn = 0;
        for (int k = 0; k < w->ntags; k++) {
            int t = lx->tags[w->tagoff + k].tag;
            if (t == T_NN || t == T_NNS) has_n = 1;
            if (t == T_JJ) has_j = 1;
            if (t == T_VBD) has_vbd = 1;
            if (t == T_VBN) has_vbn = 1;
            if (t == T_VB || t == T_VBP || t == T_VBZ || t == T_VBD || t == T_VBN || t == T_VBG ||
                t == T_MD)
                has_v = 1;
        }
        if (!(w->flags & W_FUNC)) {
            const char *s = pl_intern_str(&lx->words, (uint32_t)id);
            size_t len = pl_intern_len(&lx->words, (uint32_t)id), ll;
            int plural = len > 2 && s[len - 1] == 'S' && s[len - 2] != 'S';
            if (!has_n) {
                const char *l = pl_lemmatize(lx, s, len, PL_POS_NOUN, &ll);
                uint32_t lid = pl_lex_find(lx, l, ll);
                if ((w->wn & WN_N) || (lid != PL_NO_ID && ll != len && (lx->info[lid].wn & WN_N)))
                    add[nadd++] = (lx_tagp){(uint8_t)(plural && ll != len ? T_NNS : T_NN), -11.0f};
            }
            if (!has_j && (w->wn & WN_A)) add[nadd++] = (lx_tagp){T_JJ, -13.0f};
            /* regular -ED forms are both past and participle ("has celebrated") */
            if (has_vbd != has_vbn && len > 3 && s[len - 2] == 'E' && s[len - 1] == 'D' &&
                nadd < 4)
                add[nadd++] = (lx_tagp){(uint8_t)(has_vbd ? T_VBN : T_VBD), -12.0f};
            if (!has_v) {   /* "bombs" as a verb: only the form its ending implies */
                const char *l = pl_lemmatize(lx, s, len, PL_POS_VERB, &ll);
                uint32_t lid = pl_lex_find(lx, l, ll);
                if (lid != PL_NO_ID && (lx->info[lid].wn & WN_V)) {
                    if (ll == len && l != s) ll = 0;   /* irregular: leave to the lexicon */
                    if (ll == len) {
                        add[nadd++] = (lx_tagp){T_VB, -12.0f};
                    } else if (len > 2 && s[len - 1] == 'S') {
                        add[nadd++] = (lx_tagp){T_VBZ, -12.0f};
                    } else if (len > 3 && s[len - 2] == 'E' && s[len - 1] == 'D') {
                        add[nadd++] = (lx_tagp){T_VBD, -12.0f};
                    } else if (len > 4 && memcmp(s + len - 3, "ING", 3) == 0) {
                        add[nadd++] = (lx_tagp){T_VBG, -12.0f};
                    }
                }
            }
        }
        if (n + w->ntags + nadd > cap) {
            cap = (n + w->ntags + nadd) * 2;
            nt = pl_xrealloc(nt, cap * sizeof *nt);
        }
        memcpy(nt + n, lx->tags + w->tagoff, w->ntags * sizeof *nt);
        w->tagoff = (uint32_t)n;
        n += w->ntags;
        for (int k = 0; k < nadd && w->ntags < 8; k++) {
            nt[n++] = add[k];
            w->ntags++;
        }
    }
    free(lx->tags);
    lx->tags = nt;
    lx->ntagp = n;
    lx->tagcap = cap;
}

size_t pl_lexicon_bytes(const pl_lexicon *lx)
{
    return lx->bytes;
}

static pl_lexicon *the_lexicon;
static pthread_once_t lexicon_once = PTHREAD_ONCE_INIT;

static void build_lexicon(void)
{
    pl_lexicon *lx = pl_xcalloc(1, sizeof *lx);
    pl_intern_init(&lx->words);
    load_words(lx);
    load_exceptions(lx, "lexicon/verb_exceptions.tsv", 0);
    load_exceptions(lx, "lexicon/noun_exceptions.tsv", 1);
    load_exceptions(lx, "lexicon/adj_exceptions.tsv", 2);
    load_poslex(lx);
    load_closed(lx);
    augment_tags(lx);
    load_trigrams(lx);
    /* Trim the growth slack: the tables are immutable from here on. */
    lx->ninfo = lx->words.n;
    lx->info = pl_xrealloc(lx->info, (lx->ninfo ? lx->ninfo : 1) * sizeof *lx->info);
    lx->tagcap = lx->ntagp;
    lx->tags = pl_xrealloc(lx->tags, (lx->tagcap ? lx->tagcap : 1) * sizeof *lx->tags);
    lx->bytes = sizeof *lx + lx->ninfo * sizeof *lx->info + lx->tagcap * sizeof *lx->tags +
                lx->words.arena.total + lx->words.cap * (sizeof(char *) + sizeof(uint32_t)) +
                lx->words.nslots * sizeof(uint32_t);
    the_lexicon = lx;
}

const pl_lexicon *pl_lexicon_get(void)
{
    pthread_once(&lexicon_once, build_lexicon);
    return the_lexicon;
}
