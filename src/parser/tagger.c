/* tagger.c — part-of-speech tagging: each token gets candidate Penn Treebank
 * tags with ln P(word | tag) from the Festival/WSJ lexicon (or from WordNet,
 * capitalisation and suffixes for unknown words); a trigram Viterbi search
 * over the candidates picks the tags; rules then map them onto pl_pos and
 * pl_vform (auxiliaries, "to" as particle, clause openers) and lemmatize. */
#include "parser/parser_int.h"

#include "util.h"

#include <float.h>
#include <string.h>

#define MAXC 8
#define UNK (-10.0f)

static void add_cand(pl_tokx *x, int tag, float logp)
{
    for (int i = 0; i < x->ncand; i++)
        if (x->cand[i] == tag) {
            if (logp > x->emit[i]) x->emit[i] = logp;
            return;
        }
    if (x->ncand < MAXC) {
        x->cand[x->ncand] = (uint8_t)tag;
        x->emit[x->ncand] = logp;
        x->ncand++;
    }
}

static int ends(const char *w, size_t n, const char *s)
{
    size_t k = strlen(s);
    return n > k && memcmp(w + n - k, s, k) == 0;
}

static int adj_suffix(const char *w, size_t n)
{
    static const char *const suf[] = {"AL", "IC", "OUS", "IVE", "ABLE", "IBLE", "FUL", "LESS",
                                      "ISH", "IAN", "ARY", "ANT", "ENT"};
    for (size_t k = 0; k < PL_COUNT(suf); k++)
        if (ends(w, n, suf[k])) return 1;
    return 0;
}

static int wn_adj(const pl_lexicon *lx, const char *b, size_t n)
{
    uint32_t id = pl_lex_find(lx, b, n);
    return id != PL_NO_ID && (lx->info[id].wn & WN_A);
}

/* FIERCEST -> FIERCE, ANGRIER -> ANGRY, TALLER -> TALL, BIGGEST -> BIG */
static int comparative(const pl_lexicon *lx, const char *w, size_t n)
{
    char b[64];
    size_t k = ends(w, n, "EST") ? n - 3 : n - 2;
    if (k < 2 || k + 2 > sizeof b) return 0;
    memcpy(b, w, k);
    if (wn_adj(lx, b, k)) return 1;
    b[k] = 'E';
    if (wn_adj(lx, b, k + 1)) return 1;
    if (b[k - 1] == 'I') {
        b[k - 1] = 'Y';
        if (wn_adj(lx, b, k)) return 1;
        b[k - 1] = 'I';
    }
    if (k >= 3 && b[k - 1] == b[k - 2] && wn_adj(lx, b, k - 1)) return 1;
    return 0;
}

/* Candidates for a word that the tag lexicon does not know. */
static void guess(const pl_lexicon *lx, pl_tokx *x, const char *w, size_t n, const lx_word *info)
{
    const char *dash = memchr(w, '-', n);
    if (dash && dash + 1 < w + n) {
        /* Hyphenated: "veto-wielding", "long-term", "pro-government". */
        const char *last = dash + 1;
        size_t ln = (size_t)(w + n - last);
        const char *d2;
        while ((d2 = memchr(last, '-', ln)) != NULL && d2 + 1 < w + n) {
            last = d2 + 1;
            ln = (size_t)(w + n - last);
        }
        add_cand(x, T_JJ, UNK + 1);
        if (ends(last, ln, "S") && !ends(last, ln, "SS")) add_cand(x, T_NNS, UNK);
        else add_cand(x, T_NN, UNK);
        if (ends(last, ln, "ED")) add_cand(x, T_VBN, UNK);
        return;
    }
    unsigned wn = info ? info->wn : 0;
    if (info && info->verb_exc != PL_NO_ID) wn |= WN_V;
    if (info && info->noun_exc != PL_NO_ID) wn |= WN_N;
    size_t ll;
    if (!(wn & WN_V) && pl_lemmatize(lx, w, n, PL_POS_OTHER, &ll) != w) {
        /* An inflected form of a WordNet lemma. */
        uint32_t id = pl_lex_find(lx, pl_lemmatize(lx, w, n, PL_POS_VERB, &ll), ll);
        if (id != PL_NO_ID && (lx->info[id].wn & WN_V) && ll != n) wn |= WN_V;
        id = pl_lex_find(lx, pl_lemmatize(lx, w, n, PL_POS_NOUN, &ll), ll);
        if (id != PL_NO_ID && (lx->info[id].wn & WN_N) && ll != n) wn |= WN_N;
    }
    if (wn & WN_V) {
        if (ends(w, n, "ING")) add_cand(x, T_VBG, UNK);
        else if (ends(w, n, "ED")) {
            add_cand(x, T_VBD, UNK);
            add_cand(x, T_VBN, UNK);
        } else if (ends(w, n, "S") && !ends(w, n, "SS")) add_cand(x, T_VBZ, UNK);
        else {
            add_cand(x, T_VB, UNK);
            add_cand(x, T_VBP, UNK);
        }
    }
    if (wn & WN_N) add_cand(x, ends(w, n, "S") && !ends(w, n, "SS") ? T_NNS : T_NN, UNK);
    if (wn & WN_A) add_cand(x, T_JJ, adj_suffix(w, n) ? UNK + 1 : UNK);
    if (wn & WN_R) add_cand(x, T_RB, UNK);
    if (!wn && n > 5 && (ends(w, n, "EST") || ends(w, n, "ER")) && comparative(lx, w, n)) {
        /* fiercest, angrier: comparison of a WordNet adjective */
        add_cand(x, ends(w, n, "EST") ? T_JJS : T_JJR, UNK + 1);
        return;
    }
    if (x->ncand) return;
    /* Not in WordNet either: suffixes. */
    if (ends(w, n, "ING")) {
        add_cand(x, T_VBG, UNK);
        add_cand(x, T_NN, UNK - 1);
    } else if (ends(w, n, "ED")) {
        add_cand(x, T_VBN, UNK);
        add_cand(x, T_VBD, UNK);
        add_cand(x, T_JJ, UNK - 1);
    } else if (ends(w, n, "LY")) {
        add_cand(x, T_RB, UNK);
    } else if (ends(w, n, "IAN") || ends(w, n, "ESE") || ends(w, n, "ISH") || ends(w, n, "IC") ||
               ends(w, n, "OUS") || ends(w, n, "IVE") || ends(w, n, "ABLE") || ends(w, n, "AL")) {
        add_cand(x, T_JJ, UNK);
        add_cand(x, T_NN, UNK - 1);
    } else if (ends(w, n, "S") && !ends(w, n, "SS")) {
        add_cand(x, T_NNS, UNK);
    } else {
        add_cand(x, T_NN, UNK);
        add_cand(x, T_JJ, UNK - 1);
    }
}

static void lex_cands(const pl_lexicon *lx, pl_tokx *x, const lx_word *info)
{
    const lx_tagp *tp = &lx->tags[info->tagoff];
    for (int k = 0; k < info->ntags; k++) add_cand(x, tp[k].tag, tp[k].logp);
}

static int all_caps(const char *w, size_t n)
{
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] >= 'A' && w[i] <= 'Z') letters++;
    }
    return letters >= 2;
}

/* British -ise spellings the lexicon lacks ("RECOGNISED", "APOLOGISING",
 * "ORGANISATION"): the tags of the -ize spelling; else info unchanged. */
static const lx_word *british_ise(const pl_lexicon *lx, const char *w, size_t n, const lx_word *info)
{
    static const char *const suf[] = {"ISE", "ISED", "ISES", "ISING", "ISATION", "ISATIONS", NULL};
    char b[64];
    if (n < 6 || n >= sizeof b) return info;
    for (const char *const *s = suf; *s; s++) {
        size_t k = strlen(*s);
        if (n <= k + 2 || memcmp(w + n - k, *s, k) != 0) continue;
        memcpy(b, w, n);
        b[n - k + 1] = 'Z';
        const lx_word *alt = pl_lex_info(lx, pl_lex_find(lx, b, n));
        return alt && alt->ntags ? alt : info;
    }
    return info;
}

static void candidates(pl_parser *p, size_t i)
{
    const pl_lexicon *lx = p->lx;
    pl_token *t = &p->toks[i];
    pl_tokx *x = &p->tx[i];
    const char *w = p->str + x->norm_off;
    size_t n = t->norm_len;
    x->word = pl_lex_find(lx, w, n);
    const lx_word *info = pl_lex_info(lx, x->word);
    if (!info || !info->ntags) info = british_ise(lx, w, n, info);
    x->ncand = 0;
    switch (x->kind) {
    case TK_PUNCT:
    case TK_DASH:
    case TK_QUOTE:
        add_cand(x, T_PUNC, 0);
        return;
    case TK_SYM:
        if (n == 1 && (w[0] == '$' || w[0] == '&' || w[0] == '%')) {
            add_cand(x, w[0] == '&' ? T_CC : w[0] == '%' ? T_NN : T_PUNC, -1);
            return;
        }
        add_cand(x, T_SYM, -1);
        return;
    case TK_NUM:
        add_cand(x, T_CD, -2);
        return;
    case TK_POSS:
        add_cand(x, T_POS, -0.1f);
        if (n == 2) add_cand(x, T_VBZ, -2.8f);
        return;
    case TK_NT:
        add_cand(x, T_RB, -1);
        return;
    case TK_ABBR:
        if (info && (info->flags & W_TITLE) && info->ntags) lex_cands(lx, x, info);
        add_cand(x, T_NNP, -5);
        return;
    default:
        break;
    }
    int cap = (t->flags & PL_TOK_CAP) && !p->upper_text;
    int start = (t->flags & PL_TOK_SENT_START) != 0;
    int func = info && (info->flags & W_FUNC);
    const char *raw = p->parse.text + t->start;
    if (cap && n >= 2 && all_caps(w, n) && t->end - t->start == n &&
        raw[1] >= 'A' && raw[1] <= 'Z') {
        add_cand(x, T_NNP, -5);   /* US, UN, NATO, EU */
        return;
    }
    /* "al-Qaeda", "pro-Western": a capital after a hyphen marks a name. */
    int inner_cap = 0;
    if (!p->upper_text && x->kind == TK_WORD)
        for (uint32_t b = t->start + 1; b + 1 < t->end; b++)
            if (raw[b - t->start] == '-' && raw[b - t->start + 1] >= 'A' &&
                raw[b - t->start + 1] <= 'Z')
                inner_cap = 1;
    if ((cap && !start && !func) || inner_cap) {
        /* Nationality adjectives: "Kurdish militants", "Russian forces": a
         * word the lexicon knows as an adjective keeps that reading, and its
         * name reading gets the lexicon's own weight. */
        float nnp = -6, jj = 0;
        int has_jj = 0;
        if (info && info->ntags) {
            const lx_tagp *tp = &lx->tags[info->tagoff];
            for (int k = 0; k < info->ntags; k++)
                if (tp[k].tag == T_JJ) {
                    has_jj = 1;
                    jj = tp[k].logp;
                }
            if (has_jj) {
                nnp = -9.5f;
                for (int k = 0; k < info->ntags; k++)
                    if (tp[k].tag == T_NNP && tp[k].logp > nnp) nnp = tp[k].logp;
            }
        }
        add_cand(x, T_NNP, nnp);
        if (ends(w, n, "S") && !ends(w, n, "SS") && n > 3) add_cand(x, T_NNPS, -9);
        if (has_jj) add_cand(x, T_JJ, jj);
        return;
    }
    if (info && info->ntags) {
        lex_cands(lx, x, info);
        /* The tag lexicon is case-folded: a lower-case word is no name. */
        if (!cap && !p->upper_text && x->ncand > 1) {
            int k = 0;
            for (int j = 0; j < x->ncand; j++)
                if (x->cand[j] != T_NNP && x->cand[j] != T_NNPS) {
                    x->cand[k] = x->cand[j];
                    x->emit[k] = x->emit[j];
                    k++;
                }
            if (k > 0) x->ncand = (uint8_t)k;
        }
        if (cap && start && !func) add_cand(x, T_NNP, -12);

    } else {
        if (cap && start && !func) add_cand(x, T_NNP, -6);
        if (!cap || !info || info->wn || p->upper_text) guess(lx, x, w, n, info);
        if (p->upper_text) add_cand(x, T_NNP, -9);
    }
    if (!x->ncand) add_cand(x, T_NN, UNK);
}

/* Trigram Viterbi over candidate tags.  State at token i: (candidate of
 * i-1, candidate of i). */
static void viterbi(pl_parser *p)
{
    const pl_lexicon *lx = p->lx;
    size_t n = p->ntoks;
    if (n == 0) return;
    size_t need = n * MAXC * MAXC;
    if (need > p->latcap) {
        size_t cap = p->latcap;
        p->score = pl_grow(p->score, &cap, need, sizeof *p->score);
        cap = p->latcap;
        p->back = pl_grow(p->back, &cap, need, sizeof *p->back);
        p->latcap = cap;
    }
    float *sc = p->score;
    uint16_t *bk = p->back;
    for (size_t i = 0; i < n; i++) {
        const pl_tokx *x = &p->tx[i];
        /* PTB tags do not tell auxiliaries from lexical verbs: a finite
         * lexical verb directly followed by another verb form is unlikely
         * ("forces fired" is a noun and a verb). */
        int prev_lex = 0;
        if (i >= 1) {
            const lx_word *pw = pl_lex_info(lx, p->tx[i - 1].word);
            prev_lex = !(pw && (pw->flags & (W_BE | W_HAVE | W_DO | W_GET | W_MODAL | W_FUTURE)));
        }
        float *row = sc + i * MAXC * MAXC;
        uint16_t *brow = bk + i * MAXC * MAXC;
        int na = i >= 1 ? p->tx[i - 1].ncand : 1;
        for (int b = 0; b < x->ncand; b++) {
            int tb = x->cand[b];
            for (int a = 0; a < na; a++) {
                int ta = i >= 1 ? p->tx[i - 1].cand[a] : T_PUNC;
                float best = -FLT_MAX;
                int arg = 0;
                if (i < 2) {
                    int tc = T_PUNC;
                    float prev = i == 1 ? sc[(0 * MAXC + a)] : 0;   /* row of token 0: (start, a) */
                    best = prev + lx->trans[tc][ta][tb];
                } else {
                    const pl_tokx *xc = &p->tx[i - 2];
                    const float *prow = sc + (i - 1) * MAXC * MAXC;
                    for (int c = 0; c < xc->ncand; c++) {
                        float v = prow[c * MAXC + a] + lx->trans[xc->cand[c]][ta][tb];
                        if (v > best) {
                            best = v;
                            arg = c;
                        }
                    }
                }
                if (prev_lex && (ta == T_VBZ || ta == T_VBD || ta == T_VBP || ta == T_VB) &&
                    (tb == T_VBN || tb == T_VBD || tb == T_VBZ || tb == T_VBP))
                    best -= 4.0f;
                else if (prev_lex && (ta == T_VBZ || ta == T_VBD || ta == T_VBP || ta == T_VBN) &&
                         tb == T_VB)
                    best -= 4.0f;
                row[a * MAXC + b] = best + x->emit[b];
                brow[a * MAXC + b] = (uint16_t)arg;
            }
        }
    }
    /* Best final state, then follow back-pointers. */
    size_t last = n - 1;
    int na = last >= 1 ? p->tx[last - 1].ncand : 1;
    float best = -FLT_MAX;
    int ba = 0, bb = 0;
    for (int a = 0; a < na; a++)
        for (int b = 0; b < p->tx[last].ncand; b++) {
            float v = sc[last * MAXC * MAXC + a * MAXC + b];
            if (v > best) {
                best = v;
                ba = a;
                bb = b;
            }
        }
    for (size_t i = last + 1; i-- > 0;) {
        p->tx[i].tag = p->tx[i].cand[bb];
        if (i == 0) break;
        int c = bk[i * MAXC * MAXC + ba * MAXC + bb];
        bb = ba;
        ba = c;
    }
}

static int next_non_adv(const pl_parser *p, size_t i)
{
    for (size_t k = i + 1; k < p->ntoks; k++) {
        int t = p->tx[k].tag;
        if (t == T_RB || t == T_RBR || t == T_RBS) continue;
        return (int)k;
    }
    return -1;
}

static int is_verb_tag(int t)
{
    return t == T_VB || t == T_VBP || t == T_VBZ || t == T_VBD || t == T_VBN || t == T_VBG;
}

static void map_tags(pl_parser *p)
{
    const pl_lexicon *lx = p->lx;
    for (size_t i = 0; i < p->ntoks; i++) {
        pl_token *t = &p->toks[i];
        pl_tokx *x = &p->tx[i];
        const lx_word *info = pl_lex_info(lx, x->word);
        uint32_t wf = info ? info->flags : 0;
        int tag = x->tag;
        int pos = PL_POS_OTHER, vf = PL_VF_NONE;
        switch (tag) {
        case T_NN: case T_NNS: pos = PL_POS_NOUN; break;
        case T_NNP: case T_NNPS: pos = PL_POS_PROPN; break;
        case T_PRP: case T_EX: case T_WP: pos = PL_POS_PRON; break;
        case T_WDT: pos = (wf & W_REL) || (t->norm_len == 4 && memcmp(t->norm, "THAT", 4) == 0)
                              ? PL_POS_PRON : PL_POS_DET; break;
        case T_DT: case T_PDT: pos = PL_POS_DET; break;
        case T_JJ: case T_JJR: case T_JJS: pos = PL_POS_ADJ; break;
        case T_RB: case T_RBR: case T_RBS: pos = PL_POS_ADV; break;
        case T_WRB: pos = (wf & W_SCONJ) ? PL_POS_SCONJ : PL_POS_ADV; break;
        case T_IN: pos = (wf & W_SCONJ) ? PL_POS_SCONJ : PL_POS_PREP; break;
        case T_OF: pos = PL_POS_PREP; break;
        case T_TO: pos = PL_POS_PREP; break;
        case T_CC: pos = PL_POS_CONJ; break;
        case T_CD: pos = PL_POS_NUM; break;
        case T_POS: case T_RP: pos = PL_POS_PART; break;
        case T_PUNC: pos = x->kind == TK_SYM ? PL_POS_OTHER : PL_POS_PUNCT; break;
        case T_MD: pos = PL_POS_AUX; break;
        case T_VB: case T_VBP: pos = PL_POS_VERB; vf = PL_VF_BASE; break;
        case T_VBZ: pos = PL_POS_VERB; vf = PL_VF_PRES3; break;
        case T_VBD: pos = PL_POS_VERB; vf = PL_VF_PAST; break;
        case T_VBN: pos = PL_POS_VERB; vf = PL_VF_PART; break;
        case T_VBG: pos = PL_POS_VERB; vf = PL_VF_GERUND; break;
        default: pos = PL_POS_OTHER; break;
        }
        if (x->kind == TK_NT || (x->kind == TK_WORD && t->norm_len == 3 &&
                                 memcmp(t->norm, "NOT", 3) == 0))
            pos = PL_POS_PART;
        if (tag == T_TO) {
            int k = next_non_adv(p, i);
            if (k >= 0 && (p->tx[k].tag == T_VB || p->tx[k].tag == T_VBP)) pos = PL_POS_PART;
        }
        if (pos == PL_POS_VERB && (wf & (W_BE | W_HAVE | W_DO | W_GET))) {
            int k = next_non_adv(p, i);
            while (k >= 0 && p->tx[k].kind == TK_NT) k = next_non_adv(p, (size_t)k);
            if (k >= 0 && is_verb_tag(p->tx[k].tag) && !(wf & W_GET && p->tx[k].tag != T_VBN))
                pos = PL_POS_AUX;
        }
        if (x->kind == TK_CLITIC || (x->kind == TK_POSS && tag == T_VBZ)) {
            if (is_verb_tag(tag) || tag == T_MD) {
                int k = next_non_adv(p, i);
                pos = k >= 0 && is_verb_tag(p->tx[k].tag) ? PL_POS_AUX : PL_POS_VERB;
                if (tag == T_MD) pos = PL_POS_AUX;
            }
        }
        t->pos = (uint8_t)pos;
        t->vform = (uint8_t)vf;
    }
}

static void set_lemma(pl_parser *p, size_t i, const char *s, size_t n)
{
    pl_tokx *x = &p->tx[i];
    pl_token *t = &p->toks[i];
    if (n == t->norm_len && memcmp(s, p->str + x->norm_off, n) == 0) {
        x->lemma_off = x->norm_off;
    } else {
        x->lemma_off = pl_parser_str(p, s, n);
    }
    t->lemma_len = (uint16_t)n;
}

void pl_lemmas(pl_parser *p)
{
    const pl_lexicon *lx = p->lx;
    for (size_t i = 0; i < p->ntoks; i++) {
        pl_token *t = &p->toks[i];
        pl_tokx *x = &p->tx[i];
        const char *w = p->str + x->norm_off;
        size_t n = t->norm_len, ln = n;
        const char *l = w;
        if (x->kind == TK_NT) {
            l = "NOT";
            ln = 3;
        } else if (x->kind == TK_POSS && (t->pos == PL_POS_AUX || t->pos == PL_POS_VERB)) {
            int k = next_non_adv(p, i);
            int have = t->pos == PL_POS_AUX && k >= 0 &&
                       ((p->toks[k].norm_len == 4 && memcmp(p->str + p->tx[k].norm_off, "BEEN", 4) == 0) ||
                        (p->toks[k].norm_len == 3 && memcmp(p->str + p->tx[k].norm_off, "GOT", 3) == 0));
            l = have ? "HAVE" : "BE";
            ln = strlen(l);
        } else if (x->kind == TK_CLITIC && n == 2 && memcmp(w, "'D", 2) == 0) {
            l = x->tag == T_VBD ? "HAVE" : "WOULD";
            ln = strlen(l);
        } else if (t->pos == PL_POS_VERB || t->pos == PL_POS_AUX) {
            if (x->tag != T_MD) l = pl_lemmatize(lx, w, n, PL_POS_VERB, &ln);
        } else if (t->pos == PL_POS_NOUN || (t->pos == PL_POS_PROPN && x->tag == T_NNPS)) {
            l = pl_lemmatize(lx, w, n, PL_POS_NOUN, &ln);
        }
        set_lemma(p, i, l, ln);
    }
}

void pl_tag_sentence(pl_parser *p)
{
    /* Mostly upper-case text (wire headlines): capitals carry no signal. */
    size_t up = 0, low = 0;
    for (size_t i = 0; i < p->parse.len; i++) {
        char c = p->parse.text[i];
        if (c >= 'A' && c <= 'Z') up++;
        else if (c >= 'a' && c <= 'z') low++;
    }
    p->upper_text = up >= 8 && low * 5 < up;
    /* Title-case headlines ("Russia Blocks UN Resolution on Syria"): every
     * content word capitalised, at least one of them a common word: the
     * capitals carry no signal either. */
    if (!p->upper_text) {
        size_t content = 0, caps = 0, common = 0;
        for (size_t i = 0; i < p->ntoks; i++) {
            if (p->tx[i].kind != TK_WORD) continue;
            const char *w = p->str + p->tx[i].norm_off;
            const lx_word *info = pl_lex_info(p->lx, pl_lex_find(p->lx, w, p->toks[i].norm_len));
            if (info && (info->flags & W_FUNC)) continue;
            content++;
            if (p->toks[i].flags & PL_TOK_CAP) {
                caps++;
                if (info && info->ntags && !(p->toks[i].flags & PL_TOK_SENT_START)) {
                    const lx_tagp *tp = &p->lx->tags[info->tagoff];
                    float best = -1e9f;
                    int best_tag = -1;
                    for (int k = 0; k < info->ntags; k++)
                        if (tp[k].logp > best) best = tp[k].logp, best_tag = tp[k].tag;
                    if (best_tag != T_NNP && best_tag != T_NNPS) common++;
                }
            }
        }
        p->upper_text = content >= 3 && caps == content && common >= 1;
    }
    for (size_t i = 0; i < p->ntoks; i++) {
        p->toks[i].norm = p->str + p->tx[i].norm_off;   /* provisional, for the rules */
        candidates(p, i);
    }
    viterbi(p);
    for (size_t i = 0; i < p->ntoks; i++) p->toks[i].norm = p->str + p->tx[i].norm_off;
    map_tags(p);
}
