/* parser.h — Parley's own shallow parser: tokenizer, lemmatizer, part-of-
 * speech tagger and chunker (noun phrases, verb groups, prepositional
 * phrases, clauses).  No external parser is used.
 *
 * Lifetimes and threads:
 *  - The lexicon (word lists, lemma exceptions, tag statistics) is built once
 *    per process from the bundled data (pl_lexicon_get, thread-safe) and is
 *    immutable afterwards.
 *  - A pl_parser is per-thread scratch space: the pl_parse it returns, and
 *    every string in it, stays valid until the next pl_parse_sentence() call
 *    on the same parser.  Parsing allocates nothing per token in the steady
 *    state (buffers are reused).
 *
 * Token text is normalised the way dictionaries spell words: upper case,
 * ASCII letters, curly quotes/apostrophes/dashes folded, "U.S." kept whole,
 * possessive "'s" split off as its own token ("OBAMA" "'S"). */
#ifndef PL_PARSER_H
#define PL_PARSER_H

#include <stddef.h>
#include <stdint.h>

typedef enum pl_pos {
    PL_POS_OTHER = 0,
    PL_POS_NOUN,      /* common noun */
    PL_POS_PROPN,     /* proper noun (capitalised, not sentence-initial function word) */
    PL_POS_PRON,      /* he, they, it, who ... */
    PL_POS_VERB,      /* lexical verb */
    PL_POS_AUX,       /* be, have, do, modals (will, would, can, may ...) */
    PL_POS_ADJ,
    PL_POS_ADV,
    PL_POS_DET,       /* the, a, this, both, all ... */
    PL_POS_PREP,      /* in, on, with, against ... */
    PL_POS_CONJ,      /* and, or, but */
    PL_POS_SCONJ,     /* that, while, because, after (as clause opener) ... */
    PL_POS_NUM,
    PL_POS_PART,      /* "to" before a verb, "not", "n't", possessive "'s" */
    PL_POS_PUNCT
} pl_pos;

/* Verb forms, for verb tokens. */
typedef enum pl_vform {
    PL_VF_NONE = 0, PL_VF_BASE, PL_VF_PRES3, PL_VF_PAST, PL_VF_PART /* -en */, PL_VF_GERUND
} pl_vform;

enum {
    PL_TOK_CAP = 1 << 0,        /* first letter upper case in the text */
    PL_TOK_QUOTE = 1 << 1,      /* inside quotation marks */
    PL_TOK_SENT_START = 1 << 2  /* first word of the sentence */
};

typedef struct pl_token {
    uint32_t start, end;        /* byte span in the sentence text */
    const char *norm;           /* normalised upper-case form, NUL-terminated */
    const char *lemma;          /* upper-case lemma: base verb, singular noun */
    uint16_t norm_len, lemma_len;
    uint8_t pos;                /* pl_pos */
    uint8_t vform;              /* pl_vform */
    uint8_t flags;              /* PL_TOK_* */
    int16_t chunk;              /* index into pl_parse.chunks, -1 none */
    uint8_t tag;                /* fine-grained Penn Treebank tag: pl_tag_name(tag) */
} pl_token;

typedef enum pl_chunk_type { PL_CH_NP = 1, PL_CH_VP, PL_CH_PP, PL_CH_OTHER } pl_chunk_type;

enum {
    PL_VP_NEGATED = 1 << 0,     /* not, n't, never, no longer */
    PL_VP_PASSIVE = 1 << 1,     /* be/get + participle */
    PL_VP_MODAL = 1 << 2,       /* can, could, may, might, should, would, must */
    PL_VP_FUTURE = 1 << 3,      /* will, shall, is going to */
    PL_VP_INFINITIVE = 1 << 4,  /* to + base verb */
    PL_VP_PERFECT = 1 << 5,     /* have + participle */
    PL_VP_GERUND = 1 << 6,
    PL_VP_YET = 1 << 7          /* "not yet" */
};

typedef struct pl_chunk {
    uint16_t first, last;       /* token indices, inclusive */
    uint16_t head;              /* head token (noun of an NP, main verb of a VP) */
    uint8_t type;               /* pl_chunk_type */
    uint8_t pad;
    uint16_t flags;             /* PL_VP_* for verb groups */
    int16_t clause;             /* index into pl_parse.clauses */
} pl_chunk;

typedef struct pl_clause {
    uint16_t first, last;       /* token indices, inclusive */
    int16_t parent;             /* enclosing clause, -1 for the main clause */
    int16_t verb;               /* chunk index of its main verb group, -1 none */
    uint8_t quoted;             /* reported speech inside quotes */
} pl_clause;

typedef struct pl_parse {
    const char *text;           /* the sentence as given */
    size_t len;
    const pl_token *toks;
    size_t ntoks;
    const pl_chunk *chunks;
    size_t nchunks;
    const pl_clause *clauses;
    size_t nclauses;
    int truncated;              /* 1 when the sentence had more than PL_PARSE_MAX_TOKENS tokens
                                   (the rest was dropped) */
} pl_parse;

#define PL_PARSE_MAX_TOKENS 32000

typedef struct pl_lexicon pl_lexicon;
typedef struct pl_parser pl_parser;

/* The process-wide lexicon, built on first use from bundled data. */
const pl_lexicon *pl_lexicon_get(void);

/* Lemma of an upper-case word for a part of speech (PL_POS_VERB or
 * PL_POS_NOUN; other values try verb then noun).  Returns a pointer to a
 * static or lexicon-owned string (not NUL-terminated when it points into
 * word: use *out_len). */
const char *pl_lemmatize(const pl_lexicon *lx, const char *word, size_t n, pl_pos pos,
                         size_t *out_len);

pl_parser *pl_parser_new(void);
void pl_parser_free(pl_parser *p);

/* Tokenises, tags and chunks one sentence.  Never fails (empty text gives an
 * empty parse); input need not be valid UTF-8. */
const pl_parse *pl_parse_sentence(pl_parser *p, const char *text, size_t len);

/* Debug dump: one line per token "norm/lemma/POS" with chunk brackets. */
void pl_parse_dump(const pl_parse *ps, void *file /* FILE* */);

/* ---- additions (parser engineer) ---------------------------------------
 * Token spans: start inclusive, end exclusive.  Token limits: a sentence is
 * cut after PL_PARSE_MAX_TOKENS tokens (pl_parse.truncated).  Chunk
 * conventions: a PP chunk is the preposition alone (two tokens for "according
 * to", "out of", "because of" ...), its object is the NP chunk that follows;
 * punctuation, conjunctions, SCONJ, relative pronouns and stray adverbs belong
 * to no chunk (chunk -1).  Clause 0 spans the whole sentence (there is none
 * when there are no tokens).  Lemmas and norms are NUL-terminated. */

/* Names for debugging and tests: "NOUN", "NP", "nn", "NEGATED|YET". */
const char *pl_pos_name(int pos);
const char *pl_chunk_name(int type);
const char *pl_tag_name(int tag);
void pl_vp_flags_str(unsigned flags, char *buf, size_t n);

/* Appends the one-line bracketing used by the case files:
 * "NP[RUSSIA] AND NP[THE UNITED STATES] VP[HAVE NOT YET AGREED](NEGATED|PERFECT|YET) ..." */
struct pl_buf;
void pl_parse_bracket(const pl_parse *ps, struct pl_buf *out);

/* Appends the clause list used by the case files, one item per clause:
 * "FIRST-LAST/PARENT[q]:VERB" (q when quoted, VERB the head of its verb
 * group or "-"), e.g. "0-37/-1:SAID 0-17/0:AGREED". */
void pl_parse_clauses_str(const pl_parse *ps, struct pl_buf *out);

/* Approximate heap bytes of the lexicon (for reports). */
size_t pl_lexicon_size(const pl_lexicon *lx);

#endif
