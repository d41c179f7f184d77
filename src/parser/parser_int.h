/* parser_int.h — private to src/parser: the lexicon layout, fine-grained
 * (Penn Treebank) tags and the per-thread parser state shared by the
 * tokenizer, tagger and chunker. */
#ifndef PL_PARSER_INT_H
#define PL_PARSER_INT_H

#include "intern.h"
#include "parser/parser.h"

/* Penn Treebank tags in the order of the Festival trigram model's vocabulary
 * (the model's own "1"/"2" boundary symbols are unused). */
typedef enum pl_tag {
    T_NN, T_PUNC, T_NNP, T_DT, T_IN, T_JJ, T_NNS, T_CD, T_RB, T_VBD, T_VB, T_PRP, T_CC,
    T_OF, T_TO, T_VBZ, T_VBN, T_VBG, T_VBP, T_MD, T_POS, T_WDT, T_JJR, T_WP, T_NNPS,
    T_WRB, T_JJS, T_RBR, T_RP, T_EX, T_RBS, T_PDT, T_FW, T_UH, T_SYM, T_LS,
    PL_NTAGS
} pl_tag;

extern const char *const pl_tag_names[PL_NTAGS];

/* Closed-class and other word properties (lx_word.flags). */
enum {
    W_BE = 1 << 0,        /* form of BE */
    W_HAVE = 1 << 1,      /* form of HAVE */
    W_DO = 1 << 2,        /* DO, DOES, DID */
    W_GET = 1 << 3,       /* form of GET (get-passive) */
    W_MODAL = 1 << 4,     /* can, could, may, might, should, would, must */
    W_FUTURE = 1 << 5,    /* will, shall, 'll */
    W_NEG = 1 << 6,       /* not, n't, never */
    W_SCONJ = 1 << 7,     /* may open a subordinate clause */
    W_REL = 1 << 8,       /* relative pronoun: who, whom, which, whose, that */
    W_POSS = 1 << 9,      /* possessive pronoun: his, their ... */
    W_FUNC = 1 << 10,     /* function word: a capital letter does not make it a name */
    W_SPEECH = 1 << 11,   /* lemma of a reporting verb: say, tell, add ... */
    W_TITLE = 1 << 12,    /* abbreviation kept with its dot: MR. GEN. ... */
    W_PRONOUN = 1 << 13,  /* personal pronoun */
    W_DET = 1 << 14,      /* determiner / quantifier */
    W_CLAUSE_PREP = 1 << 15, /* after, before, since, until, as: PREP or SCONJ */
    W_NOLEMMA = 1 << 16   /* plural-looking noun that is its own lemma (NEWS) */
};

/* WordNet parts of speech (lx_word.wn). */
enum { WN_N = 1, WN_V = 2, WN_A = 4, WN_R = 8 };

typedef struct lx_tagp {
    uint8_t tag;
    float logp;           /* ln P(word | tag) */
} lx_tagp;

typedef struct lx_word {
    uint32_t verb_exc, noun_exc, adj_exc;   /* lemma ids, PL_NO_ID none */
    uint32_t tagoff;                        /* into pl_lexicon.tags */
    uint8_t ntags;                          /* 0: unknown to the tag lexicon */
    uint8_t wn;                             /* WN_* */
    uint32_t flags;                         /* W_* */
} lx_word;

struct pl_lexicon {
    pl_intern words;      /* upper-case words and lemmas */
    lx_word *info;        /* by word id */
    size_t ninfo;
    lx_tagp *tags;
    size_t ntagp, tagcap;
    float trans[PL_NTAGS][PL_NTAGS][PL_NTAGS];  /* ln P(t3 | t1 t2) */
    size_t bytes;         /* approximate heap size, for reports */
};

/* Lookup helpers (lexicon.c). */
uint32_t pl_lex_find(const pl_lexicon *lx, const char *w, size_t n);
static inline const lx_word *pl_lex_info(const pl_lexicon *lx, uint32_t id)
{
    return id == PL_NO_ID ? NULL : &lx->info[id];
}
/* Approximate bytes used by the lexicon (tables + strings). */
size_t pl_lexicon_bytes(const pl_lexicon *lx);

/* Per-token working data beside the public pl_token. */
typedef struct pl_tokx {
    uint32_t word;        /* lexicon id of norm, PL_NO_ID unknown */
    uint32_t norm_off, lemma_off;   /* into pl_parser.str until pointers are fixed */
    uint16_t kind;        /* TK_* */
    uint8_t tag;          /* chosen pl_tag */
    uint8_t ncand;
    uint8_t cand[8];      /* candidate tags */
    float emit[8];        /* ln P(word | cand) */
} pl_tokx;

enum { TK_WORD = 1, TK_NUM, TK_PUNCT, TK_QUOTE, TK_DASH, TK_POSS, TK_NT, TK_CLITIC, TK_ABBR, TK_SYM };

#define PL_MAX_TOKENS PL_PARSE_MAX_TOKENS

struct pl_parser {
    const pl_lexicon *lx;
    pl_token *toks;
    pl_tokx *tx;
    size_t ntoks, tokcap;
    char *str;            /* norm and lemma strings */
    size_t strlen, strcap;
    pl_chunk *chunks;
    size_t nchunks, chunkcap;
    pl_clause *clauses;
    size_t nclauses, clausecap;
    /* Viterbi lattice: per token 64 (prev cand, cand) states */
    float *score;
    uint16_t *back;
    size_t latcap;
    int upper_text;
    int truncated;       /* sentence is mostly upper case: ignore capitals */
    pl_parse parse;
};

void pl_tokenize(pl_parser *p, const char *text, size_t len);
void pl_tag_sentence(pl_parser *p);
void pl_lemmas(pl_parser *p);   /* after the chunker's retagging */
void pl_chunk_sentence(pl_parser *p);

/* Appends s[0..n) + NUL to p->str; returns its offset. */
uint32_t pl_parser_str(pl_parser *p, const char *s, size_t n);

#endif
