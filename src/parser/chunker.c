/* chunker.c — noun phrases, verb groups, prepositions and clauses from the
 * tagged tokens.
 *
 *  NP  (DET|possessive pronoun)? (ADV before ADJ/NUM)? (ADJ|NOUN|PROPN|NUM)*,
 *      possessives continue the phrase ("Obama 's visit"), "X of Y" is kept
 *      inside when both sides are capitalised ("Secretary of State");
 *      coordinated phrases stay separate chunks ("Moscow" and "Beijing").
 *  VP  (AUX|ADV|not|n't)* VERB particle?, or "to" (ADV)* base verb
 *      (INFINITIVE), "be going to VERB" (FUTURE); flags in PL_VP_*.
 *  PP  the preposition alone; its object is the NP chunk that follows.
 *  Clauses: clause 0 is the whole sentence; subordinate clauses open at
 *  subordinating conjunctions, relative pronouns, quotes, the complement of a
 *  reporting verb ("..., Lavrov said" / "Lavrov said Russia ...") and
 *  participial phrases after a comma.  Spans nest; parent links follow. */
#include "parser/parser_int.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

static int is_wordn(const pl_parser *p, size_t i, const char *w, size_t n)
{
    return i < p->ntoks && p->toks[i].norm_len == n && p->str[p->tx[i].norm_off] == w[0] &&
           memcmp(p->str + p->tx[i].norm_off, w, n) == 0;
}

/* is_word(p, i, "LITERAL"): the length is known at compile time (hot path);
 * is_word_s for strings from tables. */
#define is_word(p, i, lit) is_wordn((p), (i), "" lit, sizeof(lit) - 1)
static int is_word_s(const pl_parser *p, size_t i, const char *w)
{
    return is_wordn(p, i, w, strlen(w));
}

static uint32_t wflags(const pl_parser *p, size_t i)
{
    const lx_word *w = pl_lex_info(p->lx, p->tx[i].word);
    return w ? w->flags : 0;
}

static uint32_t lemma_flags(const pl_parser *p, size_t i)
{
    const pl_token *t = &p->toks[i];
    uint32_t id = pl_lex_find(p->lx, p->str + p->tx[i].lemma_off, t->lemma_len);
    const lx_word *w = pl_lex_info(p->lx, id);
    return w ? w->flags : 0;
}

static int pos_at(const pl_parser *p, size_t i)
{
    return i < p->ntoks ? p->toks[i].pos : PL_POS_PUNCT;
}

static int is_neg(const pl_parser *p, size_t i)
{
    return p->tx[i].kind == TK_NT || (wflags(p, i) & W_NEG);
}

static int nominal(int pos)
{
    return pos == PL_POS_NOUN || pos == PL_POS_PROPN || pos == PL_POS_NUM || pos == PL_POS_ADJ;
}

static int finite_verb_ahead(const pl_parser *p, size_t i)
{
    /* NP-like material then a finite verb or auxiliary. */
    size_t k = i;
    int np = 0;
    while (k < p->ntoks && k < i + 40) {
        int pos = p->toks[k].pos;
        if (pos == PL_POS_DET || pos == PL_POS_PRON || nominal(pos) ||
            (pos == PL_POS_PART && p->tx[k].kind == TK_POSS)) {
            np = 1;
            k++;
            continue;
        }
        break;
    }
    if (!np || k >= p->ntoks) return 0;
    while (k < p->ntoks && p->toks[k].pos == PL_POS_ADV) k++;
    if (k >= p->ntoks) return 0;
    int pos = p->toks[k].pos, vf = p->toks[k].vform;
    return pos == PL_POS_AUX || (pos == PL_POS_VERB && vf != PL_VF_GERUND && vf != PL_VF_PART);
}

static int has_cand(const pl_parser *p, size_t i, int tag)
{
    for (int k = 0; k < p->tx[i].ncand; k++)
        if (p->tx[i].cand[k] == tag) return 1;
    return 0;
}

/* Word flags of the verb lemma of token i (lemmas are computed after retag). */
static uint32_t lemma_flags_tok(const pl_parser *p, size_t i)
{
    size_t ll;
    const char *l = pl_lemmatize(p->lx, p->str + p->tx[i].norm_off, p->toks[i].norm_len,
                                 PL_POS_VERB, &ll);
    const lx_word *w = pl_lex_info(p->lx, pl_lex_find(p->lx, l, ll));
    return w ? w->flags : 0;
}

/* Words that are verb particles more often than prepositions. */
static int particle(const pl_parser *p, size_t i)
{
    return is_word(p, i, "UP") || is_word(p, i, "DOWN") || is_word(p, i, "OFF") ||
           is_word(p, i, "OUT") || is_word(p, i, "AWAY") || is_word(p, i, "BACK");
}

/* Switches token i to its most likely finite verb reading, if it has one. */
static int verb_reading(pl_parser *p, size_t i)
{
    static const int order[] = {T_VBZ, T_VBD, T_VBP, T_VB};
    static const int vf[] = {PL_VF_PRES3, PL_VF_PAST, PL_VF_BASE, PL_VF_BASE};
    for (size_t k = 0; k < PL_COUNT(order); k++)
        if (has_cand(p, i, order[k])) {
            p->toks[i].pos = PL_POS_VERB;
            p->toks[i].vform = (uint8_t)vf[k];
            p->tx[i].tag = (uint8_t)order[k];
            return 1;
        }
    return 0;
}

/* Tag corrections that need a little context. */
static void retag(pl_parser *p)
{
    for (size_t i = 0; i < p->ntoks; i++) {
        pl_token *t = &p->toks[i];
        /* BE/HAVE/GET + a past tense that can be a participle: the participle */
        if (t->pos == PL_POS_AUX && (wflags(p, i) & (W_BE | W_HAVE | W_GET))) {
            size_t k = i + 1;
            while (k < p->ntoks && (p->toks[k].pos == PL_POS_ADV || is_neg(p, k))) k++;
            if (k < p->ntoks && p->toks[k].pos == PL_POS_VERB && p->toks[k].vform == PL_VF_PAST &&
                has_cand(p, k, T_VBN)) {
                p->toks[k].vform = PL_VF_PART;
                p->tx[k].tag = T_VBN;
            }
        }
        /* "their meet": after a possessive pronoun, a noun reading */
        if (t->pos == PL_POS_VERB && i > 0 && p->toks[i - 1].pos == PL_POS_PRON &&
            (wflags(p, i - 1) & W_POSS) && !is_word(p, i - 1, "HER") &&
            (has_cand(p, i, T_NN) || has_cand(p, i, T_NNS))) {
            int pl = has_cand(p, i, T_NNS) && !has_cand(p, i, T_NN);
            t->pos = PL_POS_NOUN;
            t->vform = PL_VF_NONE;
            p->tx[i].tag = pl ? T_NNS : T_NN;
        }
        /* "has celebrated Eid": HAVE + a word that can be a participle */
        if ((wflags(p, i) & W_HAVE) && t->pos == PL_POS_VERB && i + 1 < p->ntoks) {
            size_t k = i + 1;
            while (k < p->ntoks && (p->toks[k].pos == PL_POS_ADV || is_neg(p, k))) k++;
            if (k < p->ntoks && (p->toks[k].pos == PL_POS_ADJ || p->toks[k].pos == PL_POS_NOUN) &&
                has_cand(p, k, T_VBN) && !(p->toks[k].flags & PL_TOK_CAP)) {
                p->toks[k].pos = PL_POS_VERB;
                p->toks[k].vform = PL_VF_PART;
                p->tx[k].tag = T_VBN;
                t->pos = PL_POS_AUX;
            }
        }
    }
    for (size_t i = 0; i < p->ntoks; i++) {
        pl_token *t = &p->toks[i];
        /* "of torturing prisoners": an -ING word after a preposition with an
         * object is a gerund. */
        if ((t->pos == PL_POS_ADJ || t->pos == PL_POS_NOUN) && i > 0 && i + 1 < p->ntoks &&
            p->toks[i - 1].pos == PL_POS_PREP && has_cand(p, i, T_VBG)) {
            int next = p->toks[i + 1].pos;
            const lx_word *wi = pl_lex_info(p->lx, p->tx[i].word);
            int adj_known = wi && ((wi->wn & WN_A) || wi->ntags);
            if (next == PL_POS_DET || next == PL_POS_PROPN || next == PL_POS_NUM ||
                (next == PL_POS_PRON && !(wflags(p, i + 1) & W_REL)) ||
                (next == PL_POS_NOUN && p->tx[i + 1].tag == T_NNS && !adj_known)) {
                t->pos = PL_POS_VERB;
                t->vform = PL_VF_GERUND;
                p->tx[i].tag = T_VBG;
            }
        }
        /* "forces fired tear gas": a participle with no auxiliary between a
         * subject and an object is a past tense. */
        if (t->pos == PL_POS_VERB && t->vform == PL_VF_PART && i > 0 && i + 1 < p->ntoks &&
            has_cand(p, i, T_VBD)) {
            size_t nx = i + 1;
            if (nx + 1 < p->ntoks && particle(p, nx) &&
                (p->toks[nx].pos == PL_POS_PREP || p->toks[nx].pos == PL_POS_PART ||
                 p->toks[nx].pos == PL_POS_ADV))
                nx++;   /* "crowds burned down its embassy" */
            int prev = p->toks[i - 1].pos, next = p->toks[nx].pos;
            if ((prev == PL_POS_NOUN || prev == PL_POS_PROPN ||
                 (prev == PL_POS_PRON && !(wflags(p, i - 1) & W_REL))) &&
                (next == PL_POS_DET || next == PL_POS_NOUN || next == PL_POS_PROPN ||
                 next == PL_POS_NUM || (next == PL_POS_PRON && !(wflags(p, i + 1) & W_REL)))) {
                t->vform = PL_VF_PAST;
                p->tx[i].tag = T_VBD;
                if (nx > i + 1) {
                    p->toks[i + 1].pos = PL_POS_PART;   /* particle */
                    p->tx[i + 1].tag = T_RP;
                }
            }
        }
        /* "fighting was continuing": a bare -ING word before a finite verb is
         * the subject. */
        if (t->pos == PL_POS_VERB && t->vform == PL_VF_GERUND && i + 1 < p->ntoks &&
            (i == 0 || p->toks[i - 1].pos != PL_POS_AUX) &&
            (p->toks[i + 1].pos == PL_POS_AUX ||
             (p->toks[i + 1].pos == PL_POS_VERB && (p->toks[i + 1].vform == PL_VF_PAST ||
                                                    p->toks[i + 1].vform == PL_VF_PRES3))) &&
            has_cand(p, i, T_NN)) {
            t->pos = PL_POS_NOUN;
            t->vform = PL_VF_NONE;
            p->tx[i].tag = T_NN;
        }
        /* "a regime that bombs its people": a verb reading right after a
         * relative pronoun. */
        if ((t->pos == PL_POS_NOUN || t->pos == PL_POS_ADJ) && i > 1 && i + 1 < p->ntoks &&
            ((wflags(p, i - 1) & W_REL) || is_word(p, i - 1, "THAT")) &&
            (p->toks[i - 1].pos == PL_POS_PRON ||
             (p->toks[i - 1].pos == PL_POS_SCONJ && (p->toks[i - 2].pos == PL_POS_NOUN ||
                                                     p->toks[i - 2].pos == PL_POS_PROPN)))) {
            int next = p->toks[i + 1].pos;
            if ((next == PL_POS_DET || next == PL_POS_NUM || next == PL_POS_PROPN ||
                 (next == PL_POS_PRON && !(wflags(p, i + 1) & W_REL))) &&
                verb_reading(p, i)) {
                if (p->toks[i - 1].pos == PL_POS_SCONJ) p->toks[i - 1].pos = PL_POS_PRON;
                continue;
            }
        }
        /* "if Russia halts deliveries": NAME + plural noun/verb + object, in a
         * stretch without any other verb: the verb reading. */
        if (t->pos == PL_POS_NOUN && p->tx[i].tag == T_NNS && has_cand(p, i, T_VBZ) && i > 0 &&
            p->toks[i - 1].pos == PL_POS_PROPN && (i < 2 || p->toks[i - 2].pos != PL_POS_DET) &&
            i + 1 < p->ntoks) {
            int next = p->toks[i + 1].pos;
            int obj = next == PL_POS_DET || next == PL_POS_NUM || next == PL_POS_PROPN ||
                      (next == PL_POS_PRON && !(wflags(p, i + 1) & W_REL)) ||
                      (next == PL_POS_NOUN && p->tx[i + 1].tag == T_NNS);
            int verb = 0;   /* scans are bounded: no quadratic time on huge inputs */
            for (size_t k = i + 1; k < p->ntoks && k < i + 40 && p->tx[k].kind != TK_PUNCT &&
                                   p->tx[k].kind != TK_QUOTE && p->tx[k].kind != TK_DASH; k++)
                if (p->toks[k].pos == PL_POS_VERB || p->toks[k].pos == PL_POS_AUX) verb = 1;
            for (size_t k = i; k-- > 0 && k + 40 > i && p->tx[k].kind != TK_PUNCT &&
                               p->tx[k].kind != TK_QUOTE && p->tx[k].kind != TK_DASH;) {
                if (p->toks[k].pos == PL_POS_SCONJ || p->toks[k].pos == PL_POS_CONJ ||
                    (wflags(p, k) & (W_REL | W_SCONJ)))
                    break;
                if (p->toks[k].pos == PL_POS_VERB || p->toks[k].pos == PL_POS_AUX) verb = 1;
            }
            if (obj && !verb) {
                t->pos = PL_POS_VERB;
                t->vform = PL_VF_PRES3;
                p->tx[i].tag = T_VBZ;
                continue;
            }
        }
        /* "the military shelled Kurdish villages", "Turkey's military shelled
         * ...": after a determiner or possessive, an adjective that can be a
         * noun and a word with a past-tense reading before a noun phrase, in a
         * stretch without any verb: a noun and a past tense. */
        if (t->pos == PL_POS_ADJ && i > 1 && i + 1 < p->ntoks && has_cand(p, i, T_VBD) &&
            !(t->flags & PL_TOK_CAP) && p->toks[i - 1].pos == PL_POS_ADJ && has_cand(p, i - 1, T_NN) &&
            (p->toks[i - 2].pos == PL_POS_DET || p->tx[i - 2].kind == TK_POSS)) {
            int next = p->toks[i + 1].pos;
            int obj = next == PL_POS_DET || next == PL_POS_NUM || next == PL_POS_PROPN ||
                      next == PL_POS_ADJ || next == PL_POS_NOUN;
            int verb = 0;   /* bounded scans, as above */
            for (size_t k = i + 1; k < p->ntoks && k < i + 40 && p->tx[k].kind != TK_PUNCT &&
                                   p->tx[k].kind != TK_QUOTE && p->tx[k].kind != TK_DASH; k++)
                if (p->toks[k].pos == PL_POS_VERB || p->toks[k].pos == PL_POS_AUX) verb = 1;
            for (size_t k = i; k-- > 0 && k + 40 > i && p->tx[k].kind != TK_PUNCT &&
                               p->tx[k].kind != TK_QUOTE && p->tx[k].kind != TK_DASH;)
                if (p->toks[k].pos == PL_POS_VERB || p->toks[k].pos == PL_POS_AUX) verb = 1;
            if (obj && !verb) {
                p->toks[i - 1].pos = PL_POS_NOUN;
                p->tx[i - 1].tag = T_NN;
                t->pos = PL_POS_VERB;
                t->vform = PL_VF_PAST;
                p->tx[i].tag = T_VBD;
                continue;
            }
        }
        /* "agreed to exchange prisoners": after a verb or adjective, "to" +
         * a word with a base-verb reading + an object is an infinitive. */
        if (is_word(p, i, "TO") && t->pos == PL_POS_PREP && i > 0 && i + 2 < p->ntoks &&
            (p->toks[i - 1].pos == PL_POS_VERB || p->toks[i - 1].pos == PL_POS_ADJ) &&
            (p->toks[i + 1].pos == PL_POS_NOUN || p->toks[i + 1].pos == PL_POS_ADJ) &&
            has_cand(p, i + 1, T_VB) && !(p->toks[i + 1].flags & PL_TOK_CAP)) {
            int next = p->toks[i + 2].pos;
            if (next == PL_POS_DET || next == PL_POS_NUM || next == PL_POS_PROPN ||
                (next == PL_POS_PRON && !(wflags(p, i + 2) & W_REL)) ||
                (next == PL_POS_NOUN && p->tx[i + 2].tag == T_NNS)) {
                t->pos = PL_POS_PART;
                p->toks[i + 1].pos = PL_POS_VERB;
                p->toks[i + 1].vform = PL_VF_BASE;
                p->tx[i + 1].tag = T_VB;
                continue;
            }
        }
        /* "killing three and wounding five": a gerund coordinated with a gerund */
        if ((t->pos == PL_POS_NOUN || t->pos == PL_POS_ADJ) && i > 1 &&
            p->toks[i - 1].pos == PL_POS_CONJ && has_cand(p, i, T_VBG)) {
            int ger = 0;
            for (size_t k = i - 1; k-- > 0 && k + 8 > i;)
                if (p->toks[k].pos == PL_POS_VERB && p->toks[k].vform == PL_VF_GERUND) ger = 1;
            if (ger) {
                t->pos = PL_POS_VERB;
                t->vform = PL_VF_GERUND;
                p->tx[i].tag = T_VBG;
                continue;
            }
        }
        /* "condemned the attack and promised aid": a participle coordinated
         * with a past tense, without an auxiliary, is a past tense */
        if (t->pos == PL_POS_VERB && t->vform == PL_VF_PART && i > 1 &&
            p->toks[i - 1].pos == PL_POS_CONJ && has_cand(p, i, T_VBD)) {
            int past = 0;
            for (size_t k = i - 1; k-- > 0 && k + 30 > i;)
                if (p->toks[k].pos == PL_POS_VERB && p->toks[k].vform == PL_VF_PAST) {
                    past = 1;
                    break;
                }
            if (past) {
                t->vform = PL_VF_PAST;
                p->tx[i].tag = T_VBD;
                continue;
            }
        }
        /* "about 30,000 people": an approximator, not a preposition. */
        size_t after_num = i + 1;
        while (after_num < p->ntoks && p->toks[after_num].pos == PL_POS_NUM) after_num++;
        if (t->pos == PL_POS_PREP && (is_word(p, i, "ABOUT") || is_word(p, i, "AROUND") ||
                                      is_word(p, i, "OVER") || is_word(p, i, "UNDER")) &&
            pos_at(p, i + 1) == PL_POS_NUM &&
            (pos_at(p, after_num) == PL_POS_NOUN || pos_at(p, after_num) == PL_POS_ADJ)) {
            t->pos = PL_POS_ADV;
            p->tx[i].tag = T_RB;
        }
        /* Participles between a determiner/adjective and a noun are adjectives. */
        if (t->pos == PL_POS_VERB && (t->vform == PL_VF_PART || t->vform == PL_VF_GERUND) && i > 0 &&
            i + 1 < p->ntoks) {
            int prev = p->toks[i - 1].pos, next = p->toks[i + 1].pos;
            int prevdet = prev == PL_POS_DET || prev == PL_POS_ADJ || prev == PL_POS_NUM ||
                          (prev == PL_POS_PRON && (wflags(p, i - 1) & W_POSS));
            if (prevdet && (next == PL_POS_NOUN || next == PL_POS_PROPN) &&
                !(prev == PL_POS_DET && p->toks[i].vform == PL_VF_GERUND && next == PL_POS_PROPN)) {
                t->pos = PL_POS_ADJ;
                t->vform = PL_VF_NONE;
            }
        }
    }
    /* One finite verb per stretch: a present-tense verb reading right after a
     * noun, when the stretch already has a (non-reporting) finite verb, is a
     * plural noun ("conducted joint exercises", "allowed U.N. inspectors").
     * Stretches end at punctuation, conjunctions and clause openers. */
    int finite = 0;
    for (size_t i = 0; i < p->ntoks; i++) {
        pl_token *t = &p->toks[i];
        int kind = p->tx[i].kind;
        if (kind == TK_PUNCT || kind == TK_QUOTE || kind == TK_DASH || t->pos == PL_POS_CONJ ||
            t->pos == PL_POS_SCONJ || (wflags(p, i) & (W_REL | W_SCONJ))) {
            finite = 0;
            continue;
        }
        if (finite && t->pos == PL_POS_VERB &&
            (p->tx[i].tag == T_VBZ || p->tx[i].tag == T_VBP) && i > 0 &&
            (p->toks[i - 1].pos == PL_POS_NOUN || p->toks[i - 1].pos == PL_POS_PROPN ||
             p->toks[i - 1].pos == PL_POS_ADJ) &&
            (has_cand(p, i, T_NNS) || has_cand(p, i, T_NN))) {
            int pl = p->tx[i].tag == T_VBZ ? has_cand(p, i, T_NNS) : !has_cand(p, i, T_NN);
            t->pos = PL_POS_NOUN;
            t->vform = PL_VF_NONE;
            p->tx[i].tag = pl ? T_NNS : T_NN;
            continue;
        }
        if ((t->pos == PL_POS_VERB || t->pos == PL_POS_AUX) && t->vform != PL_VF_GERUND &&
            t->vform != PL_VF_PART && !(lemma_flags_tok(p, i) & W_SPEECH))
            finite = 1;
        /* "carried out the attack": a particle between a verb and its object */
        int passive = 0;
        if (t->vform == PL_VF_PART)
            for (size_t k = i; k-- > 0;) {
                if (p->toks[k].pos == PL_POS_ADV || is_neg(p, k)) continue;
                passive = (wflags(p, k) & (W_BE | W_GET)) != 0;
                break;
            }
        if (t->pos == PL_POS_VERB && !passive && i + 2 < p->ntoks && particle(p, i + 1) &&
            !is_word(p, i + 2, "OF")) {   /* not "rescued off the coast" */
            int next = p->toks[i + 2].pos;
            if (next == PL_POS_DET || next == PL_POS_NUM || next == PL_POS_PROPN ||
                (next == PL_POS_PRON && (wflags(p, i + 2) & W_POSS)) ||
                (next == PL_POS_NOUN && p->tx[i + 2].tag == T_NNS)) {
                p->toks[i + 1].pos = PL_POS_PART;
                p->tx[i + 1].tag = T_RP;
            }
        }
    }
    /* A sentence without any verb ("Protesters Storm British Embassy in
     * Tehran"): the first noun after a noun that has a finite verb reading
     * and is followed by an object becomes the verb. */
    int any_verb = 0;
    for (size_t i = 0; i < p->ntoks; i++)
        if (p->toks[i].pos == PL_POS_VERB || p->toks[i].pos == PL_POS_AUX) any_verb = 1;
    for (size_t i = 1; !any_verb && i + 1 < p->ntoks; i++) {
        if (p->toks[i].pos != PL_POS_NOUN && p->toks[i].pos != PL_POS_PROPN) continue;
        int prev = p->toks[i - 1].pos, next = p->toks[i + 1].pos;
        if (prev != PL_POS_NOUN && prev != PL_POS_PROPN) continue;
        if (next != PL_POS_DET && next != PL_POS_ADJ && next != PL_POS_NOUN &&
            next != PL_POS_PROPN && next != PL_POS_NUM)
            continue;
        if (verb_reading(p, i)) any_verb = 1;
    }
    /* After, before, since ...: a conjunction when a clause follows. */
    for (size_t i = 0; i < p->ntoks; i++) {
        pl_token *t = &p->toks[i];
        if ((wflags(p, i) & W_CLAUSE_PREP) && (t->pos == PL_POS_PREP || t->pos == PL_POS_SCONJ))
            t->pos = finite_verb_ahead(p, i + 1) ? PL_POS_SCONJ : PL_POS_PREP;
    }
}

static int16_t add_chunk(pl_parser *p, size_t first, size_t last, size_t head, int type, uint16_t flags)
{
    p->chunks = pl_grow(p->chunks, &p->chunkcap, p->nchunks + 1, sizeof *p->chunks);
    pl_chunk *c = &p->chunks[p->nchunks];
    c->first = (uint16_t)first;
    c->last = (uint16_t)last;
    c->head = (uint16_t)head;
    c->type = (uint8_t)type;
    c->pad = 0;
    c->flags = flags;
    c->clause = 0;
    for (size_t k = first; k <= last; k++) p->toks[k].chunk = (int16_t)p->nchunks;
    return (int16_t)p->nchunks++;
}

static int month(const pl_parser *p, size_t i)
{
    static const char *const m[] = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY",
                                    "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
                                    "JAN.", "FEB.", "MAR.", "APR.", "AUG.", "SEPT.", "SEP.",
                                    "OCT.", "NOV.", "DEC."};
    for (size_t k = 0; k < PL_COUNT(m); k++)
        if (is_word_s(p, i, m[k])) return 1;
    return 0;
}

static int time_adj(const pl_parser *p, size_t i)
{
    static const char *const adj[] = {"NEXT", "LAST", "PAST", "COMING", "PREVIOUS", "FOLLOWING",
                                      "EARLIER", "SAME"};
    for (size_t k = 0; k < PL_COUNT(adj); k++)
        if (is_word_s(p, i, adj[k])) return 1;
    return 0;
}

/* Noun phrase starting at i; returns the index after it (i when none). */
static size_t np_at(pl_parser *p, size_t i)
{
    size_t n = p->ntoks, k = i;
    int pos = pos_at(p, i);
    uint32_t f = wflags(p, i);
    if (pos == PL_POS_PRON && !(f & W_POSS)) {
        if ((f & W_REL) || is_word(p, i, "THAT")) return i;
        add_chunk(p, i, i, i, PL_CH_NP, 0);
        return i + 1;
    }
    if (pos == PL_POS_PRON && (f & W_POSS)) {
        k = i + 1;
        if (!(k < n && (nominal(pos_at(p, k)) || pos_at(p, k) == PL_POS_ADV))) {
            add_chunk(p, i, i, i, PL_CH_NP, 0);   /* "her" as object */
            return i + 1;
        }
    } else if (pos == PL_POS_DET) {
        k = i + 1;
        while (k < n && p->toks[k].pos == PL_POS_DET) k++;   /* "all the" */
    } else if ((is_word(p, i, "AT") && (is_word(p, i + 1, "LEAST") || is_word(p, i + 1, "MOST"))) ||
               ((is_word(p, i, "MORE") || is_word(p, i, "LESS") || is_word(p, i, "FEWER")) &&
                is_word(p, i + 1, "THAN"))) {
        /* "at least 20 people", "more than 200 prisoners" */
        if (pos_at(p, i + 2) != PL_POS_NUM) return i;
        k = i + 2;
    } else if (pos == PL_POS_ADV) {
        /* "very large", "about 30,000" */
        if (!(i + 1 < n && (pos_at(p, i + 1) == PL_POS_ADJ || pos_at(p, i + 1) == PL_POS_NUM)))
            return i;
        k = i + 1;
    } else if (pos == PL_POS_OTHER && is_word(p, i, "$") && pos_at(p, i + 1) == PL_POS_NUM) {
        k = i + 1;
    } else if (!nominal(pos)) {
        return i;
    }
    for (;;) {
        while (k < n) {
            int q = p->toks[k].pos;
            /* "... of contact more than 200 times": the approximator starts a new NP */
            if (k > i && ((is_word(p, k, "MORE") || is_word(p, k, "LESS") || is_word(p, k, "FEWER")) &&
                          is_word(p, k + 1, "THAN") && pos_at(p, k + 2) == PL_POS_NUM))
                break;
            /* A number or a time adjective after a noun starts a new phrase
             * ("Syria three times", "Paris next week"). */
            if ((q == PL_POS_NUM || (q == PL_POS_ADJ && time_adj(p, k)) || is_word(p, k, "$")) &&
                k > i && (p->toks[k - 1].pos == PL_POS_NOUN || p->toks[k - 1].pos == PL_POS_PROPN) &&
                !(q == PL_POS_NUM && month(p, k - 1)))   /* "March 1988", "June 12" */
                break;
            if (nominal(q) || (q == PL_POS_ADV && k + 1 < n && pos_at(p, k + 1) == PL_POS_ADJ &&
                               k > i)) {
                k++;
                continue;
            }
            if (q == PL_POS_OTHER && (is_word(p, k, "%") || is_word(p, k, "$"))) {
                k++;
                continue;
            }
            /* Possessive: continue with the possessed noun. */
            if (q == PL_POS_PART && p->tx[k].kind == TK_POSS && k > i && k + 1 < n &&
                (nominal(pos_at(p, k + 1)) || pos_at(p, k + 1) == PL_POS_ADV)) {
                k++;
                continue;
            }
            if (q == PL_POS_PART && p->tx[k].kind == TK_POSS && k > i) {
                k++;   /* trailing possessive ("the ministers'") */
                break;
            }
            break;
        }
        /* "Secretary of State", "Bank of England": capitalised X of (the) Y. */
        if (k > i && k + 1 < n && p->toks[k - 1].pos == PL_POS_PROPN && is_word(p, k, "OF") &&
            (p->toks[k].flags & PL_TOK_CAP) == 0) {
            size_t y = k + 1;
            if (is_word(p, y, "THE") && y + 1 < n) y++;
            if (p->toks[y].pos == PL_POS_PROPN && (p->toks[y].flags & PL_TOK_CAP)) {
                k = y;
                continue;
            }
        }
        break;
    }
    if (k == i) return i;
    /* Adjectives alone ("is ready") are no noun phrase, unless a determiner
     * or possessive makes them one ("the wounded"). */
    int has_nom = 0;
    for (size_t h = i; h < k; h++)
        if (p->toks[h].pos != PL_POS_ADJ && p->toks[h].pos != PL_POS_ADV) has_nom = 1;
    if (!has_nom) {
        /* "Russian and Chinese warships": a capitalised adjective before a
         * conjunction stands for its nation */
        int caps = 1;
        for (size_t h = i; h < k; h++)
            if (!(p->toks[h].flags & PL_TOK_CAP)) caps = 0;
        if (!caps || k >= n || p->toks[k].pos != PL_POS_CONJ) return i;
    }
    /* Head: the last noun, name, number or pronoun. */
    size_t head = k - 1;
    for (size_t h = k; h-- > i;) {
        int q = p->toks[h].pos;
        if (q == PL_POS_NOUN || q == PL_POS_PROPN || q == PL_POS_NUM || q == PL_POS_PRON) {
            head = h;
            break;
        }
        if (h == i) head = k - 1;
    }
    add_chunk(p, i, k - 1, head, PL_CH_NP, 0);
    return k;
}

static int aux_kind(const pl_parser *p, size_t i, uint32_t mask)
{
    return p->toks[i].pos == PL_POS_AUX && (wflags(p, i) & mask);
}

static uint16_t vp_flags(const pl_parser *p, size_t first, size_t last, size_t head)
{
    uint16_t fl = 0;
    int neg_seen = 0;
    for (size_t k = first; k <= last; k++) {
        uint32_t f = wflags(p, k);
        if (is_neg(p, k)) {
            fl |= PL_VP_NEGATED;
            neg_seen = 1;
        }
        if (is_word(p, k, "YET") && (neg_seen || k + 1 <= last)) fl |= PL_VP_YET;
        if (is_word(p, k, "LONGER") && k > first && is_word(p, k - 1, "NO")) fl |= PL_VP_NEGATED;
        if (p->toks[k].pos == PL_POS_AUX) {
            if (f & W_MODAL) fl |= PL_VP_MODAL;
            if (f & W_FUTURE) fl |= PL_VP_FUTURE;
            if (is_word(p, k, "'D")) fl |= PL_VP_MODAL;
            if (is_word(p, k, "'LL")) fl |= PL_VP_FUTURE;
        }
    }
    if ((p->toks[first].pos == PL_POS_PART && is_word(p, first, "TO")) ||
        (is_neg(p, first) && first < last && is_word(p, first + 1, "TO")))
        fl |= PL_VP_INFINITIVE;
    const pl_token *h = &p->toks[head];
    if (h->pos == PL_POS_VERB && h->vform == PL_VF_PART) {
        /* The auxiliary just before the participle decides: BE/GET passive, HAVE perfect. */
        size_t k = head;
        while (k > first) {
            k--;
            if (p->toks[k].pos == PL_POS_ADV || is_neg(p, k)) continue;
            break;
        }
        if (k < head && p->toks[k].pos == PL_POS_AUX) {
            uint32_t f = wflags(p, k);
            const char *lem = p->str + p->tx[k].lemma_off;
            if ((f & (W_BE | W_GET)) || (p->toks[k].lemma_len == 2 && memcmp(lem, "BE", 2) == 0))
                fl |= PL_VP_PASSIVE;
            else if ((f & W_HAVE) || (p->toks[k].lemma_len == 4 && memcmp(lem, "HAVE", 4) == 0))
                fl |= PL_VP_PERFECT;
        }
    }
    for (size_t k = first; k < head; k++)
        if (p->toks[k].pos == PL_POS_AUX && (wflags(p, k) & W_HAVE)) {
            size_t j = k + 1;
            while (j <= head && (p->toks[j].pos == PL_POS_ADV || is_neg(p, j))) j++;
            if (j <= head && p->toks[j].vform == PL_VF_PART) fl |= PL_VP_PERFECT;
        }
    if (h->pos == PL_POS_VERB && h->vform == PL_VF_GERUND) {
        int be = 0;
        for (size_t k = first; k < head; k++)
            if (aux_kind(p, k, W_BE) || is_word(p, k, "'S") || is_word(p, k, "'RE")) be = 1;
        if (!be) fl |= PL_VP_GERUND;
    }
    return fl;
}

/* Verb group starting at i; returns the index after it (i when none). */
static size_t vp_at(pl_parser *p, size_t i)
{
    size_t n = p->ntoks, k = i;
    int inf = 0;
    if (p->toks[i].pos == PL_POS_PART && is_word(p, i, "TO")) {
        inf = 1;
        k = i + 1;
    } else if (is_neg(p, i) && i + 2 < n && is_word(p, i + 1, "TO") &&
               p->toks[i + 1].pos == PL_POS_PART && p->toks[i + 2].pos == PL_POS_VERB) {
        inf = 1;   /* "urged citizens not to travel" */
        k = i + 2;
    }
    int aux = 0;
    if (p->tx[i].tag == T_WRB) return i;   /* "why did ...": no part of the verb group */
    while (k < n) {
        int q = p->toks[k].pos;
        if (q == PL_POS_AUX) {
            aux = 1;
            k++;
        } else if (q == PL_POS_ADV || (q == PL_POS_PART && is_neg(p, k))) {
            k++;
        } else if (is_word(p, k, "NO") && is_word(p, k + 1, "LONGER")) {
            k += 2;
        } else {
            break;
        }
    }
    size_t head;
    if (k < n && p->toks[k].pos == PL_POS_VERB) {
        head = k++;
        /* "was not clear", "we didn't": a copula or DO keeps its negation */
        if ((wflags(p, head) & (W_BE | W_DO | W_HAVE)) && k < n && is_neg(p, k)) k++;
    } else if (aux) {
        /* No lexical verb: the last auxiliary heads ("they will not", "it is"). */
        size_t b = k;
        while (b > i && p->toks[b - 1].pos != PL_POS_AUX) b--;
        head = b - 1;
        while (b < k && is_neg(p, b)) b++;   /* "they will not." */
        k = b;
    } else {
        return i;
    }
    if (inf && p->toks[head].pos == PL_POS_AUX && !aux) return i;
    /* be going to VERB */
    uint16_t extra = 0;
    if (p->toks[head].vform == PL_VF_GERUND && is_word(p, head, "GOING") && head > i && aux &&
        is_word(p, k, "TO") && k + 1 < n && p->toks[k + 1].pos == PL_POS_VERB &&
        p->toks[k + 1].vform == PL_VF_BASE) {
        head = k + 1;
        k += 2;
        extra = PL_VP_FUTURE;
    }
    /* "is to visit": a planned future */
    if (!extra && !inf && p->toks[head].pos == PL_POS_VERB && (wflags(p, head) & W_BE) &&
        head + 1 == k && is_word(p, k, "TO") && p->toks[k].pos == PL_POS_PART && k + 1 < n &&
        p->toks[k + 1].pos == PL_POS_VERB && p->toks[k + 1].vform == PL_VF_BASE) {
        head = k + 1;
        k += 2;
        extra = PL_VP_FUTURE;
    }
    /* "has yet to respond": not yet done */
    if (p->toks[head].pos == PL_POS_VERB && is_word(p, k, "YET") && is_word(p, k + 1, "TO") &&
        k + 2 < n && p->toks[k + 2].pos == PL_POS_VERB && p->toks[k + 2].vform == PL_VF_BASE &&
        (wflags(p, head) & (W_HAVE | W_BE))) {
        head = k + 2;
        k += 3;
        extra |= PL_VP_NEGATED | PL_VP_YET;
    }
    /* Verb particle: "blew up", "carried out". */
    if (k < n && p->toks[k].pos == PL_POS_PART && p->tx[k].tag == T_RP) k++;
    /* Trailing adverbs that belong to the next phrase are given back. */
    size_t last = k - 1;
    uint16_t fl = vp_flags(p, i, last, head) | extra;
    if (extra) fl &= (uint16_t)~PL_VP_GERUND;
    add_chunk(p, i, last, head, PL_CH_VP, fl);
    return k;
}

/* ---- clauses -------------------------------------------------------- */

typedef struct span {
    size_t first, last;
    int quoted;
} span;

typedef struct spans {
    span v[64];
    size_t n;
} spans;

static void add_span(spans *s, size_t first, size_t last, int quoted)
{
    if (last < first || s->n == PL_COUNT(s->v)) return;
    for (size_t k = 0; k < s->n; k++)
        if (s->v[k].first == first && s->v[k].last == last) {
            s->v[k].quoted |= quoted;
            return;
        }
    s->v[s->n++] = (span){first, last, quoted};
}

static int boundary(const pl_parser *p, size_t i)
{
    const pl_tokx *x = &p->tx[i];
    if (x->kind == TK_QUOTE || x->kind == TK_DASH) return 1;
    if (x->kind != TK_PUNCT) return 0;
    const char *w = p->str + x->norm_off;
    return w[0] == ',' || w[0] == ';' || w[0] == ':' || w[0] == '(' || w[0] == ')' || w[0] == '.' ||
           w[0] == '?' || w[0] == '!';
}

/* Last token of a clause opened at i: before the next boundary. */
static size_t clause_end(const pl_parser *p, size_t i)
{
    size_t k = i + 1;
    while (k < p->ntoks && !boundary(p, k)) k++;
    size_t last = k - 1;
    return last < i ? i : last;
}

static int speech_vp(const pl_parser *p, int c);

static int finite_vp(const pl_parser *p, int c)
{
    return c >= 0 && p->chunks[c].type == PL_CH_VP &&
           !(p->chunks[c].flags & (PL_VP_INFINITIVE | PL_VP_GERUND)) &&
           !(p->toks[p->chunks[c].head].vform == PL_VF_PART &&
             p->toks[p->chunks[c].first].pos != PL_POS_AUX);
}

/* A relative clause ("Rebels who captured the base said ...") ends before a
 * second finite verb group that follows a noun phrase, unless that noun
 * phrase is a pronoun subject or the first verb reports speech ("who said
 * they would ..."). */
static size_t relative_end(const pl_parser *p, size_t i, size_t e)
{
    int first = -1;
    for (size_t k = i + 1; k <= e && k < p->ntoks; k++) {
        int c = p->toks[k].chunk;
        if (c < 0 || p->chunks[c].first != k) {
            if (p->toks[k].pos == PL_POS_SCONJ || p->toks[k].pos == PL_POS_CONJ ||
                (p->toks[k].pos == PL_POS_PRON && ((wflags(p, k) & W_REL) || is_word(p, k, "THAT"))))
                return e;   /* nested clause or coordination: keep the simple rule */
            continue;
        }
        if (!finite_vp(p, c)) continue;
        if (first < 0) {
            first = c;
            continue;
        }
        if (k == 0) return e;
        int pc = p->toks[k - 1].chunk;
        if (pc < 0 || p->chunks[pc].type != PL_CH_NP) return e;
        if (p->toks[p->chunks[pc].head].pos == PL_POS_PRON || speech_vp(p, first)) return e;
        return k - 1;
    }
    return e;
}

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    if (x->first != y->first) return x->first < y->first ? -1 : 1;
    if (x->last != y->last) return x->last > y->last ? -1 : 1;
    return 0;
}

static int vp_chunk_at(const pl_parser *p, size_t i)
{
    int c = i < p->ntoks ? p->toks[i].chunk : -1;
    return c >= 0 && p->chunks[c].type == PL_CH_VP && p->chunks[c].first == i ? c : -1;
}

static int speech_vp(const pl_parser *p, int c)
{
    return c >= 0 && (lemma_flags(p, p->chunks[c].head) & W_SPEECH) &&
           !(p->chunks[c].flags & PL_VP_INFINITIVE);
}

/* Index of the chunk after the NP chunk starting at i (coordinated NPs
 * "Lavrov and Clinton" count as one), or -1. */
static size_t skip_subject(const pl_parser *p, size_t i)
{
    size_t k = i;
    for (;;) {
        int c = k < p->ntoks ? p->toks[k].chunk : -1;
        if (c < 0 || p->chunks[c].type != PL_CH_NP || p->chunks[c].first != k) return (size_t)-1;
        k = (size_t)p->chunks[c].last + 1;
        if (k < p->ntoks && p->toks[k].pos == PL_POS_CONJ) {
            k++;
            continue;
        }
        return k;
    }
}

static void clauses(pl_parser *p)
{
    size_t n = p->ntoks;
    spans sp;
    sp.n = 0;
    if (n == 0) return;
    /* Quotes */
    for (size_t i = 0; i < n; i++) {
        if (p->tx[i].kind != TK_QUOTE) continue;
        size_t j = i + 1;
        while (j < n && (p->toks[j].flags & PL_TOK_QUOTE)) j++;
        if (j > i + 1) {
            int hasvp = 0;
            for (size_t k = i + 1; k < j; k++)
                if (p->toks[k].chunk >= 0 && p->chunks[p->toks[k].chunk].type == PL_CH_VP) hasvp = 1;
            size_t last = j - 1;
            while (last > i + 1 && p->tx[last].kind == TK_PUNCT) last--;   /* "...," */
            if (hasvp) add_span(&sp, i + 1, last, 1);
            i = j - 1;
        }
    }
    for (size_t i = 0; i < n; i++) {
        int pos = p->toks[i].pos;
        uint32_t f = wflags(p, i);
        if (sp.n == PL_COUNT(sp.v)) break;   /* clause table full: the rest stays in its parent */
        /* Subordinating conjunctions and relative pronouns */
        if (pos == PL_POS_SCONJ || (pos == PL_POS_PRON && ((f & W_REL) || is_word(p, i, "THAT")))) {
            if (i + 1 < n) {
                size_t e = clause_end(p, i);
                if (pos == PL_POS_PRON) e = relative_end(p, i, e);
                add_span(&sp, i, e, 0);
            }
            continue;
        }
        /* Reporting verb followed by a bare clause: "said Russia would ..." */
        int c = vp_chunk_at(p, i);
        if (c >= 0 && speech_vp(p, c)) {
            size_t after = (size_t)p->chunks[c].last + 1;
            size_t vk = skip_subject(p, after);
            if (vk != (size_t)-1 && vk < n && vp_chunk_at(p, vk) >= 0 &&
                !(p->chunks[vp_chunk_at(p, vk)].flags & (PL_VP_INFINITIVE | PL_VP_GERUND)))
                add_span(&sp, after, clause_end(p, vk), 0);
        }
        /* ", VERB-ing ..." participial clause */
        if (c >= 0 && i > 0 && p->tx[i - 1].kind == TK_PUNCT && p->str[p->tx[i - 1].norm_off] == ',' &&
            (p->chunks[c].flags & PL_VP_GERUND))
            add_span(&sp, i, clause_end(p, i), 0);
    }
    /* "..., Lavrov said (Tuesday)." / "..., said Lavrov." : the front part is
     * the reported clause, the tail is the main clause. */
    for (size_t i = n; i-- > 1;) {
        if (!(p->tx[i].kind == TK_PUNCT && p->str[p->tx[i].norm_off] == ',') &&
            !(p->tx[i].kind == TK_QUOTE && i > 0 && p->tx[i - 1].kind == TK_PUNCT &&
              p->str[p->tx[i - 1].norm_off] == ','))
            continue;
        size_t k = i + 1;
        if (k < n && p->tx[k].kind == TK_QUOTE) k++;
        int ok = 0;
        size_t vk = skip_subject(p, k);
        if (vk != (size_t)-1 && speech_vp(p, vp_chunk_at(p, vk))) ok = 1;
        if (speech_vp(p, vp_chunk_at(p, k))) ok = 1;
        if (!ok) continue;
        /* The tail is only "X said (time/place)": no other verb group, no clause. */
        int other = 0, nvp = 0;
        for (size_t q = k; q < n; q++) {
            int c = p->toks[q].chunk;
            if (p->toks[q].pos == PL_POS_SCONJ) {
                other = 1;   /* "..., warned that ..." : a complement, not a tag */
                break;
            }
            if (p->toks[q].pos == PL_POS_PRON && (wflags(p, q) & W_REL))
                break;   /* "..., said the envoy, who arrived" : the relative clause nests */
            if (c >= 0 && p->chunks[c].first == q && p->chunks[c].type == PL_CH_VP) nvp++;
        }
        if (nvp != 1) other = 1;
        int front_vp = 0;
        for (size_t q = 0; q < i; q++) {
            int c = p->toks[q].chunk;
            if (c >= 0 && p->chunks[c].type == PL_CH_VP) front_vp = 1;
        }
        if (other || !front_vp) continue;
        size_t s = 0, e = i - 1;
        while (s < e && (p->tx[s].kind == TK_QUOTE)) s++;
        while (e > s && (p->tx[e].kind == TK_QUOTE || (p->tx[e].kind == TK_PUNCT &&
                                                      p->str[p->tx[e].norm_off] == ',')))
            e--;
        int quoted = s > 0 && p->tx[s - 1].kind == TK_QUOTE;
        add_span(&sp, s, e, quoted);
        break;
    }
    /* "Varland, officials said on Friday, attacked Kesh": a parenthetical
     * reporting clause between commas is a child; the main verb follows. */
    for (size_t i = 0; i + 2 < n; i++) {
        if (!(p->tx[i].kind == TK_PUNCT && p->str[p->tx[i].norm_off] == ',')) continue;
        size_t vk = skip_subject(p, i + 1);
        int c = vk != (size_t)-1 ? vp_chunk_at(p, vk) : -1;
        if (c < 0 || !speech_vp(p, c)) continue;
        size_t k = (size_t)p->chunks[c].last + 1;
        while (k < n && p->toks[k].chunk >= 0 && p->chunks[p->toks[k].chunk].type != PL_CH_VP)
            k = (size_t)p->chunks[p->toks[k].chunk].last + 1;   /* "on Friday" */
        if (k + 1 >= n || !(p->tx[k].kind == TK_PUNCT && p->str[p->tx[k].norm_off] == ',')) continue;
        int after = 0;
        for (size_t q = k + 1; q < n && !after; q++) after = vp_chunk_at(p, q) >= 0;
        if (after) add_span(&sp, i + 1, k - 1, 0);
    }
    qsort(sp.v, sp.n, sizeof sp.v[0], cmp_span);
    /* Clause 0: the whole sentence. */
    p->clauses = pl_grow(p->clauses, &p->clausecap, 1 + sp.n, sizeof *p->clauses);
    p->clauses[0] = (pl_clause){0, (uint16_t)(n - 1), -1, -1, 0};
    p->nclauses = 1;
    int16_t stack[64];
    int depth = 0;
    stack[depth++] = 0;
    for (size_t k = 0; k < sp.n; k++) {
        span s = sp.v[k];
        if (s.first == 0 && s.last == n - 1) continue;
        while (depth > 1 && p->clauses[stack[depth - 1]].last < s.first) depth--;
        const pl_clause *par = &p->clauses[stack[depth - 1]];
        if (s.last > par->last) continue;   /* crosses its parent: drop */
        pl_clause *c = &p->clauses[p->nclauses];
        *c = (pl_clause){(uint16_t)s.first, (uint16_t)s.last, stack[depth - 1], -1,
                         (uint8_t)s.quoted};
        if (depth < 64) stack[depth++] = (int16_t)p->nclauses;
        p->nclauses++;
    }
    /* Innermost clause of each chunk; the first verb group is the clause's verb. */
    for (size_t ci = 0; ci < p->nchunks; ci++) {
        pl_chunk *ch = &p->chunks[ci];
        int16_t best = 0;
        for (size_t k = 1; k < p->nclauses; k++)
            if (p->clauses[k].first <= ch->first && ch->first <= p->clauses[k].last) best = (int16_t)k;
        ch->clause = best;
        if (ch->type == PL_CH_VP && p->clauses[best].verb < 0) p->clauses[best].verb = (int16_t)ci;
    }
    /* Main clause of a "..., X said" sentence: its verb is the reporting verb,
     * which is already the first verb group outside the child clause. */
}

void pl_chunk_sentence(pl_parser *p)
{
    p->nchunks = 0;
    p->nclauses = 0;
    retag(p);
    pl_lemmas(p);
    size_t i = 0;
    while (i < p->ntoks) {
        /* two-word prepositions: "according to", "out of", "because of" ... */
        if (i + 1 < p->ntoks && (is_word(p, i + 1, "TO") || is_word(p, i + 1, "OF")) &&
            (is_word(p, i, "ACCORDING") || is_word(p, i, "OUT") || is_word(p, i, "BECAUSE") ||
             is_word(p, i, "AHEAD") || is_word(p, i, "INSTEAD") || is_word(p, i, "DUE") ||
             is_word(p, i, "PRIOR") || is_word(p, i, "THANKS")) &&
            !(is_word(p, i + 1, "TO") && pos_at(p, i + 2) == PL_POS_VERB)) {   /* "due to meet" */
            for (size_t q = i; q <= i + 1; q++) {
                p->toks[q].pos = PL_POS_PREP;
                p->toks[q].vform = PL_VF_NONE;
            }
            add_chunk(p, i, i + 1, i + 1, PL_CH_PP, 0);
            i += 2;
            continue;
        }
        size_t k = np_at(p, i);
        if (k > i) {
            i = k;
            continue;
        }
        k = vp_at(p, i);
        if (k > i) {
            i = k;
            continue;
        }
        if (p->toks[i].pos == PL_POS_PREP) add_chunk(p, i, i, i, PL_CH_PP, 0);
        i++;
    }
    clauses(p);
}
