/* lemma.c — WordNet-style lemmatizer ("morphy"): irregular forms from the
 * exception lists, then regular suffix rules whose result must be a WordNet
 * lemma of the right part of speech. */
#include "parser/parser_int.h"

#include <string.h>

#define MAXW 64

static int is_vowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

/* Looks up b[0..n) as a lemma with WordNet part(s) mask; returns its id. */
static uint32_t lemma_id(const pl_lexicon *lx, const char *b, size_t n, unsigned mask)
{
    if (n == 0) return PL_NO_ID;
    uint32_t id = pl_lex_find(lx, b, n);
    if (id != PL_NO_ID && (lx->info[id].wn & mask)) return id;
    return PL_NO_ID;
}

/* Tries stem + add as a lemma. */
static uint32_t try_rule(const pl_lexicon *lx, const char *w, size_t n, size_t strip,
                         const char *add, unsigned mask)
{
    if (n <= strip + 1) return PL_NO_ID;
    char b[MAXW + 4];
    size_t k = n - strip, a = strlen(add);
    if (k + a > MAXW) return PL_NO_ID;
    memcpy(b, w, k);
    memcpy(b + k, add, a);
    return lemma_id(lx, b, k + a, mask);
}

/* Consonant-vowel-consonant ending (HOP, PLAN): such stems double their last
 * consonant before -ED/-ING, so a single consonant points to a silent E. */
static int cvc(const char *s, size_t k)
{
    if (k < 3) return 0;
    char c = s[k - 1];
    return !is_vowel(c) && c != 'W' && c != 'X' && c != 'Y' && is_vowel(s[k - 2]) &&
           !is_vowel(s[k - 3]);
}

static uint32_t verb_rules(const pl_lexicon *lx, const char *w, size_t n)
{
    uint32_t id;
#define ENDS(s) (n > strlen(s) && memcmp(w + n - strlen(s), s, strlen(s)) == 0)
    if (ENDS("IES") && (id = try_rule(lx, w, n, 3, "Y", WN_V)) != PL_NO_ID) return id;
    if (ENDS("ES") && (id = try_rule(lx, w, n, 1, "", WN_V)) != PL_NO_ID) return id;
    if (ENDS("ES") && (id = try_rule(lx, w, n, 2, "", WN_V)) != PL_NO_ID) return id;
    if (ENDS("S") && !ENDS("SS") && (id = try_rule(lx, w, n, 1, "", WN_V)) != PL_NO_ID)
        return id;
    if (ENDS("IED") && (id = try_rule(lx, w, n, 3, "Y", WN_V)) != PL_NO_ID) return id;
    if (ENDS("ED") || ENDS("ING")) {
        size_t suf = ENDS("ED") ? 2 : 3;
        size_t k = n - suf;
        if (k >= 2) {
            int e_first = cvc(w, k);
            if (suf == 2) {   /* -ED: "AGREED" -> AGREE, "HOPED" -> HOPE */
                if ((id = try_rule(lx, w, n, 1, "", WN_V)) != PL_NO_ID) return id;
            } else if (e_first && (id = try_rule(lx, w, n, 3, "E", WN_V)) != PL_NO_ID) {
                return id;
            }
            if ((id = try_rule(lx, w, n, suf, "", WN_V)) != PL_NO_ID) return id;
            if (suf == 3 && !e_first && (id = try_rule(lx, w, n, 3, "E", WN_V)) != PL_NO_ID)
                return id;
            if (w[k - 1] == w[k - 2] && !is_vowel(w[k - 1]) &&
                (id = try_rule(lx, w, n, suf + 1, "", WN_V)) != PL_NO_ID)
                return id;   /* STOPPED -> STOP */
            if (suf == 3 && ENDS("YING") && (id = try_rule(lx, w, n, 4, "IE", WN_V)) != PL_NO_ID)
                return id;   /* DYING -> DIE */
        }
    }
    return PL_NO_ID;
}

static uint32_t noun_rules(const pl_lexicon *lx, const char *w, size_t n)
{
    uint32_t id;
    if (ENDS("MEN") && (id = try_rule(lx, w, n, 3, "MAN", WN_N)) != PL_NO_ID) return id;
    if (!ENDS("S") || ENDS("SS") || ENDS("US") || ENDS("IS") || ENDS("'S")) return PL_NO_ID;
    if (ENDS("IES") && (id = try_rule(lx, w, n, 3, "Y", WN_N)) != PL_NO_ID) return id;
    if ((ENDS("SES") || ENDS("XES") || ENDS("ZES") || ENDS("CHES") || ENDS("SHES")) &&
        (id = try_rule(lx, w, n, 2, "", WN_N)) != PL_NO_ID)
        return id;
    if ((id = try_rule(lx, w, n, 1, "", WN_N)) != PL_NO_ID) return id;
    return PL_NO_ID;
}

static const char *ret_id(const pl_lexicon *lx, uint32_t id, size_t *out_len)
{
    *out_len = pl_intern_len(&lx->words, id);
    return pl_intern_str(&lx->words, id);
}

static const char *verb_lemma(const pl_lexicon *lx, const char *w, size_t n, size_t *out_len,
                              int guess)
{
    uint32_t wid = pl_lex_find(lx, w, n);
    if (wid != PL_NO_ID && lx->info[wid].verb_exc != PL_NO_ID)
        return ret_id(lx, lx->info[wid].verb_exc, out_len);
    if (wid != PL_NO_ID && (lx->info[wid].wn & WN_V)) return ret_id(lx, wid, out_len);
    uint32_t id = verb_rules(lx, w, n);
    if (id != PL_NO_ID) return ret_id(lx, id, out_len);
    if (!guess) return NULL;
    /* Unknown verb: strip a regular ending (the result is a prefix of w). */
    size_t k = n;
    if (ENDS("ING") && n > 5) k = n - 3;
    else if (ENDS("ED") && n > 4) k = n - 2;
    else if (ENDS("S") && !ENDS("SS") && n > 3) k = n - 1;
    if (k < n && k >= 2 && w[k - 1] == w[k - 2] && !is_vowel(w[k - 1]) && w[k - 1] != 'L' &&
        w[k - 1] != 'S')
        k--;
    *out_len = k;
    return w;
}

static const char *noun_lemma(const pl_lexicon *lx, const char *w, size_t n, size_t *out_len,
                              int guess)
{
    uint32_t wid = pl_lex_find(lx, w, n);
    if (wid != PL_NO_ID && (lx->info[wid].flags & W_NOLEMMA)) return ret_id(lx, wid, out_len);
    if (wid != PL_NO_ID && lx->info[wid].noun_exc != PL_NO_ID)
        return ret_id(lx, lx->info[wid].noun_exc, out_len);
    uint32_t id = noun_rules(lx, w, n);
    if (id != PL_NO_ID) return ret_id(lx, id, out_len);
    if (wid != PL_NO_ID && (lx->info[wid].wn & WN_N)) return ret_id(lx, wid, out_len);
    if (!guess) return NULL;
    size_t k = n;
    if (n > 3 && ENDS("S") && !ENDS("SS") && !ENDS("US") && !ENDS("IS") && !ENDS("IES"))
        k = n - 1;
    *out_len = k;
    return w;
}
#undef ENDS

const char *pl_lemmatize(const pl_lexicon *lx, const char *word, size_t n, pl_pos pos,
                         size_t *out_len)
{
    size_t len = n;
    const char *r = NULL;
    if (!lx) lx = pl_lexicon_get();
    if (n == 0 || n > MAXW) {
        *out_len = n;
        return word;
    }
    if (pos == PL_POS_VERB || pos == PL_POS_AUX) r = verb_lemma(lx, word, n, &len, 1);
    else if (pos == PL_POS_NOUN) r = noun_lemma(lx, word, n, &len, 1);
    else if (pos == PL_POS_PROPN || pos == PL_POS_ADJ || pos == PL_POS_ADV ||
             pos == PL_POS_NUM || pos == PL_POS_PUNCT) {
        r = NULL;
    } else {
        r = verb_lemma(lx, word, n, &len, 0);
        if (!r) r = noun_lemma(lx, word, n, &len, 0);
    }
    if (!r) {
        *out_len = n;
        return word;
    }
    *out_len = len;
    return r;
}
