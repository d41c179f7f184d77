/* dict.h — the compiled dictionary (private to libparley).
 *
 * Every dictionary format (PETRARCH-2/Phoenix, TABARI, Parley's own, which is
 * PETRARCH-2 syntax) is read into the same immutable structure:
 *  - words are interned once (pl_intern); phrases are arrays of word ids;
 *  - actor and agent names are indexed by their first word id, longest
 *    phrase first, so that recognition is one hash probe per token;
 *  - verbs map a form (one or more words, one of them the verb) to a verb
 *    block holding the default code and the patterns;
 *  - patterns are flat arrays of elements (words, synonym sets, actor slots)
 *    matched outward from the verb.
 * After pl_dict_finish() nothing changes: coders in any number of threads read
 * it concurrently.  All memory belongs to the dictionary's arena. */
#ifndef PL_DICT_H
#define PL_DICT_H

#include "parley.h"
#include "arena.h"
#include "intern.h"

#include <stdint.h>

#define PL_NOCODE UINT32_MAX

/* Where an entry came from (for evidence and warnings). */
typedef struct pl_src {
    uint16_t file;              /* index into pl_dict.files */
    uint32_t line;
} pl_src;

/* A dated code of an actor: valid when from <= date <= to (yyyymmdd;
 * 0 = open end).  A code with both ends open is the default. */
typedef struct pl_actor_code {
    uint32_t code;              /* string id in codes */
    int32_t from, to;
} pl_actor_code;

typedef struct pl_actor {
    uint32_t first_code, ncodes; /* into pl_dict.actor_codes */
    uint32_t name;               /* word-string id of the primary name (for evidence) */
    pl_src src;
} pl_actor;

typedef struct pl_agent {
    uint32_t code;               /* code string id, without the '~' */
    uint8_t prefix;              /* [NGO~]: goes before the actor code */
    pl_src src;
} pl_agent;

enum {
    PL_NAME_STEM = 1,            /* TABARI: last word matches as a prefix */
    PL_NAME_OPEN = 2             /* words joined by blanks: an adjective may come between */
};

/* One spelling of an actor, agent or discard phrase. */
typedef struct pl_name {
    uint32_t words;              /* offset into pl_dict.wordv */
    uint16_t nwords;
    uint8_t flags;
    uint8_t pad;
    uint32_t target;             /* actor / agent / discard index */
} pl_name;

/* Name index: first word id -> names[first .. first+count), longest first. */
typedef struct pl_name_index {
    pl_name *names;
    size_t n, cap;
    uint32_t *slot_word;         /* open addressing on the first word id */
    uint32_t *slot_first, *slot_count;
    size_t nslots;
    size_t nopen;                /* names with PL_NAME_OPEN */
    /* single-word stems (TABARI), scanned by prefix */
    pl_name *stems;
    size_t nstems, capstems;
} pl_name_index;

/* A code pair of a verb or pattern: [a], [a:b], [:b], [---] (a = NOCODE,
 * null = 1). */
typedef struct pl_vcode {
    uint32_t a, b;
    uint8_t null;                /* [---]: explicitly no event */
    uint8_t set;                 /* a code was given */
} pl_vcode;

typedef enum pl_pkind {
    PL_PE_WORD = 1,              /* arg = word id */
    PL_PE_SYN,                   /* arg = synset index */
    PL_PE_SRC,                   /* $ */
    PL_PE_TGT,                   /* + */
    PL_PE_CMP,                   /* % compound actor */
    PL_PE_SKIP                   /* ^ skip an actor */
} pl_pkind;

typedef struct pl_pelem {
    uint8_t kind;
    uint8_t adjacent;            /* must touch the previous element (toward the verb) */
    uint8_t stem;                /* TABARI open word: prefix match */
    uint8_t pad;
    uint32_t arg;
} pl_pelem;

typedef struct pl_pattern {
    uint32_t elems;              /* offset into pl_dict.pelems: pre (reversed, nearest
                                  * the verb first) then post */
    uint16_t npre, npost;
    uint16_t nlit;               /* literal words (for ordering and quick reject) */
    uint16_t pad;
    pl_vcode code;
    uint32_t text;               /* the pattern as written (string id in strs) */
    pl_src src;
} pl_pattern;

typedef struct pl_verb_block {
    uint32_t name;               /* string id of the block name */
    pl_vcode code;               /* default code */
    uint32_t first_pat, npat;    /* into pl_dict.patterns (sorted: most specific first) */
    pl_src src;
} pl_verb_block;

/* A verb form: words[verb_at] is the verb; the others must surround it. */
typedef struct pl_verb_form {
    uint32_t words;              /* offset into wordv */
    uint16_t nwords, verb_at;
    uint32_t block;
    pl_vcode code;               /* the form's own code (set = 0: block default) */
    pl_src src;
} pl_verb_form;

/* A synonym set: its members are word sequences (nested sets expanded). */
typedef struct pl_synset {
    uint32_t name;               /* string id ("&CURRENCY") */
    uint32_t first, n;           /* into synmem */
} pl_synset;

typedef struct pl_synmem {
    uint32_t words;
    uint16_t nwords;
    uint8_t stem_last;
    uint8_t pad;
} pl_synmem;

typedef struct pl_issue {
    uint32_t code;               /* string id */
    pl_src src;
} pl_issue;

typedef struct pl_discard {
    uint8_t story;               /* '+': the whole story is discarded */
    pl_src src;
} pl_discard;

typedef struct pl_time_shift {
    int days;                    /* TABARI <TIME>: date shift in days */
    uint8_t discard;             /* [###] */
} pl_time_shift;

/* TABARI .options: noun/adjective lists, code labels, settings. */
typedef struct pl_options {
    uint8_t code_all;            /* SET: CODE ALL */
    int complex_verbs;           /* COMPLEX: VERBS[n]: more than n verbs = too complex (0 = off) */
    int complex_conj;            /* COMPLEX: CONJ[n]: n or more conjunctions */
} pl_options;

struct parley_dict {
    pl_arena arena;
    pl_intern words;             /* upper-case words */
    pl_intern strs;              /* codes, names, pattern texts, file names */
    uint32_t *wordv;             /* all phrase word ids */
    size_t nwordv, capwordv;
    uint8_t *wordgap;            /* parallel to wordv: the word followed a blank, not '_'
                                  * (TABARI/PETRARCH "open" join); entries past
                                  * nwordgap are 0 */
    size_t nwordgap, capwordgap;

    const char **files;          /* file names (string pointers into strs) */
    size_t nfiles, capfiles;
    int format_tabari;           /* at least one TABARI file was read */
    int cur_tabari;              /* the file being read is in TABARI syntax */
    int bundled;                 /* Parley's own dictionaries (parley_dict_load_default):
                                  * the coder adds its news conventions (docs/coder.md) */

    pl_actor *actors;
    size_t nactors, capactors;
    pl_actor_code *actor_codes;
    size_t nactor_codes, capactor_codes;
    pl_name_index actor_names;

    pl_agent *agents;
    size_t nagents, capagents;
    pl_name_index agent_names;

    pl_verb_block *blocks;
    size_t nblocks, capblocks;
    pl_verb_form *vforms;
    size_t nvforms, capvforms;
    pl_name_index verb_names;    /* target = vform index */
    pl_pattern *patterns;
    size_t npatterns, cappatterns;
    uint32_t *pat_block;         /* block of each pattern while loading */
    size_t cappat_block;
    size_t ntransforms;          /* PETRARCH-2 transformations read (not applied) */
    pl_pelem *pelems;
    size_t npelems, cappelems;
    pl_synset *synsets;
    size_t nsynsets, capsynsets;
    pl_synmem *synmem;
    size_t nsynmem, capsynmem;

    pl_discard *discards;
    size_t ndiscards, capdiscards;
    pl_name_index discard_names;

    pl_issue *issues;
    size_t nissues, capissues;
    pl_name_index issue_names;

    pl_time_shift *times;
    size_t ntimes, captimes;
    pl_name_index time_names;

    /* TABARI lists */
    uint8_t *word_is_noun;       /* by word id, after finish (NULL when none) */
    uint8_t *word_is_adj;
    uint32_t *noun_words, *adj_words;
    size_t nnoun, capnoun, nadj, capadj;
    const char **labels;         /* code label pairs: code, label */
    size_t nlabels, caplabels;
    pl_options opts;

    /* statistics for `parley dict` */
    size_t nwarnings;
    size_t nlines;
    double load_seconds;

    /* diagnostics while loading */
    parley_diag_fn diag;
    void *diag_ctx;
};

/* --- building (dict.c) --------------------------------------------------- */

parley_dict *pl_dict_new(parley_diag_fn diag, void *ctx);
/* Registers a file name; returns its index. */
uint16_t pl_dict_add_file(parley_dict *d, const char *name);
void pl_dict_warn(parley_dict *d, uint16_t file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Interns an upper-cased word. */
uint32_t pl_dict_word(parley_dict *d, const char *s, size_t n);
uint32_t pl_dict_str(parley_dict *d, const char *s, size_t n);
/* Splits a phrase ("MINAS_TIRITH", "DID N'T", "U.S.") into words, appending
 * them to wordv; returns the offset and sets *n.  *trailing_us is set when the
 * phrase ended in '_' (TABARI: no stem match). */
uint32_t pl_dict_phrase(parley_dict *d, const char *s, size_t len, uint16_t *n, int *trailing_us);
void pl_names_add(parley_dict *d, pl_name_index *ix, uint32_t words, uint16_t n, uint8_t flags,
                  uint32_t target);
/* Sorts and indexes everything; after this the dictionary is read-only. */
void pl_dict_finish(parley_dict *d);

/* Parses a date "yymmdd" or "yyyymmdd"; returns yyyymmdd or -1. */
int32_t pl_dict_parse_date(const char *s, size_t n);

/* --- readers ---------------------------------------------------------------
 * Each reads one file's text (any line ends, Latin-1 or UTF-8) into d. */
void pl_read_petr_verbs(parley_dict *d, uint16_t file, const char *text, size_t len);
void pl_read_actors(parley_dict *d, uint16_t file, const char *text, size_t len);
void pl_read_agents(parley_dict *d, uint16_t file, const char *text, size_t len);
void pl_read_discards(parley_dict *d, uint16_t file, const char *text, size_t len);
void pl_read_issues(parley_dict *d, uint16_t file, const char *text, size_t len);
void pl_read_tabari_verbs(parley_dict *d, uint16_t file, const char *text, size_t len);
void pl_read_tabari_options(parley_dict *d, uint16_t file, const char *text, size_t len);

/* --- lookups (read-only, thread-safe) ----------------------------------- */

/* Range of names starting with word w (longest first). */
static inline const pl_name *pl_names_lookup(const pl_name_index *ix, uint32_t w, size_t *count)
{
    *count = 0;
    if (!ix->nslots || w == PL_NO_ID) return NULL;
    size_t mask = ix->nslots - 1;
    for (size_t i = (w * 2654435761u) & mask;; i = (i + 1) & mask) {
        if (ix->slot_word[i] == PL_NO_ID) return NULL;
        if (ix->slot_word[i] == w) {
            *count = ix->slot_count[i];
            return ix->names + ix->slot_first[i];
        }
    }
}

/* The code of actor a valid on date (yyyymmdd, 0 = unknown): the narrowest
 * dated interval containing the date, else the undated default.  Returns
 * PL_NOCODE when none applies. */
uint32_t pl_actor_code_on(const parley_dict *d, const pl_actor *a, int32_t date);

static inline const char *pl_dict_s(const parley_dict *d, uint32_t id)
{
    return id == PL_NOCODE ? "" : pl_intern_str(&d->strs, id);
}
static inline const char *pl_dict_w(const parley_dict *d, uint32_t id)
{
    return pl_intern_str(&d->words, id);
}

#endif
