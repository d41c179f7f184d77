/* test_parser.c — tokenizer, lemmatizer, tagger and chunker tests, and the
 * case files under tests/cases/parser/ (see news.txt for their format). */
#include "test.h"

#include "parser/parser.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pl_parser *parser(void)
{
    static pl_parser *p;
    if (!p) p = pl_parser_new();
    return p;
}

/* Space-separated norms (or lemmas) of a parse. */
static void join(const pl_parse *ps, int lemmas, pl_buf *out)
{
    for (size_t i = 0; i < ps->ntoks; i++) {
        if (i) pl_buf_putc(out, ' ');
        if (lemmas) pl_buf_put(out, ps->toks[i].lemma, ps->toks[i].lemma_len);
        else pl_buf_put(out, ps->toks[i].norm, ps->toks[i].norm_len);
    }
    if (!out->data) pl_buf_puts(out, "");
}

static const char *norms(const char *text)
{
    static pl_buf b;
    pl_buf_clear(&b);
    join(pl_parse_sentence(parser(), text, strlen(text)), 0, &b);
    return b.data;
}

static const char *lemmas(const char *text)
{
    static pl_buf b;
    pl_buf_clear(&b);
    join(pl_parse_sentence(parser(), text, strlen(text)), 1, &b);
    return b.data;
}

static const char *bracket(const char *text)
{
    static pl_buf b;
    pl_buf_clear(&b);
    pl_parse_bracket(pl_parse_sentence(parser(), text, strlen(text)), &b);
    if (!b.data) pl_buf_puts(&b, "");
    return b.data;
}

static const char *lem(const char *w, pl_pos pos)
{
    static char buf[128];
    size_t n;
    const char *l = pl_lemmatize(pl_lexicon_get(), w, strlen(w), pos, &n);
    snprintf(buf, sizeof buf, "%.*s", (int)n, l);
    return buf;
}

TEST(parser_lemmas)
{
    CHECK_STR(lem("SAID", PL_POS_VERB), "SAY");
    CHECK_STR(lem("FLED", PL_POS_VERB), "FLEE");
    CHECK_STR(lem("AGREED", PL_POS_VERB), "AGREE");
    CHECK_STR(lem("TALKS", PL_POS_VERB), "TALK");
    CHECK_STR(lem("TALKS", PL_POS_NOUN), "TALK");
    CHECK_STR(lem("COUNTRIES", PL_POS_NOUN), "COUNTRY");
    CHECK_STR(lem("MINISTRIES", PL_POS_NOUN), "MINISTRY");
    CHECK_STR(lem("VISITING", PL_POS_VERB), "VISIT");
    CHECK_STR(lem("STOPPED", PL_POS_VERB), "STOP");
    CHECK_STR(lem("BEGUN", PL_POS_VERB), "BEGIN");
    CHECK_STR(lem("MEN", PL_POS_NOUN), "MAN");
    CHECK_STR(lem("CRISES", PL_POS_NOUN), "CRISIS");
    CHECK_STR(lem("WAS", PL_POS_VERB), "BE");
    CHECK_STR(lem("WERE", PL_POS_AUX), "BE");
    CHECK_STR(lem("HAS", PL_POS_VERB), "HAVE");
    CHECK_STR(lem("DID", PL_POS_VERB), "DO");
    CHECK_STR(lem("HOPING", PL_POS_VERB), "HOPE");
    CHECK_STR(lem("HOPPING", PL_POS_VERB), "HOP");
    CHECK_STR(lem("TRIED", PL_POS_VERB), "TRY");
    CHECK_STR(lem("DYING", PL_POS_VERB), "DIE");
    CHECK_STR(lem("PLANNED", PL_POS_VERB), "PLAN");
    CHECK_STR(lem("CEASED", PL_POS_VERB), "CEASE");
    CHECK_STR(lem("BRINGING", PL_POS_VERB), "BRING");
    CHECK_STR(lem("ATTACKS", PL_POS_VERB), "ATTACK");
    CHECK_STR(lem("ACCUSES", PL_POS_VERB), "ACCUSE");
    CHECK_STR(lem("CRISIS", PL_POS_NOUN), "CRISIS");
    CHECK_STR(lem("NEWS", PL_POS_NOUN), "NEWS");
    CHECK_STR(lem("CHURCHES", PL_POS_NOUN), "CHURCH");
    CHECK_STR(lem("WOMEN", PL_POS_NOUN), "WOMAN");
    CHECK_STR(lem("CHILDREN", PL_POS_NOUN), "CHILD");
    CHECK_STR(lem("POLICEMEN", PL_POS_NOUN), "POLICEMAN");
    /* other parts of speech: verb first, then noun, else the word */
    CHECK_STR(lem("SAID", PL_POS_OTHER), "SAY");
    CHECK_STR(lem("COUNTRIES", PL_POS_OTHER), "COUNTRY");
    CHECK_STR(lem("XYZZY", PL_POS_OTHER), "XYZZY");
    /* unknown verbs: a regular ending is stripped */
    CHECK_STR(lem("BLORFED", PL_POS_VERB), "BLORF");
    CHECK_STR(lem("", PL_POS_VERB), "");
}

TEST(parser_lemmas_in_context)
{
    CHECK_STR(lemmas("Talks were held as the talks began."), "TALK BE HOLD AS THE TALK BEGIN .");
    CHECK_STR(lemmas("He talks to the men."), "HE TALK TO THE MAN .");
    CHECK_STR(lemmas("They didn't agree."), "THEY DO NOT AGREE .");
    CHECK_STR(lemmas("She's been visiting countries."), "SHE HAVE BE VISIT COUNTRY .");
}

TEST(parser_tokenizer)
{
    CHECK_STR(norms("The U.S. and the U.N. met."), "THE U.S. AND THE U.N. MET .");
    CHECK_STR(norms("Gen. Smith met Mr. Jones and Dr. Who."),
              "GEN. SMITH MET MR. JONES AND DR. WHO .");
    CHECK_STR(norms("George W. Bush spoke."), "GEORGE W. BUSH SPOKE .");
    /* regression: a final initial or "no" keeps the sentence's period */
    CHECK_STR(norms("They chose plan B."), "THEY CHOSE PLAN B .");
    CHECK_STR(norms("The answer was no."), "THE ANSWER WAS NO .");
    CHECK_STR(norms("Resolution No. 2254 passed."), "RESOLUTION NO. 2254 PASSED .");
    CHECK_STR(norms("Veto-wielding al-Assad"), "VETO-WIELDING AL-ASSAD");
    CHECK_STR(norms("Obama's visit"), "OBAMA 'S VISIT");
    CHECK_STR(norms("Obama\xE2\x80\x99s visit"), "OBAMA 'S VISIT");
    CHECK_STR(norms("the ministers' talks"), "THE MINISTERS ' TALKS");
    CHECK_STR(norms("didn't can't won't isn't"), "DID N'T CAN N'T WILL N'T IS N'T");
    CHECK_STR(norms("they're we've I'll he'd I'm"), "THEY 'RE WE 'VE I 'LL HE 'D I 'M");
    CHECK_STR(norms("cannot"), "CAN NOT");
    CHECK_STR(norms("30,000 people and 2.5 billion, 1,2 and 3."),
              "30,000 PEOPLE AND 2.5 BILLION , 1 , 2 AND 3 .");
    CHECK_STR(norms("in the 1990s on 21st May"), "IN THE 1990S ON 21ST MAY");
    CHECK_STR(norms("war -- and peace\xE2\x80\x94then \xE2\x80\x93 now"),
              "WAR -- AND PEACE -- THEN -- NOW");
    CHECK_STR(norms("\xE2\x80\x9CNo,\xE2\x80\x9D he said"), "\" NO , \" HE SAID");
    CHECK_STR(norms("Wait..."), "WAIT ...");
    CHECK_STR(norms("Erdo\xC4\x9F" "an met Fran\xC3\xA7ois in Z\xC3\xBCrich"),
              "ERDOGAN MET FRANCOIS IN ZURICH");
    CHECK_STR(norms("O'Brien (left)"), "O'BRIEN ( LEFT )");
    CHECK_STR(norms("$5 and 10%"), "$ 5 AND 10 %");
}

TEST(parser_token_spans_and_flags)
{
    const char *s = "\"We didn't,\" said Lavrov.";
    const pl_parse *ps = pl_parse_sentence(parser(), s, strlen(s));
    CHECK_INT(ps->ntoks, 9);   /* " WE DID N'T , " SAID LAVROV . */
    if (ps->ntoks != 9) return;
    /* spans are [start, end) byte offsets */
    CHECK_INT(ps->toks[2].start, 4);
    CHECK_INT(ps->toks[2].end, 7);
    CHECK_INT(ps->toks[3].start, 7);
    CHECK_INT(ps->toks[3].end, 10);
    CHECK(!(ps->toks[0].flags & PL_TOK_QUOTE));
    CHECK(ps->toks[1].flags & PL_TOK_QUOTE);
    CHECK(ps->toks[1].flags & PL_TOK_SENT_START);
    CHECK(ps->toks[1].flags & PL_TOK_CAP);
    CHECK(ps->toks[3].flags & PL_TOK_QUOTE);
    CHECK(ps->toks[4].flags & PL_TOK_QUOTE);
    CHECK(!(ps->toks[5].flags & PL_TOK_QUOTE));
    CHECK(!(ps->toks[6].flags & PL_TOK_QUOTE));
    CHECK_INT(ps->toks[3].pos, PL_POS_PART);
    CHECK_INT(ps->toks[2].pos, PL_POS_VERB);   /* no verb follows: DID is the verb */
    CHECK_INT(ps->toks[7].pos, PL_POS_PROPN);
    CHECK_INT(ps->toks[6].vform, PL_VF_PAST);
    /* pointers are NUL-terminated */
    CHECK_STR(ps->toks[3].norm, "N'T");
    CHECK_STR(ps->toks[3].lemma, "NOT");
    CHECK_STR(ps->toks[6].lemma, "SAY");
}

TEST(parser_fine_tags)
{
    const char *s = "The fiercest foe met Danish and Russian envoys in Kabul.";
    const pl_parse *ps = pl_parse_sentence(parser(), s, strlen(s));
    CHECK_INT(ps->ntoks, 11);
    if (ps->ntoks != 11) return;
    CHECK_STR(pl_tag_name(ps->toks[1].tag), "jjs");
    CHECK_STR(pl_tag_name(ps->toks[3].tag), "vbd");
    CHECK_STR(pl_tag_name(ps->toks[4].tag), "jj");
    CHECK_STR(pl_tag_name(ps->toks[6].tag), "jj");
    CHECK_STR(pl_tag_name(ps->toks[9].tag), "nnp");
    CHECK_STR(pl_pos_name(ps->toks[9].pos), "PROPN");
    CHECK_STR(pl_chunk_name(ps->chunks[0].type), "NP");
    /* regression: coordinated past tense (was vbn) */
    s = "The government condemned the attack and promised aid to the villages.";
    ps = pl_parse_sentence(parser(), s, strlen(s));
    CHECK(ps->ntoks > 6);
    if (ps->ntoks > 6) {
        CHECK_STR(ps->toks[6].norm, "PROMISED");
        CHECK_INT(ps->toks[6].vform, PL_VF_PAST);
    }
}

TEST(parser_chunk_heads_and_clauses)
{
    const char *s = "Russian Foreign Minister Sergei Lavrov said Russia would not accept the plan.";
    const pl_parse *ps = pl_parse_sentence(parser(), s, strlen(s));
    CHECK(ps->nchunks >= 4);
    if (ps->nchunks < 4) return;
    CHECK_INT(ps->chunks[0].type, PL_CH_NP);
    CHECK_STR(ps->toks[ps->chunks[0].head].norm, "LAVROV");
    CHECK_INT(ps->chunks[1].type, PL_CH_VP);
    CHECK_STR(ps->toks[ps->chunks[1].head].lemma, "SAY");
    CHECK_INT(ps->chunks[3].type, PL_CH_VP);
    CHECK_INT(ps->chunks[3].flags, PL_VP_MODAL | PL_VP_NEGATED);
    CHECK_STR(ps->toks[ps->chunks[3].head].norm, "ACCEPT");
    CHECK_INT(ps->nclauses, 2);
    if (ps->nclauses != 2) return;
    CHECK_INT(ps->clauses[0].parent, -1);
    CHECK_INT(ps->clauses[1].parent, 0);
    CHECK_INT(ps->clauses[0].verb, 1);
    CHECK_INT(ps->clauses[1].verb, 3);
    CHECK_INT(ps->chunks[3].clause, 1);
    CHECK_INT(ps->chunks[0].clause, 0);
    for (size_t i = 0; i < ps->ntoks; i++) {
        int c = ps->toks[i].chunk;
        if (c >= 0) CHECK(ps->chunks[c].first <= i && i <= ps->chunks[c].last);
    }
}

TEST(parser_edge_cases)
{
    pl_parser *p = parser();
    const pl_parse *ps = pl_parse_sentence(p, "", 0);
    CHECK_INT(ps->ntoks, 0);
    CHECK_INT(ps->nchunks, 0);
    CHECK_INT(ps->nclauses, 0);
    ps = pl_parse_sentence(p, NULL, 5);
    CHECK_INT(ps->ntoks, 0);
    ps = pl_parse_sentence(p, "   \t\n ", 6);
    CHECK_INT(ps->ntoks, 0);
    CHECK_STR(bracket("?!.,;:--\"'()"), "? ! . , ; : -- \" ' ( )");
    CHECK_STR(norms("?!.,"), "? ! . ,");
    /* invalid UTF-8: stray continuation bytes are skipped, Latin-1 letters read */
    ps = pl_parse_sentence(p, "Caf\xE9 \x80\x81 attack\xFF" "ed", 15);
    CHECK(ps->ntoks >= 2);
    CHECK_STR(norms("Caf\xE9 talks"), "CAFE TALKS");
    CHECK_STR(norms("a\x80" "b"), "A B");
    /* embedded NUL bytes are spaces */
    ps = pl_parse_sentence(p, "Iran\0attacked", 13);
    CHECK_INT(ps->ntoks, 2);
    /* very long words */
    char word[300];
    memset(word, 'a', sizeof word - 1);
    word[sizeof word - 1] = 0;
    ps = pl_parse_sentence(p, word, strlen(word));
    CHECK_INT(ps->ntoks, 1);
    CHECK_INT(ps->toks[0].norm_len, 299);
}

TEST(parser_long_sentence)
{
    /* 10,000 tokens: "Rebels attacked the town and " repeated. */
    pl_buf b;
    pl_buf_init(&b);
    for (int i = 0; i < 2000; i++) pl_buf_puts(&b, "Rebels attacked the town and ");
    const pl_parse *ps = pl_parse_sentence(parser(), b.data, b.len);
    CHECK_INT(ps->ntoks, 10000);
    CHECK(!ps->truncated);
    CHECK(ps->nchunks >= 6000);
    CHECK(ps->nclauses >= 1);
    CHECK_STR(ps->toks[9996].norm, "ATTACKED");
    CHECK_INT(ps->toks[9996].pos, PL_POS_VERB);
    /* beyond the limit the sentence is cut, not rejected */
    for (int i = 0; i < 6000; i++) pl_buf_puts(&b, "Rebels attacked the town and ");
    ps = pl_parse_sentence(parser(), b.data, b.len);
    CHECK(ps->truncated);
    CHECK(ps->ntoks <= PL_PARSE_MAX_TOKENS);
    pl_buf_free(&b);
}

/* Regression (found by fuzz_parser): the lemma of an unknown verb points
 * into the string buffer, which could move while the lemma was copied.
 * Padding walks the buffer size over a growth boundary; ASan builds catch
 * the stale read, every build checks the lemma. */
TEST(parser_lemma_copy_while_buffer_grows)
{
    pl_parser *p = pl_parser_new();
    pl_buf b;
    pl_buf_init(&b);
    for (int k = 0; k < 400; k += 3) {
        pl_buf_clear(&b);
        for (int j = 0; j < k; j++) pl_buf_puts(&b, j % 7 ? "q" : " q");
        pl_buf_puts(&b, " They zorblaxed it.");
        const pl_parse *ps = pl_parse_sentence(p, b.data, b.len);
        CHECK(ps->ntoks >= 4);
        if (ps->ntoks < 4) break;
        CHECK_STR(ps->toks[ps->ntoks - 3].lemma, "ZORBLAX");
    }
    pl_buf_free(&b);
    pl_parser_free(p);
}

/* Huge repetitive sentences must stay linear: every scan in the chunker is
 * bounded (these took up to 0.5 s CPU each before; now about 20 ms). */
TEST(parser_pathological_inputs_linear)
{
    static const char *const unit[] = {"that ", "Russia halts deliveries ", "who said ",
                                       ", Lavrov said ", "the ", "after the rebels fled "};
    pl_parser *p = pl_parser_new();
    pl_buf b;
    pl_buf_init(&b);
    clock_t c0 = clock();
    for (size_t u = 0; u < PL_COUNT(unit); u++) {
        pl_buf_clear(&b);
        while (b.len < 120000) pl_buf_puts(&b, unit[u]);
        const pl_parse *ps = pl_parse_sentence(p, b.data, b.len);
        CHECK(ps->ntoks > 10000);
        CHECK(ps->nclauses >= 1 && ps->nclauses <= 65);
    }
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    CHECK(secs < 5.0);   /* generous: sanitizer builds on a busy machine */
    pl_buf_free(&b);
    pl_parser_free(p);
}

TEST(parser_reuse_no_stale_pointers)
{
    pl_parser *p = pl_parser_new();
    const char *a = "The talks collapsed.";
    const pl_parse *ps = pl_parse_sentence(p, a, strlen(a));
    CHECK_STR(ps->toks[1].lemma, "TALK");
    for (int i = 0; i < 50; i++) {
        const char *s = i % 2 ? "Police arrested 30 people who had blocked the road." : "Yes.";
        ps = pl_parse_sentence(p, s, strlen(s));
    }
    ps = pl_parse_sentence(p, a, strlen(a));
    CHECK_STR(ps->toks[1].lemma, "TALK");
    CHECK_STR(ps->toks[2].lemma, "COLLAPSE");
    pl_parser_free(p);
    pl_parser_free(NULL);
}

/* Threads share the lexicon and parse with parsers of their own: the
 * results must equal the single-threaded ones. */
static const char *const thread_sents[] = {
    "Russia and the United States have not yet agreed on a common position.",
    "The embassy was attacked by protesters, police said.",
    "\"We will not accept this,\" he said.",
    "Iran's foreign minister refused to meet his US counterpart in Geneva.",
};

static void *thread_main(void *arg)
{
    pl_buf *out = arg;
    pl_parser *p = pl_parser_new();
    for (int r = 0; r < 200; r++)
        for (size_t k = 0; k < PL_COUNT(thread_sents); k++) {
            const pl_parse *ps = pl_parse_sentence(p, thread_sents[k], strlen(thread_sents[k]));
            if (r == 199) {
                pl_parse_bracket(ps, out);
                pl_buf_putc(out, '\n');
            }
        }
    pl_parser_free(p);
    return NULL;
}

TEST(parser_threads)
{
    pl_buf want, got[4];
    pl_buf_init(&want);
    thread_main(&want);
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        pl_buf_init(&got[i]);
        CHECK(pthread_create(&th[i], NULL, thread_main, &got[i]) == 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CHECK_STR(got[i].data, want.data);
        pl_buf_free(&got[i]);
    }
    pl_buf_free(&want);
}

/* ---- case files ------------------------------------------------------ */

static void check_line(const char *file, int line, const char *title, const char *text,
                       const char *what, const char *got, const char *want, int *bad)
{
    if (strcmp(got, want) == 0) return;
    fprintf(stderr, "  %s:%d: %s\n    %s\n    %s got:  %s\n    %s want: %s\n", file, line,
            title, text, what, got, what, want);
    (*bad)++;
}

static void run_case_file(const char *path, int *ncases)
{
    char *data;
    size_t len;
    if (pl_read_file(path, 0, &data, &len)) {
        fprintf(stderr, "  cannot read %s\n", path);
        pl_test_failures++;
        return;
    }
    pl_parser *p = parser();
    char title[256] = "";
    const pl_parse *ps = NULL;
    char *text = NULL;
    int lineno = 0;
    pl_buf got;
    pl_buf_init(&got);
    for (char *s = data; s < data + len;) {
        char *e = strchr(s, '\n');
        if (!e) e = data + len;
        *e = 0;
        lineno++;
        if (s[0] == '#' && s[1] == ' ') {
            snprintf(title, sizeof title, "%s", s + 2);
        } else if (s[0] == '>' && s[1] == ' ') {
            text = s + 2;
            ps = pl_parse_sentence(p, text, strlen(text));
            (*ncases)++;
        } else if (ps && s[1] == ' ' && (s[0] == '=' || s[0] == 'c' || s[0] == 't' || s[0] == 'l')) {
            pl_buf_clear(&got);
            const char *what = "bracket";
            if (s[0] == '=') pl_parse_bracket(ps, &got);
            else if (s[0] == 'c') pl_parse_clauses_str(ps, &got), what = "clauses";
            else join(ps, s[0] == 'l', &got), what = s[0] == 'l' ? "lemmas" : "tokens";
            if (!got.data) pl_buf_puts(&got, "");
            check_line(path, lineno, title, text, what, got.data, s + 2, &pl_test_failures);
        }
        s = e + 1;
    }
    pl_buf_free(&got);
    free(data);
}

static void parser_case(const char *dir, const char *name, const char *path, void *ctx)
{
    run_case_file(path, ctx);
}

TEST(parser_case_files)
{
    int ncases = 0;
    pl_test_each_case("parser", ".txt", parser_case, &ncases);
    CHECK(ncases >= 40);
}
