/* coder.c — the event coder: sentences in, CAMEO events out.
 *
 * TABARI-style shallow coding over Parley's own parse (see docs/coder.md):
 *  1. tokens are looked up in the dictionary's word table (one probe each);
 *  2. discards, comma-delimited clauses, actor and agent phrases (longest
 *     match) are found;
 *  3. tokens are grouped into noun phrases ("units"); agents combine with the
 *     actor of their unit, or with the actor after "of/in/from"; units joined
 *     by "and"/commas form compounds ("groups");
 *  4. verbs are found by their forms; each verb's patterns are tried, most
 *     specific first, outward from the verb, binding $ source and + target;
 *     the defaults are the subject group before the verb and the first group
 *     after it; "was VERBed by X" swaps them;
 *  5. negated verbs are dropped (or delivered with mode "negated"), paired
 *     codes give two events, compounds give one event per member.
 * A coder is per-thread scratch space; nothing is allocated per token once
 * its buffers have grown to the longest sentence seen. */
#include "coder/coder.h"
#include "coder/story.h"
#include "cameo/mirror.h"
#include "arena.h"
#include "json.h"
#include "util.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TOK 512
#define MAX_CODES 16

enum {
    CL_NONE = 0, CL_DET, CL_PREP, CL_CONJ, CL_PUNCT, CL_COMMA, CL_PRON, CL_POSSPRON, CL_AUX,
    CL_NEG, CL_SCONJ, CL_REL, CL_ADV, CL_PART, CL_POSS, CL_VERB
};

typedef struct ctok {
    uint32_t w, lw;              /* dictionary word ids of norm and lemma */
    uint32_t start, end;         /* bytes in the sentence */
    const char *norm;
    uint8_t pos, vform, flags, cls;
    uint32_t wf;                 /* F_* closed-class flags */
    int16_t ment;                /* mention covering the token, -1 */
    int16_t unit;                /* unit covering the token, -1 */
    int16_t group;               /* group covering the token, -1 */
    int16_t verb;                /* index in verbs when a verb form starts here, -1 */
    uint8_t isverb;              /* inside an accepted verb form */
} ctok;

typedef struct mention {
    uint16_t first, last;
    uint8_t agent;
    uint32_t idx;                /* actor or agent index */
    uint32_t code;               /* actor: code on the date; agent: code */
} mention;

typedef struct unit {
    uint16_t first, last;
    int16_t actor;               /* mention index of its actor, -1 */
    uint8_t nagents, pron, posspron;
    int16_t agents[8];           /* mention indices */
} unit;

typedef struct group {
    uint16_t first, last;
    uint16_t ncodes;
    uint8_t pron, compound, newactor;
    uint16_t sub1;               /* 1 + index of the shadow group of its "of ACTOR" part */
    const char *codes[MAX_CODES];
    const char *evid;            /* dictionary entries that made the codes */
} group;

typedef struct cverb {
    uint16_t first, last;        /* the form's tokens */
    uint16_t at;                 /* the verb token */
    uint32_t form;
} cverb;

/* A complement's governing frame (find_frame). */
typedef struct cframe {
    int family;                  /* PL_MIRROR_*; -1: only a mode ("plans to"); 0: none */
    int gov;                     /* governing verb, -1 */
    int addressee;               /* group: "urged Russia to ...", -1 */
    const char *mode;            /* the complement's own mode */
} cframe;

typedef struct pending {
    const char *src, *tgt, *code;
    int sgi, tgi, verb;
    const char *mode, *evid;
    uint8_t weak, dominant;
} pending;

typedef struct binding {
    int src, tgt, cmp;           /* group indices, -1 */
    int cmp_post;                /* % matched after the verb */
    int pre_lo;                  /* lowest token matched by the pre part, or at */
    int post_hi;
    int budget;                  /* element tries left: bounds backtracking */
    int sub_at;                  /* token where a shadow group may bind, -1 */
} binding;

struct parley_coder {
    const parley_dict *d;
    parley_code_options opt;
    pl_parser *parser;
    pl_arena arena;              /* per sentence */
    ctok *t;
    size_t nt, capt;
    mention *m;
    size_t nm, capm;
    unit *u;
    size_t nu, capu;
    group *g;
    size_t ng, capg;
    cverb *v;
    size_t nv, capv;
    uint8_t *v_skipped;          /* verb had no subject of its own (infinitive ...) */
    size_t capvs;
    uint8_t *v_coded;            /* verb gave an event */
    size_t capvc;
    pending *pend;               /* events of the sentence not yet delivered */
    size_t npend, cappend;
    int strong, complex, dominant;
    int debug;                   /* PARLEY_CODER_DEBUG is set */
    const char *issues;          /* issue codes of the sentence, ";"-joined */
    int16_t *gstart, *gend;      /* group starting / ending at token */
    size_t capge;
    uint32_t wset[512];          /* word ids present in the sentence (hash set) */
    uint32_t wgen;               /* sentence generation of wset */
    uint32_t *syn_gen;           /* per synset: wgen when syn_seen was computed */
    uint8_t *syn_seen;           /* per synset: may a member occur in the sentence? */
    const char *discarded;
    int32_t date;
    /* story memory for pronouns */
    const char *last_codes[MAX_CODES];
    uint16_t nlast;
    char last_buf[MAX_CODES][48];
    /* story duplicates */
    uint64_t *seen;
    size_t nseen, capseen;
    int comma[6];
    int open_cut;                /* the opening comma clause was eliminated */
    int frame_form;              /* verb form of the intent frame block, -1 (bundled only) */
    /* the sentence being coded */
    const char *text;
    size_t len;
    const char *doc;
    int sent;
    char datebuf[11];
    parley_event_fn fn;
    void *ctx;
    int stop;
    size_t nevents;
    pl_story *story;             /* story.c: article mode only */
    int story_on;
};

/* --- small word classes -------------------------------------------------------- */

static const char *const DETS[] = {"THE", "A", "AN", "THIS", "THESE", "THOSE", "SOME", "ANY",
                                   "EACH", "EVERY", "BOTH", "ALL", "NO", "NEITHER", "EITHER",
                                   "ANOTHER", "SEVERAL", "MANY", "FEW", NULL};
static const char *const POSSPRONS[] = {"ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR", NULL};
static const char *const PRONS[] = {"HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "HIM", "THEM",
                                    "US", "ME", "ONE", NULL};
static const char *const SUBJ_PRONS[] = {"HE", "SHE", "IT", "THEY", "WE", NULL};
static const char *const PREPS[] = {"OF", "IN", "ON", "AT", "BY", "WITH", "FROM", "TO", "FOR",
                                    "AGAINST", "BETWEEN", "INTO", "OVER", "UNDER", "ABOUT",
                                    "DURING", "NEAR", "TOWARD", "TOWARDS", "ACROSS", "AMONG",
                                    "THROUGH", "WITHOUT", "WITHIN", "ALONG", "UPON", "DESPITE",
                                    "AFTER", "BEFORE", "SINCE", "UNTIL", "AS", "LIKE", "VIA",
                                    "OUTSIDE", "INSIDE", "BEYOND", "BEHIND", NULL};
static const char *const CONJS[] = {"AND", "OR", "NOR", "BUT", NULL};
static const char *const SCONJS[] = {"THAT", "WHICH", "WHO", "WHOM", "WHOSE", "WHEN", "WHILE",
                                     "BECAUSE", "ALTHOUGH", "THOUGH", "IF", "WHERE", "WHETHER",
                                     "UNLESS", NULL};
static const char *const AUXS[] = {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM",
                                   "HAS", "HAVE", "HAD", "HAVING", "DO", "DOES", "DID", "WILL",
                                   "WOULD", "SHALL", "SHOULD", "CAN", "COULD", "MAY", "MIGHT",
                                   "MUST", "'S", NULL};
static const char *const BES[] = {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM", "GET",
                                  "GOT", "GETS", NULL};
static const char *const NEGS[] = {"NOT", "N'T", "NEVER", NULL};
static const char *const MODALS[] = {"WOULD", "COULD", "MAY", "MIGHT", "SHOULD", "MUST", "CAN",
                                     NULL};
static const char *const FUTURES[] = {"WILL", "SHALL", NULL};

/* Closed-class words: one hash probe per token gives all their classes. */
enum {
    F_NEG = 1 << 0, F_POSSPRON = 1 << 1, F_DET = 1 << 2, F_PRON = 1 << 3, F_CONJ = 1 << 4,
    F_SCONJ = 1 << 5, F_AUX = 1 << 6, F_PREP = 1 << 7, F_SUBPREP = 1 << 8, F_SUBJPRON = 1 << 9,
    F_FUTURE = 1 << 10, F_MODAL = 1 << 11, F_BE = 1 << 12, F_POSS = 1 << 13, F_TO = 1 << 14,
    F_WITHOUT = 1 << 15
};

static pl_intern cw_table;
static uint32_t *cw_flags;
static pthread_once_t cw_once = PTHREAD_ONCE_INIT;

static const char *const SUBPREPS[] = {"AFTER", "BEFORE", "SINCE", "UNTIL", "WHEN", "WHILE",
                                       "BECAUSE", "WHERE", "ALTHOUGH", "THOUGH", "UNLESS", NULL};

static void cw_build(void)
{
    static const struct {
        const char *const *list;
        uint32_t flag;
    } lists[] = {{NEGS, F_NEG},       {POSSPRONS, F_POSSPRON}, {DETS, F_DET},
                 {PRONS, F_PRON},     {CONJS, F_CONJ},         {SCONJS, F_SCONJ},
                 {AUXS, F_AUX},       {PREPS, F_PREP},         {SUBPREPS, F_SUBPREP},
                 {SUBJ_PRONS, F_SUBJPRON}, {FUTURES, F_FUTURE}, {MODALS, F_MODAL},
                 {BES, F_BE}};
    pl_intern_init(&cw_table);
    size_t cap = 0;
    for (size_t l = 0; l < PL_COUNT(lists); l++)
        for (const char *const *w = lists[l].list; *w; w++) {
            uint32_t id = pl_intern_add(&cw_table, *w, strlen(*w));
            if (id >= cap) {
                size_t old = cap;
                cw_flags = pl_grow(cw_flags, &cap, id + 1, sizeof *cw_flags);
                memset(cw_flags + old, 0, (cap - old) * sizeof *cw_flags);
            }
            cw_flags[id] |= lists[l].flag;
        }
    uint32_t id = pl_intern_add(&cw_table, "'S", 2);
    cw_flags = pl_grow(cw_flags, &cap, id + 1, sizeof *cw_flags);
    cw_flags[id] = F_POSS;
    id = pl_intern_add(&cw_table, "TO", 2);
    cw_flags = pl_grow(cw_flags, &cap, id + 1, sizeof *cw_flags);
    cw_flags[id] |= F_TO;
    id = pl_intern_add(&cw_table, "WITHOUT", 7);
    cw_flags = pl_grow(cw_flags, &cap, id + 1, sizeof *cw_flags);
    cw_flags[id] |= F_WITHOUT;
}

static uint32_t word_flags(const char *s, size_t n)
{
    uint32_t id = pl_intern_find(&cw_table, s, n);
    return id == PL_NO_ID ? 0 : cw_flags[id];
}

static uint8_t classify(const pl_token *tk, uint32_t f)
{
    const char *s = tk->norm;
    if (tk->pos == PL_POS_PUNCT) return (s[0] == ',' && !s[1]) ? CL_COMMA : CL_PUNCT;
    if (f & F_NEG) return CL_NEG;
    if (f & F_POSS) return CL_POSS;
    if (s[0] == '\'' && !s[1] && tk->pos == PL_POS_PART) return CL_POSS; /* "the rebels' leader" */
    if (f & F_POSSPRON) return CL_POSSPRON;
    if (f & F_DET) return CL_DET;
    if (f & F_PRON) return CL_PRON;
    if (f & F_CONJ) return CL_CONJ;
    if (f & F_TO) return CL_PART;
    if (f & F_SCONJ) return CL_REL;
    if (f & F_AUX) return CL_AUX;
    if (f & F_PREP) return CL_PREP;
    switch (tk->pos) {
    case PL_POS_PREP: return CL_PREP;
    case PL_POS_CONJ: return CL_CONJ;
    case PL_POS_SCONJ: return CL_SCONJ;
    case PL_POS_ADV: return CL_ADV;
    case PL_POS_AUX: return CL_AUX;
    case PL_POS_PART: return CL_PART;
    case PL_POS_DET: return CL_DET;
    case PL_POS_PRON: return CL_PRON;
    default: return CL_NONE;
    }
}

/* --- options ------------------------------------------------------------------- */

static int parse_bool(const char *v, int *out)
{
    if (pl_strcaseeq(v, "true") || !strcmp(v, "1") || pl_strcaseeq(v, "yes")) return *out = 1, 0;
    if (pl_strcaseeq(v, "false") || !strcmp(v, "0") || pl_strcaseeq(v, "no")) return *out = 0, 0;
    return -1;
}

int parley_code_options_set(parley_code_options *o, const char *name, const char *value)
{
    if (!o || !name || !value) return -1;
    if (!strcmp(name, "require_dyad")) {
        int b;
        if (parse_bool(value, &b)) return -1;
        o->require_dyad = b ? 1 : -1;
        return 0;
    }
    char *end;
    long v = strtol(value, &end, 10);
    if (*value == 0 || *end) return -1;
    if (!strcmp(name, "new_actor_length")) return o->new_actor_length = (int)v, 0;
    static const char *const comma_names[6] = {"comma_min", "comma_max", "comma_bmin",
                                               "comma_bmax", "comma_emin", "comma_emax"};
    for (int i = 0; i < 6; i++)
        if (!strcmp(name, comma_names[i])) {
            if (!o->comma_set) {
                o->comma_set = 1;
                o->comma_min = 2, o->comma_max = 8, o->comma_bmin = 0, o->comma_bmax = 0;
                o->comma_emin = 2, o->comma_emax = 8;
            }
            int *f[6] = {&o->comma_min, &o->comma_max, &o->comma_bmin, &o->comma_bmax,
                         &o->comma_emin, &o->comma_emax};
            *f[i] = (int)v;
            return 0;
        }
    return -1;
}

/* --- coder lifetime -------------------------------------------------------------- */

parley_coder *parley_coder_new(const parley_dict *dict, const parley_code_options *opt)
{
    if (!dict) return NULL;
    parley_coder *c = pl_xcalloc(1, sizeof *c);
    c->d = dict;
    if (opt) c->opt = *opt;
    if (!c->opt.max_compound) c->opt.max_compound = 16;
    if (c->opt.comma_set) {
        int v[6] = {c->opt.comma_min, c->opt.comma_max, c->opt.comma_bmin, c->opt.comma_bmax,
                    c->opt.comma_emin, c->opt.comma_emax};
        memcpy(c->comma, v, sizeof v);
    } else {
        int v[6] = {2, 8, 0, 0, 2, 8};
        memcpy(c->comma, v, sizeof v);
    }
    pthread_once(&cw_once, cw_build);
    c->debug = getenv("PARLEY_CODER_DEBUG") != NULL;
    c->frame_form = -1;
    if (dict->bundled) {
        /* data/cameo/mirror.tsv names the block coding "said it would ..." */
        const char *fb = pl_cameo_frame_block(PL_MIRROR_INTENT);
        for (size_t k = 0; fb && k < dict->nvforms && c->frame_form < 0; k++)
            if (!strcmp(pl_dict_s(dict, dict->blocks[dict->vforms[k].block].name), fb))
                c->frame_form = (int)k;
    }
    c->syn_gen = pl_xcalloc(dict->nsynsets ? dict->nsynsets : 1, sizeof *c->syn_gen);
    c->syn_seen = pl_xcalloc(dict->nsynsets ? dict->nsynsets : 1, sizeof *c->syn_seen);
    c->parser = pl_parser_new();
    pl_arena_init(&c->arena, 64 * 1024);
    return c;
}

void parley_coder_free(parley_coder *c)
{
    if (!c) return;
    pl_parser_free(c->parser);
    pl_arena_free(&c->arena);
    free(c->t);
    free(c->m);
    free(c->u);
    free(c->g);
    free(c->v);
    free(c->v_skipped);
    free(c->v_coded);
    free(c->pend);
    free(c->gstart);
    free(c->gend);
    free(c->seen);
    free(c->syn_gen);
    free(c->syn_seen);
    pl_story_free(c->story);
    free(c);
}

const char *parley_coder_discarded(const parley_coder *c)
{
    return c ? c->discarded : NULL;
}

/* --- matching helpers --------------------------------------------------------------- */

static void wset_clear(parley_coder *c)
{
    memset(c->wset, 0xff, sizeof c->wset);
    if (++c->wgen == 0) { /* wrapped: forget every cached answer */
        if (c->syn_gen) memset(c->syn_gen, 0, c->d->nsynsets * sizeof *c->syn_gen);
        c->wgen = 1;
    }
}

static void wset_add(parley_coder *c, uint32_t w)
{
    if (w == PL_NO_ID) return;
    for (size_t i = (w * 2654435761u) & 511, k = 0; k < 512; i = (i + 1) & 511, k++) {
        if (c->wset[i] == w) return;
        if (c->wset[i] == PL_NO_ID) {
            c->wset[i] = w;
            return;
        }
    }
}

static int wset_has(const parley_coder *c, uint32_t w)
{
    for (size_t i = (w * 2654435761u) & 511, k = 0; k < 512; i = (i + 1) & 511, k++) {
        if (c->wset[i] == w) return 1;
        if (c->wset[i] == PL_NO_ID) return 0;
    }
    return 0;
}

/* Can synonym set si match in this sentence?  No when no member's first
 * word occurs in it (a member that is one open word, matched as a prefix,
 * always may).  Cached per sentence: the bundled verbs use synonym sets in
 * most patterns, and this is the quick reject that keeps them cheap. */
static int syn_may_match(parley_coder *c, uint32_t si)
{
    if (c->syn_gen[si] == c->wgen) return c->syn_seen[si];
    const parley_dict *d = c->d;
    const pl_synset *ss = &d->synsets[si];
    int may = 0;
    for (uint32_t m = 0; m < ss->n && !may; m++) {
        const pl_synmem *sm = &d->synmem[ss->first + m];
        may = (sm->nwords == 1 && sm->stem_last) || wset_has(c, d->wordv[sm->words]);
    }
    c->syn_gen[si] = c->wgen;
    c->syn_seen[si] = (uint8_t)may;
    return may;
}

/* Does dictionary word w (stem: as a prefix) match token i? */
static int word_matches(const parley_coder *c, size_t i, uint32_t w, int stem)
{
    const ctok *t = &c->t[i];
    if (t->w == w) return 1;
    if (stem) {
        const char *s = pl_dict_w(c->d, w);
        size_t n = strlen(s);
        return strncmp(t->norm, s, n) == 0;
    }
    return 0;
}

/* Matches name nm at token i; returns the number of tokens or 0. */
static size_t name_match(const parley_coder *c, size_t i, const pl_name *nm)
{
    if (i + nm->nwords > c->nt) return 0;
    for (uint16_t k = 0; k < nm->nwords; k++) {
        int stem = (nm->flags & PL_NAME_STEM) && k + 1 == nm->nwords;
        if (!word_matches(c, i + k, c->d->wordv[nm->words + k], stem)) return 0;
    }
    return nm->nwords;
}

/* An actor name whose words are joined by blanks may have one adjective
 * inside ("ITHILEN TELEVISION" matches "Ithilen state-run television").
 * Returns the number of tokens or 0. */
static size_t name_match_open(const parley_coder *c, size_t i, const pl_name *nm)
{
    const parley_dict *d = c->d;
    size_t p = i;
    int skipped = 0;
    for (uint16_t k = 0; k < nm->nwords; k++, p++) {
        int stem = (nm->flags & PL_NAME_STEM) && k + 1 == nm->nwords;
        uint32_t w = d->wordv[nm->words + k];
        if (p >= c->nt) return 0;
        if (word_matches(c, p, w, stem)) continue;
        size_t at = nm->words + k;
        if (k == 0 || skipped || at >= d->nwordgap || !d->wordgap[at]) return 0;
        if (c->t[p].pos != PL_POS_ADJ || p + 1 >= c->nt || !word_matches(c, p + 1, w, stem)) return 0;
        skipped = 1;
        p++;
    }
    return skipped ? p - i : 0;
}

/* Longest name of ix at token i: returns its length and sets *target. */
static size_t longest_name(const parley_coder *c, const pl_name_index *ix, size_t i,
                           uint32_t *target, const pl_name **which)
{
    size_t cnt;
    size_t best = 0;
    const pl_name *nm = pl_names_lookup(ix, c->t[i].w, &cnt);
    for (size_t k = 0; k < cnt; k++) {
        size_t n = name_match(c, i, &nm[k]);
        if (n > best) {
            best = n;
            *target = nm[k].target;
            if (which) *which = &nm[k];
            break; /* longest first */
        }
    }
    if (ix == &c->d->actor_names && ix->nopen)
        for (size_t k = 0; k < cnt; k++) {
            if (!(nm[k].flags & PL_NAME_OPEN) || nm[k].nwords <= best) continue;
            size_t n = name_match_open(c, i, &nm[k]);
            if (n > best) {
                best = n;
                *target = nm[k].target;
                if (which) *which = &nm[k];
            }
        }
    /* TABARI single-word stems */
    for (size_t k = 0; k < ix->nstems && best == 0; k++)
        if (name_match(c, i, &ix->stems[k])) {
            best = 1;
            *target = ix->stems[k].target;
            if (which) *which = &ix->stems[k];
        }
    return best;
}

/* --- code strings ---------------------------------------------------------------------- */

/* Adds an agent code to an actor code unless it is already there at a
 * three-letter boundary. */
static void add_agent_code(char *buf, size_t cap, const char *ag, int prefix)
{
    size_t bl = strlen(buf), al = strlen(ag);
    if (!al) return;
    if (!prefix) {
        for (size_t k = 0; k + al <= bl; k += 3)
            if (!strncmp(buf + k, ag, al)) return;
        if (bl + al + 1 < cap) memcpy(buf + bl, ag, al + 1);
    } else {
        if (!strncmp(buf, ag, al)) return;
        if (bl + al + 1 < cap) {
            memmove(buf + al, buf, bl + 1);
            memcpy(buf, ag, al);
        }
    }
}

static const char *dict_file(const parley_dict *d, pl_src s)
{
    const char *f = s.file < d->nfiles ? d->files[s.file] : "?";
    const char *b = strrchr(f, '/');
    return b ? b + 1 : f;
}

/* Parley's own dictionaries: does an actor's dictionary code already carry
 * its own roles (EGYOPPMBR, PSEREBHMS, IGOUNO, IMGMOS)?  Such a person or
 * group keeps its code: "former President Mohamed Morsi" is EGYOPPMBR, not
 * EGYOPPMBRELI; "Islamic State militants" IMGMOS, not IMGMOSREB.  A country
 * (SYR) or a region code (PSEGZS) still takes the roles of its phrase. */
static int code_has_roles(const char *code)
{
    static const char *const roles[] = {"GOV", "MIL", "REB", "OPP", "INS", "SEP", "PTY", "COP",
                                        "JUD", "LEG", "ELI", "BUS", "MED", "CVL", "LAB", "EDU",
                                        "HLH", "REF", "CRM", "SPY", "UAF", "MOD", "RAD", "HRI",
                                        "PKO", NULL};
    size_t n = strlen(code);
    if (n <= 3) return 0;
    if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3) ||
        !strncmp(code, "MNC", 3) || !strncmp(code, "NGM", 3))
        return 1;
    for (size_t k = 3; k + 3 <= n; k += 3)
        for (const char *const *r = roles; *r; r++)
            if (!strncmp(code + k, *r, 3)) return 1;
    return 0;
}

static int country_prefix(const char *code);

/* Parley's own dictionaries: one role per actor phrase.  A primary role
 * (and ELI) does not stack on another: "Syrian government forces" is SYRMIL
 * (the head noun's role wins), "Israeli army officials" ISRMIL (a generic
 * title defers to the institution before it), never RUSGOVMIL or BRAOPPELI.
 * Returns the role's kind: 0 none, 1 a role, 2 ELI. */
static int primary_role(const char *r)
{
    static const char *const prim[] = {"GOV", "MIL", "REB", "OPP", "INS", "SEP", "COP", "JUD",
                                       "SPY", "UAF", NULL};
    if (!strncmp(r, "ELI", 3)) return 2;
    for (const char *const *p = prim; *p; p++)
        if (!strncmp(r, *p, 3)) return 1;
    return 0;
}

/* Is agent mention m a title that names no institution of its own
 * ("officials", "spokesman", "commanders")? */
static int generic_title(const parley_coder *c, const mention *m)
{
    static const char *const gen[] = {"OFFICIAL", "OFFICIALS", "SPOKESMAN", "SPOKESMEN",
                                      "SPOKESWOMAN", "SPOKESWOMEN", "SPOKESPERSON", "SPOKESPEOPLE",
                                      "NEGOTIATOR", "NEGOTIATORS", "ENVOY", "ENVOYS", "COMMANDER",
                                      "COMMANDERS", "AUTHORITIES", "CHIEF", "CHIEFS", "DELEGATION",
                                      "DELEGATIONS", "REPRESENTATIVE", "REPRESENTATIVES", NULL};
    if (m->first != m->last) return 0;
    for (const char *const *g = gen; *g; g++)
        if (!strcmp(c->t[m->first].norm, *g)) return 1;
    return 0;
}

/* The code string of unit u (actor + agents), with the actor code given
 * (NULL = the unit's own).  Returns an arena string or NULL when uncoded. */
static const char *unit_code(parley_coder *c, const unit *u, const char *actor, pl_buf *ev)
{
    char buf[96] = "";
    int have = 0, own_roles = 0;
    if (actor) {
        snprintf(buf, sizeof buf, "%s", actor);
        have = 1;
    } else if (u->actor >= 0) {
        const mention *m = &c->m[u->actor];
        const char *code = pl_dict_s(c->d, m->code);
        if (m->code != PL_NOCODE && strcmp(code, "---") != 0) {
            snprintf(buf, sizeof buf, "%s", code);
            have = 1;
            own_roles = c->d->bundled && code_has_roles(code);
        }
        if (ev) {
            const pl_actor *a = &c->d->actors[m->idx];
            pl_buf_printf(ev, "%sactor %s=%s (%s:%u)", ev->len ? "; " : "",
                          pl_dict_s(c->d, a->name), m->code == PL_NOCODE ? "?" : code,
                          dict_file(c->d, a->src), a->src.line);
        }
    }
    if (!have && !u->nagents) return NULL;
    if (!have) snprintf(buf, sizeof buf, "---");
    /* where the phrase's primary role starts in buf (one role per phrase) */
    size_t role_at = 0;
    if (c->d->bundled && actor && strlen(buf) > 3 && country_prefix(buf) && primary_role(buf + 3))
        role_at = 3;
    for (int k = 0; k < u->nagents; k++) {
        const mention *m = &c->m[u->agents[k]];
        const pl_agent *ag = &c->d->agents[m->idx];
        const char *code = pl_dict_s(c->d, ag->code);
        int pr = c->d->bundled && !ag->prefix && !own_roles ? primary_role(code) : 0;
        if (pr && role_at) {
            int had = primary_role(buf + role_at);
            if (had == 2 || (pr != 2 && generic_title(c, m))) {
                /* "former defence minister" stays ELI; "army officials" MIL */
                if (ev)
                    pl_buf_printf(ev, "%sagent %s (%s:%u)", ev->len ? "; " : "", code,
                                  dict_file(c->d, ag->src), ag->src.line);
                continue;
            }
            buf[role_at] = 0; /* the head noun's role wins */
        }
        if (pr && !role_at) role_at = strlen(buf);
        if (!strcmp(buf, "---") && !ag->prefix) {
            /* ---GOV */
            add_agent_code(buf, sizeof buf, code, 0);
        } else if (own_roles && !ag->prefix) {
            /* the person or group keeps its own roles */
        } else if (c->d->bundled && have && !ag->prefix && !strcmp(code, "GOV") &&
                   (!strncmp(buf, "IGO", 3) || !strncmp(buf, "NGO", 3))) {
            /* Parley's own dictionaries: "U.N. envoy", "EU officials" speak
             * for the organisation itself (IGOUNO, not IGOUNOGOV) */
        } else {
            add_agent_code(buf, sizeof buf, code, ag->prefix);
        }
        if (ev)
            pl_buf_printf(ev, "%sagent %s (%s:%u)", ev->len ? "; " : "", code,
                          dict_file(c->d, ag->src), ag->src.line);
    }
    return pl_arena_strdup(&c->arena, buf);
}

/* Splits "ELR/GAL" into the group's code list. */
static void group_add_code(group *g, parley_coder *c, const char *code)
{
    if (!code) return;
    const char *slash = strchr(code, '/');
    if (!slash) {
        for (int k = 0; k < g->ncodes; k++)
            if (!strcmp(g->codes[k], code)) return;
        if (g->ncodes < MAX_CODES) g->codes[g->ncodes++] = code;
        return;
    }
    /* the part after the actor prefix keeps the agents of the whole */
    const char *p = code;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n) {
            char *s = pl_arena_strndup(&c->arena, p, n);
            if (g->ncodes < MAX_CODES) g->codes[g->ncodes++] = s;
        }
        if (!e) break;
        p = e + 1;
    }
}

/* --- sentence analysis ------------------------------------------------------------------ */

static void grow_tokens(parley_coder *c, size_t n)
{
    c->t = pl_grow(c->t, &c->capt, n, sizeof *c->t);
    if (c->capge < n + 1) {
        c->capge = c->capt + 1;
        c->gstart = pl_xrealloc(c->gstart, c->capge * sizeof *c->gstart);
        c->gend = pl_xrealloc(c->gend, c->capge * sizeof *c->gend);
    }
}

static void add_mention(parley_coder *c, size_t first, size_t last, int agent, uint32_t idx,
                        uint32_t code)
{
    c->m = pl_grow(c->m, &c->capm, c->nm + 1, sizeof *c->m);
    mention mm = {(uint16_t)first, (uint16_t)last, (uint8_t)agent, idx, code};
    for (size_t k = first; k <= last; k++) c->t[k].ment = (int16_t)c->nm;
    c->m[c->nm++] = mm;
}

static int is_np_token(const parley_coder *c, size_t i)
{
    const ctok *t = &c->t[i];
    if (t->ment >= 0) return 1;
    if (t->isverb || t->pos == PL_POS_VERB) return 0;
    /* "a clearly inebriated official": an adverb before an adjective */
    if (t->cls == CL_ADV && i + 1 < c->nt && c->t[i + 1].pos == PL_POS_ADJ && i > 0 &&
        (c->t[i - 1].cls == CL_DET || c->t[i - 1].pos == PL_POS_ADJ))
        return 1;
    switch (t->cls) {
    case CL_NONE:
    case CL_DET:
    case CL_POSS:
    case CL_POSSPRON: return 1;
    default: return 0;
    }
}

static int ends_ed(const char *w)
{
    size_t n = strlen(w);
    return n > 2 && !strcmp(w + n - 2, "ED");
}

/* Does the noun phrase ending at token k open with a determiner ("a police",
 * "the northwestern Nigerian")?  Only adjectives and names between. */
static int det_phrase_before(const parley_coder *c, size_t k)
{
    for (size_t n = 0; n < 6; n++, k--) {
        const ctok *p = &c->t[k];
        if (p->cls == CL_DET) return n > 0;
        if (p->ment < 0 && p->pos != PL_POS_ADJ) return 0;
        if (k == 0) return 0;
    }
    return 0;
}

/* Is the verb form at token i (verb token at) really used as a verb? */
static int verb_ok(const parley_coder *c, size_t first, size_t at)
{
    const ctok *t = &c->t[at];
    const parley_dict *d = c->d;
    if (d->word_is_noun && t->w != PL_NO_ID && t->w < d->words.n && d->word_is_noun[t->w]) return 0;
    if (t->cls == CL_AUX || t->cls == CL_NEG) return 0;
    if (d->format_tabari) {
        /* TABARI: a dictionary verb is a verb unless a determiner precedes
         * it or it is capitalised in mid sentence */
        if (first > 0 && c->t[first - 1].cls == CL_DET) return 0;
        /* "a 12-year break": a determiner and an adjective or number before it */
        if (first > 1 && c->t[first - 2].cls == CL_DET &&
            (c->t[first - 1].pos == PL_POS_ADJ || c->t[first - 1].pos == PL_POS_NUM))
            return 0;
        if ((c->t[first].flags & PL_TOK_CAP) && !(c->t[first].flags & PL_TOK_SENT_START)) return 0;
        /* "yielded ground seized in ...": a participle after the object of a verb */
        if (first > 1 && (t->vform == PL_VF_PAST || t->vform == PL_VF_PART) &&
            c->t[first - 1].pos == PL_POS_NOUN && c->t[first - 2].pos == PL_POS_VERB)
            return 0;
        return 1;
    }
    /* "a U.N.-backed mission", "the Saudi-led coalition": a participle glued
     * to a word by a hyphen is an adjective (Parley's own dictionaries) */
    if (d->bundled && c->t[first].start >= 2 && c->text[c->t[first].start - 1] == '-' &&
        !isspace((unsigned char)c->text[c->t[first].start - 2]))
        return 0;
    /* a determiner or possessive right before: a noun ("an attack", "its visit") */
    if (first > 0) {
        const ctok *p = &c->t[first - 1];
        if (p->cls == CL_DET || p->cls == CL_POSSPRON || p->cls == CL_POSS) return 0;
        if (p->cls == CL_NONE && p->pos == PL_POS_ADJ && t->pos != PL_POS_VERB) return 0;
    }
    if (t->pos == PL_POS_VERB) return 1;
    /* capitalised in mid sentence: a name (TABARI rule) */
    if ((t->flags & PL_TOK_CAP) && !(t->flags & PL_TOK_SENT_START)) return 0;
    if (t->pos == PL_POS_NOUN || t->pos == PL_POS_PROPN || t->pos == PL_POS_ADJ ||
        t->pos == PL_POS_OTHER) {
        /* the tagger may be wrong: accept after an auxiliary, "to", a
         * negation or a coded name when a noun phrase or preposition follows */
        if (first > 0) {
            size_t k = first - 1;
            while (k > 0 && c->t[k].cls == CL_ADV) k--;
            const ctok *p = &c->t[k];
            if (p->cls == CL_AUX || p->cls == CL_PART || p->cls == CL_NEG) return 1;
            /* "bombed Houthi positions in Sanaa": a noun after the object
             * of a verb, before a preposition, is no verb */
            if (p->ment >= 0 && t->pos == PL_POS_NOUN && c->m[p->ment].first > 0 &&
                c->t[c->m[p->ment].first - 1].isverb && at + 1 < c->nt &&
                (c->t[at + 1].cls == CL_PREP || c->t[at + 1].cls == CL_PUNCT))
                return 0;
            /* Parley's own dictionaries: a name, a noun-tagged word and a
             * determiner: the word is the verb ("Russia and the U.S. support
             * the mediation efforts"); a head noun is not followed by "the" */
            if (p->ment >= 0 && d->bundled && k + 1 == first && at + 1 < c->nt &&
                (c->t[at + 1].cls == CL_DET || c->t[at + 1].cls == CL_POSSPRON))
                return 1;
            /* Parley's own dictionaries: "attacked Hamas targets": a name right
             * after a verb (not one of saying) and a noun-tagged word: a noun */
            if (p->ment >= 0 && d->bundled && k + 1 == first) {
                size_t mf = c->m[p->ment].first;
                if (mf > 0 && c->t[mf - 1].pos == PL_POS_VERB && !pl_story_say_word(c->t[mf - 1].norm))
                    return 0;
            }
            /* Parley's own dictionaries: "attacked a police station in",
             * "the northwestern Nigerian state of": a noun-tagged word (not
             * an -ed form) after a phrase opened by a determiner is its head noun */
            if (p->ment >= 0 && d->bundled && k + 1 == first &&
                t->pos == PL_POS_NOUN && !ends_ed(t->norm) && det_phrase_before(c, k))
                return 0;
            if (p->ment >= 0 && t->vform != PL_VF_NONE) return 1;
            /* "Ethiopia act on ...": a name, then a bare verb and a preposition;
             * not after "the" ("the Hamas attack on Israel": a noun) */
            if (p->ment >= 0 && k + 1 == first && at + 1 < c->nt &&
                (c->t[at + 1].cls == CL_PREP || c->t[at + 1].cls == CL_DET) &&
                !(d->bundled && c->m[p->ment].first > 0 && c->t[c->m[p->ment].first - 1].cls == CL_DET))
                return 1;
        }
        return 0;
    }
    return 0;
}

/* story.c: the clause between commas a and b is a speaker and a verb of
 * saying, kept as a statement when
 *  - the closing clause (b to end) starts with "referring to": '"...," the
 *    minister told reporters, referring to Russia.' (both clauses are kept;
 *    the statement's target is the actor referred to), or
 *  - (internal = 1) it follows a closing quote: '"...," Lavrov said, noting
 *    that ...' (the speech tag of the quote). */
static int said_then_referring(const parley_coder *c, const pl_parse *ps, size_t a, size_t b, size_t end,
                               int internal)
{
    int refer = b + 3 <= end && !strcmp(ps->toks[b + 1].norm, "REFERRING") &&
                !strcmp(ps->toks[b + 2].norm, "TO");
    const char *qn = a + 1 < b ? ps->toks[a + 1].norm : "";
    int quoted = internal && (!strcmp(qn, "\"") || !strcmp(qn, "''") || !strcmp(qn, "\xe2\x80\x9d"));
    if (!refer && !quoted) return 0;
    return pl_story_said_clause(c->text + ps->toks[a].start, ps->toks[b].start - ps->toks[a].start);
}

/* Bundled dictionaries: a closing clause that opens with an -ing participle
 * (", accusing Tehran of ...", ", defying U.N. resolutions", ", prompting X
 * to ...") is the main subject's second act, kept for coding. */
static int participle_tail(const pl_parse *ps, size_t a, size_t end)
{
    return a < end && ps->toks[a].pos == PL_POS_VERB && ps->toks[a].vform == PL_VF_GERUND;
}

/* Comma-delimited clause elimination (PETRARCH comma_* options): marks the
 * tokens to drop in keep[]. */
static void eliminate_commas(parley_coder *c, const pl_parse *ps, uint8_t *keep, size_t n)
{
    size_t commas[64];
    size_t nc = 0;
    c->open_cut = 0;
    for (size_t i = 0; i < n && nc < 64; i++)
        if (ps->toks[i].pos == PL_POS_PUNCT && ps->toks[i].norm[0] == ',' && !ps->toks[i].norm[1])
            commas[nc++] = i;
    if (!nc) return;
    size_t end = n;
    while (end > 0 && ps->toks[end - 1].pos == PL_POS_PUNCT) end--;
    /* a list ("A, B and C") is not a comma clause: segments holding a
     * coordinating conjunction, or followed by one, are kept */
#define HASVERB(a, b)                                                                 \
    ({                                                                                \
        int h_ = 0;                                                                   \
        for (size_t q_ = (a); q_ < (b); q_++)                                         \
            h_ |= ps->toks[q_].pos == PL_POS_VERB || ps->toks[q_].pos == PL_POS_AUX;  \
        h_;                                                                           \
    })
#define HASCONJ(a, b)                                                                 \
    ({                                                                                \
        int h_ = 0;                                                                   \
        for (size_t q_ = (a); q_ < (b); q_++)                                         \
            h_ |= !strcmp(ps->toks[q_].norm, "AND") || !strcmp(ps->toks[q_].norm, "OR") || \
                  !strcmp(ps->toks[q_].norm, "NOR");                                  \
        h_;                                                                           \
    })
    /* words between a and b (exclusive) */
#define WORDS(a, b)                                                                  \
    ({                                                                               \
        int w_ = 0;                                                                  \
        for (size_t q_ = (a); q_ < (b); q_++) w_ += ps->toks[q_].pos != PL_POS_PUNCT; \
        w_;                                                                          \
    })
    /* opening clause, unless the comma separates adjectives ("complete, full ties") */
    if (c->comma[3] > 0) {
        int w = WORDS(0, commas[0]);
        int adjlist = commas[0] > 0 && commas[0] + 1 < n && ps->toks[commas[0] - 1].pos == PL_POS_ADJ &&
                      ps->toks[commas[0] + 1].pos == PL_POS_ADJ;
        if (w >= c->comma[2] && w <= c->comma[3] && !adjlist) {
            for (size_t q = 0; q <= commas[0]; q++) keep[q] = 0;
            c->open_cut = 1;
        }
    }
    /* internal clauses */
    if (c->comma[1] > 0)
        for (size_t k = 0; k + 1 < nc; k++) {
            int w = WORDS(commas[k] + 1, commas[k + 1]);
            int next_conj = commas[k + 1] + 1 < n && HASCONJ(commas[k + 1] + 1, commas[k + 1] + 2);
            /* PETRARCH also drops an internal clause of comma_max + 1 words
             * (with comma_max 8 it drops ", several years after X burned
             * down its embassy," — 9 words — and keeps a 10-word one) */
            if (w >= c->comma[0] && w <= c->comma[1] + 1 && !next_conj &&
                !HASCONJ(commas[k] + 1, commas[k + 1]) && HASVERB(commas[k] + 1, commas[k + 1]) &&
                !(c->story_on && k + 2 == nc && said_then_referring(c, ps, commas[k], commas[k + 1], end, 1)))
                for (size_t q = commas[k]; q < commas[k + 1]; q++) keep[q] = 0;
        }
    /* closing clause, unless the main verb is in it ("X, officials said, attacked Y") */
    if (c->comma[5] > 0) {
        int w = WORDS(commas[nc - 1] + 1, end);
        int verb_before = 0;
        for (size_t q = 0; q < commas[nc - 1]; q++)
            if (keep[q] && (ps->toks[q].pos == PL_POS_VERB || ps->toks[q].pos == PL_POS_AUX))
                verb_before = 1;
        if (w >= c->comma[4] && w <= c->comma[5] && !HASCONJ(commas[nc - 1] + 1, end) &&
            HASVERB(commas[nc - 1] + 1, end) && verb_before &&
            !(c->d->bundled && participle_tail(ps, commas[nc - 1] + 1, end)) &&
            !(c->story_on && nc >= 2 && said_then_referring(c, ps, commas[nc - 2], commas[nc - 1], end, 0)) &&
            !(c->story_on && /* story.c: '..., Lavrov said' is a statement */
              (c->d->bundled ? pl_story_said_clause_news : pl_story_said_clause)(
                  c->text + ps->toks[commas[nc - 1]].start,
                  ps->toks[end - 1].end - ps->toks[commas[nc - 1]].start)))
            for (size_t q = commas[nc - 1]; q < end; q++) keep[q] = 0;
    }
#undef WORDS
#undef HASCONJ
#undef HASVERB
}

/* --- the sentence --------------------------------------------------------------------- */

static void analyse(parley_coder *c, const pl_parse *ps)
{
    const parley_dict *d = c->d;
    uint8_t keepbuf[MAX_TOK];
    size_t n = PL_MIN(ps->ntoks, (size_t)MAX_TOK);
    memset(keepbuf, 1, n);
    eliminate_commas(c, ps, keepbuf, n);
    /* short parentheticals: "the European Union (EU)" */
    for (size_t i = 0; i < n; i++) {
        if (strcmp(ps->toks[i].norm, "(") != 0) continue;
        size_t j = i + 1;
        while (j < n && j < i + 8 && strcmp(ps->toks[j].norm, ")") != 0) j++;
        if (j < n && !strcmp(ps->toks[j].norm, ")"))
            for (size_t q = i; q <= j; q++) keepbuf[q] = 0;
    }
    size_t extra = 0;
    for (size_t i = 0; i < n; i++)
        if (memchr(ps->toks[i].norm, '_', ps->toks[i].norm_len)) extra += ps->toks[i].norm_len;
    n = PL_MIN(n, (size_t)MAX_TOK);
    grow_tokens(c, n + extra + 1);
    c->nt = 0;
    wset_clear(c);
    for (size_t i = 0; i < n; i++) {
        if (!keepbuf[i]) continue;
        const pl_token *tk = &ps->toks[i];
        if (memchr(tk->norm, '_', tk->norm_len)) {
            /* "DOL_AMROTH" as written in some texts: one token per part */
            const char *p = tk->norm, *e = tk->norm + tk->norm_len;
            while (p < e) {
                const char *q = memchr(p, '_', (size_t)(e - p));
                if (!q) q = e;
                if (q > p) {
                    ctok *t = &c->t[c->nt++];
                    memset(t, 0, sizeof *t);
                    t->norm = pl_arena_strndup(&c->arena, p, (size_t)(q - p));
                    t->w = pl_intern_find(&d->words, p, (size_t)(q - p));
                    t->lw = PL_NO_ID;
                    t->start = tk->start;
                    t->end = tk->end;
                    t->pos = tk->pos;
                    t->flags = tk->flags;
                    t->cls = CL_NONE;
                    t->wf = 0;
                    t->ment = t->unit = t->group = t->verb = -1;
                    wset_add(c, t->w);
                }
                p = q + 1;
            }
            continue;
        }
        if (i > 0 && !strcmp(tk->norm, "--") && tk->start == ps->toks[i - 1].end && c->nt)
            continue; /* "anti- Gondor": the hyphen belongs to the word before */
        ctok *t = &c->t[c->nt++];
        t->w = pl_intern_find(&d->words, tk->norm, tk->norm_len);
        /* the lemma matters only for verbs the dictionary does not list */
        t->lw = (tk->lemma && tk->pos == PL_POS_VERB)
                    ? pl_intern_find(&d->words, tk->lemma, tk->lemma_len)
                    : PL_NO_ID;
        t->start = tk->start;
        t->end = tk->end;
        t->norm = tk->norm;
        t->pos = tk->pos;
        t->vform = tk->vform;
        t->flags = tk->flags;
        t->wf = tk->norm_len <= 8 ? word_flags(tk->norm, tk->norm_len) : 0; /* the longest is 8 */
        t->cls = classify(tk, t->wf);
        t->ment = t->unit = t->group = t->verb = -1;
        t->isverb = 0;
        wset_add(c, t->w);
    }
}

static int find_discard(parley_coder *c)
{
    const parley_dict *d = c->d;
    if (!d->ndiscards) return 0;
    for (size_t i = 0; i < c->nt; i++) {
        uint32_t target;
        if (longest_name(c, &d->discard_names, i, &target, NULL)) {
            c->discarded = d->discards[target].story ? "storydiscard" : "sentencediscard";
            return 1;
        }
    }
    return 0;
}

/* TABARI: a verbs-file entry coded [###] (FOOTBALL, DAVIS_CUP, REGATTA)
 * discards the sentence wherever it appears - such entries are nouns, so
 * the tests of verb use (determiner, capital letter) do not apply. */
static int find_tabari_discard(parley_coder *c)
{
    const parley_dict *d = c->d;
    for (size_t i = 0; i < c->nt; i++) {
        size_t cnt;
        const pl_name *nm = pl_names_lookup(&d->verb_names, c->t[i].w, &cnt);
        for (size_t k = 0; k < cnt; k++) {
            if (!name_match(c, i, &nm[k])) continue;
            const pl_verb_form *f = &d->vforms[nm[k].target];
            pl_vcode code = f->code.set ? f->code : d->blocks[f->block].code;
            if (code.set && !code.null && code.a != PL_NOCODE &&
                !strcmp(pl_dict_s(d, code.a), "###")) {
                c->discarded = "sentencediscard";
                return 1;
            }
        }
    }
    return 0;
}

static void find_mentions(parley_coder *c)
{
    const parley_dict *d = c->d;
    c->nm = 0;
    for (size_t i = 0; i < c->nt;) {
        uint32_t ta = 0, tg = 0;
        size_t la = longest_name(c, &d->actor_names, i, &ta, NULL);
        size_t lg = longest_name(c, &d->agent_names, i, &tg, NULL);
        if (la && la >= lg) {
            uint32_t code = pl_actor_code_on(d, &d->actors[ta], c->date);
            add_mention(c, i, i + la - 1, 0, ta, code);
            i += la;
        } else if (lg) {
            add_mention(c, i, i + lg - 1, 1, tg, d->agents[tg].code);
            i += lg;
        } else {
            i++;
        }
    }
}

/* Is form the lemma plus a regular ending (DEPARTES, ATTACKED)?  Such forms
 * are generated from the dictionary already; one that is missing there is a
 * misspelling, not an irregular verb (SAID, BROKE). */
static int regular_inflection(const char *form, const char *lemma)
{
    static const char *const ends[] = {"S", "ES", "ED", "D", "ING", "IES", "IED", NULL};
    size_t ll = strlen(lemma);
    for (int cut = 0; cut <= 1; cut++) {
        size_t stem = ll - (size_t)cut;
        if (cut && (ll < 2 || (lemma[ll - 1] != 'E' && lemma[ll - 1] != 'Y'))) continue;
        if (strncmp(form, lemma, stem) != 0) continue;
        for (const char *const *e = ends; *e; e++)
            if (!strcmp(form + stem, *e)) return 1;
    }
    return 0;
}

static void find_verbs(parley_coder *c)
{
    const parley_dict *d = c->d;
    c->nv = 0;
    for (size_t i = 0; i < c->nt; i++) {
        if (c->t[i].ment >= 0) continue;
        size_t cnt;
        const pl_name *nm = pl_names_lookup(&d->verb_names, c->t[i].w, &cnt);
        int found = 0;
        if (!cnt && d->verb_names.nstems) {
            /* TABARI stems ("RESTOR"): the longest matching one */
            const pl_name *best = NULL;
            size_t bl = 0;
            for (size_t k = 0; k < d->verb_names.nstems; k++) {
                const pl_name *sn = &d->verb_names.stems[k];
                const char *w = pl_dict_w(d, d->wordv[sn->words]);
                size_t wl = strlen(w);
                if (wl > bl && !strncmp(c->t[i].norm, w, wl)) best = sn, bl = wl;
            }
            if (best) nm = best, cnt = 1;
        }
        for (size_t k = 0; k < cnt && !found; k++) {
            size_t len = name_match(c, i, &nm[k]);
            if (!len) continue;
            const pl_verb_form *f = &d->vforms[nm[k].target];
            size_t at = i + f->verb_at;
            int clash = 0;
            for (size_t q = i; q < i + len; q++)
                if (c->t[q].ment >= 0) clash = 1;
            if (clash || !verb_ok(c, i, at)) continue;
            c->v = pl_grow(c->v, &c->capv, c->nv + 1, sizeof *c->v);
            cverb cv = {(uint16_t)i, (uint16_t)(i + len - 1), (uint16_t)at, nm[k].target};
            for (size_t q = i; q < i + len; q++) c->t[q].isverb = 1;
            c->t[i].verb = (int16_t)c->nv;
            c->v[c->nv++] = cv;
            i += len - 1;
            found = 1;
        }
        if (found) continue;
        /* an inflection the dictionary does not list: try the lemma */
        const char *lem = c->t[i].lw != PL_NO_ID ? pl_dict_w(d, c->t[i].lw) : NULL;
        if (lem && c->t[i].lw != c->t[i].w && c->t[i].pos == PL_POS_VERB &&
            !regular_inflection(c->t[i].norm, lem)) {
            nm = pl_names_lookup(&d->verb_names, c->t[i].lw, &cnt);
            for (size_t k = 0; k < cnt; k++) {
                const pl_verb_form *f = &d->vforms[nm[k].target];
                if (f->nwords != 1) continue;
                if (!verb_ok(c, i, i)) break;
                c->v = pl_grow(c->v, &c->capv, c->nv + 1, sizeof *c->v);
                cverb cv = {(uint16_t)i, (uint16_t)i, (uint16_t)i, nm[k].target};
                c->t[i].isverb = 1;
                c->t[i].verb = (int16_t)c->nv;
                c->v[c->nv++] = cv;
                break;
            }
        }
    }
}

/* Does actor mention b's code extend actor mention a's (IRN -> IRNMIL)? */
static int poss_extends(const parley_coder *c, int a, int b)
{
    if (c->m[a].code == PL_NOCODE || c->m[b].code == PL_NOCODE) return 0;
    const char *ca = pl_dict_s(c->d, c->m[a].code), *cb = pl_dict_s(c->d, c->m[b].code);
    size_t n = strlen(ca);
    return n >= 3 && strcmp(ca, "---") != 0 && strlen(cb) > n && !strncmp(ca, cb, n);
}

static int religion_prefix(const char *code);
static int word_in(const char *w, const char *const *list);

/* Parley's own dictionaries: "a Shiite mosque", "a Sunni shrine": a
 * religious adjective on a building is no actor (MOSSHI); the building
 * keeps its own agent (MOSQUE ~MOS). */
static void religious_building(const parley_coder *c, unit *u)
{
    static const char *const bld[] = {"MOSQUE", "MOSQUES", "SYNAGOGUE", "SYNAGOGUES", "SHRINE",
                                      "SHRINES", "TEMPLE", "TEMPLES", NULL};
    const mention *a = &c->m[u->actor];
    if (a->code == PL_NOCODE || !religion_prefix(pl_dict_s(c->d, a->code))) return;
    for (int k = 0; k < u->nagents; k++) {
        const mention *g = &c->m[u->agents[k]];
        if (g->first <= a->last) continue;
        for (const char *const *b = bld; *b; b++)
            if (!strcmp(c->t[g->last].norm, *b)) {
                u->actor = -1;
                return;
            }
    }
}

/* Parley's own dictionaries: "Europe's largest nuclear power plant",
 * "Africa's most populous country": a region possessor before a superlative
 * names where the thing is, not who acts (the plant is no EUR actor). */
static void region_superlative(const parley_coder *c, unit *u)
{
    static const char *const regions[] = {"EUR", "AFR", "ASA", "MEA", "WST", "LAM", "EEU", "CEU",
                                          "SAS", "SEA", "CAS", "EAF", "WAF", "NAF", "SAF", "ARB",
                                          "CRB", NULL};
    const mention *a = &c->m[u->actor];
    size_t q = (size_t)a->last + 1;
    /* (the tagger may leave "most" outside the phrase) */
    if (a->code == PL_NOCODE || q > u->last || q + 1 >= c->nt || c->t[q].cls != CL_POSS) return;
    const char *code = pl_dict_s(c->d, a->code), *w = c->t[q + 1].norm;
    size_t n = strlen(w);
    if (!word_in(code, regions) || c->t[q + 1].ment >= 0) return;
    if (strcmp(w, "MOST") != 0 && !(n > 4 && !strcmp(w + n - 3, "EST"))) return;
    for (size_t k = q + 1; k <= u->last; k++)
        if (c->t[k].ment >= 0 && !c->m[c->t[k].ment].agent) return; /* another actor */
    u->actor = -1;
}

static void build_units(parley_coder *c)
{
    c->nu = 0;
    for (size_t i = 0; i < c->nt;) {
        if (c->t[i].cls == CL_PRON && c->t[i].ment < 0) {
            c->u = pl_grow(c->u, &c->capu, c->nu + 1, sizeof *c->u);
            unit uu = {(uint16_t)i, (uint16_t)i, -1, 0, 1, 0, {0}};
            c->t[i].unit = (int16_t)c->nu;
            c->u[c->nu++] = uu;
            i++;
            continue;
        }
        if (!is_np_token(c, i) ||
            (c->t[i].cls == CL_POSSPRON && c->t[i].ment < 0 && i + 1 < c->nt && is_np_token(c, i + 1))) {
            /* "their populations": the unit starts after the possessive */
            i++;
            continue;
        }
        size_t j = i;
        for (;;) {
            if (j + 1 < c->nt && is_np_token(c, j + 1)) {
                /* a determiner inside starts a new phrase unless a name spans it */
                if (c->t[j + 1].cls == CL_DET && c->t[j + 1].ment < 0) break;
                j++;
                continue;
            }
            /* "awful and evil minister": coordinated adjectives stay in the phrase */
            if (j + 2 < c->nt && c->t[j].pos == PL_POS_ADJ && c->t[j].ment < 0 &&
                c->t[j + 1].cls == CL_CONJ && is_np_token(c, j + 2) && c->t[j + 2].cls != CL_DET &&
                c->t[j + 2].ment < 0) {
                j += 2;
                continue;
            }
            break;
        }
        c->u = pl_grow(c->u, &c->capu, c->nu + 1, sizeof *c->u);
        unit uu;
        memset(&uu, 0, sizeof uu);
        uu.first = (uint16_t)i;
        uu.last = (uint16_t)j;
        uu.actor = -1;
        uu.posspron = c->t[i].cls == CL_POSSPRON || (i > 0 && c->t[i - 1].cls == CL_POSSPRON);
        int lastm = -1, poss = 0;
        for (size_t k = i; k <= j; k++) {
            c->t[k].unit = (int16_t)c->nu;
            if (c->t[k].cls == CL_POSS && uu.actor >= 0) poss = 1;
            int mi = c->t[k].ment;
            if (mi < 0 || mi == lastm) continue;
            lastm = mi;
            if (!c->m[mi].agent) {
                /* "Syrian President Bashar al-Assad": the head (last) name
                 * decides; after a possessive ("Ithilen's minister X") the
                 * possessor does */
                int head = 0;
                if (uu.actor >= 0 && !poss && c->m[mi].code != PL_NOCODE &&
                    strcmp(pl_dict_s(c->d, c->m[mi].code), "---") != 0) {
                    /* only across titles: "Syrian President X", not "Arnor awful Gondor" */
                    head = 1;
                    for (size_t q = c->m[uu.actor].last + 1u; q < c->m[mi].first; q++)
                        if ((c->t[q].ment < 0 && c->t[q].pos != PL_POS_NOUN) ||
                            (c->t[q].ment >= 0 && !c->m[c->t[q].ment].agent))
                            head = 0;
                }
                /* "Iran's Revolutionary Guards": a possessed actor whose
                 * code extends the possessor's (IRN -> IRNMIL) is the head */
                if (uu.actor >= 0 && poss && poss_extends(c, uu.actor, mi)) head = 1;
                if (uu.actor < 0 || head) uu.actor = (int16_t)mi;
            } else if (uu.nagents < 8) {
                uu.agents[uu.nagents++] = (int16_t)mi;
            }
        }
        if (c->d->bundled && uu.actor >= 0 && uu.nagents) religious_building(c, &uu);
        if (c->d->bundled && uu.actor >= 0) region_superlative(c, &uu);
        c->u[c->nu++] = uu;
        i = j + 1;
    }
}

static int unit_has_actor(const parley_coder *c, const unit *u);

/* "the government of Gondor": an agent phrase and the actor after of/in/from
 * become one phrase, unless the actor starts a list ("... of A and B"). */
static void merge_agent_units(parley_coder *c)
{
    for (size_t k = 0; k + 1 < c->nu; k++) {
        unit *a = &c->u[k], *b = &c->u[k + 1];
        if (a->actor >= 0 || a->pron || b->pron) continue;
        /* an uncoded noun joins only as a compound member ("sheep and goats of X") */
        if (!a->nagents && !(a->first > 0 && c->t[a->first - 1].cls == CL_CONJ)) continue;
        if ((size_t)a->last + 2 != b->first) continue;
        const ctok *p = &c->t[a->last + 1];
        if (strcmp(p->norm, "OF") && strcmp(p->norm, "IN") && strcmp(p->norm, "FROM")) continue;
        if (!unit_has_actor(c, b)) continue;
        size_t after = (size_t)b->last + 1;
        if (after < c->nt && (c->t[after].cls == CL_CONJ ||
                              (c->t[after].cls == CL_COMMA && k + 2 < c->nu &&
                               c->u[k + 2].first == after + 1)))
            continue;
        unit m = *a;
        m.last = b->last;
        m.actor = b->actor;
        for (int q = 0; q < b->nagents && m.nagents < 8; q++) m.agents[m.nagents++] = b->agents[q];
        *a = m;
        for (size_t q = a->first; q <= a->last; q++) c->t[q].unit = (int16_t)k;
        memmove(&c->u[k + 1], &c->u[k + 2], (c->nu - k - 2) * sizeof *c->u);
        c->nu--;
        for (size_t r = k + 1; r < c->nu; r++)
            for (size_t q = c->u[r].first; q <= c->u[r].last; q++) c->t[q].unit = (int16_t)r;
    }
}

static int unit_coded(const parley_coder *c, const unit *u)
{
    if (u->actor >= 0) {
        const mention *m = &c->m[u->actor];
        if (m->code != PL_NOCODE && strcmp(pl_dict_s(c->d, m->code), "---") != 0) return 1;
    }
    return u->nagents > 0;
}

static int unit_has_actor(const parley_coder *c, const unit *u)
{
    if (u->actor < 0) return 0;
    const mention *m = &c->m[u->actor];
    return m->code != PL_NOCODE && strcmp(pl_dict_s(c->d, m->code), "---") != 0;
}

/* A unit that is one word or only its actor's name ("Russian", "North
 * Korean"): a member of "North Korean and American negotiators". */
static int actor_only_unit(const parley_coder *c, const unit *u)
{
    if (u->first == u->last) return 1;
    return u->actor >= 0 && c->m[u->actor].first == u->first && c->m[u->actor].last == u->last;
}

/* ", and Iranian officials blamed Israel": a single phrase before ", and"
 * (no list comma before it) and a unit followed by its own verb is a new
 * clause, not the last member of a list ("A, B, and C said" keeps its list). */
static int clause_after_conj(const parley_coder *c, size_t nx)
{
    size_t after = (size_t)c->u[nx].last + 1;
    while (after < c->nt && c->t[after].cls == CL_ADV) after++;
    return after < c->nt && (c->t[after].isverb || c->t[after].cls == CL_AUX);
}

/* Units joined by "and"/commas: returns the last unit index of the compound
 * starting at unit k (k itself when none). */
static size_t compound_end(const parley_coder *c, size_t k)
{
    size_t last = k, cur = k;
    int saw_comma = 0;
    for (;;) {
        size_t after = c->u[cur].last + 1;
        if (after >= c->nt || cur + 1 >= c->nu) break;
        size_t nx = cur + 1;
        size_t gap_first = after, gap_last = c->u[nx].first; /* exclusive */
        int conj = 0, comma = 0, other = 0;
        for (size_t q = gap_first; q < gap_last; q++) {
            if (c->t[q].cls == CL_CONJ && strcmp(c->t[q].norm, "BUT") != 0) conj++;
            else if (c->t[q].cls == CL_COMMA) comma++;
            else other++;
        }
        if (other || (!conj && !comma) || conj > 1 || comma > 1) break;
        /* "A and B, and C and D": a comma after a conjunction starts a new list */
        if (comma && last != k) break;
        /* "about the Syria crisis, Lavrov and Clinton": a list does not begin
         * inside a prepositional phrase */
        if (comma && c->u[k].first > 0 && c->t[c->u[k].first - 1].cls == CL_PREP) {
            const char *p = c->t[c->u[k].first - 1].norm;
            if (!strcmp(p, "ABOUT") || !strcmp(p, "ON") || !strcmp(p, "OVER") ||
                !strcmp(p, "REGARDING") || !strcmp(p, "CONCERNING") || !strcmp(p, "DESPITE") ||
                !strcmp(p, "DURING"))
                break;
        }
        if (c->u[nx].pron || c->u[nx].posspron) break;
        if (comma && conj && !saw_comma && clause_after_conj(c, nx)) break;
        /* the next unit must not be followed by a possessive or "of" object */
        if (conj) {
            last = nx;
            cur = nx;
            /* after "and", a comma list ends */
            if (saw_comma) break;
            continue;
        }
        saw_comma = 1;
        cur = nx;
    }
    if (saw_comma && last == k) return k; /* "X, Y" without "and": apposition */
    /* "In addition to the Syria crisis, Lavrov and Clinton discussed": the
     * object of a fronted phrase is not the first member of the subject */
    if (saw_comma && c->u[k].first > 0 &&
        (c->t[c->u[k].first - 1].cls == CL_PREP || (c->t[c->u[k].first - 1].wf & F_TO)) &&
        strcmp(c->t[c->u[k].first - 1].norm, "OF") != 0 &&
        strcmp(c->t[c->u[k].first - 1].norm, "BETWEEN") != 0 &&
        strcmp(c->t[c->u[k].first - 1].norm, "AMONG") != 0) {
        size_t after = (size_t)c->u[last].last + 1;
        if (after < c->nt && (c->t[after].isverb || c->t[after].cls == CL_AUX ||
                              c->t[after].pos == PL_POS_VERB))
            return k;
    }
    return last;
}

static group *new_group(parley_coder *c, size_t first, size_t last)
{
    c->g = pl_grow(c->g, &c->capg, c->ng + 1, sizeof *c->g);
    group *g = &c->g[c->ng++];
    memset(g, 0, sizeof *g);
    g->first = (uint16_t)first;
    g->last = (uint16_t)last;
    return g;
}

static void set_group_tokens(parley_coder *c, size_t gi)
{
    group *g = &c->g[gi];
    for (size_t q = g->first; q <= g->last; q++) c->t[q].group = (int16_t)gi;
    c->gstart[g->first] = (int16_t)gi;
    c->gend[g->last] = (int16_t)gi;
}

/* The words of a unit without determiners, as a quoted new-actor code. */
static const char *new_actor_code(parley_coder *c, const unit *u)
{
    int words = 0;
    pl_buf b;
    pl_buf_init(&b);
    pl_buf_putc(&b, '"');
    for (size_t q = u->first; q <= u->last; q++) {
        if (c->t[q].cls != CL_NONE && c->t[q].cls != CL_DET && c->t[q].cls != CL_PREP) continue;
        if (words) pl_buf_putc(&b, ' ');
        pl_buf_puts(&b, c->t[q].norm);
        words++;
    }
    pl_buf_putc(&b, '"');
    const char *r = NULL;
    if (words && words <= c->opt.new_actor_length) r = pl_arena_strdup(&c->arena, b.data);
    pl_buf_free(&b);
    return r;
}

/* With new actors on, "the Ministry of Magic" is one phrase. */
static void merge_new_actor_units(parley_coder *c)
{
    for (size_t k = 0; k + 1 < c->nu; k++) {
        unit *a = &c->u[k], *b = &c->u[k + 1];
        if (a->pron || b->pron || unit_coded(c, a) || unit_coded(c, b)) continue;
        if ((size_t)a->last + 2 != b->first || strcmp(c->t[a->last + 1].norm, "OF") != 0) continue;
        a->last = b->last;
        for (size_t q = a->first; q <= a->last; q++) c->t[q].unit = (int16_t)k;
        memmove(&c->u[k + 1], &c->u[k + 2], (c->nu - k - 2) * sizeof *c->u);
        c->nu--;
        for (size_t r = k + 1; r < c->nu; r++)
            for (size_t q = c->u[r].first; q <= c->u[r].last; q++) c->t[q].unit = (int16_t)r;
    }
}

/* Shadow groups, kept after the c->ng real ones and reachable only from a
 * pattern's ^: the actor part of a single "AGENT of/in/from ACTOR" phrase. */
static void sub_groups(parley_coder *c)
{
    size_t n = c->ng, ns = 0;
    for (size_t gi = 0; gi < n; gi++) {
        const group *g = &c->g[gi];
        if (g->pron || g->compound || g->ncodes != 1) continue;
        int uk = c->t[g->first].unit;
        if (uk < 0) continue;
        const unit *u = &c->u[uk];
        if (u->first != g->first || u->last != g->last || u->actor < 0 || !u->nagents) continue;
        size_t af = c->m[u->actor].first;
        if (af < (size_t)u->first + 2) continue;
        const char *p = c->t[af - 1].norm;
        if (strcmp(p, "OF") && strcmp(p, "IN") && strcmp(p, "FROM")) continue;
        unit su = *u;
        su.first = (uint16_t)af;
        su.nagents = 0;
        for (int a = 0; a < u->nagents; a++)
            if (c->m[u->agents[a]].first >= af) su.agents[su.nagents++] = u->agents[a];
        const char *code = unit_code(c, &su, NULL, NULL);
        if (!code) continue;
        c->g = pl_grow(c->g, &c->capg, n + ns + 1, sizeof *c->g);
        group *sg = &c->g[n + ns];
        memset(sg, 0, sizeof *sg);
        sg->first = (uint16_t)af;
        sg->last = c->g[gi].last;
        group_add_code(sg, c, code);
        c->g[gi].sub1 = (uint16_t)(n + ns + 1);
        ns++;
    }
}

/* "The Varlandian police and troops": a member introduced by a determiner
 * closes before the conjunction ((NP (NP The Varlandian police) and (NP
 * troops)), as CoreNLP brackets it for PETRARCH), so a later bare member
 * (no determiner or possessive of its own) does not take its actor:
 * ---MIL.  Without the determiner ("Varlandian police and troops") the
 * adjective belongs to both nouns: VARMIL. */
static int det_closes(const parley_coder *c, const unit *before, const unit *bare)
{
    if (c->t[before->first].cls != CL_DET || c->t[before->first].ment >= 0) return 0;
    if (bare->first < before->first) return 0;
    size_t f = bare->first;
    return c->t[f].cls != CL_DET && c->t[f].cls != CL_POSSPRON && !bare->posspron;
}

static int land_code(const parley_coder *c, const char *code);

/* Parley's own dictionaries: the country a story or sentence is about, for
 * "the country's military government" and a bare state role ("the defence
 * minister"): the nearest country named before token `before` in the
 * sentence (groups already built), else the country of the story's last
 * source.  Writes 3 letters into cc; 0 when none. */
static int context_country(const parley_coder *c, size_t before, char cc[4])
{
    for (size_t gi = c->ng; gi-- > 0;) {
        const group *g = &c->g[gi];
        if (g->pron || !g->ncodes || g->first >= before) continue;
        if (land_code(c, g->codes[0])) {
            snprintf(cc, 4, "%.3s", g->codes[0]);
            return 1;
        }
    }
    if (c->nlast && land_code(c, c->last_codes[0])) {
        snprintf(cc, 4, "%.3s", c->last_codes[0]);
        return 1;
    }
    return 0;
}

/* "the country's military government", "the nation's army": agents after a
 * possessive "country"/"nation" belong to the context's country. */
static int country_possessive(const parley_coder *c, const unit *u)
{
    for (size_t q = u->first; q + 1 <= u->last; q++)
        if (c->t[q + 1].cls == CL_POSS && c->t[q].ment < 0 &&
            (!strcmp(c->t[q].norm, "COUNTRY") || !strcmp(c->t[q].norm, "NATION")))
            return 1;
    return 0;
}

static void build_groups(parley_coder *c)
{
    c->ng = 0;
    for (size_t i = 0; i <= c->nt; i++) c->gstart[i] = c->gend[i] = -1;
    for (size_t k = 0; k < c->nu;) {
        unit *u = &c->u[k];
        if (u->pron) {
            group *g = new_group(c, u->first, u->last);
            g->pron = 1;
            set_group_tokens(c, c->ng - 1);
            k++;
            continue;
        }
        size_t e = compound_end(c, k);
        /* agents followed by of/in/from + actors: "the ambassadors of X and Y" */
        size_t link_first = 0, link_last = 0;
        int link = 0;
        int only_agents = 1;
        for (size_t q = k; q <= e; q++)
            if (unit_has_actor(c, &c->u[q]) || !c->u[q].nagents) only_agents = 0;
        if (only_agents && e + 1 < c->nu) {
            size_t after = c->u[e].last + 1;
            if (after + 1 == c->u[e + 1].first && c->t[after].cls == CL_PREP &&
                (!strcmp(c->t[after].norm, "OF") || !strcmp(c->t[after].norm, "IN") ||
                 !strcmp(c->t[after].norm, "FROM"))) {
                size_t e2 = compound_end(c, e + 1);
                int actors = 1;
                for (size_t q = e + 1; q <= e2; q++)
                    if (!unit_has_actor(c, &c->u[q])) actors = 0;
                if (actors) {
                    link = 1;
                    link_first = e + 1;
                    link_last = e2;
                }
            }
        }
        size_t gfirst = c->u[k].first, glast = c->u[link ? link_last : e].last;
        group *g = new_group(c, gfirst, glast);
        size_t gi = c->ng - 1;
        g->compound = (e > k) || (link && link_last > link_first);
        pl_buf *evp = NULL;
        if (link) {
            for (size_t a = k; a <= e; a++)
                for (size_t q = link_first; q <= link_last; q++) {
                    unit *au = &c->u[q];
                    const char *base = pl_dict_s(c->d, c->m[au->actor].code);
                    char tmp[96];
                    snprintf(tmp, sizeof tmp, "%s", unit_code(c, au, NULL, evp));
                    (void)base;
                    group_add_code(g, c, unit_code(c, &c->u[a], tmp, evp));
                }
        } else {
            /* members without an actor inherit the nearest actor of the compound */
            for (size_t q = k; q <= e; q++) {
                unit *mu = &c->u[q];
                const char *code = NULL;
                if (!unit_has_actor(c, mu) && mu->nagents) {
                    const char *inh = NULL;
                    const unit *from = NULL;
                    for (size_t r = q; r-- > k && !from;)
                        if (unit_has_actor(c, &c->u[r]) && !det_closes(c, &c->u[r], mu))
                            from = &c->u[r];
                    for (size_t r = q + 1; r <= e && !from; r++)
                        if (unit_has_actor(c, &c->u[r])) from = &c->u[r];
                    if (from) {
                        /* "Danish Islamist media and government": DNK + MUS, not MED */
                        unit base = *from;
                        if (base.nagents) base.nagents--;
                        /* "the Assad regime and the opposition": an actor whose
                         * own code has agents (a person, SYRGOV) lends only
                         * its country: SYROPP, not SYRGOVOPP */
                        const char *ac = base.actor >= 0 && c->m[base.actor].code != PL_NOCODE
                                             ? pl_dict_s(c->d, c->m[base.actor].code) : "";
                        char cc[4] = "";
                        if (country_prefix(ac) && strlen(ac) > 3) snprintf(cc, sizeof cc, "%.3s", ac);
                        inh = unit_code(c, &base, *cc ? cc : NULL, NULL);
                    }
                    char ctx[4];
                    if (!inh && c->d->bundled && country_possessive(c, mu) &&
                        context_country(c, mu->first, ctx))
                        inh = pl_arena_strdup(&c->arena, ctx);
                    code = unit_code(c, mu, inh, evp);
                } else if (unit_coded(c, mu) && q < e && mu->nagents == 0 && actor_only_unit(c, mu) &&
                           c->u[e].nagents && unit_has_actor(c, &c->u[e]) &&
                           c->m[c->u[e].actor].first == c->u[e].first) {
                    /* "Russian and Chinese warships": the head noun's agents
                     * belong to every member */
                    unit tmp = *mu;
                    for (int a = 0; a < c->u[e].nagents && tmp.nagents < 8; a++)
                        tmp.agents[tmp.nagents++] = c->u[e].agents[a];
                    code = unit_code(c, &tmp, NULL, evp);
                } else if (unit_coded(c, mu)) {
                    code = unit_code(c, mu, NULL, evp);
                } else if (c->opt.new_actor_length > 0 && !mu->posspron) {
                    code = new_actor_code(c, mu);
                    if (code && k == e) c->g[gi].newactor = 1;
                }
                group_add_code(g, c, code);
            }
        }
        set_group_tokens(c, gi);
        k = (link ? link_last : e) + 1;
    }
    sub_groups(c);
}

/* --- patterns ------------------------------------------------------------------------- */

static int gap_ok(const parley_coder *c, size_t q)
{
    /* Parley's own dictionaries: "ended without an agreement" is no
     * agreement: a pattern's words are not looked for past "without" */
    return c->t[q].cls != CL_PUNCT && c->t[q].cls != CL_COMMA &&
           !((c->t[q].wf & F_WITHOUT) && c->d->bundled);
}

static int match_fwd(const parley_coder *c, const pl_pelem *e, size_t k, size_t ne, size_t pos,
                     binding *b);
static int match_bwd(const parley_coder *c, const pl_pelem *e, size_t k, size_t ne, long pos,
                     binding *b);

/* Element e at token p going forward: sets *next. Tries alternatives via cont. */
static int elem_fwd(const parley_coder *c, const pl_pelem *all, size_t k, size_t ne, size_t p,
                    binding *b)
{
    const pl_pelem *e = &all[k];
    const parley_dict *d = c->d;
    switch (e->kind) {
    case PL_PE_WORD:
        if (p < c->nt && word_matches(c, p, e->arg, e->stem))
            return match_fwd(c, all, k + 1, ne, p + 1, b) ? (b->post_hi = PL_MAX(b->post_hi, (int)p), 1) : 0;
        return 0;
    case PL_PE_SYN: {
        const pl_synset *ss = &d->synsets[e->arg];
        for (uint32_t m = 0; m < ss->n; m++) {
            const pl_synmem *sm = &d->synmem[ss->first + m];
            if (p + sm->nwords > c->nt) continue;
            int ok = 1;
            for (uint16_t q = 0; q < sm->nwords && ok; q++)
                ok = word_matches(c, p + q, d->wordv[sm->words + q],
                                  sm->stem_last && q + 1 == sm->nwords);
            if (ok && match_fwd(c, all, k + 1, ne, p + sm->nwords, b)) {
                b->post_hi = PL_MAX(b->post_hi, (int)(p + sm->nwords - 1));
                return 1;
            }
        }
        return 0;
    }
    default: {
        if (p >= c->nt) return 0;
        int gi = c->gstart[p];
        /* the actor of "the parliament of Gondor" right after a ^ that
         * skipped only "the parliament" */
        if (gi < 0 && b->sub_at == (int)p && c->t[p].group >= 0 && c->g[c->t[p].group].sub1)
            gi = c->g[c->t[p].group].sub1 - 1;
        if (gi < 0) return 0;
        const group *g = &c->g[gi];
        if (e->kind == PL_PE_CMP && g->ncodes < 2) return 0;
        if (e->kind != PL_PE_SKIP && !g->ncodes && !g->pron) return 0;
        binding save = *b;
        if (e->kind == PL_PE_SKIP && g->sub1) {
            /* ^ skips one noun phrase: "the parliament of Gondor" is two
             * (PETRARCH sees the agent phrase and the actor phrase) */
            const group *sg = &c->g[g->sub1 - 1];
            b->sub_at = sg->first;
            if (match_fwd(c, all, k + 1, ne, (size_t)sg->first - 1, b)) return 1;
            *b = save;
        }
        if (e->kind == PL_PE_SRC) b->src = gi;
        else if (e->kind == PL_PE_TGT) b->tgt = gi;
        else if (e->kind == PL_PE_CMP) b->cmp = gi, b->cmp_post = 1;
        if (match_fwd(c, all, k + 1, ne, (size_t)g->last + 1, b)) return 1;
        *b = save;
        return 0;
    }
    }
}

static int match_fwd(const parley_coder *c, const pl_pelem *e, size_t k, size_t ne, size_t pos,
                     binding *b)
{
    if (k == ne) return 1;
    if (--b->budget < 0) return 0;
    if (e[k].adjacent) return elem_fwd(c, e, k, ne, pos, b);
    int word = e[k].kind == PL_PE_WORD && !e[k].stem;
    for (size_t p = pos; p < c->nt; p++) {
        if ((!word || c->t[p].w == e[k].arg) && elem_fwd(c, e, k, ne, p, b)) return 1;
        if (!gap_ok(c, p)) break;
    }
    return 0;
}

static int elem_bwd(const parley_coder *c, const pl_pelem *all, size_t k, size_t ne, long p,
                    binding *b)
{
    const pl_pelem *e = &all[k];
    const parley_dict *d = c->d;
    if (p < 0) return 0;
    switch (e->kind) {
    case PL_PE_WORD:
        if (word_matches(c, (size_t)p, e->arg, e->stem) && match_bwd(c, all, k + 1, ne, p - 1, b)) {
            b->pre_lo = PL_MIN(b->pre_lo, (int)p);
            return 1;
        }
        return 0;
    case PL_PE_SYN: {
        const pl_synset *ss = &d->synsets[e->arg];
        for (uint32_t m = 0; m < ss->n; m++) {
            const pl_synmem *sm = &d->synmem[ss->first + m];
            long st = p - sm->nwords + 1;
            if (st < 0) continue;
            int ok = 1;
            for (uint16_t q = 0; q < sm->nwords && ok; q++)
                ok = word_matches(c, (size_t)st + q, d->wordv[sm->words + q],
                                  sm->stem_last && q + 1 == sm->nwords);
            if (ok && match_bwd(c, all, k + 1, ne, st - 1, b)) {
                b->pre_lo = PL_MIN(b->pre_lo, (int)st);
                return 1;
            }
        }
        return 0;
    }
    default: {
        int gi = c->gend[p];
        if (gi < 0) return 0;
        const group *g = &c->g[gi];
        if (e->kind == PL_PE_CMP && g->ncodes < 2) return 0;
        if (e->kind != PL_PE_SKIP && !g->ncodes && !g->pron) return 0;
        binding save = *b;
        if (e->kind == PL_PE_SRC) b->src = gi;
        else if (e->kind == PL_PE_TGT) b->tgt = gi;
        else if (e->kind == PL_PE_CMP) b->cmp = gi;
        if (match_bwd(c, all, k + 1, ne, (long)g->first - 1, b)) {
            b->pre_lo = PL_MIN(b->pre_lo, (int)g->first);
            return 1;
        }
        *b = save;
        return 0;
    }
    }
}

static int match_bwd(const parley_coder *c, const pl_pelem *e, size_t k, size_t ne, long pos,
                     binding *b)
{
    if (k == ne) return 1;
    if (--b->budget < 0) return 0;
    if (e[k].adjacent) return elem_bwd(c, e, k, ne, pos, b);
    for (long p = pos; p >= 0; p--) {
        if (elem_bwd(c, e, k, ne, p, b)) return 1;
        if (!gap_ok(c, (size_t)p)) break;
    }
    return 0;
}

static int pattern_match(parley_coder *c, const pl_pattern *pt, const cverb *v, binding *b)
{
    const pl_pelem *el = &c->d->pelems[pt->elems];
    /* quick reject: every literal word must occur in the sentence */
    for (size_t k = 0; k < (size_t)pt->npre + pt->npost; k++)
        if (el[k].kind == PL_PE_WORD && !el[k].stem && !wset_has(c, el[k].arg)) return 0;
    for (size_t k = 0; k < (size_t)pt->npre + pt->npost; k++)
        if (el[k].kind == PL_PE_SYN && !syn_may_match(c, el[k].arg)) return 0;
    b->src = b->tgt = b->cmp = -1;
    b->cmp_post = 0;
    b->budget = 4096; /* a pathological pattern cannot take longer than this */
    b->sub_at = -1;
    b->pre_lo = v->first;
    b->post_hi = v->last;
    if (!match_bwd(c, el, 0, pt->npre, (long)v->first - 1, b)) return 0;
    binding keep = *b;
    if (!match_fwd(c, el + pt->npre, 0, pt->npost, (size_t)v->last + 1, b)) {
        *b = keep;
        return 0;
    }
    return 1;
}

/* --- events ---------------------------------------------------------------------------- */

static int is_boundary(const parley_coder *c, size_t q)
{
    uint8_t k = c->t[q].cls;
    return k == CL_COMMA || k == CL_PUNCT || k == CL_REL || k == CL_SCONJ ||
           (c->t[q].wf & F_SUBPREP) || (k == CL_CONJ && !strcmp(c->t[q].norm, "BUT"));
}

/* The codes of group gi, resolving pronouns. */
static int group_codes(parley_coder *c, int gi, const char **out, int before)
{
    if (gi < 0) return 0;
    const group *g = &c->g[gi];
    if (!g->pron) {
        for (int k = 0; k < g->ncodes; k++) out[k] = g->codes[k];
        return g->ncodes;
    }
    if (!(c->t[g->first].wf & F_SUBJPRON)) return 0;
    /* Parley's own dictionaries: "it" is one actor, never a compound ("Saudi
     * Arabia, the UAE, Egypt and Bahrain cut ties with Qatar, accusing it"),
     * and as an object it may stand for the object of a preposition */
    int it = c->d->bundled && !strcmp(c->t[g->first].norm, "IT");
    /* the nearest coded group before it, else the story's last actor */
    for (int k = gi - 1; k >= 0; k--)
        if (!c->g[k].pron && c->g[k].ncodes && !(it && c->g[k].ncodes > 1) &&
            !(c->g[k].first > 0 && !(it && !before) &&
              (c->t[c->g[k].first - 1].cls == CL_PREP || c->t[c->g[k].first - 1].cls == CL_CONJ))) {
            for (int q = 0; q < c->g[k].ncodes; q++) out[q] = c->g[k].codes[q];
            return c->g[k].ncodes;
        }
    if (c->story_on) { /* story.c: he/she/they of earlier sentences */
        int n = pl_story_pronoun(c->story, c->t[g->first].norm, c->text, c->len, out,
                             MAX_CODES, c->sent);
        if (n) return n;
    }
    for (int q = 0; q < c->nlast; q++) out[q] = pl_arena_strdup(&c->arena, c->last_codes[q]);
    return c->nlast;
}

static void span_text(parley_coder *c, int gi, const char **txt, parley_span *sp)
{
    if (gi < 0) {
        *txt = "";
        sp->start = sp->end = 0;
        return;
    }
    const group *g = &c->g[gi];
    sp->start = c->t[g->first].start;
    sp->end = c->t[g->last].end;
    *txt = pl_arena_strndup(&c->arena, c->text + sp->start, sp->end - sp->start);
}

/* Story duplicates: a hash set of 64-bit key hashes (0 = empty slot). */
static int seen_before(parley_coder *c, const char *key)
{
    uint64_t h = pl_hash(key, strlen(key)) | 1;
    if ((c->nseen + 1) * 2 > c->capseen) {
        size_t ncap = c->capseen ? c->capseen * 2 : 64;
        uint64_t *ns = pl_xcalloc(ncap, sizeof *ns);
        for (size_t i = 0; i < c->capseen; i++) {
            if (!c->seen[i]) continue;
            size_t j = c->seen[i] & (ncap - 1);
            while (ns[j]) j = (j + 1) & (ncap - 1);
            ns[j] = c->seen[i];
        }
        free(c->seen);
        c->seen = ns;
        c->capseen = ncap;
    }
    size_t j = h & (c->capseen - 1);
    while (c->seen[j]) {
        if (c->seen[j] == h) return 1;
        j = (j + 1) & (c->capseen - 1);
    }
    c->seen[j] = h;
    c->nseen++;
    return 0;
}

static void really_emit(parley_coder *c, const char *src, const char *tgt, const char *code, int sgi,
                        int tgi, const cverb *v, const char *mode, const char *evid)
{
    if (c->stop) return;
    if (!strcmp(src, tgt) && strcmp(src, "---") != 0) return;
    /* one-sided statements ("..., Lavrov said") of different sentences are
     * not repeats of one event: the sentence is part of their key */
    int lone = c->d->bundled && !strcmp(tgt, "---") && code[0] == '0' && code[1] == '1';
    if (!c->opt.keep_duplicates) {
        char key[256], sn[16] = "";
        size_t kl = 0;
        if (lone) snprintf(sn, sizeof sn, "#%d", c->sent);
        const char *parts[5] = {c->datebuf, src, tgt, code, sn};
        for (int i = 0; i < 5; i++) {
            size_t pl = strlen(parts[i]);
            if (kl + pl + 1 >= sizeof key) pl = sizeof key - kl - 2;
            memcpy(key + kl, parts[i], pl);
            kl += pl;
            key[kl++] = '|';
        }
        key[kl] = 0;
        if (seen_before(c, key)) return;
    }
    parley_event ev;
    memset(&ev, 0, sizeof ev);
    ev.doc = c->doc ? c->doc : "";
    ev.sent = c->sent;
    memcpy(ev.date, c->datebuf, sizeof ev.date);
    ev.source = src;
    ev.target = tgt;
    ev.code = code;
    const parley_cameo *cm = parley_cameo_lookup(code);
    char root[3] = {code[0], code[0] ? code[1] : 0, 0};
    ev.root = cm ? cm->root : pl_arena_strdup(&c->arena, root);
    ev.quad = cm ? cm->quad : 0;
    ev.goldstein = cm ? cm->goldstein : 0.0;
    ev.plover = cm ? cm->plover_event : "";
    ev.mode = mode;
    span_text(c, sgi, &ev.source_text, &ev.source_span);
    span_text(c, tgi, &ev.target_text, &ev.target_span);
    ev.verb_span.start = c->t[v->first].start;
    ev.verb_span.end = c->t[v->last].end;
    ev.verb_text = pl_arena_strndup(&c->arena, c->text + ev.verb_span.start,
                                    ev.verb_span.end - ev.verb_span.start);
    ev.sentence = c->text;
    ev.issues = c->issues ? c->issues : "";
    ev.evidence = evid;
    c->nevents++;
    if (c->story_on) pl_story_event(c->story, src, tgt); /* story.c: "the parties" */
    if (c->fn && c->fn(c->ctx, &ev)) c->stop = 1;
}

/* Events of a sentence wait here until every verb is coded: codes ending in
 * '?' (TABARI "subordinate" codes such as SAID [023?]) are kept only when
 * nothing else was coded; "+++" marks a sentence too complex to code. */

/* Does the code part after a country ("KSV" of SRBKSV) name a place of its
 * own rather than an agent role (GOV, MIL)?  Kosovo (SRBKSV) is not Serbia. */
static int region_code(const parley_dict *d, const char *rest)
{
    if (strlen(rest) < 3) return 0;
    for (size_t k = 0; k < d->nagents; k++)
        if (!strncmp(pl_dict_s(d, d->agents[k].code), rest, 3)) return 0;
    return 1;
}

/* Measures a state takes at home (081x eased restrictions, 083x reform or
 * resignation, 172x bans, curfews, martial law): their target may be the
 * source's own country ("the Thai army declared martial law across Thailand"). */
static int domestic_code(const char *code)
{
    return !strncmp(code, "081", 3) || !strncmp(code, "083", 3) || !strncmp(code, "172", 3);
}

/* Against its own country, an actor that is not the state's own voice
 * still makes an event: rebels and the opposition either way (UKRSEP
 * shelled UKR), the army or police as the source (THAMIL declared martial
 * law across THA); a state acting on its own forces (KOR raised KORMIL's
 * alert) is no event between two sides. */
static int nonstate_side(const char *code, int is_source)
{
    static const char *const anti[] = {"REB", "SEP", "INS", "OPP", "UAF", NULL};
    static const char *const force[] = {"MIL", "COP", NULL};
    if (strlen(code) < 6) return 0;
    for (const char *const *r = anti; *r; r++)
        if (!strncmp(code + 3, *r, 3)) return 1;
    for (const char *const *r = force; *r && is_source; r++)
        if (!strncmp(code + 3, *r, 3)) return 1;
    return 0;
}

static void emit(parley_coder *c, const char *src, const char *tgt, const char *code, int sgi,
                 int tgi, const cverb *v, const char *mode, const char *evid)
{
    /* Parley's own dictionaries: "the U.S. president said the United States
     * ..." is no event between USAGOV and USA */
    if (c->d->bundled && country_prefix(src) && country_prefix(tgt) && !strncmp(src, tgt, 3) &&
        (!src[3] || !tgt[3]) && !region_code(c->d, src[3] ? src + 3 : tgt + 3) &&
        !domestic_code(code) &&
        (!strncmp(code, "01", 2) || /* statements: "Chinese police said China ..." */
         (!(src[3] ? nonstate_side(src, 1) : nonstate_side(tgt, 0)) &&
          !(!src[3] && !strncmp(code, "14", 2)) && /* "Venezuelans marched against Maduro" */
          strncmp(code, "17", 2) != 0))) /* a state coercing its own people: curfews, arrests */
        return;
    if (!strcmp(src, "###") || !strcmp(tgt, "###")) {
        c->discarded = "sentencediscard";
        return;
    }
    if (!strcmp(code, "+++") || !strcmp(src, "+++") || !strcmp(tgt, "+++")) {
        c->complex = 1;
        return;
    }
    size_t cl = strlen(code);
    int weak = cl > 1 && code[cl - 1] == '?';
    int dominant = cl > 1 && code[cl - 1] == '!';
    if (weak || dominant) code = pl_arena_strndup(&c->arena, code, cl - 1);
    if (dominant) c->dominant = 1;
    c->pend = pl_grow(c->pend, &c->cappend, c->npend + 1, sizeof *c->pend);
    pending pe = {src, tgt, code, sgi, tgi, (int)(v - c->v), mode, evid, (uint8_t)weak,
                  (uint8_t)dominant};
    c->pend[c->npend++] = pe;
    if (!weak) c->strong = 1;
}

static void lead_speakers(parley_coder *c);

static void flush_events(parley_coder *c)
{
    if (c->d->bundled && !c->complex && !c->discarded) lead_speakers(c);
    if (!c->complex && !c->discarded)
        for (size_t i = 0; i < c->npend && !c->stop; i++) {
            const pending *p = &c->pend[i];
            if (!p->src) continue; /* an agents-only statement whose speaker is unknown */
            if (p->weak && c->strong) continue;
            /* TABARI "dominant" codes (ATTEND [031!]): only they are kept */
            if (c->dominant && !p->dominant) continue;
            really_emit(c, p->src, p->tgt, p->code, p->sgi, p->tgi, &c->v[p->verb], p->mode, p->evid);
        }
    c->npend = 0;
    c->strong = 0;
    c->complex = 0;
    c->dominant = 0;
}

/* Appends "s (file:line)" without printf (this runs for every event). */
static void put_src(pl_buf *b, const parley_dict *d, pl_src src)
{
    char num[16];
    size_t n = 0;
    uint32_t v = src.line;
    do {
        num[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && n < sizeof num);
    pl_buf_puts(b, " (");
    pl_buf_puts(b, dict_file(d, src));
    pl_buf_putc(b, ':');
    while (n) pl_buf_putc(b, num[--n]);
    pl_buf_putc(b, ')');
}

/* The dictionary entries behind group gi's codes. */
static void group_evidence(parley_coder *c, int gi, const char *role, pl_buf *ev)
{
    const group *g = &c->g[gi];
    int first = 1, lastm = -1;
    for (size_t q = g->first; q <= g->last; q++) {
        int mi = c->t[q].ment;
        if (mi < 0 || mi == lastm) continue;
        lastm = mi;
        const mention *m = &c->m[mi];
        if (first) {
            pl_buf_puts(ev, "; ");
            pl_buf_puts(ev, role);
            pl_buf_puts(ev, ": ");
        } else {
            pl_buf_puts(ev, ", ");
        }
        first = 0;
        if (!m->agent) {
            const pl_actor *a = &c->d->actors[m->idx];
            pl_buf_puts(ev, "actor ");
            pl_buf_puts(ev, pl_dict_s(c->d, a->name));
            pl_buf_putc(ev, '=');
            pl_buf_puts(ev, m->code == PL_NOCODE ? "?" : pl_dict_s(c->d, m->code));
            put_src(ev, c->d, a->src);
        } else {
            const pl_agent *ag = &c->d->agents[m->idx];
            pl_buf_puts(ev, "agent ");
            pl_buf_puts(ev, pl_dict_s(c->d, ag->code));
            put_src(ev, c->d, ag->src);
        }
    }
}

/* Is the group starting at token q the object of a preposition?  "The
 * ambassadors of X": X is the subject when the head before "of" is an uncoded
 * noun that is not itself inside a prepositional phrase. */
static int pp_object(const parley_coder *c, size_t q)
{
    /* "the ambassador to the United Nations": "to" before a noun phrase too */
    if (q == 0 || (c->t[q - 1].cls != CL_PREP && !(c->t[q - 1].wf & F_TO)) ||
        (c->t[q - 1].wf & F_SUBPREP))
        return 0;
    if (strcmp(c->t[q - 1].norm, "OF") != 0 || q < 2) return 1;
    int hg = c->t[q - 2].group;
    if (hg < 0 || c->g[hg].ncodes) return 1;
    size_t hf = c->g[hg].first;
    return hf > 0 && c->t[hf - 1].cls == CL_PREP;
}

/* After the opening comma clause was eliminated (comma_bmin/bmax, off by
 * default): PETRARCH deletes that clause's complete phrases, subject and
 * verb included, and what is left has no subject; its coder then takes the
 * first actor after the last comma before the verb (its "upper sequence"),
 * whatever the clause structure: "[Varland is ready to sign,] firm trade
 * deals with Ostmark soon after Kesh troops shelled its towns" gives
 * Ostmark as the source of SHELLED. */
static int cut_source(parley_coder *c, const cverb *v, int limit, int exclude)
{
    size_t st = v->first;
    while (st > 0 && c->t[st - 1].cls != CL_COMMA) st--;
    for (size_t q = st; q < (size_t)limit; q++) {
        int gi = c->t[q].group;
        if (gi < 0 || gi == exclude || c->g[gi].first != q || c->g[gi].pron) continue;
        const char *tmp[MAX_CODES];
        if (group_codes(c, gi, tmp, 1)) return gi;
    }
    return -1;
}

/* Bundled dictionaries: a participle right after an uncoded noun that is the
 * object of an earlier verb of its clause, followed by a prepositional phrase
 * or the end of the clause ("lifted the curfew imposed after days of
 * protests", "accused each other of violating a truce brokered in Moscow")
 * is a reduced relative: without "by" it names no source. */
static int reduced_participle(const parley_coder *c, const cverb *v)
{
    uint8_t vf = c->t[v->at].vform;
    if ((vf != PL_VF_PAST && vf != PL_VF_PART) || v->first == 0) return 0;
    size_t q = v->first - 1;
    int gi = c->t[q].group;
    if (gi < 0 || c->g[gi].last != q || c->g[gi].ncodes || c->g[gi].pron ||
        c->t[q].pos != PL_POS_NOUN)
        return 0;
    size_t nx = (size_t)v->last + 1;
    while (nx < c->nt && c->t[nx].cls == CL_ADV) nx++;
    if (nx < c->nt && c->t[nx].cls != CL_PREP && c->t[nx].cls != CL_COMMA && c->t[nx].cls != CL_PUNCT)
        return 0;
    if (nx < c->nt && !strcmp(c->t[nx].norm, "BY")) return 0;
    for (long r = (long)c->g[gi].first - 1; r >= 0; r--) {
        if (is_boundary(c, (size_t)r) || c->t[r].cls == CL_CONJ) return 0;
        if (c->t[r].isverb) return 1;
    }
    return 0;
}

/* Bundled dictionaries: a passive without "by" in its clause ("X had been
 * killed in its consulate", "was accused of"): its subject is what the verb
 * acted on, and no source is named (not for force posture and withdrawals). */
static int agentless_passive(const parley_coder *c, const cverb *v, const char *code)
{
    /* "the army was put on high alert", "troops were withdrawn": in force
     * posture and de-escalation the subject's side is the source */
    if (!strncmp(code, "15", 2) || !strncmp(code, "087", 3) || !strncmp(code, "166", 3)) return 0;
    uint8_t vf = c->t[v->at].vform;
    if ((vf != PL_VF_PAST && vf != PL_VF_PART) || !c->t[v->at].isverb) return 0;
    long q = (long)v->first - 1;
    while (q >= 0 && (c->t[q].cls == CL_ADV || c->t[q].cls == CL_NEG)) q--;
    if (q < 0 || !(c->t[q].wf & F_BE)) return 0;
    for (size_t r = (size_t)v->last + 1; r < c->nt; r++) {
        if (!strcmp(c->t[r].norm, "BY")) return 0;
        if (is_boundary(c, r) || c->t[r].isverb) break;
    }
    return 1;
}

/* a straight or curly quotation mark */
static int is_quote(const parley_coder *c, size_t q)
{
    const char *w = c->t[q].norm;
    return c->t[q].cls == CL_PUNCT && (!strcmp(w, "\"") || !strcmp(w, "``") || !strcmp(w, "''") ||
                                       !strcmp(w, "\xe2\x80\x9c") || !strcmp(w, "\xe2\x80\x9d"));
}

/* Bundled dictionaries: ", killing 13 soldiers" after a bombing or an
 * attack of root 18 is that attack's toll: a participle tail coded only with
 * its block's generic 190 takes the code of the sentence's last root-18 event
 * ("a suicide bomber struck crowds, killing ..." is 1831 for both). */
static const char *attack_tail_code(const parley_coder *c, const cverb *v, const char *code)
{
    if (strcmp(code, "190") != 0 || c->t[v->at].vform != PL_VF_GERUND || v->first == 0 ||
        c->t[v->first - 1].cls != CL_COMMA)
        return code;
    for (size_t i = c->npend; i-- > 0;)
        if (c->pend[i].verb >= 0 && (size_t)c->pend[i].verb < (size_t)(v - c->v))
            return !strncmp(c->pend[i].code, "18", 2) ? c->pend[i].code : code;
    return code;
}

/* Bundled dictionaries: a statement in a closing ", saying ..." clause
 * whose content names no actor ("rejected claims that it had sent weapons
 * to Russia, saying the accusations were groundless") is about the main
 * clause's event: that event's target. */
static int tail_statement_target(const parley_coder *c, const cverb *v, const char *code, int src)
{
    if (strncmp(code, "01", 2) != 0 || c->t[v->at].vform != PL_VF_GERUND || v->first == 0 ||
        c->t[v->first - 1].cls != CL_COMMA)
        return -1;
    for (size_t i = c->npend; i-- > 0;)
        if (c->pend[i].sgi == src && c->pend[i].tgi >= 0 && c->pend[i].tgi != src) return c->pend[i].tgi;
    return -1;
}

/* Bundled dictionaries: a reaction with no target of its own ("expressed
 * strong concern after North Korea launched a missile", "protested after
 * X ...") targets the actor of the following after-clause. */
static int after_clause_target(const parley_coder *c, const cverb *v, const char *code, int src)
{
    if (strncmp(code, "01", 2) != 0 && strncmp(code, "11", 2) != 0 && strncmp(code, "14", 2) != 0)
        return -1;
    int after = 0;
    for (size_t q = (size_t)v->last + 1; q < c->nt; q++) {
        if (c->t[q].cls == CL_COMMA || c->t[q].cls == CL_PUNCT || c->t[q].cls == CL_REL) break;
        if (c->t[q].isverb && q > v->last) {
            if (after) break;
            continue;
        }
        if (c->t[q].wf & F_SUBPREP) {
            if (after || strcmp(c->t[q].norm, "AFTER") != 0) break;
            after = 1;
            continue;
        }
        int gi = c->t[q].group;
        if (!after || gi < 0 || gi == src || c->g[gi].first != q || c->g[gi].pron || !c->g[gi].ncodes)
            continue;
        if (!strncmp(c->g[gi].codes[0], "---", 3)) continue;
        return gi;
    }
    return -1;
}

/* Default subject of verb v: the first coded group of its clause before
 * it, else the first coded group of the sentence before it. */
/* Parley's own dictionaries: a reduced relative clause.  "Russia blocked a
 * resolution condemning the coup": a gerund right after an uncoded noun
 * that is the object of an earlier verb of its clause describes that noun;
 * when that verb opposes the noun (blocked, vetoed, rejected ...) the
 * subject is not the gerund's agent: no source.  Otherwise the subject
 * usually is ("launched strikes targeting Hezbollah", "proposed a plan
 * calling for a truce", "adopted a resolution demanding ...") and the
 * clause rules stand.  st is the first token of the verb's clause. */
static int reduced_relative(const parley_coder *c, const cverb *v, size_t st)
{
    static const char *const OPPOSE[] = {"BLOCKED", "BLOCKS", "BLOCK", "VETOED", "VETOES", "VETO",
                                         "REJECTED", "REJECTS", "REJECT", "OPPOSED", "OPPOSES",
                                         "CONDEMNED", "CONDEMNS", "CRITICISED", "CRITICIZED",
                                         "DENOUNCED", "SUSPENDED", "BANNED", "BANS", "SCRAPPED",
                                         "DISMISSED", "DENIED", "DENIES", "REPEALED", NULL};
    if (c->t[v->at].vform != PL_VF_GERUND || v->first == 0) return 0;
    size_t q = (size_t)v->first - 1;
    const ctok *n = &c->t[q];
    if (n->group < 0 || n->ment >= 0 || c->g[n->group].last != q || c->g[n->group].ncodes ||
        (n->pos != PL_POS_NOUN && n->pos != PL_POS_PROPN))
        return 0;
    for (long r = (long)c->g[n->group].first - 1; r >= (long)st; r--) {
        if (!c->t[r].isverb) continue;
        for (const char *const *a = OPPOSE; *a; a++)
            if (!strcmp(c->t[r].norm, *a)) return 1;
        return 0;
    }
    return 0;
}

static int default_source(parley_coder *c, const cverb *v, int limit, int exclude)
{
    if (c->d->format_tabari) {
        /* TABARI: the first actor of the conjunct ("... but Dagolath
         * promised"), else of the sentence; subordinate clauses do not count */
        size_t st = v->first;
        while (st > 0) {
            const ctok *p = &c->t[st - 1];
            if (p->cls == CL_PUNCT && strcmp(p->norm, ";") == 0) break;
            if (p->cls == CL_CONJ && c->t[st - 1].group < 0 &&
                (!strcmp(p->norm, "BUT") || c->t[st].isverb || c->t[st].cls == CL_AUX))
                break;
            st--;
        }
        for (int pass = 0; pass < 2; pass++)
            for (size_t q = pass ? 0 : st; q < (size_t)limit; q++) {
                int gi = c->t[q].group;
                if (gi < 0 || gi == exclude || c->g[gi].first != q || pp_object(c, q)) continue;
                const char *tmp[MAX_CODES];
                if (group_codes(c, gi, tmp, 1)) return gi;
            }
        return -1;
    }
    if (c->open_cut) {
        int gi = cut_source(c, v, limit, exclude);
        if (gi >= 0) return gi;
    }
    /* the phrase right before the verb ("said Israel had attacked ...") */
    if (limit == (int)v->first) {
        long q = (long)v->first - 1;
        while (q >= 0 && (c->t[q].cls == CL_AUX || c->t[q].cls == CL_ADV || c->t[q].cls == CL_NEG))
            q--;
        /* 'Russia "works with ...': a quote opened between subject and verb */
        if (c->d->bundled && q > 0 && is_quote(c, (size_t)q) && c->t[q - 1].group >= 0) q--;
        int gi = q >= 0 ? c->t[q].group : -1;
        if (gi >= 0 && gi != exclude && c->g[gi].last == q && !pp_object(c, c->g[gi].first) &&
            !c->g[gi].newactor) {
            const char *tmp[MAX_CODES];
            if (group_codes(c, gi, tmp, 1)) return gi;
        }
    }
    size_t st = v->first;
    /* commas inside a group ("A, B and C") do not end the clause */
    while (st > 0 && !(is_boundary(c, st - 1) && c->t[st - 1].group < 0)) st--;
    if (c->d->bundled && limit == (int)v->first && reduced_relative(c, v, st)) return -1;
    for (size_t q = st; q < (size_t)limit; q++) {
        int gi = c->t[q].group;
        if (gi < 0 || gi == exclude) continue;
        if (c->g[gi].first != q) continue;
        /* objects of prepositions ("on Thursday") are not subjects */
        if (pp_object(c, q)) continue;
        const char *tmp[MAX_CODES];
        if (group_codes(c, gi, tmp, 1)) return gi;
        /* "the ambassadors of X", "resumption of ties between A and B": the
         * actors of the prepositional phrases inside the subject */
        if (!c->g[gi].pron) {
            size_t r = (size_t)c->g[gi].last + 1;
            while (r < (size_t)limit && c->t[r].cls == CL_PREP && !(c->t[r].wf & F_SUBPREP) &&
                   r + 1 < (size_t)limit && c->t[r + 1].group >= 0) {
                int hg = c->t[r + 1].group;
                if (c->g[hg].ncodes && !c->g[hg].pron && hg != exclude) return hg;
                r = (size_t)c->g[hg].last + 1;
            }
            /* an uncoded subject ("a hafling was reported"): no source
             * (TABARI takes the first actor all the same) */
            if (c->d->format_tabari) continue;
            return -1;
        }
    }
    /* "the US secretary of state, in turn, pledged": a short verbless
     * parenthetical between the subject and the verb */
    size_t vq = st;
    while (vq < v->first && (c->t[vq].cls == CL_AUX || c->t[vq].cls == CL_ADV)) vq++;
    if (!c->d->format_tabari && st > 2 && c->t[st - 1].cls == CL_COMMA && vq == v->first) {
        size_t k = st - 1;
        while (k > 0 && st - 1 - k < 5 && c->t[k - 1].cls != CL_COMMA && !c->t[k - 1].isverb &&
               c->t[k - 1].cls != CL_PUNCT)
            k--;
        if (k > 1 && k < st - 1 && c->t[k - 1].cls == CL_COMMA) {
            int gi = c->t[k - 2].group;
            const char *tmp[MAX_CODES];
            if (gi >= 0 && gi != exclude && c->g[gi].last == k - 2 && !c->g[gi].pron &&
                !pp_object(c, c->g[gi].first) && group_codes(c, gi, tmp, 1))
                return gi;
        }
    }
    /* no subject in the clause: the sentence subject, unless the clause is
     * relative ("who shot ...") or subordinate ("after leaving ...") */
    if (st > 0 && ((c->t[st - 1].cls == CL_REL && strcmp(c->t[st - 1].norm, "THAT") != 0) ||
                   (c->t[st - 1].wf & F_SUBPREP)))
        return -1;
    /* "..., while A and B intend ..., blaming X": a participle clause after a
     * comma takes the subject of the nearest clause before it */
    if (st > 1 && c->t[st - 1].cls == CL_COMMA &&
        c->t[v->at].vform == PL_VF_GERUND) {
        size_t pe = st - 1, ps = pe;
        while (ps > 0 && !(is_boundary(c, ps - 1) && c->t[ps - 1].group < 0)) ps--;
        /* "rejected the plan that Trump unveiled, saying": not the relative clause */
        static const char *const RELS[] = {"WHO", "WHOM", "WHOSE", "WHICH", "THAT", NULL};
        while (c->d->bundled && ps > 1 && word_in(c->t[ps - 1].norm, RELS)) {
            pe = ps - 1;
            ps = pe;
            while (ps > 0 && !(is_boundary(c, ps - 1) && c->t[ps - 1].group < 0)) ps--;
        }
        size_t pv = pe;
        for (size_t q = ps; q < pe && pv == pe; q++)
            if (c->t[q].isverb) pv = q;
        for (size_t q = ps; q < pv; q++) {
            int gi = c->t[q].group;
            if (gi < 0 || gi == exclude || c->g[gi].first != q) continue;
            if (c->g[gi].pron || pp_object(c, q)) break;
            if (c->g[gi].ncodes) return gi;
            break;
        }
    }
    for (size_t q = 0; q < st && q < (size_t)limit; q++) {
        int gi = c->t[q].group;
        if (gi < 0 || gi == exclude || c->g[gi].first != q) continue;
        if (c->g[gi].pron) continue;
        if (pp_object(c, q)) continue;
        if (c->g[gi].ncodes) return gi;
    }
    return -1;
}

static int directional_prep(const parley_coder *c, size_t q)
{
    if (q == 0) return 0;
    const char *p = c->t[q - 1].norm;
    return !strcmp(p, "TO") || !strcmp(p, "WITH") || !strcmp(p, "AGAINST") || !strcmp(p, "FOR") ||
           !strcmp(p, "TOWARD") || !strcmp(p, "TOWARDS") || !strcmp(p, "INTO");
}

static int default_target(parley_coder *c, size_t from, size_t to, int exclude)
{
    int fallback = -1, agent_only = -1;
    int inside = 0; /* searching a kept comma clause ", ... after X VERBed ..." */
    for (size_t q = from; q < to && q < c->nt; q++) {
        /* a subordinate clause or a new clause after a comma ends the search,
         * except that a verb with nothing coded before a comma clause that
         * the comma rule kept (", almost five years after X burned ...")
         * takes its object from that clause, up to its next comma */
        if (q > from && !inside && (c->t[q].wf & F_SUBPREP)) break;
        if (c->t[q].cls == CL_COMMA) {
            if (inside) break;
            int verb = 0;
            size_t r = q + 1;
            for (; r < c->nt && !is_boundary(c, r); r++)
                if (c->t[r].isverb || (c->d->bundled && c->t[r].pos == PL_POS_VERB &&
                                         (c->t[r].vform != PL_VF_GERUND ||
                                          (r == q + 1 && strcmp(c->t[r].norm, "REFERRING") != 0))))
                    verb = 1; /* "..., as tensions with X rose", "..., leaving 20 soldiers dead" */
            if (verb) break;
            if (fallback < 0 && agent_only < 0 && r < c->nt && (c->t[r].wf & F_SUBPREP))
                for (size_t r2 = r + 1; r2 < c->nt && c->t[r2].cls != CL_COMMA; r2++)
                    if (c->t[r2].isverb) inside = 1;
        }
        int gi = c->t[q].group;
        if (gi < 0 || gi == exclude || c->g[gi].first != q) continue;
        if (c->g[gi].pron) continue;
        /* "..., according to the opposition": who reports, never the target */
        if (c->d->bundled && q >= 2 && (c->t[q - 1].wf & F_TO) && !strcmp(c->t[q - 2].norm, "ACCORDING"))
            continue;
        if (c->g[gi].newactor && c->g[gi].ncodes) {
            if (fallback < 0) fallback = gi;
            continue;
        }
        if (!c->g[gi].ncodes) continue;
        /* Parley's own dictionaries: "..., according to the opposition" names
         * the source of the report, not the target */
        if (c->d->bundled && q >= 2 && !strcmp(c->t[q - 1].norm, "TO") &&
            !strcmp(c->t[q - 2].norm, "ACCORDING"))
            continue;
        if (agent_only >= 0) {
            /* "deployed troops to the Central African Republic": an actor
             * after to/with/against beats the agents-only object */
            if (directional_prep(c, q) && strncmp(c->g[gi].codes[0], "---", 3) != 0) return gi;
            continue;
        }
        if (!strncmp(c->g[gi].codes[0], "---", 3) && c->g[gi].ncodes == 1) {
            agent_only = gi;
            continue;
        }
        return gi;
    }
    return agent_only >= 0 ? agent_only : fallback;
}

/* Bundled dictionaries: "told reporters (on Friday) that China ...": the
 * press as the audience of a statement is no target, nor is its place ("said
 * in Brussels"); the reported content names it. */
static int past_audience(parley_coder *c, int tgt, size_t stop, int src)
{
    size_t f = c->g[tgt].first;
    if (f > 0 && (!strcmp(c->t[f - 1].norm, "IN") || !strcmp(c->t[f - 1].norm, "AT"))) {
        /* "Stoltenberg said in Brussels": the place of a statement is no target */
        int next = default_target(c, (size_t)c->g[tgt].last + 1, stop, src);
        if (next >= 0) return past_audience(c, next, stop, src);
        size_t q = (size_t)c->g[tgt].last + 1; /* "..., X said in Brussels.": the content before */
        while (q < c->nt && (c->t[q].cls == CL_PUNCT || c->t[q].cls == CL_ADV)) q++;
        return q >= c->nt ? -1 : tgt;
    }
    if (c->g[tgt].ncodes != 1 || strcmp(c->g[tgt].codes[0], "---MED") != 0) return tgt;
    size_t from = (size_t)c->g[tgt].last + 1;
    for (size_t q = from; q < stop && q < c->nt && !c->t[q].isverb; q++)
        if (!strcmp(c->t[q].norm, "THAT")) {
            from = q + 1;
            break;
        }
    return default_target(c, from, stop, src);
}

static int country_prefix(const char *code)
{
    if (strlen(code) < 3) return 0;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z') return 0;
    return strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3) && strncmp(code, "IMG", 3) &&
           strncmp(code, "MNC", 3) && strncmp(code, "UIS", 3) && strncmp(code, "NGM", 3);
}

/* Bundled dictionaries: a measure a state takes at home ("Armenia declared
 * martial law", "Algeria's President resigned", "imposed a curfew") with no
 * target named targets the source's own country (codes 081x, 083x, 172x). */
static int own_country_target(parley_coder *c, const char *code, const char *scode, const char **tcodes)
{
    if (!domestic_code(code) || !country_prefix(scode)) return 0;
    char buf[4];
    snprintf(buf, sizeof buf, "%.3s", scode);
    tcodes[0] = pl_arena_strdup(&c->arena, buf);
    return 1;
}

/* Parley's own dictionaries: religion codes (MOS, CHR, JEW ...) lead an
 * actor code like a country but name no country: "a Shiite mosque" (MOS)
 * gives no country to "a suicide bomber". */
static int religion_prefix(const char *code)
{
    static const char *const rel[] = {"MOS", "CHR", "JEW", "BUD", "HIN", "SIK", "ATH", "TAO",
                                      "ZRO", "JAN", "BAH", "SHN", "CON", "DRZ", "ALE", "ADR",
                                      "PAG", NULL};
    for (const char *const *r = rel; *r; r++)
        if (!strncmp(code, *r, 3)) return 1;
    return 0;
}

static int land_code(const parley_coder *c, const char *code)
{
    return country_prefix(code) && !(c->d->bundled && religion_prefix(code));
}

/* Parley's own dictionaries: the country of a place named in the sentence
 * ("in the town of Bucha near Kyiv", "in northern Burkina Faso", "in the
 * Pakistani city of Peshawar"): a group coded as a bare country (or one of
 * its regions) after in/at/near/outside/inside/across.  The first such
 * place after group gi, else the nearest one before it. */
static const char *place_country(const parley_coder *c, int gi)
{
    const char *before = NULL;
    for (size_t k = 0; k < c->ng; k++) {
        const group *g = &c->g[k];
        if ((int)k == gi || g->pron || g->ncodes != 1 || g->first == 0) continue;
        const char *code = g->codes[0];
        if (!land_code(c, code) || (code[3] && !region_code(c->d, code + 3))) continue;
        const char *p = c->t[g->first - 1].norm;
        if (strcmp(p, "IN") && strcmp(p, "AT") && strcmp(p, "NEAR") && strcmp(p, "OUTSIDE") &&
            strcmp(p, "INSIDE") && strcmp(p, "ACROSS"))
            continue;
        if (gi < 0 || g->first > c->g[gi].last) return code;
        before = code;
    }
    return before;
}

static void infer_country(parley_coder *c, const char **codes, int n, const char **other, int no,
                          int gi_own, uint8_t *from_other, int is_source)
{
    for (int i = 0; i < n; i++) {
        from_other[i] = 0;
        if (strncmp(codes[i], "---", 3) != 0 || !codes[i][3]) continue;
        const char *cc = NULL;
        int side = 0;
        /* "attacked an Israeli army patrol and killed two soldiers": another
         * phrase of the sentence with the same role gives the country */
        for (size_t gi = 0; gi < c->ng && !cc && c->d->bundled; gi++)
            for (int k = 0; k < c->g[gi].ncodes && !cc; k++) {
                const char *gc = c->g[gi].codes[k];
                int mine = 0;
                for (int j = 0; j < no; j++) mine |= !strncmp(other[j], gc, 3);
                if (!mine && land_code(c, gc) && !strcmp(gc + 3, codes[i] + 3)) cc = gc;
            }
        /* "Russian troops killed civilians in the town of Bucha near Kyiv":
         * the victims (or unnamed attackers) belong to the place, not to
         * the other side */
        if (!cc && c->d->bundled) cc = place_country(c, gi_own);
        /* "The defence minister accused Hamas ..." after a sentence about
         * Israel: a state role as the source belongs to the story's
         * country, not to the other side's */
        char ctx[4];
        if (!cc && c->d->bundled && is_source && primary_role(codes[i] + 3) == 1 &&
            (!strncmp(codes[i] + 3, "GOV", 3) || !strncmp(codes[i] + 3, "JUD", 3)) &&
            gi_own >= 0 && context_country(c, c->g[gi_own].first, ctx))
            cc = pl_arena_strdup(&c->arena, ctx);
        if (!cc) side = 1;
        for (int j = 0; j < no && !cc; j++)
            if (land_code(c, other[j])) cc = other[j];
        for (size_t gi = 0; gi < c->ng && !cc; gi++)
            for (int k = 0; k < c->g[gi].ncodes && !cc; k++)
                if (land_code(c, c->g[gi].codes[k])) cc = c->g[gi].codes[k];
        if (!cc) continue;
        from_other[i] = (uint8_t)side;
        char buf[64];
        snprintf(buf, sizeof buf, "%.3s%s", cc, codes[i] + 3);
        codes[i] = pl_arena_strdup(&c->arena, buf);
    }
}

/* --- complements: appeal, intent, demand and threat frames ------------------------------
 *
 * Parley's bundled dictionaries only (docs/coder.md, "Complements").  The
 * complement of an appeal, intent, demand or threat ("threatened to cut aid",
 * "urged Russia to pull back", "demanded that Japan release", "said it would
 * suspend", "is ready to settle") did not happen: when the governing verb's
 * own patterns did not code it, its event is mirrored into the governing
 * family (data/cameo/mirror.tsv: 085 -> 0354 intent, 1054 demand ...) and
 * the complement itself is delivered only with a mode.  "said it would" and
 * "ready to" have no verb of the intent family: a frame verb at the anchor
 * word tries the intent block's patterns (the shared complements of
 * data/dict/VERBS.md) before the complement's own event is mirrored. */

/* A frame verb ("said it WOULD", "is READY to") stands on a word that is no
 * verb form: its token is not marked as a verb. */
static int frame_verb(const parley_coder *c, const cverb *v)
{
    return !c->t[v->at].isverb;
}

/* The CAMEO root (1, 2, 3, 10, 13 ...) of verb vi's default code; 0 none. */
static int verb_family(const parley_coder *c, int vi)
{
    const parley_dict *d = c->d;
    const pl_verb_form *f = &d->vforms[c->v[vi].form];
    pl_vcode code = f->code.set ? f->code : d->blocks[f->block].code;
    if (frame_verb(c, &c->v[vi])) return PL_MIRROR_INTENT;
    if (!code.set || code.null || code.a == PL_NOCODE) return 0;
    const char *s = pl_dict_s(d, code.a);
    if (!pl_isdigit((unsigned char)s[0]) || !pl_isdigit((unsigned char)s[1])) return 0;
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* The verb (real or frame verb) covering token q, or -1. */
static int verb_covering(const parley_coder *c, long q)
{
    if (q < 0) return -1;
    for (size_t k = 0; k < c->nv; k++)
        if (c->v[k].first <= q && q <= c->v[k].last) return (int)k;
    return -1;
}

static long skip_adv_back(const parley_coder *c, long q)
{
    while (q >= 0 && c->t[q].cls == CL_ADV) q--;
    return q;
}

static int word_in(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list)) return 1;
    return 0;
}

static const char *const INTENT_WORDS[] = {"PLAN", "PLANS", "PLANNED", "PLANNING", "INTEND",
                                           "INTENDS", "INTENDED", "INTENDING", NULL};
static const char *const READY_WORDS[] = {"READY", "WILLING", "PREPARED", NULL};
/* "is set to visit", "is due to sign": scheduled, not done */
static const char *const SCHEDULE_WORDS[] = {"SET", "DUE", "SCHEDULED", "SLATED", "EXPECTED", "LIKELY",
                                             "UNLIKELY", "GOING", "ABOUT", "POISED", NULL};

/* A group ending at token r that can be the subject of a complement: a
 * subject pronoun or a coded phrase.  Returns it or -1. */
static int subject_ending_at(const parley_coder *c, long r)
{
    if (r < 0 || c->t[r].group < 0) return -1;
    int gi = c->t[r].group;
    const group *g = &c->g[gi];
    if (g->last != r) return -1;
    if (g->pron ? !(c->t[g->first].wf & F_SUBJPRON) : !g->ncodes) return -1;
    return gi;
}

/* Mode of a governing verb starting at token first ("did not threaten",
 * "could urge"): "negated", "hypothetical", "future" or "". */
static const char *gov_mode(const parley_coder *c, long first)
{
    for (long q = first - 1, steps = 0; q >= 0 && steps < 4; q--, steps++) {
        const ctok *t = &c->t[q];
        if (t->cls == CL_NEG) return "negated";
        if (t->cls == CL_AUX) {
            if (t->wf & F_MODAL) return "hypothetical";
            if (t->wf & F_FUTURE) return "future";
            continue;
        }
        if (t->cls == CL_ADV) continue;
        break;
    }
    return "";
}

/* "X said (that) it would / will / plans to ...": the statement verb whose
 * subject clause ends right before the anchor at token a; returns 1 when
 * there is one. */
static int statement_frame(const parley_coder *c, long a)
{
    int s = subject_ending_at(c, skip_adv_back(c, a - 1));
    if (s < 0) return 0;
    long q = skip_adv_back(c, (long)c->g[s].first - 1);
    int that = q >= 0 && !strcmp(c->t[q].norm, "THAT");
    if (that) q = skip_adv_back(c, q - 1);
    /* "said on Thursday that Washington would": past the time or place phrase */
    while (that && c->d->bundled && q >= 0 && c->t[q].group >= 0 && c->g[c->t[q].group].last == q) {
        long p = skip_adv_back(c, (long)c->g[c->t[q].group].first - 1);
        if (p < 0 || c->t[p].cls != CL_PREP) break;
        q = skip_adv_back(c, p - 1);
    }
    int g = verb_covering(c, q);
    if (g < 0 && that && q >= 0 && c->t[q].group >= 0 && c->g[c->t[q].group].last == q) {
        /* "told Kerry that Russia would ...": the hearer between verb and "that" */
        g = verb_covering(c, skip_adv_back(c, (long)c->g[c->t[q].group].first - 1));
    }
    return g >= 0 && !frame_verb(c, &c->v[g]) && verb_family(c, g) == 1;
}

/* Frame verbs at the anchors of "X is ready to ..." and "X said it would
 * ...": inserted into the verb list in token order. */
static void add_frame_verbs(parley_coder *c)
{
    if (c->frame_form < 0) return;
    for (size_t i = 1; i + 1 < c->nt; i++) {
        const ctok *t = &c->t[i];
        int anchor = 0;
        if (t->isverb || c->t[i + 1].cls == CL_NEG) continue; /* "would not attack" */
        if (word_in(t->norm, READY_WORDS) && (c->t[i + 1].wf & F_TO)) {
            long q = skip_adv_back(c, (long)i - 1);
            anchor = q >= 0 && ((c->t[q].wf & F_BE) || !strcmp(c->t[q].norm, "STANDS") ||
                                !strcmp(c->t[q].norm, "STAND") || !strcmp(c->t[q].norm, "STOOD"));
        } else if (!strcmp(t->norm, "WOULD") || (t->wf & F_FUTURE) ||
                   (word_in(t->norm, INTENT_WORDS) && (c->t[i + 1].wf & F_TO))) {
            anchor = statement_frame(c, (long)i);
        }
        if (!anchor || verb_covering(c, (long)i) >= 0) continue;
        size_t at = 0;
        while (at < c->nv && c->v[at].first < i) at++;
        c->v = pl_grow(c->v, &c->capv, c->nv + 1, sizeof *c->v);
        memmove(&c->v[at + 1], &c->v[at], (c->nv - at) * sizeof *c->v);
        cverb fv = {(uint16_t)i, (uint16_t)i, (uint16_t)i, (uint32_t)c->frame_form};
        c->v[at] = fv;
        c->nv++;
    }
}

/* Is verb vi the complement of a governing verb?  Fills fr (family 0: no
 * frame; family -1: only a mode, "plans to visit"). */
/* "urged Armenia and Azerbaijan to stop the fighting and return to talks":
 * a base-form verb after "and"/"or" continuing an infinitive of its clause
 * shares that infinitive's frame.  Returns the infinitive's verb, or -1. */
static int conjoined_infinitive(const parley_coder *c, size_t vi, long q)
{
    if (!c->d->bundled || q <= 0 || c->t[q].cls != CL_CONJ || strcmp(c->t[q].norm, "BUT") == 0 ||
        c->t[c->v[vi].at].vform != PL_VF_BASE)
        return -1;
    for (size_t k = vi; k-- > 0;) {
        if ((long)c->v[k].last >= q) continue;
        for (long r = (long)c->v[k].last + 1; r < q; r++)
            if (is_boundary(c, (size_t)r) || c->t[r].cls == CL_CONJ) return -1;
        long t = skip_adv_back(c, (long)c->v[k].first - 1);
        return t >= 0 && (c->t[t].wf & F_TO) ? (int)k : -1;
    }
    return -1;
}

static void find_frame(const parley_coder *c, size_t vi, cframe *fr)
{
    const cverb *v = &c->v[vi];
    memset(fr, 0, sizeof *fr);
    fr->gov = fr->addressee = -1;
    if (frame_verb(c, v)) return;
    long q = skip_adv_back(c, (long)v->first - 1);
    int k = conjoined_infinitive(c, vi, q);
    if (k >= 0) {
        find_frame(c, (size_t)k, fr); /* "urged X to stop ... and return to talks" */
        return;
    }
    if (q < 0 || c->t[q].cls == CL_NEG) return;
    if (c->t[q].wf & F_TO) {
        long r = skip_adv_back(c, q - 1);
        if (r >= 0 && (((c->t[r].wf & F_BE) && c->t[r].norm[0] != 'G') || /* not "got to" */
                       (word_in(c->t[r].norm, SCHEDULE_WORDS) && skip_adv_back(c, r - 1) >= 0 &&
                        (c->t[skip_adv_back(c, r - 1)].wf & F_BE)))) {
            fr->family = -1, fr->mode = "future"; /* "is to visit", "is set to sign" */
            return;
        }
        int g = verb_covering(c, r);
        if (g >= 0) {
            /* "threatened to cut", "pledged to lift"; "ready to" (frame verb) */
            int fam = verb_family(c, g);
            if (fam == 1 && !frame_verb(c, &c->v[g])) {
                fr->family = -1, fr->mode = "hypothetical"; /* "hopes to sign", "expected to meet" */
                return;
            }
            if (fam != PL_MIRROR_INTENT && fam != PL_MIRROR_THREAT) return;
            fr->family = fam, fr->gov = g, fr->mode = "future";
        } else if (r >= 0 && word_in(c->t[r].norm, INTENT_WORDS)) {
            fr->family = -1, fr->mode = "future"; /* "plans to visit" */
            return;
        } else {
            /* "urged Russia to pull back", "called on China to invest" */
            int s = subject_ending_at(c, r);
            if (s < 0 || c->g[s].pron) return;
            g = verb_covering(c, skip_adv_back(c, (long)c->g[s].first - 1));
            if (g < 0) return;
            int fam = verb_family(c, g);
            if (fam != PL_MIRROR_APPEAL && fam != PL_MIRROR_DEMAND) return;
            fr->family = fam, fr->gov = g, fr->addressee = s, fr->mode = "hypothetical";
        }
    } else if (!strcmp(c->t[q].norm, "WOULD") || (c->t[q].wf & F_FUTURE)) {
        int g = verb_covering(c, q); /* the frame verb of "said it would" */
        if (g < 0 || !frame_verb(c, &c->v[g])) return;
        fr->family = PL_MIRROR_INTENT, fr->gov = g;
        fr->mode = (c->t[q].wf & F_FUTURE) ? "future" : "hypothetical";
    } else {
        /* "demanded that Japan (should) release" */
        if (c->t[q].cls == CL_AUX && (c->t[q].wf & F_MODAL)) q = skip_adv_back(c, q - 1);
        int s = subject_ending_at(c, q);
        if (s < 0 || c->g[s].pron) return;
        long r = skip_adv_back(c, (long)c->g[s].first - 1);
        if (r < 0 || strcmp(c->t[r].norm, "THAT") != 0) return;
        int g = verb_covering(c, skip_adv_back(c, r - 1));
        if (g < 0) return;
        int fam = verb_family(c, g);
        if (fam != PL_MIRROR_APPEAL && fam != PL_MIRROR_DEMAND) return;
        fr->family = fam, fr->gov = g, fr->addressee = s, fr->mode = "hypothetical";
    }
    /* "did not threaten to", "could urge": the frame shares the governing mode */
    const char *gm = gov_mode(c, c->v[fr->gov].first);
    if (frame_verb(c, &c->v[fr->gov]) && !strcmp(gm, "future")) gm = ""; /* "will be ready to" */
    if (*gm) fr->mode = gm, fr->family = -1;
}

/* The default code of verb vi as a string ("130"), or "". */
static const char *verb_default_code(const parley_coder *c, int vi)
{
    const parley_dict *d = c->d;
    const pl_verb_form *f = &d->vforms[c->v[vi].form];
    pl_vcode code = f->code.set ? f->code : d->blocks[f->block].code;
    return code.set && !code.null && code.a != PL_NOCODE ? pl_dict_s(d, code.a) : "";
}

/* May the complement of frame fr replace the governing verb's events?  Only
 * when the governing verb gave its default code (no pattern of its own). */
static int frame_gov_generic(const parley_coder *c, const cframe *fr)
{
    const char *dc = verb_default_code(c, fr->gov);
    for (size_t i = 0; i < c->npend; i++)
        if (c->pend[i].verb == fr->gov && strcmp(c->pend[i].code, dc) != 0) return 0;
    return 1;
}

/* Drops the governing verb's pending (default-code) events: the mirrored
 * complement replaces them.  Returns the group of their source, or -1. */
static int frame_take_gov(parley_coder *c, const cframe *fr)
{
    int sgi = -1;
    size_t k = 0;
    for (size_t i = 0; i < c->npend; i++) {
        if (c->pend[i].verb == fr->gov) {
            if (sgi < 0) sgi = c->pend[i].sgi;
            continue;
        }
        c->pend[k++] = c->pend[i];
    }
    c->npend = k;
    return sgi;
}

static const char *family_name(int fam)
{
    switch (fam) {
    case PL_MIRROR_APPEAL: return "appeal";
    case PL_MIRROR_INTENT: return "intent";
    case PL_MIRROR_DEMAND: return "demand";
    case PL_MIRROR_THREAT: return "threat";
    default: return "condition";
    }
}

/* Passive voice: "X were VERBed (to Y ...) by Z".  Returns the group after
 * "by" when the verb follows a form of "be" and only adverbs, prepositional
 * phrases and "to ..." lie between the verb and "by"; else -1. */
static int passive_agent(const parley_coder *c, const cverb *v, size_t stop)
{
    long q = (long)v->first - 1;
    while (q >= 0 && (c->t[q].cls == CL_ADV || c->t[q].cls == CL_NEG)) q--;
    uint8_t vf = c->t[v->at].vform;
    if (vf != PL_VF_PART && vf != PL_VF_PAST && vf != PL_VF_NONE) return -1;
    if (q >= 0 && c->d->bundled && q + 1 == (long)v->first && c->t[q].group >= 0 &&
        (c->t[q].pos == PL_POS_NOUN || c->t[q].pos == PL_POS_PROPN) && vf != PL_VF_NONE &&
        v->last + 2u < c->nt && !strcmp(c->t[v->last + 1].norm, "BY")) {
        /* a reduced relative: "a ceasefire brokered by Egypt" */
        int gi = c->t[v->last + 2].group;
        return gi >= 0 && c->g[gi].first == v->last + 2u && c->g[gi].ncodes ? gi : -1;
    }
    if (q < 0 || !(c->t[q].wf & F_BE)) return -1;
    for (size_t r = v->last + 1u; r + 1 < stop && r + 1 < c->nt && r <= v->last + 12u; r++) {
        const ctok *t = &c->t[r];
        if (!strcmp(t->norm, "BY")) {
            int gi = c->t[r + 1].group;
            return gi >= 0 && c->g[gi].first == r + 1 && c->g[gi].ncodes ? gi : -1;
        }
        if (t->isverb || (t->wf & F_SUBPREP)) return -1;
        if (t->cls == CL_ADV || (t->cls == CL_PREP && r > v->last + 1u) || t->group >= 0) continue;
        if (t->cls == CL_PART && !(t->wf & F_TO) && r == v->last + 1u) continue; /* "shot down by" */
        if (t->cls == CL_PREP || ((t->wf & F_TO) && r + 1 < c->nt && c->t[r + 1].pos != PL_POS_VERB))
            continue;
        return -1;
    }
    return -1;
}

/* story.c: '"Israel must stop the attacks," said Lavrov.' — a verb of saying
 * right after the comma (and quote) that closes the content, followed by the
 * speaker and nothing else with a verb: the speaker is the source, the
 * content's first actor other than the speaker's country the target. */
static void inverted_said(parley_coder *c, const cverb *v, int *src, int *tgt)
{
    if (!pl_story_say_word(c->t[v->at].norm) || v->first == 0) return;
    long q = (long)v->first - 1;
    while (q > 0 && is_quote(c, (size_t)q)) q--;
    if (c->t[q].cls != CL_COMMA) return;
    size_t a = (size_t)v->last + 1;
    int gi = a < c->nt ? c->t[a].group : -1;
    if (gi < 0 || c->g[gi].first != a || c->g[gi].pron || !c->g[gi].ncodes) return;
    for (size_t r = (size_t)c->g[gi].last + 1; r < c->nt; r++)
        if (c->t[r].isverb || c->t[r].cls == CL_COMMA || c->t[r].cls == CL_REL || c->t[r].cls == CL_SCONJ)
            return;
    *src = gi;
    *tgt = -1;
    for (size_t r = 0; r < (size_t)q; r++) {
        int g = c->t[r].group;
        if (g >= 0 && c->g[g].first == r && !c->g[g].pron && c->g[g].ncodes &&
            pl_story_other_actor(c->g[gi].codes[0], c->g[g].codes, c->g[g].ncodes)) {
            *tgt = g;
            return;
        }
    }
}

/* Parley's own dictionaries, a closing speech tag with an agents-only
 * speaker ("Israeli jets struck ..., the military said", "..., the foreign
 * ministry said"): the speaker belongs to the country of the content's
 * subject when that subject is a state actor (the country itself, its
 * government, forces, police ...); a rebel, militant or civilian subject
 * says nothing of the speaker's country ("A Palestinian gunman killed ...,
 * police said").  Returns the speaker's code (country + the speaker's
 * agents), or NULL: no statement (an unknown speaker). */
static const char *subject_speaker(parley_coder *c, int gi, const char *sc)
{
    static const char *const STATE[] = {"", "GOV", "MIL", "COP", "SPY", "LEG", "JUD", NULL};
    static const char *const NONSTATE[] = {"REB", "INS", "OPP", "UAF", "SEP", "RAD", "CRM", NULL};
    const group *g = &c->g[gi];
    /* "Russia and Ukraine exchanged prisoners, officials said": whose? */
    if (g->ncodes != 1 || g->compound || g->pron) return NULL;
    const char *gc = g->codes[0];
    /* "A Palestinian assailant": a demonym on a common noun names no state */
    if (!gc || !country_prefix(gc) || c->t[g->last].ment < 0) return NULL;
    int state = !gc[3];
    for (int k = 1; STATE[k] && !state; k++) state = !strncmp(gc + 3, STATE[k], 3);
    if (!state) return NULL;
    /* "Russian forces shelled Kherson, killing ..., officials said": after
     * force used on another state, officials, police and media speak for
     * the side that was hit, and "the military" may be either side (no
     * statement); after force on rebels or militants, and after anything
     * else, the subject's side speaks */
    const char *hit = NULL;
    for (size_t i = 0; i < c->npend && !hit; i++) {
        const pending *pe = &c->pend[i];
        const char *k = pe->code;
        if (pe->sgi != gi || !k || !pe->tgt || (pe->mode && *pe->mode)) continue;
        if (!((k[0] == '1' && (k[1] == '8' || k[1] == '9')) || (k[0] == '2' && k[1] == '0'))) continue;
        if (!country_prefix(pe->tgt) || !strncmp(pe->tgt, gc, 3)) continue;
        int nst = 0;
        for (int n = 0; NONSTATE[n] && !nst; n++) nst = !strncmp(pe->tgt + 3, NONSTATE[n], 3);
        if (!nst) hit = pe->tgt;
    }
    if (hit && !strncmp(sc + 3, "MIL", 3)) return NULL;
    if (hit) gc = hit;
    char buf[64];
    snprintf(buf, sizeof buf, "%.3s%s", gc, sc + 3);
    return pl_arena_strdup(&c->arena, buf);
}

static const char *tail_speaker(parley_coder *c, int src, size_t ce)
{
    const char *sc = c->g[src].codes[0];
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if ((int)gi == src || c->t[g->last].end > ce) break;
        if (!g->ncodes || g->pron) continue;
        /* the content's subject: nothing of a clause before it ("There is
         * no evidence that India ...", a said-verb) */
        for (size_t q = 0; q < g->first; q++)
            if (c->t[q].isverb || c->t[q].cls == CL_AUX || c->t[q].cls == CL_SCONJ || c->t[q].cls == CL_REL ||
                c->t[q].cls == CL_COMMA)
                return NULL;
        return subject_speaker(c, (int)gi, sc);
    }
    return NULL;
}

/* The same for a speaker before its verb ("The military said Israeli jets
 * struck ...", "Officials said Russian forces shelled Kherson"): run when
 * the sentence's events are complete (flush_events).  The content's subject
 * is the group right after the verb (and "that"); the statement then takes
 * that speaker, and its target is the content's other side (not the
 * speaker's own); unresolved, an agents-only statement ("---MIL ISRMIL")
 * is dropped, as a one-sided one is (one_sided). */
static void lead_speakers(parley_coder *c)
{
    for (size_t i = 0; i < c->npend; i++) {
        pending *p = &c->pend[i];
        if (!p->code || p->code[0] != '0' || p->code[1] != '1' || !p->src || strncmp(p->src, "---", 3) != 0 ||
            !p->src[3] || p->sgi < 0)
            continue;
        const cverb *v = &c->v[p->verb];
        if (c->g[p->sgi].last >= v->first) { /* "said the military" */
            p->src = NULL;
            continue;
        }
        size_t q0 = (size_t)v->last + 1;
        if (q0 < c->nt && !strcmp(c->t[q0].norm, "THAT")) q0++;
        int gi = q0 < c->nt ? c->t[q0].group : -1;
        const char *spk = gi >= 0 && c->g[gi].first == q0 ? subject_speaker(c, gi, p->src) : NULL;
        if (!spk) {
            p->src = NULL;
            continue;
        }
        p->src = spk;
        if (p->tgt && strncmp(p->tgt, "---", 3) != 0 && strncmp(p->tgt, spk, 3) != 0) continue;
        /* the target: the other side of the content's first event of that subject */
        const char *t = "---";
        for (size_t j = 0; j < c->npend; j++) {
            const pending *e = &c->pend[j];
            if (e->sgi != gi || !e->src || !e->tgt) continue;
            if (strncmp(e->src, spk, 3) != 0) t = e->src;
            else if (strncmp(e->tgt, spk, 3) != 0 && strncmp(e->tgt, "---", 3) != 0) t = e->tgt;
            break;
        }
        p->tgt = t;
    }
}

/* A group that holds the speaker's country ("U.S. and British warplanes
 * struck ..., the Pentagon said"): the speaker's own side, not the target
 * of the statement. */
static int speaker_side(const parley_coder *c, int gi, const char *spk)
{
    for (int k = 0; k < c->g[gi].ncodes; k++)
        if (c->g[gi].codes[k] && !strncmp(c->g[gi].codes[k], spk, 3) && country_prefix(spk)) return 1;
    return 0;
}

/* The first coded phrase from token q on with an actor of a country other
 * than the speaker's (code sc), or -1. */
static int other_country_after(const parley_coder *c, size_t q, const char *sc)
{
    for (; q < c->nt; q++) {
        int gi = c->t[q].group;
        if (gi < 0 || c->g[gi].first != q || c->g[gi].pron || !c->g[gi].ncodes) continue;
        for (int k = 0; k < c->g[gi].ncodes; k++)
            if (strncmp(c->g[gi].codes[k], "---", 3) != 0 && strncmp(c->g[gi].codes[k], sc, 3) != 0)
                return gi;
    }
    return -1;
}

/* Parley's own dictionaries, statements (01x codes): "Lavrov said Russia
 * works with Israel and Hamas" is no statement to Russia (emit drops a
 * country toward itself); the target is the next actor of the reported
 * content that is not the speaker's country, else none (a one-sided
 * statement, see one_sided).  Returns the new target group or -1. */
static int statement_other_target(parley_coder *c, const cverb *v, int src, int tgt)
{
    /* only the subject of the content, right after the verb (and "that") */
    size_t q0 = (size_t)v->last + 1;
    /* "rejected (the) accusations that ...": an uncoded noun before "that" */
    size_t r = q0;
    while (r < c->nt && r < q0 + 4u && c->t[r].ment < 0 && !c->t[r].isverb &&
           (c->t[r].cls == CL_DET || c->t[r].pos == PL_POS_ADJ || c->t[r].pos == PL_POS_NOUN))
        r++;
    if (r > q0 && r < c->nt && !strcmp(c->t[r].norm, "THAT")) q0 = r;
    if (q0 < c->nt && !strcmp(c->t[q0].norm, "THAT")) q0++;
    /* "denied that its troops ...": the possessive opens the subject */
    if (q0 < c->nt && c->t[q0].cls == CL_POSSPRON && c->g[tgt].first == q0 + 1) q0++;
    if (c->g[tgt].first != q0) return tgt;
    const char *sc[MAX_CODES], *tc[MAX_CODES];
    int ns = group_codes(c, src, sc, 1), nt = group_codes(c, tgt, tc, 0);
    if (!ns || !nt || !country_prefix(sc[0])) return tgt;
    for (int k = 0; k < nt; k++)
        if (strncmp(tc[k], sc[0], 3) != 0 || (sc[0][3] && tc[k][3])) return tgt;
    return other_country_after(c, (size_t)c->g[tgt].last + 1, sc[0]);
}

/* Passive voice: a verb pattern's object part matched in the passive subject
 * ("Sanctions against Iran were lifted by ..." as "lifted sanctions against
 * Iran").  Only patterns without a part before the verb; the match must end
 * before the auxiliary.  Returns the pattern or NULL. */
static const pl_pattern *passive_pattern(parley_coder *c, const cverb *v, const pl_verb_block *gb,
                                         binding *b)
{
    long aux = (long)v->first - 1;
    while (aux >= 0 && (c->t[aux].cls == CL_ADV || c->t[aux].cls == CL_NEG)) aux--;
    if (aux <= 0) return NULL;
    size_t st = (size_t)aux;
    while (st > 0 && !(is_boundary(c, st - 1) && c->t[st - 1].group < 0)) st--;
    if (st >= (size_t)aux) return NULL;
    size_t nt = c->nt;
    const pl_pattern *hit = NULL;
    c->nt = (size_t)aux; /* the subject only */
    for (uint32_t k = 0; k < gb->npat && !hit; k++) {
        const pl_pattern *pt = &c->d->patterns[gb->first_pat + k];
        if (pt->npre || !pt->npost) continue;
        const pl_pelem *el = &c->d->pelems[pt->elems];
        int ok = 1;
        for (size_t e = 0; e < pt->npost && ok; e++)
            if (el[e].kind == PL_PE_WORD && !el[e].stem && !wset_has(c, el[e].arg)) ok = 0;
        if (!ok) continue;
        b->src = b->tgt = b->cmp = -1;
        b->cmp_post = 0;
        b->budget = 4096;
        b->sub_at = -1;
        b->pre_lo = v->first;
        b->post_hi = v->last;
        if (match_fwd(c, el, 0, pt->npost, st, b) && b->src < 0 && b->cmp < 0) hit = pt;
    }
    c->nt = nt;
    if (!hit) b->src = b->tgt = b->cmp = -1;
    b->pre_lo = v->first, b->post_hi = v->last;
    return hit;
}

/* Is group gi a place ("in Brussels", "at the border")? */
static int g_locative(const parley_coder *c, int gi)
{
    size_t f = c->g[gi].first;
    if (f == 0) return 0;
    const char *p = c->t[f - 1].norm;
    return !strcmp(p, "IN") || !strcmp(p, "AT") || !strcmp(p, "ACROSS");
}

/* Is agent mention mi the source's own forces (MIL, COP)? */
static int force_agent(const parley_coder *c, int mi)
{
    const char *a = pl_dict_s(c->d, c->d->agents[c->m[mi].idx].code);
    return !strcmp(a, "MIL") || !strcmp(a, "COP");
}

/* Parley's own dictionaries: codes whose object is the source's own forces
 * (force posture 15x, withdrawal 0874 and its intent 0356): "deployed police in Hong Kong",
 * "withdrew its troops from the city of Kherson", "raised its alert level
 * after North Korea's attack".  The target is the place or the adversary,
 * not the troops.  Returns the group to use (tgt itself when it is not
 * the source's forces) and sets *bare when only the actor part of the
 * group's code is meant. */
static int own_forces_target(parley_coder *c, const char *code, int src, int tgt, size_t from,
                             size_t stop, int *bare)
{
    *bare = 0;
    if (strncmp(code, "15", 2) != 0 && strcmp(code, "0874") != 0 && strcmp(code, "0356") != 0)
        return tgt; /* 0356: "agreed to withdraw troops", the intent of 0874 */
    if (tgt >= 0 && code[0] == '1' && g_locative(c, tgt)) {
        /* "raised their alert level in Brussels after threats by Islamic
         * State": the adversary, not the place */
        int bare2 = 0, adv = own_forces_target(c, code, src, -1, (size_t)c->g[tgt].last + 1, stop, &bare2);
        if (adv >= 0 && bare2) {
            *bare = 1;
            return adv;
        }
        return tgt;
    }
    if (tgt >= 0) {
        const group *g = &c->g[tgt];
        int uk = c->t[g->first].unit;
        if (g->pron || g->compound || uk < 0) return tgt;
        const unit *u = &c->u[uk];
        if (u->first != g->first || u->last != g->last || !u->nagents) return tgt;
        for (int a = 0; a < u->nagents; a++)
            if (!force_agent(c, u->agents[a])) return tgt;
        if (u->actor >= 0) {
            /* "police in Hong Kong": the place joined after in/from/of */
            size_t af = c->m[u->actor].first, prep = 0;
            for (size_t q = c->m[u->agents[0]].last + 1u; q < af; q++)
                if (c->t[q].cls == CL_PREP) prep = 1;
            if (!prep) return tgt;
            *bare = 1;
            return tgt;
        }
        from = (size_t)g->last + 1;
    }
    /* the troops alone: the next actor, also past "after" ("after North
     * Korea's artillery attack") */
    int sub = 0;
    for (size_t q = from; q < stop && q < c->nt; q++) {
        if (c->t[q].isverb || c->t[q].cls == CL_COMMA || c->t[q].cls == CL_PUNCT ||
            c->t[q].cls == CL_REL)
            break;
        if ((c->t[q].wf & F_SUBPREP) && !(sub++ == 0 && !strcmp(c->t[q].norm, "AFTER"))) break;
        int gi = c->t[q].group;
        if (gi < 0 || gi == src || c->g[gi].first != q || c->g[gi].pron || !c->g[gi].ncodes) continue;
        if (!strncmp(c->g[gi].codes[0], "---", 3)) continue;
        if (sub) *bare = 1; /* the adversary: North Korea, not its artillery */
        return gi;
    }
    /* "India and Pakistan agreed to withdraw troops": a compound's own
     * troops with no adversary named: the compound acts among itself */
    if (tgt >= 0 && src >= 0 && c->g[src].compound && !c->g[src].pron &&
        !strncmp(c->g[tgt].codes[0], "---", 3))
        return -1;
    return tgt;
}

/* Parley's own dictionaries: "Egyptian and Saudi forces conducted joint air
 * force exercises": a compound subject whose only object is a role without a
 * country, the role of its own members (---MIL after EGYMIL, SAUMIL), acts
 * among itself (each member toward the others). */
static int same_role_object(const parley_coder *c, int src, const char **scodes, int ns,
                            const char **tcodes, int ntg)
{
    if (src < 0 || ns < 2 || ntg != 1 || c->g[src].pron || !c->g[src].compound) return 0;
    if (strncmp(tcodes[0], "---", 3) != 0 || !tcodes[0][3]) return 0;
    for (int i = 0; i < ns; i++)
        if (strlen(scodes[i]) > 3 && !strcmp(scodes[i] + 3, tcodes[0] + 3)) return 1;
    return 0;
}

/* Parley's own dictionaries: "Trump cut U.S. aid to the Palestinians": an
 * object of the source's own country (the adjective of "U.S. aid") gives
 * way to an actor after to/with/against. */
static int own_country_object(parley_coder *c, int src, int tgt, size_t stop)
{
    const char *sc[MAX_CODES];
    int ns = group_codes(c, src, sc, 1);
    const group *t = &c->g[tgt];
    if (!ns || t->pron || !t->ncodes) return tgt;
    for (int k = 0; k < t->ncodes; k++) {
        int own = 0;
        for (int j = 0; j < ns; j++)
            own |= country_prefix(sc[j]) && !strncmp(sc[j], t->codes[k], 3);
        if (!own) return tgt;
    }
    for (size_t q = (size_t)t->last + 1; q < stop && q < c->nt; q++) {
        if (c->t[q].isverb || is_boundary(c, q)) break;
        int gi = c->t[q].group;
        if (gi < 0 || c->g[gi].first != q || c->g[gi].pron || !c->g[gi].ncodes) continue;
        if (directional_prep(c, q) && strncmp(c->g[gi].codes[0], "---", 3) != 0 &&
            strncmp(c->g[gi].codes[0], t->codes[0], 3) != 0)
            return gi;
        break;
    }
    return tgt;
}

/* Is group gi a possessive phrase whose head noun is a verb of the
 * dictionary ("Obama's visit", "Iran's talks")? */
static int nominal_topic(const parley_coder *c, int gi)
{
    const group *g = &c->g[gi];
    if (g->pron || g->compound || g->last <= g->first) return 0;
    int poss = 0;
    for (size_t q = g->first; q < g->last; q++) poss |= c->t[q].cls == CL_POSS;
    size_t cnt = 0;
    if (poss) pl_names_lookup(&c->d->verb_names, c->t[g->last].w, &cnt);
    return poss && cnt > 0 && c->t[g->last].ment < 0;
}

/* Is group t a thing named after actors ("the Iranian nuclear deal") whose
 * every code also belongs to the compound group s? */
static int passive_among(const parley_coder *c, int s, int t)
{
    const group *gs = &c->g[s], *gt = &c->g[t];
    /* only a thing named after an actor ("the Iranian deal"), not an actor */
    if (gt->pron || !gt->ncodes || c->t[gt->last].ment >= 0) return 0;
    for (int k = 0; k < gt->ncodes; k++) {
        int in = 0;
        for (int j = 0; j < gs->ncodes; j++) in |= !strcmp(gs->codes[j], gt->codes[k]);
        if (!in) return 0;
    }
    return 1;
}

/* Does the pattern itself hold a negation word ("- NOT * [---]")?  Only then
 * is a "not" inside the span it matched part of the pattern (bundled
 * dictionaries; PETRARCH and TABARI read any "not" inside the span as the
 * pattern's own); else "Sanctions
 * against Syria were not eased by X" ("- &SANCTIONS * [085]") is negated. */
static int pattern_negates(const parley_dict *d, const pl_pattern *pt)
{
    const pl_pelem *el = &d->pelems[pt->elems];
    for (size_t k = 0; k < (size_t)pt->npre + pt->npost; k++)
        if (el[k].kind == PL_PE_WORD) {
            const char *w = pl_intern_str(&d->words, el[k].arg);
            if (word_flags(w, pl_intern_len(&d->words, el[k].arg)) & F_NEG) return 1;
        }
    return 0;
}

/* Parley's own dictionaries: "Lavrov said while commenting on the talks that
 * the U.S. confirmed ...": after a subordinate clause, the statement's
 * content starts at "that"; its first actor other than the speaker's
 * country is the target.  Returns the group or -1. */
static int statement_that_target(parley_coder *c, const cverb *v, int src)
{
    const char *sc[MAX_CODES];
    int ns = group_codes(c, src, sc, 1);
    size_t q = (size_t)v->last + 1;
    if (!ns || q >= c->nt || !(c->t[q].wf & F_SUBPREP)) return -1;
    while (q < c->nt && strcmp(c->t[q].norm, "THAT") != 0) {
        if (c->t[q].cls == CL_COMMA || (c->t[q].cls == CL_PUNCT && !is_quote(c, q)) ||
            q > (size_t)v->last + 12u)
            return -1;
        q++;
    }
    return other_country_after(c, q, sc[0]);
}

/* Parley's own dictionaries: the content of a denial or of an absence is
 * not asserted.  "Pakistan denied that its troops had fired ...", "rejected
 * reports / dismissed claims / accusations that ...", "said there was no
 * sign / evidence / indication that ...": a verb after such a "that" (in the
 * nearest "that" clause before it, within the sentence) is negated.  A
 * closing speech tag after a comma ("..., the ministry said") is not in the
 * scope. */
static int denial_scope(const parley_coder *c, const cverb *v, const char *code)
{
    static const char *const DENY[] = {"DENIED", "DENIES", "DENY", "DENYING", "REFUTED", "REFUTES", NULL};
    static const char *const REJECT[] = {"REJECTED", "REJECTS", "REJECTING", "DISMISSED", "DISMISSES",
                                         "DISMISSING", "DENIED", "DENIES", "REFUTED", "REFUTES",
                                         "DISPUTED", "DISPUTES", "DISCOUNTED", NULL};
    static const char *const CLAIMS[] = {"REPORTS", "REPORT", "CLAIMS", "CLAIM", "ACCUSATIONS",
                                         "ACCUSATION", "ALLEGATIONS", "ALLEGATION", "CHARGES",
                                         "SUGGESTIONS", "RUMOURS", "RUMORS", "ASSERTIONS", "SPECULATION", NULL};
    static const char *const SIGNS[] = {"SIGN", "SIGNS", "EVIDENCE", "INDICATION", "INDICATIONS",
                                        "PROOF", NULL};
    static const char *const SAYING[] = {"SAYING", "ADDING", "INSISTING", "ACCUSING", "ARGUING",
                                         "CLAIMING", "STRESSING", "NOTING", "BLAMING", NULL};
    static const char *const PLANS[] = {"PLANS", "PLAN", "INTENTION", "INTENTIONS", "DESIRE", NULL};
    /* "has no plans to send", "had no intention of attacking" */
    long a = (long)v->first - 1;
    while (a >= 0 && c->t[a].cls == CL_ADV) a--;
    if (a >= 2 && (!strcmp(c->t[a].norm, "TO") || !strcmp(c->t[a].norm, "OF")) &&
        word_in(c->t[a - 1].norm, PLANS) &&
        (!strcmp(c->t[a - 2].norm, "NO") || (a >= 3 && !strcmp(c->t[a - 3].norm, "NO"))))
        return 1;
    int comma = 0;
    for (long q = (long)v->first - 1; q > 0 && (long)v->first - q < 80; q--) {
        const ctok *t = &c->t[q];
        if (t->cls == CL_COMMA) comma = 1;
        if (!strcmp(t->norm, ";") || !strcmp(t->norm, ":") || !strcmp(t->norm, "BUT")) return 0;
        /* "... and said Iran had met ...": a statement of its own in between */
        if (t->isverb && pl_story_say_word(t->norm)) return 0;
        /* "..., saying India had attacked first": a statement of its own */
        if (t->cls == CL_COMMA && (size_t)q + 1 < c->nt && word_in(c->t[q + 1].norm, SAYING)) return 0;
        if (strcmp(t->norm, "THAT") != 0) continue;
        /* the speech tag after the content: "..., the ministry said" */
        if (comma && code[0] == '0' && code[1] == '1') return 0;
        long p = q - 1;
        while (p >= 0 && c->t[p].cls == CL_ADV) p--;
        if (p < 0) return 0;
        const char *w = c->t[p].norm;
        if (word_in(w, DENY)) return 1;
        if (word_in(w, CLAIMS)) {
            /* "rejected (the) (Western) reports that" */
            for (long r = p - 1, n = 0; r >= 0 && n < 4; r--, n++) {
                if (word_in(c->t[r].norm, REJECT)) return 1;
                if (c->t[r].cls != CL_DET && c->t[r].pos != PL_POS_ADJ && c->t[r].pos != PL_POS_NOUN &&
                    c->t[r].pos != PL_POS_PROPN && c->t[r].cls != CL_POSS)
                    break;
            }
            return 0;
        }
        if (word_in(w, SIGNS)) {
            /* "no sign that", "no clear evidence that", "not any sign that" */
            for (long r = p - 1, n = 0; r >= 0 && n < 3; r--, n++)
                if (!strcmp(c->t[r].norm, "NO") || c->t[r].cls == CL_NEG) return 1;
            return 0;
        }
        return 0; /* the nearest "that" governs */
    }
    return 0;
}

/* Parley's own dictionaries: a statement (01x) with a source and no target
 * ('"There is no common ground yet," Lavrov said', "Russia denied ...") is
 * still a statement: delivered with the target "---" unless require_dyad was
 * set explicitly.  The source must name an actor ("officials said" gives
 * ---GOV: nothing). */
static int one_sided(const parley_coder *c, const cverb *v, const char *code,
                     const char *const *scodes, int ns, int ntg)
{
    /* "found it difficult to say", "refused to comment": no statement made */
    long q = (long)v->first - 1;
    while (q >= 0 && c->t[q].cls == CL_ADV) q--;
    if (q >= 0 && c->t[q].cls == CL_PART && !strcmp(c->t[q].norm, "TO")) return 0;
    /* "the Kremlin has said nothing about the plan" */
    if ((size_t)v->last + 1 < c->nt && !strcmp(c->t[v->last + 1].norm, "NOTHING")) return 0;
    return c->d->bundled && c->opt.require_dyad == 0 && ns > 0 && ntg == 0 && code &&
           code[0] == '0' && code[1] == '1' && strncmp(scodes[0], "---", 3) != 0;
}

/* Parley's own dictionaries: "Lavrov said Tuesday after talks with Clinton",
 * "arrived following a meeting with X": the subject of the verb met X (040),
 * an event of its own next to the verb's.  The phrase must follow the verb in
 * its clause (no comma or other verb between). */
static void after_talks(parley_coder *c, const cverb *v, int src, const char *const *scodes, int ns,
                        const char *mode)
{
    size_t q = (size_t)v->last + 1;
    for (; q < c->nt && q <= (size_t)v->last + 4u; q++) {
        if (c->t[q].cls == CL_COMMA || c->t[q].cls == CL_PUNCT || c->t[q].isverb) return;
        if (!strcmp(c->t[q].norm, "AFTER") || !strcmp(c->t[q].norm, "FOLLOWING")) break;
    }
    if (q >= c->nt || q > (size_t)v->last + 4u) return;
    q++;
    while (q < c->nt && (c->t[q].cls == CL_DET || c->t[q].pos == PL_POS_ADJ)) q++;
    if (q + 2 >= c->nt) return;
    const char *n = c->t[q].norm;
    if (strcmp(n, "TALKS") != 0 && strcmp(n, "MEETING") != 0 && strcmp(n, "MEETINGS") != 0 &&
        strcmp(n, "CONSULTATIONS") != 0)
        return;
    if (strcmp(c->t[q + 1].norm, "WITH") != 0) return;
    int gi = c->t[q + 2].group;
    if (gi < 0 || c->g[gi].first != q + 2 || gi == src) return;
    const char *tc[MAX_CODES];
    int nt = group_codes(c, gi, tc, 0);
    pl_buf b;
    pl_buf_init(&b);
    pl_buf_puts(&b, "\"after talks with\" after the verb (040)");
    group_evidence(c, src, "source", &b);
    group_evidence(c, gi, "target", &b);
    const char *ev = pl_arena_strdup(&c->arena, b.data ? b.data : "");
    pl_buf_free(&b);
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++)
            if (strncmp(scodes[i], "---", 3) != 0) emit(c, scodes[i], tc[j], "040", src, gi, v, mode, ev);
}

/* "They attacked an Israeli army patrol and killed two soldiers": an
 * agents-only target of a verb whose subject already acted on a target of
 * some country in this sentence takes that country (ISRMIL), not the
 * subject's. */
static void same_side_country(parley_coder *c, int src, const char **tcodes, int ntg)
{
    if (src < 0) return;
    const char *cc = NULL;
    for (size_t i = c->npend; i > 0 && !cc; i--) {
        const pending *p = &c->pend[i - 1];
        if (p->sgi == src && p->tgi >= 0 && p->tgi != src && country_prefix(p->tgt)) cc = p->tgt;
    }
    for (int j = 0; cc && j < ntg; j++) {
        if (strncmp(tcodes[j], "---", 3) != 0 || !tcodes[j][3]) continue;
        char buf[64];
        snprintf(buf, sizeof buf, "%.3s%s", cc, tcodes[j] + 3);
        tcodes[j] = pl_arena_strdup(&c->arena, buf);
    }
}

/* Bundled dictionaries: "began / started / continued / kept" right before
 * another verb of the dictionary ("began handing over their weapons",
 * "agreed to keep sharing intelligence") only marks its aspect: that verb
 * is the event, and the aspect verb's own patterns must not reach past it. */
static int aspect_verb(const parley_coder *c, const cverb *v)
{
    if (v->first != v->last || v->at != v->first || c->t[v->at].lw == PL_NO_ID) return 0;
    const char *l = pl_intern_str(&c->d->words, c->t[v->at].lw);
    if (strcmp(l, "BEGIN") != 0 && strcmp(l, "START") != 0 && strcmp(l, "CONTINUE") != 0 &&
        strcmp(l, "KEEP") != 0)
        return 0;
    size_t q = (size_t)v->last + 1;
    while (q < c->nt && c->t[q].cls == CL_ADV) q++;
    if (q < c->nt && (c->t[q].wf & F_TO)) q++;
    return q < c->nt && c->t[q].isverb && c->t[q].verb >= 0 &&
           (c->t[q].vform == PL_VF_GERUND || c->t[q].vform == PL_VF_BASE);
}

/* Parley's own dictionaries: "Syria denied reports that Israel had attacked
 * ...": the content of a denied report is not asserted. */
static int denied_report(const parley_coder *c, const cverb *v)
{
    static const char *const what[] = {"REPORT", "REPORTS", "CLAIM", "CLAIMS", "ALLEGATION",
                                       "ALLEGATIONS", "RUMOURS", "RUMORS", "SUGGESTIONS", NULL};
    static const char *const deny[] = {"DENIED", "DENIES", "DENY", "DENYING", "DISMISSED",
                                       "REJECTED", "REFUTED", NULL};
    for (long q = (long)v->first - 1; q >= 2; q--) {
        const ctok *t = &c->t[q];
        if (t->cls == CL_PUNCT || (t->isverb && t->cls != CL_AUX)) return 0;
        if (!strcmp(t->norm, "THAT"))
            return word_in(c->t[q - 1].norm, what) && word_in(c->t[q - 2].norm, deny);
    }
    return 0;
}

static void code_verb(parley_coder *c, size_t vi)
{
    const parley_dict *d = c->d;
    const cverb *v = &c->v[vi];
    const pl_verb_form *f = &d->vforms[v->form];
    const pl_verb_block *blk = &d->blocks[f->block];
    pl_vcode code = f->code.set ? f->code : blk->code;
    binding b = {-1, -1, -1, 0, v->first, v->last, 0, -1};
    const pl_pattern *hit = NULL;
    if (d->bundled && aspect_verb(c, v)) return; /* "began handing over": the second verb codes */
    /* the same form may head several blocks: try them all, patterns first */
    uint32_t cand[8];
    size_t ncand = 0;
    {
        size_t cnt;
        const pl_name *nm = pl_names_lookup(&d->verb_names, c->t[v->first].w, &cnt);
        for (size_t k = 0; k < cnt && ncand < 8; k++) {
            const pl_verb_form *g = &d->vforms[nm[k].target];
            if (g->nwords != f->nwords || g->verb_at != f->verb_at) continue;
            if (name_match(c, v->first, &nm[k]) != f->nwords) continue;
            cand[ncand++] = nm[k].target;
        }
        if (!ncand) cand[ncand++] = v->form;
        if (frame_verb(c, v)) cand[0] = v->form, ncand = 1;
    }
    for (size_t ci = 0; ci < ncand && !hit; ci++) {
        const pl_verb_form *g = &d->vforms[cand[ci]];
        const pl_verb_block *gb = &d->blocks[g->block];
        for (uint32_t k = 0; k < gb->npat; k++) {
            const pl_pattern *pt = &d->patterns[gb->first_pat + k];
            if (pattern_match(c, pt, v, &b)) {
                hit = pt;
                code = pt->code;
                f = g;
                blk = gb;
                break;
            }
        }
    }
    if (frame_verb(c, v) && !hit) return; /* a frame verb codes only its patterns */
    /* the passive subject as the object: "sanctions ... were lifted by X" */
    int pby = -1;
    if (!hit && !d->format_tabari && (pby = passive_agent(c, v, c->nt)) >= 0)
        for (size_t ci = 0; ci < ncand && !hit; ci++) {
            const pl_verb_form *g = &d->vforms[cand[ci]];
            const pl_verb_block *gb = &d->blocks[g->block];
            if ((hit = passive_pattern(c, v, gb, &b))) {
                code = hit->code;
                f = g;
                blk = gb;
            }
        }
    if (!hit)
        for (size_t ci = 0; ci < ncand; ci++) {
            const pl_verb_form *g = &d->vforms[cand[ci]];
            const pl_verb_block *gb = &d->blocks[g->block];
            pl_vcode gc = g->code.set ? g->code : gb->code;
            if (gc.set && !gc.null) {
                code = gc;
                f = g;
                blk = gb;
                break;
            }
        }
    if (!hit) b.pre_lo = v->first, b.post_hi = v->last;
    /* verbs inside the matched pattern ("refused to MEET with") are part of
     * this event and are not coded again */
    if (hit)
        for (size_t k = vi + 1; k < c->nv; k++)
            if (c->v[k].first <= (size_t)b.post_hi && c->v[k].first >= (size_t)b.pre_lo) c->v_skipped[k] = 2;
    if (!code.set || code.null || (code.a == PL_NOCODE && code.b == PL_NOCODE)) return;
    c->v_skipped[vi] = 1;
    cframe fr = {0, -1, -1, ""};
    const char *mcode = NULL; /* the complement's mirrored code (data/cameo/mirror.tsv) */
    unsigned mline = 0;
    if (d->bundled) find_frame(c, vi, &fr);
    if (b.src < 0 && b.cmp < 0) {
        long q = (long)v->first - 1;
        while (q >= 0 && (c->t[q].cls == CL_ADV || c->t[q].cls == CL_AUX)) q--;
        /* "lifted the curfew imposed after ...", "a truce brokered in Moscow" */
        if (d->bundled && reduced_participle(c, v)) return;
        /* "had been killed in its consulate": the subject is no source */
        if (d->bundled && (!hit || !hit->npre) && code.a != PL_NOCODE &&
            agentless_passive(c, v, pl_dict_s(d, code.a)))
            return;
        /* "after leaving X": a gerund object of a preposition */
        if (q >= 0 && c->t[v->at].vform == PL_VF_GERUND && c->t[q].cls == CL_PREP &&
            strcmp(c->t[q].norm, "BY") != 0)
            return;
        /* "efforts to stop X": an infinitive after a noun has no subject here */
        if (q >= 0 && c->t[q].cls == CL_PART && !strcmp(c->t[q].norm, "TO") && !fr.family) {
            long r = q - 1;
            while (r >= 0 && c->t[r].cls == CL_ADV) r--;
            /* "any plan by Israel to strike Iran": the noun before "by X" */
            if (d->bundled && r >= 2 && c->t[r].group >= 0 && c->g[c->t[r].group].last == r) {
                long fb = (long)c->g[c->t[r].group].first - 1;
                if (fb >= 1 && !strcmp(c->t[fb].norm, "BY") && c->t[fb - 1].pos == PL_POS_NOUN) r = fb - 1;
            }
            if (r >= 0 && c->t[r].ment < 0 && c->t[r].unit >= 0 && !c->t[r].isverb &&
                c->t[r].pos != PL_POS_ADJ)
                return;
            if (r >= 0 && c->t[r].isverb)
                for (size_t k = 0; k < vi; k++)
                    if (c->v[k].first <= r && r <= c->v[k].last && c->v_skipped[k]) return;
            /* "is said to be about to restore": the infinitive completes a coded verb */
            while (r >= 0 && (c->t[r].cls == CL_ADV || c->t[r].cls == CL_AUX ||
                              c->t[r].cls == CL_PART || !strcmp(c->t[r].norm, "ABOUT")))
                r--;
            if (r >= 0 && c->t[r].isverb)
                for (size_t k = 0; k < vi; k++)
                    if (c->v[k].first <= r && r <= c->v[k].last && c->v_coded[k]) return;
        }
    }
    /* mode: negation before the verb not consumed by the pattern */
    const char *mode = "";
    for (long q = (long)v->first - 1, steps = 0; q >= 0 && steps < 4; q--, steps++) {
        const ctok *t = &c->t[q];
        if (t->cls == CL_NEG) {
            if (q < b.pre_lo || (hit && d->bundled && !pattern_negates(d, hit))) mode = "negated";
            break;
        }
        if (t->ment >= 0 || t->group >= 0) break; /* "Theresa May accused" */
        if (t->cls == CL_AUX && !*mode) {
            if ((t->wf & F_FUTURE)) mode = "future";
            else if ((t->wf & F_MODAL)) mode = "hypothetical";
            continue;
        }
        if (t->cls == CL_ADV || t->cls == CL_PART) continue;
        break;
    }
    c->v_skipped[vi] = 0;
    if (d->bundled && !*mode) {
        /* "failed to reach", "has yet to recognise", "denied meeting",
         * "refused to": the event did not happen */
        for (long q = (long)v->first - 1, steps = 0; q >= 0 && steps < 4; q--, steps++) {
            const char *w = c->t[q].norm;
            if (q < b.pre_lo &&
                (!strcmp(w, "FAILED") || !strcmp(w, "FAIL") || !strcmp(w, "FAILS") ||
                 !strcmp(w, "REFUSED") || !strcmp(w, "REFUSES") || !strcmp(w, "DECLINED") ||
                 !strcmp(w, "YET") || !strcmp(w, "DENIED") || !strcmp(w, "DENIES") ||
                 /* "ruled out sending troops" */
                 (!strcmp(w, "OUT") && q > 0 &&
                  (!strcmp(c->t[q - 1].norm, "RULED") || !strcmp(c->t[q - 1].norm, "RULES") ||
                   !strcmp(c->t[q - 1].norm, "RULING"))))) {
                mode = "negated";
                break;
            }
            if (c->t[q].cls != CL_PART && c->t[q].cls != CL_ADV && c->t[q].cls != CL_AUX) break;
        }
        if (!*mode && code.a != PL_NOCODE && denial_scope(c, v, pl_dict_s(d, code.a))) mode = "negated";
    }
    if (d->bundled && !*mode && denied_report(c, v)) mode = "negated";
    if (fr.family && strcmp(mode, "negated") != 0) {
        /* the complement of an appeal, intent, demand or threat did not
         * happen: mirrored into the family when the governing verb gave
         * only its default code, else delivered with a mode */
        if (fr.family > 0 && code.a != PL_NOCODE && frame_gov_generic(c, &fr))
            mcode = pl_cameo_mirror(pl_dict_s(d, code.a), fr.family, &mline);
        mode = mcode ? "" : fr.mode;
    }
    if (frame_verb(c, v) && strcmp(mode, "negated") != 0) mode = ""; /* "said it will be ready to" */
    if (!strcmp(mode, "negated") && !c->opt.all_modes) return;
    if (d->bundled && !fr.family && !frame_verb(c, v) && strcmp(mode, "negated") != 0)
        /* "will impose an embargo unless ...", "would attack if ...": a
         * conditional threat or offer (the intent column of mirror.tsv) */
        for (size_t q = v->last + 1u; q < c->nt; q++) {
            if (!strcmp(c->t[q].norm, "UNLESS") || !strcmp(c->t[q].norm, "IF")) {
                mode = "hypothetical";
                if (code.a != PL_NOCODE)
                    mcode = pl_cameo_mirror(pl_dict_s(d, code.a), PL_MIRROR_INTENT, &mline);
                if (mcode) mode = "";
                break;
            }
            /* "said they would release ... if": the condition belongs to a later verb */
            if (is_boundary(c, q) || c->t[q].isverb || c->t[q].cls == CL_AUX) break;
        }
    if (d->bundled && !frame_verb(c, v) && strcmp(mode, "negated") != 0)
        /* "... if the government freed their fighters": the condition itself did not happen */
        for (long q = (long)v->first - 1; q >= 0; q--) {
            if (!strcmp(c->t[q].norm, "UNLESS") || !strcmp(c->t[q].norm, "IF")) {
                mode = "hypothetical", mcode = NULL;
                break;
            }
            if (is_boundary(c, (size_t)q) || c->t[q].isverb) break;
        }
    /* Parley's own dictionaries: a future cooperative action ("Germany will
     * send tanks to Ukraine", "Japan will build the railway") is an
     * expressed intent (root 03, the intent column of mirror.tsv) that is
     * asserted; a future hostile one stays future (not a threat by itself) */
    if (d->bundled && !strcmp(mode, "future") && !fr.family && !frame_verb(c, v) && !mcode &&
        code.a != PL_NOCODE) {
        const char *ac = pl_dict_s(d, code.a);
        if (ac[0] == '0' && ac[1] >= '4' && ac[1] <= '8' &&
            (mcode = pl_cameo_mirror(ac, PL_MIRROR_INTENT, &mline)) != NULL)
            mode = "";
    }
    /* Parley's own dictionaries: "could", "may", "would" are hypothetical,
     * "will", "plans to" future: neither is delivered as having happened */
    if (d->bundled && (!strcmp(mode, "hypothetical") || !strcmp(mode, "future"))) {
        if (!c->opt.all_modes) return;
    } else if (strcmp(mode, "negated") != 0) {
        mode = ""; /* future/hypothetical: coded as asserted (the suites expect it) */
    }
    /* the target search stops at a coordinated verb ("... and promised") */
    size_t stop = c->nt;
    for (size_t nv = vi + 1; nv < c->nv; nv++) {
        long q = (long)c->v[nv].first - 1;
        while (q > (long)v->last && (c->t[q].cls == CL_ADV || c->t[q].cls == CL_AUX)) q--;
        if (q > (long)v->last && (c->t[q].cls == CL_CONJ || is_boundary(c, (size_t)q))) {
            stop = c->v[nv].first;
            break;
        }
    }
    int src = b.src, tgt = b.tgt;
    int passive = 0;
    const char *tail_src = NULL; /* a closing speech tag's inferred speaker */
    if (src < 0 && b.cmp < 0) {
        /* passive: BE + participle ... BY group (a + bound after the verb by
         * an active-voice pattern is dropped: "was received by X in Muscat";
         * one bound in the subject by a passive match is kept) */
        int by = passive_agent(c, v, stop);
        if (by < 0 && pby >= 0 && hit && !hit->npre) by = pby; /* matched as a passive */
        if (by >= 0 && (tgt < 0 || c->g[tgt].first > v->last)) {
            src = by;
            passive = 1;
            tgt = -1;
        } else if (by >= 0 && by == pby) {
            src = by;
            passive = 1;
        }
    }
    if (passive) {
        if (tgt < 0) tgt = default_source(c, v, v->first, src);
        /* "The Iranian nuclear deal was signed by Iran and six world
         * powers": a subject coded like a member of the compound agent
         * leaves the compound acting among itself */
        if (tgt >= 0 && d->bundled && c->g[src].compound && passive_among(c, src, tgt)) tgt = -2;
        /* an uncoded subject ("Medical teams were sent to Nepal by India"):
         * the actor after the verb */
        if (tgt == -1) tgt = default_target(c, (size_t)v->last + 1, stop, src);
        if (tgt == -2) tgt = -1;
    } else {
        if (src < 0) {
            int limit = v->first;
            if (tgt >= 0 && c->g[tgt].last < v->first) limit = c->g[tgt].first;
            src = default_source(c, v, limit, tgt);
            if (src < 0 && tgt >= 0 && c->g[tgt].last < v->first)
                src = default_target(c, (size_t)PL_MAX(b.post_hi + 1, (int)v->last + 1), stop, tgt);
        }
        if (tgt < 0) {
            /* "proposed to take up the issue with X": X belongs to the infinitive */
            size_t q = (size_t)v->last + 1;
            while (q < c->nt && c->t[q].cls == CL_ADV) q++;
            int inf = !hit && q + 1 < c->nt && c->t[q].cls == CL_PART && c->t[q + 1].pos == PL_POS_VERB;
            /* not after a passive ("is said to be about to restore ... with X") */
            long pq = (long)v->first - 1;
            while (pq >= 0 && c->t[pq].cls == CL_ADV) pq--;
            if (pq >= 0 && (c->t[pq].wf & F_BE)) inf = 0;
            if (!inf) tgt = default_target(c, (size_t)v->last + 1, stop, src);
            if (d->bundled && tgt >= 0 && code.a != PL_NOCODE && !strncmp(pl_dict_s(d, code.a), "01", 2))
                tgt = past_audience(c, tgt, stop, src);
            /* "Kerry and Lavrov held talks ... on Syria": a compound subject
             * acts among itself; a topic or a place is not the target */
            if (tgt >= 0 && src >= 0 && c->g[src].compound && c->g[src].ncodes >= 2 &&
                c->g[tgt].first > 0) {
                const char *p = c->t[c->g[tgt].first - 1].norm;
                if (!strcmp(p, "ON") || !strcmp(p, "ABOUT") || !strcmp(p, "OVER") ||
                    !strcmp(p, "IN") || !strcmp(p, "AT") || !strcmp(p, "DURING") ||
                    !strcmp(p, "NEAR") || !strcmp(p, "BY"))
                    tgt = -1;
                /* Parley's own dictionaries: "the army and the RSF fought for
                 * control of the palace": what they fight over is no party */
                else if (d->bundled && !strcmp(p, "OF") && c->g[tgt].first > 1 &&
                         !strcmp(c->t[c->g[tgt].first - 2].norm, "CONTROL"))
                    tgt = -1;
            }
            /* Parley's own dictionaries: "discussed cyber security and North
             * Korea" names topics; only "discussed ... with X" names a party */
            if (tgt >= 0 && d->bundled && b.tgt < 0 && !strncmp(c->t[v->at].norm, "DISCUSS", 7) &&
                strcmp(c->t[c->g[tgt].first - 1].norm, "WITH") != 0) {
                int w = -1;
                for (size_t r = (size_t)c->g[tgt].last + 1; r + 1 < stop && w < 0; r++)
                    if (!strcmp(c->t[r].norm, "WITH") && c->t[r + 1].group >= 0 &&
                        c->g[c->t[r + 1].group].ncodes && c->t[r + 1].group != src)
                        w = c->t[r + 1].group;
                tgt = w;
            }
            /* "Lavrov and Clinton discussed Obama's visit to Russia": a
             * possessive event noun is a topic */
            if (tgt >= 0 && src >= 0 && d->bundled && c->g[src].compound && c->g[src].ncodes >= 2 &&
                nominal_topic(c, tgt))
                tgt = -1;
            /* TABARI: no actor after the verb: the last one before it */
            if (tgt < 0 && c->d->format_tabari && src >= 0)
                for (size_t r = (size_t)c->g[src].last + 1; r < v->first; r++) {
                    int gi = c->t[r].group;
                    if (gi >= 0 && gi != src && c->g[gi].first == r && c->g[gi].ncodes &&
                        !c->g[gi].pron)
                        tgt = gi;
                }
            /* story.c: '"Israel must stop ...," Lavrov said': the content's first other actor */
            size_t ce = c->story_on && tgt < 0 && src >= 0 && c->g[src].ncodes
                            ? pl_story_said_content(c->text, c->len, c->t[c->g[src].first].start,
                                                    c->t[v->first].start, c->t[v->last].end) : 0;
            const char *spk = ce ? c->g[src].codes[0] : NULL;
            if (ce && d->bundled && !strncmp(spk, "---", 3)) {
                tail_src = tail_speaker(c, src, ce);
                if (!tail_src) return; /* "..., police said" after a gunman: whose police? */
                spk = tail_src;
            }
            for (size_t gi = 0; ce && gi < c->ng && tgt < 0; gi++)
                if (c->t[c->g[gi].last].end <= ce && c->g[gi].ncodes && !c->g[gi].pron &&
                    pl_story_other_actor(spk, c->g[gi].codes, c->g[gi].ncodes) &&
                    !(d->bundled && (speaker_side(c, (int)gi, spk) || !strncmp(c->g[gi].codes[0], "---", 3))))
                    tgt = (int)gi;
            if (d->bundled && tgt < 0 && src >= 0 && code.a != PL_NOCODE)
                tgt = after_clause_target(c, v, pl_dict_s(d, code.a), src);
            if (d->bundled && tgt < 0 && src >= 0 && code.a != PL_NOCODE)
                tgt = tail_statement_target(c, v, pl_dict_s(d, code.a), src);
        }
    }
    if (mcode && fr.gov >= 0) {
        /* the mirrored event: the governing verb's source; the addressee of
         * an appeal or demand is the target ("urged Russia to ...") */
        int gs = -1, gt = -1;
        for (size_t i = 0; i < c->npend && gs < 0; i++)
            if (c->pend[i].verb == fr.gov) gs = c->pend[i].sgi, gt = c->pend[i].tgi;
        if (fr.addressee >= 0) {
            src = gs >= 0 ? gs : default_source(c, &c->v[fr.gov], c->v[fr.gov].first, fr.addressee);
            tgt = fr.addressee;
        } else {
            if (gs >= 0) src = gs;
            if (tgt < 0 && gt >= 0 && gt != src) tgt = gt;
        }
    }
    if (b.cmp >= 0 && b.cmp_post) {
        tgt = b.cmp;
    } else if (b.cmp >= 0) {
        /* "% *": the compound acts among itself; a later actor is not the target */
        src = b.cmp;
        if (b.tgt < 0 || tgt == b.cmp) tgt = -1;
    }
    if (c->story_on && b.src < 0 && b.tgt < 0 && b.cmp < 0 && !passive)
        inverted_said(c, v, &src, &tgt);
    const char *c0 = code.a != PL_NOCODE ? pl_dict_s(d, code.a) : "";
    if (d->bundled && c0[0] == '0' && c0[1] == '1' && b.tgt < 0 && b.cmp < 0 && !passive &&
        src >= 0 && tgt >= 0)
        tgt = statement_other_target(c, v, src, tgt);
    if (d->bundled && c0[0] == '0' && c0[1] == '1' && b.tgt < 0 && b.cmp < 0 && !passive &&
        src >= 0 && tgt < 0)
        tgt = statement_that_target(c, v, src);
    if (d->bundled && !passive && b.tgt < 0 && b.cmp < 0 && src >= 0 && tgt >= 0 && tgt != src &&
        c->g[tgt].first > v->last)
        tgt = own_country_object(c, src, tgt, stop);
    int bare = 0;
    if (d->bundled && code.a != PL_NOCODE && b.cmp < 0)
        tgt = own_forces_target(c, pl_dict_s(d, code.a), src, tgt, (size_t)PL_MAX(b.post_hi + 1, (int)v->last + 1), stop, &bare);
    const char *scodes[MAX_CODES], *tcodes[MAX_CODES];
    int ns = group_codes(c, src, scodes, 1), ntg = group_codes(c, tgt, tcodes, 0);
    if (tail_src) scodes[0] = tail_src, ns = 1;
    if (bare && ntg == 1 && country_prefix(tcodes[0]))
        tcodes[0] = pl_arena_strndup(&c->arena, tcodes[0], 3);
    if (d->bundled && same_role_object(c, src, scodes, ns, tcodes, ntg)) ntg = 0, tgt = -1;
    if (c->debug)
        fprintf(stderr, "  verb %s: code %s%s%s src G%d(%d) tgt G%d(%d) mode '%s'%s\n", c->t[v->at].norm,
                code.a != PL_NOCODE ? pl_dict_s(d, code.a) : "", code.b != PL_NOCODE ? ":" : "",
                code.b != PL_NOCODE ? pl_dict_s(d, code.b) : "", src, ns, tgt, ntg, mode,
                hit ? " (pattern)" : "");
    if (d->bundled && ns == 1 && ntg == 0 && !c->g[src].compound)
        ntg = own_country_target(c, code.a != PL_NOCODE ? pl_dict_s(d, code.a) : "", scodes[0], tcodes);
    /* "..., police said", "what officials called": a statement by an agent
     * of no known country names no actor */
    if (d->bundled && ns == 1 && !mcode && code.a != PL_NOCODE &&
        !strncmp(pl_dict_s(d, code.a), "01", 2) && !strncmp(scodes[0], "---", 3))
        return;
    int recip = ns >= 2 && ntg == 0 &&
                ((b.cmp >= 0 && !b.cmp_post) || (!c->g[src].pron && c->g[src].compound));
    int lone = !recip && one_sided(c, v, c0, scodes, ns, ntg);
    if (!recip && (!ns && !ntg)) return;
    if (!recip && !lone && c->opt.require_dyad >= 0 && (!ns || !ntg)) return;
    if (!recip && !lone && !ntg) {
        /* no target: only when a phrase follows ("said on Saturday"), not
         * at the end of the sentence or before "today" */
        size_t q = (size_t)PL_MAX(b.post_hi + 1, (int)v->last + 1);
        while (q < c->nt && c->t[q].cls == CL_ADV) q++;
        if (q >= c->nt || c->t[q].cls == CL_PUNCT || c->t[q].cls == CL_COMMA ||
            !strcmp(c->t[q].norm, "TODAY") || !strcmp(c->t[q].norm, "TONIGHT") ||
            !strcmp(c->t[q].norm, "YESTERDAY"))
            return;
    }
    /* evidence */
    pl_buf ev;
    pl_buf_init(&ev);
    pl_buf_puts(&ev, "verb ");
    pl_buf_puts(&ev, pl_dict_s(d, blk->name));
    put_src(&ev, d, f->src);
    if (hit)
    {
        pl_buf_puts(&ev, "; pattern \"");
        pl_buf_puts(&ev, pl_dict_s(d, hit->text));
        pl_buf_putc(&ev, '"');
        put_src(&ev, d, hit->src);
    }
    if (passive) pl_buf_puts(&ev, "; passive");
    if (src >= 0) group_evidence(c, src, "source", &ev);
    if (tgt >= 0 && tgt != src) group_evidence(c, tgt, "target", &ev);
    if (frame_verb(c, v)) pl_buf_printf(&ev, "; frame \"%s\"", c->t[v->at].norm);
    if (mcode)
        pl_buf_printf(&ev, "; %s%s%s %s -> %s (mirror.tsv:%u)", family_name(fr.family),
                      fr.gov >= 0 ? " of " : "", fr.gov >= 0 ? c->t[c->v[fr.gov].at].norm : "",
                      pl_dict_s(d, code.a), mcode, mline);
    const char *evid = pl_arena_strdup(&c->arena, ev.data ? ev.data : "");
    pl_buf_free(&ev);
    int dyad = c->opt.require_dyad >= 0;
    const char *ca = code.a != PL_NOCODE ? pl_dict_s(d, code.a) : NULL;
    const char *cb = code.b != PL_NOCODE ? pl_dict_s(d, code.b) : NULL;
    if (mcode) {
        ca = mcode, cb = NULL;
        if (fr.gov >= 0) frame_take_gov(c, &fr); /* the mirror replaces its default event */
    }
    if (d->bundled && !hit && ca && !mcode) ca = attack_tail_code(c, v, ca);
    size_t made = 0;
    if (recip) {
        /* a compound acting among itself: each member toward the others */
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++) {
                if (i == j || made >= c->opt.max_compound) continue;
                if (ca) emit(c, scodes[i], scodes[j], ca, src, src, v, mode, evid), made++;
                if (cb) emit(c, scodes[j], scodes[i], cb, src, src, v, mode, evid), made++;
            }
        return;
    }
    if (!ns && !ntg) return;
    if (dyad && !lone && (!ns || !ntg)) return;
    if (!ns) scodes[0] = "---", ns = 1;
    if (!ntg) tcodes[0] = "---", ntg = 1;
    const char *s_own[MAX_CODES], *t_own[MAX_CODES];
    uint8_t s_oth[MAX_CODES] = {0}, t_oth[MAX_CODES] = {0};
    memcpy(s_own, scodes, sizeof s_own);
    memcpy(t_own, tcodes, sizeof t_own);
    if (d->bundled && strncmp(c0, "01", 2) != 0) {
        /* "security forces fired at protesters": an agent without a country
         * takes the country of the other side, else of a place named in the
         * sentence ("in Mosul"); not for statements ("officials said Russia
         * ..." says nothing of the officials' country) */
        same_side_country(c, src, tcodes, ntg);
        infer_country(c, scodes, ns, tcodes, ntg, src, s_oth, 1);
        infer_country(c, tcodes, ntg, scodes, ns, tgt, t_oth, 0);
    }
    if (d->bundled && src >= 0) after_talks(c, v, src, scodes, ns, mode);
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < ntg; j++) {
            if (made >= c->opt.max_compound) {
                if (c->opt.diag) {
                    parley_diag dg = {PARLEY_WARNING, c->doc ? c->doc : "-", c->sent, -1, c->doc,
                                      "compound actors give too many events; capped"};
                    c->opt.diag(c->opt.diag_ctx, &dg);
                }
                return;
            }
            /* a role whose country was only inferred from the other side
             * ("Russia proposed ... the opposition"): no event with it */
            /* (a country taken from a place: "gunmen stormed a hotel in
             * Mogadishu" is SOMUAF SOM) */
            if (((scodes[i] != s_own[i] && (s_oth[i] || !d->bundled)) ||
                 (tcodes[j] != t_own[j] && (t_oth[j] || !d->bundled))) &&
                !strncmp(scodes[i], tcodes[j], 3) &&
                (!scodes[i][3] || !tcodes[j][3]))
                continue;
            if (ca) emit(c, scodes[i], tcodes[j], ca, src, tgt, v, mode, evid), made++;
            if (cb) emit(c, tcodes[j], scodes[i], cb, tgt, src, v, mode, evid), made++;
        }
    /* remember the source for later pronouns */
    if (ns && strcmp(scodes[0], "---") != 0) {
        c->nlast = 0;
        for (int i = 0; i < ns && i < MAX_CODES; i++) {
            snprintf(c->last_buf[i], sizeof c->last_buf[i], "%s", scodes[i]);
            c->last_codes[c->nlast++] = c->last_buf[i];
        }
    }
}

/* Parley's own dictionaries: possessive nominal events.  "Xi Jinping's
 * state visit to the United States began ...", "Lavrov's talks with Kerry
 * ended ...", "during Putin's visit to China": the possessor, a head noun
 * that is a verb of the dictionary (its block's code) and an actor after
 * to/with/on/against make an event, whatever the main verb, when the phrase
 * is a subject or follows during/after; not when it is a verb's object
 * ("discussed Obama's visit to Russia"), planned, or called off. */
static void nominal_events(parley_coder *c)
{
    const parley_dict *d = c->d;
    for (size_t i = 1; i + 3 < c->nt; i++) {
        if (c->t[i].cls != CL_POSS || c->t[i].unit < 0 || c->t[i].group < 0) continue;
        const unit *u = &c->u[c->t[i].unit];
        size_t head = u->last;
        if (head <= i || u->actor < 0 || c->m[u->actor].last >= i || head + 2 >= c->nt) continue;
        const char *p = c->t[head + 1].norm;
        if (strcmp(p, "TO") && strcmp(p, "WITH") && strcmp(p, "ON") && strcmp(p, "AGAINST")) continue;
        int tg = c->t[head + 2].group;
        if (tg < 0 || c->g[tg].first != head + 2 || !c->g[tg].ncodes || c->g[tg].pron) continue;
        int sg = c->t[i].group;
        if (c->g[sg].last != head || c->g[sg].pron || !c->g[sg].ncodes) continue;
        /* the phrase's place: a subject, or after during/after */
        size_t gf = c->g[sg].first;
        if (gf > 0) {
            const ctok *b = &c->t[gf - 1];
            if (b->cls != CL_COMMA && strcmp(b->norm, "DURING") && strcmp(b->norm, "AFTER") &&
                strcmp(b->norm, "FOLLOWING"))
                continue;
        }
        int skip = 0;
        for (size_t q = i + 1; q < head && !skip; q++) {
            const char *w = c->t[q].norm;
            skip = !strcmp(w, "PLANNED") || !strcmp(w, "PROPOSED") || !strcmp(w, "UPCOMING") ||
                   !strcmp(w, "EXPECTED") || !strcmp(w, "POSSIBLE") || !strcmp(w, "FUTURE");
        }
        for (size_t q = (size_t)c->g[tg].last + 1; q < c->nt && !skip && !is_boundary(c, q); q++) {
            const char *w = c->t[q].norm;
            skip = !strncmp(w, "CANCEL", 6) || !strncmp(w, "POSTPON", 7) || !strncmp(w, "DELAY", 5) ||
                   !strncmp(w, "SCRAP", 5) || !strcmp(w, "OFF") || c->t[q].cls == CL_NEG ||
                   (c->t[q].wf & (F_MODAL | F_FUTURE));
        }
        if (skip) continue;
        size_t cnt;
        const pl_name *nm = pl_names_lookup(&d->verb_names, c->t[head].w, &cnt);
        const pl_verb_form *f = NULL;
        pl_vcode code = {0};
        for (size_t k = 0; k < cnt && !f; k++) {
            const pl_verb_form *g = &d->vforms[nm[k].target];
            pl_vcode gc = g->code.set ? g->code : d->blocks[g->block].code;
            if (g->nwords == 1 && gc.set && !gc.null && gc.a != PL_NOCODE) f = g, code = gc;
        }
        if (!f) continue;
        c->v = pl_grow(c->v, &c->capv, c->nv + 1, sizeof *c->v);
        cverb cv = {(uint16_t)head, (uint16_t)head, (uint16_t)head, (uint32_t)(f - d->vforms)};
        c->v[c->nv++] = cv;
        const cverb *v = &c->v[c->nv - 1];
        pl_buf ev;
        pl_buf_init(&ev);
        pl_buf_puts(&ev, "verb ");
        pl_buf_puts(&ev, pl_dict_s(d, d->blocks[f->block].name));
        put_src(&ev, d, f->src);
        pl_buf_puts(&ev, "; possessive nominal event");
        group_evidence(c, sg, "source", &ev);
        group_evidence(c, tg, "target", &ev);
        const char *evid = pl_arena_strdup(&c->arena, ev.data ? ev.data : "");
        pl_buf_free(&ev);
        const char *ca = pl_dict_s(d, code.a), *cb = code.b != PL_NOCODE ? pl_dict_s(d, code.b) : NULL;
        const char *sc[MAX_CODES], *tc[MAX_CODES];
        int ns = group_codes(c, sg, sc, 1), nt = group_codes(c, tg, tc, 0);
        for (int a = 0; a < ns; a++)
            for (int b2 = 0; b2 < nt; b2++) {
                emit(c, sc[a], tc[b2], ca, sg, tg, v, "", evid);
                if (cb) emit(c, tc[b2], sc[a], cb, tg, sg, v, "", evid);
            }
        i = head;
    }
}

/* PARLEY_CODER_DEBUG=1: the coder's view of each sentence on stderr. */
static void debug_dump(const parley_coder *c)
{
    static const char *const pos[] = {"X", "N", "NP", "PRO", "V", "AUX", "ADJ", "ADV", "DET",
                                      "P", "CC", "SC", "NUM", "PRT", "."};
    fprintf(stderr, "--");
    for (size_t i = 0; i < c->nt; i++) {
        const ctok *t = &c->t[i];
        fprintf(stderr, " %s/%s%s%s", t->norm, t->pos < 15 ? pos[t->pos] : "?",
                t->isverb ? "*" : "", t->ment >= 0 ? (c->m[t->ment].agent ? "@g" : "@a") : "");
        if (t->group >= 0 && c->g[t->group].last == i) {
            const group *g = &c->g[t->group];
            fprintf(stderr, "]G%d{", t->group);
            for (int k = 0; k < g->ncodes; k++) fprintf(stderr, "%s%s", k ? "," : "", g->codes[k]);
            fprintf(stderr, "}");
        }
    }
    fprintf(stderr, "\n");
}

/* Issue phrases (Phoenix issue files) found in the sentence. */
static void find_issues(parley_coder *c)
{
    const parley_dict *d = c->d;
    c->issues = "";
    if (!d->nissues) return;
    pl_buf b;
    pl_buf_init(&b);
    for (size_t i = 0; i < c->nt; i++) {
        uint32_t target;
        size_t n = longest_name(c, &d->issue_names, i, &target, NULL);
        if (!n) continue;
        const char *code = pl_dict_s(d, d->issues[target].code);
        /* once each */
        int dup = 0;
        size_t cl = strlen(code);
        for (const char *p = b.data; p && (p = strstr(p, code)); p += cl)
            if ((p == b.data || p[-1] == ';') && (p[cl] == 0 || p[cl] == ';')) dup = 1;
        if (!dup) {
            if (b.len) pl_buf_putc(&b, ';');
            pl_buf_puts(&b, code);
        }
        i += n - 1;
    }
    if (b.len) c->issues = pl_arena_strdup(&c->arena, b.data);
    pl_buf_free(&b);
}

/* story.c (article mode): surnames, role nouns and "the parties" resolved
 * to earlier actors of the story; coded phrases are remembered */
static void story_groups(parley_coder *c)
{
    for (size_t gi = 0; gi < c->ng; gi++) {
        group *g = &c->g[gi];
        if (g->pron) continue;
        uint32_t s = c->t[g->first].start, e = c->t[g->last].end;
        int n = pl_story_np(c->story, c->text + s, e - s, g->codes, g->ncodes, MAX_CODES, c->sent);
        if (n > 1 && n != g->ncodes) g->compound = 1;
        g->ncodes = (uint16_t)n;
    }
}

/* Parley's own dictionaries: "the Israeli military said its jets struck
 * ...": agents after a possessive pronoun belong to the nearest actor
 * before it (ISR + MIL), not to the other side of the event. */
static void posspron_groups(parley_coder *c)
{
    for (size_t gi = 1; gi < c->ng; gi++) {
        group *g = &c->g[gi];
        if (g->pron || g->compound || g->ncodes != 1 || strncmp(g->codes[0], "---", 3) != 0 ||
            !g->codes[0][3])
            continue;
        int uk = c->t[g->first].unit;
        if (uk < 0 || !c->u[uk].posspron) continue;
        for (size_t k = gi; k-- > 0;) {
            const group *p = &c->g[k];
            if (p->pron || !p->ncodes || p->compound) continue;
            if (country_prefix(p->codes[0])) {
                char buf[64];
                snprintf(buf, sizeof buf, "%.3s%s", p->codes[0], g->codes[0] + 3);
                g->codes[0] = pl_arena_strdup(&c->arena, buf);
            }
            break;
        }
    }
}

static void code_parse(parley_coder *c, const pl_parse *ps)
{
    analyse(c, ps);
    if (find_discard(c)) return;
    if (c->d->format_tabari && find_tabari_discard(c)) return;
    find_issues(c);
    find_mentions(c);
    find_verbs(c);
    build_units(c);
    merge_agent_units(c);
    if (c->opt.new_actor_length > 0) merge_new_actor_units(c);
    build_groups(c);
    if (c->d->bundled) posspron_groups(c);
    if (c->story_on) story_groups(c);
    if (c->d->bundled) add_frame_verbs(c); /* "said it would ...", "ready to ..." */
    if (c->debug) debug_dump(c);
    size_t nverbs = c->nv;
    c->v_skipped = pl_grow(c->v_skipped, &c->capvs, nverbs + 1, 1);
    memset(c->v_skipped, 0, nverbs + 1);
    c->v_coded = pl_grow(c->v_coded, &c->capvc, nverbs + 1, 1);
    memset(c->v_coded, 0, nverbs + 1);
    int clause = 0, clause_coded = -1, last_coded = -1;
    if (c->d->format_tabari && (c->d->opts.complex_verbs || c->d->opts.complex_conj)) {
        /* TABARI COMPLEX: VERBS[n] CONJ[m]: such sentences are not coded */
        int nconj = 0;
        for (size_t q = 0; q < c->nt; q++) {
            if (c->t[q].cls != CL_CONJ) continue;
            /* "Ithilen and Dagolath": a compound of actors is not counted */
            if (q > 0 && q + 1 < c->nt && c->t[q - 1].unit >= 0 && c->t[q + 1].unit >= 0 &&
                unit_coded(c, &c->u[c->t[q - 1].unit]) && unit_coded(c, &c->u[c->t[q + 1].unit]))
                continue;
            nconj++;
        }
        if ((c->d->opts.complex_verbs && (int)nverbs > c->d->opts.complex_verbs) ||
            (c->d->opts.complex_conj && nconj >= c->d->opts.complex_conj)) {
            c->complex = 1;
            nverbs = 0;
        }
    }
    for (size_t vi = 0; vi < nverbs && !c->stop; vi++) {
        if (c->v_skipped[vi] == 2) continue;
        if (c->d->format_tabari) {
            /* TABARI: the first coded verb of each clause; clauses begin at a
             * subordinating word or a conjunction before a verb */
            size_t from = vi ? c->v[vi - 1].last + 1u : 0;
            for (size_t q = from; q < c->v[vi].first; q++)
                if ((c->t[q].wf & F_SUBPREP) || !strcmp(c->t[q].norm, "BUT") ||
                    (c->t[q].cls == CL_CONJ && q + 1 < c->nt &&
                     (c->t[q + 1].isverb || c->t[q + 1].cls == CL_AUX)))
                    clause++;
            if (clause == clause_coded) continue;
        }
        if (!c->d->format_tabari && last_coded >= 0) {
            /* PETRARCH: a verb in a subordinate clause ("... after crowds
             * burned ...") of a coded verb's phrase is not coded again */
            int sub = 0, conj = 0;
            for (size_t q = c->v[last_coded].last + 1u; q < c->v[vi].first; q++) {
                if ((c->t[q].wf & F_SUBPREP)) sub = 1;
                else if (c->t[q].cls == CL_COMMA || c->t[q].cls == CL_PUNCT) sub = 0;
                /* Parley's own dictionaries: "said while commenting on X that
                 * the U.S. confirmed ...": "that" opens the verb's complement */
                else if (c->d->bundled && !strcmp(c->t[q].norm, "THAT"))
                    sub = 0;
                if (c->t[q].cls == CL_CONJ) conj = 1;
            }
            if (sub && !conj) continue;
        }
        int before = c->strong;
        size_t np = c->npend;
        code_verb(c, vi);
        if (c->strong && (!before || c->npend > np)) clause_coded = clause;
        if (c->npend > np && !c->pend[c->npend - 1].weak) last_coded = (int)vi;
        if (c->npend > np) c->v_coded[vi] = 1;
    }
    if (c->d->bundled && !c->d->format_tabari && !c->stop) nominal_events(c);
    flush_events(c);
    /* no verb coded: remember the first actor for pronouns */
    if (!c->nlast)
        for (size_t gi = 0; gi < c->ng; gi++)
            if (!c->g[gi].pron && c->g[gi].ncodes) {
                snprintf(c->last_buf[0], sizeof c->last_buf[0], "%s", c->g[gi].codes[0]);
                c->last_codes[0] = c->last_buf[0];
                c->nlast = 1;
                break;
            }
}

static void set_date(parley_coder *c, const parley_datetime *date)
{
    c->date = pl_date_key(date);
    if (c->date)
    {
        unsigned y = (unsigned)date->year % 10000u, m = (unsigned)date->month % 13u,
                 dd = (unsigned)date->day % 32u;
        c->datebuf[0] = (char)('0' + y / 1000), c->datebuf[1] = (char)('0' + y / 100 % 10);
        c->datebuf[2] = (char)('0' + y / 10 % 10), c->datebuf[3] = (char)('0' + y % 10);
        c->datebuf[4] = '-', c->datebuf[5] = (char)('0' + m / 10), c->datebuf[6] = (char)('0' + m % 10);
        c->datebuf[7] = '-', c->datebuf[8] = (char)('0' + dd / 10), c->datebuf[9] = (char)('0' + dd % 10);
        c->datebuf[10] = 0;
    }
    else
        c->datebuf[0] = 0;
}

static void story_reset(parley_coder *c)
{
    if (c->nseen) memset(c->seen, 0, c->capseen * sizeof *c->seen);
    c->nseen = 0;
    c->nlast = 0;
}

parley_status parley_code_sentence(parley_coder *c, const char *text, size_t len,
                                   const parley_datetime *date, const char *doc, int sent,
                                   parley_event_fn fn, void *ctx)
{
    if (!c || (!text && len)) return PARLEY_ERR_USAGE;
    pl_arena_reset(&c->arena);
    story_reset(c);
    c->discarded = NULL;
    c->stop = 0;
    set_date(c, date);
    c->text = pl_arena_strndup(&c->arena, text ? text : "", len);
    c->len = len;
    c->doc = doc;
    c->sent = sent;
    c->fn = fn;
    c->ctx = ctx;
    const pl_parse *ps = pl_parse_sentence(c->parser, c->text, len);
    code_parse(c, ps);
    return PARLEY_OK;
}

parley_status parley_code_article(parley_coder *c, const parley_article *a, parley_event_fn fn,
                                  void *ctx)
{
    if (!c || !a) return PARLEY_ERR_USAGE;
    story_reset(c);
    if (!c->story) c->story = pl_story_new();
    pl_story_reset(c->story);
    c->story_on = 1;
    c->discarded = NULL;
    c->stop = 0;
    set_date(c, &a->published);
    c->doc = a->id;
    c->fn = fn;
    c->ctx = ctx;
    size_t ns = a->n_sentences;
    parley_span one;
    /* a body without sentence spans: split it here */
    parley_span *spans = NULL;
    if (!a->sentences && a->body_len) {
        size_t cnt = parley_split_sentences(a->body, a->body_len, &one, 1);
        if (cnt > 1) {
            spans = pl_xmalloc(cnt * sizeof *spans);
            parley_split_sentences(a->body, a->body_len, spans, cnt);
        } else if (cnt == 1) {
            spans = pl_xmalloc(sizeof *spans);
            *spans = one;
        }
        ns = cnt;
    }
    /* story discards: checked over every sentence first */
    int story_discards = 0;
    for (size_t i = 0; i < c->d->ndiscards && !story_discards; i++) story_discards = c->d->discards[i].story;
    for (size_t i = 0; story_discards && i < ns && !c->discarded; i++) {
        size_t st = spans ? spans[i].start : a->sentences[i].start;
        size_t en = spans ? spans[i].end : a->sentences[i].end;
        pl_arena_reset(&c->arena);
        c->text = pl_arena_strndup(&c->arena, a->body + st, en - st);
        const pl_parse *ps = pl_parse_sentence(c->parser, c->text, en - st);
        analyse(c, ps);
        if (find_discard(c) && strcmp(c->discarded, "storydiscard") != 0) c->discarded = NULL;
    }
    if (c->discarded) {
        free(spans);
        c->story_on = 0;
        return PARLEY_OK;
    }
    const char *any_discard = NULL;
    for (size_t i = 0; i < ns && !c->stop; i++) {
        size_t st = spans ? spans[i].start : a->sentences[i].start;
        size_t en = spans ? spans[i].end : a->sentences[i].end;
        pl_arena_reset(&c->arena);
        c->text = pl_arena_strndup(&c->arena, a->body + st, en - st);
        c->len = en - st;
        c->sent = (int)i + 1;
        if (pl_date_key(&a->published)) { /* story.c: "said Tuesday", "yesterday" */
            int32_t k = pl_story_sentence_date(pl_date_key(&a->published), c->text, c->len);
            parley_datetime sd = {.year = k / 10000, .month = k / 100 % 100, .day = k % 100};
            set_date(c, &sd);
        }
        const pl_parse *ps = pl_parse_sentence(c->parser, c->text, c->len);
        code_parse(c, ps);
        if (c->discarded) any_discard = c->discarded;
        c->discarded = NULL; /* sentence discards only skip their sentence */
    }
    c->discarded = any_discard;
    free(spans);
    c->story_on = 0;
    return PARLEY_OK;
}
