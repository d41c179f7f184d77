/*
 * parley.h — the public interface of libparley.
 *
 * Parley reads news articles, codes the political events they describe in the
 * CAMEO ontology (who did what to whom, when), explains every event, and keeps
 * them in an embedded SQLite store.  This header is the whole published API:
 * anything not declared here is private to the library.
 *
 * Conventions (see docs/design.md):
 *  - Opaque handles come in new/free pairs; every *_free() accepts NULL.
 *  - Functions return a parley_status (0 = PARLEY_OK) and, where they can fail
 *    in ways a user must see, fill an optional parley_error naming the file,
 *    line and byte and the reason.
 *  - Strings handed out by the library are UTF-8 and NUL-terminated and belong
 *    to the object that returned them, unless the function says otherwise.
 *  - Thread safety: a compiled parley_dict is immutable and may be shared by
 *    any number of threads; every other handle is used by one thread at a time.
 */
#ifndef PARLEY_H
#define PARLEY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PARLEY_VERSION "0.1.0"

/* ------------------------------------------------------------------------ */
/* Status, errors and diagnostics                                           */
/* ------------------------------------------------------------------------ */

typedef enum parley_status {
    PARLEY_OK = 0,
    PARLEY_END,          /* a stream has no more items (not an error) */
    PARLEY_ERR_IO,       /* a file could not be opened, read or written */
    PARLEY_ERR_FORMAT,   /* input could not be understood */
    PARLEY_ERR_NOMEM,    /* out of memory */
    PARLEY_ERR_USAGE,    /* bad argument from the caller */
    PARLEY_ERR_DB,       /* the store reported an error */
    PARLEY_ERR_LIMIT     /* an input exceeded a configured limit */
} parley_status;

/* Static text for a status code. Never NULL. */
const char *parley_status_str(parley_status s);

/* Where and why something failed. line is 1-based (0 = unknown); byte is the
 * 0-based offset in the file (-1 = unknown). */
typedef struct parley_error {
    parley_status status;
    char file[512];
    long line;
    long long byte;
    char message[512];
} parley_error;

typedef enum parley_severity {
    PARLEY_INFO = 0,
    PARLEY_WARNING,
    PARLEY_ERROR
} parley_severity;

/* A diagnostic about input: a repaired byte, a skipped record, a bad
 * dictionary entry.  The pointers are valid only during the callback. */
typedef struct parley_diag {
    parley_severity severity;
    const char *file;     /* path, or "-" for stdin; never NULL */
    long line;            /* 1-based, 0 = unknown */
    long long byte;       /* 0-based offset in the file, -1 = unknown */
    const char *record;   /* id of the record concerned, or NULL */
    const char *message;  /* the reason, never NULL */
} parley_diag;

typedef void (*parley_diag_fn)(void *ctx, const parley_diag *d);

/* Formats a diagnostic as "file:line: byte N: severity: message" into out. */
void parley_diag_format(const parley_diag *d, char *out, size_t n);

/* ------------------------------------------------------------------------ */
/* Dates                                                                    */
/* ------------------------------------------------------------------------ */

/* A calendar date with optional time and zone, as found on a news page. */
typedef struct parley_datetime {
    int year, month, day;        /* year 0 = unknown date */
    int hour, minute, second;
    int has_time;                /* hour/minute/second are meaningful */
    int has_zone;                /* tz_minutes is meaningful */
    int tz_minutes;              /* offset east of UTC, e.g. +240 for UTC+04:00 */
} parley_datetime;

/* Parses one date expression of the common forms found on news pages
 * ("20 November 2012 19:12 (UTC+04:00)", "Nov. 20, 2012", "2012-11-20T19:12Z",
 * RFC 2822, weekday prefixes, zone names such as GMT or EST).  Returns 1 and
 * fills *out when the whole text (ignoring surrounding space) is a date,
 * 0 otherwise. */
int parley_date_parse(const char *text, size_t len, parley_datetime *out);

/* Writes ISO 8601: "2012-11-20T19:12:00+04:00", "2012-11-20T19:12:00" without
 * zone, "2012-11-20" without time, "" for an unknown date.  Returns the
 * length written (like snprintf). */
int parley_datetime_format(const parley_datetime *dt, char *out, size_t n);

/* ------------------------------------------------------------------------ */
/* Articles and the reader                                                  */
/* ------------------------------------------------------------------------ */

/* A byte range [start, end) in an article body. */
typedef struct parley_span {
    size_t start, end;
} parley_span;

typedef struct parley_sentence {
    size_t start, end;           /* byte span in the body */
    size_t paragraph;            /* 0-based index of its paragraph */
} parley_sentence;

/* A clean article.  All strings are owned by the article (or by the reader
 * that produced it); absent fields are "" (never NULL), absent dates have
 * year 0. */
typedef struct parley_article {
    const char *id;              /* given id, or the file path */
    const char *format;          /* "text", "jsonl", "html", "warc" ... */
    const char *file;            /* input file it came from ("-" = stdin) */
    long line;                   /* 1-based line in that file, 0 = n/a */
    long long offset;            /* byte offset of the record in that file */
    const char *url;
    const char *canonical_url;
    const char *source;          /* site or outlet name, e.g. "Azernews" */
    const char *language;        /* BCP 47 tag when known */
    const char *headline;
    const char *byline;          /* author names without "By", "; "-joined */
    const char *const *authors;  /* the same names one by one */
    size_t n_authors;
    parley_datetime published;   /* the story's date (dateline), not the page's */
    parley_datetime modified;
    parley_datetime crawled;     /* crawl/page date when known */
    const char *body;            /* paragraphs separated by "\n\n" */
    size_t body_len;
    const parley_span *paragraphs;
    size_t n_paragraphs;
    const parley_sentence *sentences;
    size_t n_sentences;
    const char *const *warnings; /* what was repaired or dropped */
    size_t n_warnings;
} parley_article;

typedef struct parley_read_options {
    const char *format;          /* NULL or "auto": sniff; else "text", "jsonl", "html", "warc" */
    size_t max_record_bytes;     /* 0 = default (64 MiB); larger records are skipped */
    parley_diag_fn diag;         /* NULL = diagnostics are dropped */
    void *diag_ctx;
} parley_read_options;

typedef struct parley_reader parley_reader;

/* Creates a reader.  opt may be NULL for defaults.  Returns NULL only when
 * out of memory. */
parley_reader *parley_reader_new(const parley_read_options *opt);

/* Queues an input: a file, a directory (read recursively in name order), or
 * "-" for standard input.  Problems with the path are reported when it is
 * reached by parley_reader_next(). */
parley_status parley_reader_add(parley_reader *r, const char *path);

/* Reads the next article.  Returns PARLEY_OK and sets *out (valid until the
 * next call or parley_reader_free), or PARLEY_END when all inputs are done.
 * Unreadable files and records are reported through the diag callback,
 * counted, and skipped: the reader goes on with the next one. */
parley_status parley_reader_next(parley_reader *r, const parley_article **out);

/* Number of files or records skipped so far because they could not be read. */
size_t parley_reader_skipped(const parley_reader *r);

void parley_reader_free(parley_reader *r);

/* Reads one article from memory.  format as in parley_read_options (NULL =
 * sniff).  id may be NULL.  On failure returns NULL and fills err.  Free the
 * result with parley_article_free(). */
parley_article *parley_article_parse(const char *data, size_t len, const char *id,
                                     const char *format, parley_error *err);
void parley_article_free(parley_article *a);

/* Writes the article as one JSON object (no trailing newline) to out. */
parley_status parley_article_write_json(const parley_article *a, FILE *out);

/* Splits text into sentences.  Writes up to max spans to out and returns the
 * number of sentences found (which may exceed max). */
size_t parley_split_sentences(const char *text, size_t len, parley_span *out, size_t max);

/* ------------------------------------------------------------------------ */
/* CAMEO                                                                    */
/* ------------------------------------------------------------------------ */

typedef struct parley_cameo {
    const char *code;            /* "042" */
    const char *root;            /* "04" */
    int quad;                    /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    double goldstein;            /* -10 .. +10 */
    const char *plover_event;    /* "" when unmapped */
    const char *plover_mode;
    const char *plover_context;
    const char *label;
} parley_cameo;

/* Looks a CAMEO event code up in the bundled table.  NULL when unknown.
 * Thread-safe; the result is static. */
const parley_cameo *parley_cameo_lookup(const char *code);

/* ------------------------------------------------------------------------ */
/* Dictionaries                                                             */
/* ------------------------------------------------------------------------ */

typedef struct parley_dict parley_dict;

/* Files of a dictionary set.  Any member may be NULL.  actors may list
 * several files separated by commas.  Formats (PETRARCH-2 / Phoenix, TABARI,
 * Parley's own) are recognised by content. */
typedef struct parley_dict_files {
    const char *verbs;
    const char *actors;
    const char *agents;
    const char *discards;
    const char *issues;
    const char *options;         /* TABARI .options */
} parley_dict_files;

/* Loads Parley's bundled dictionaries (compiled into the library). */
parley_dict *parley_dict_load_default(parley_diag_fn diag, void *ctx, parley_error *err);

/* Loads every dictionary file found in a directory (by name and content). */
parley_dict *parley_dict_load_dir(const char *dir, parley_diag_fn diag, void *ctx,
                                  parley_error *err);

/* Loads the named files.  Bad entries are skipped with a diagnostic naming
 * file:line; only unreadable files fail the whole load. */
parley_dict *parley_dict_load_files(const parley_dict_files *files, parley_diag_fn diag,
                                    void *ctx, parley_error *err);

void parley_dict_free(parley_dict *d);

/* Sizes of a loaded dictionary, for `parley dict`. */
typedef struct parley_dict_stats {
    size_t files, lines, warnings;
    size_t actors, actor_names, actor_codes;
    size_t agents, agent_names;
    size_t verb_blocks, verb_forms, patterns, synsets, transformations;
    size_t discards, issues, words;
    double load_seconds;         /* wall time of the load */
} parley_dict_stats;

void parley_dict_get_stats(const parley_dict *d, parley_dict_stats *out);

/* ------------------------------------------------------------------------ */
/* Event coding                                                             */
/* ------------------------------------------------------------------------ */

/* One coded event.  Pointers are valid only during the callback. */
typedef struct parley_event {
    const char *doc;             /* article id */
    int sent;                    /* 1-based sentence number */
    char date[11];               /* YYYY-MM-DD */
    const char *source;          /* actor code, "---" for none */
    const char *target;
    const char *code;            /* CAMEO event code */
    const char *root;
    int quad;
    double goldstein;
    const char *plover;          /* PLOVER event type, "" when unmapped */
    const char *mode;            /* "" asserted; "negated", "hypothetical", "future" */
    const char *source_text;
    const char *target_text;
    const char *verb_text;
    const char *sentence;
    parley_span source_span;     /* byte spans within sentence */
    parley_span target_span;
    parley_span verb_span;
    const char *issues;          /* issue codes, ";"-joined, "" when none */
    const char *evidence;        /* dictionary entries and pattern, human readable */
} parley_event;

/* Return non-zero to stop coding. */
typedef int (*parley_event_fn)(void *ctx, const parley_event *ev);

typedef struct parley_code_options {
    int all_modes;               /* also deliver negated/hypothetical events (mode set) */
    int keep_duplicates;         /* do not drop repeated (date,source,target,code) in a story */
    size_t max_compound;         /* cap on events from compound actors; 0 = default (16) */
    parley_diag_fn diag;
    void *diag_ctx;
    /* Coder options that validation suites set (PETRARCH <Config> records,
     * TABARI option commands); see docs/validate.md.  All zero = Parley's
     * own behaviour. */
    int require_dyad;            /* 0 = coder default; 1 = drop events lacking a source or a
                                  * target (PETRARCH require_dyad = true); -1 = keep them,
                                  * the missing side coded "---" (require_dyad = false) */
    int new_actor_length;        /* > 0: an uncoded noun phrase of at most this many words
                                  * may act as source/target, coded as its upper-case text in
                                  * double quotes, e.g. "\"INJURY TOLL\""; 0 = off */
    int comma_set;               /* non-zero: the comma_* limits below replace the defaults */
    int comma_min, comma_max;    /* drop internal comma-delimited clauses of min..max words
                                  * (inclusive) before coding; max 0 = never (PETRARCH default
                                  * 2..8) */
    int comma_bmin, comma_bmax;  /* the same for a clause opening the sentence (default 0..0 = off) */
    int comma_emin, comma_emax;  /* the same for a clause closing the sentence (default 2..8) */
    const char *tabari_commands; /* TABARI option commands ("SET: CODE ALL", "COMPLEX: ..."),
                                  * one per line, applied over the dictionary's .options file;
                                  * NULL = none */
} parley_code_options;

/* Sets one suite option by its PETRARCH <Config> name ("require_dyad",
 * "new_actor_length", "comma_min" ... "comma_emax"); value as written
 * ("True", "false", "4").  Returns 0, or -1 when the name or the value is not
 * understood (o is then unchanged). */
int parley_code_options_set(parley_code_options *o, const char *name, const char *value);

typedef struct parley_coder parley_coder;

/* A coder holds per-thread scratch space for one dictionary.  dict must
 * outlive the coder.  opt may be NULL. */
parley_coder *parley_coder_new(const parley_dict *dict, const parley_code_options *opt);
void parley_coder_free(parley_coder *c);

/* Codes a whole article (story-level: dates, later mentions, duplicates). */
parley_status parley_code_article(parley_coder *c, const parley_article *a,
                                  parley_event_fn fn, void *ctx);

/* Codes one sentence dated date (NULL = unknown). doc may be NULL. */
parley_status parley_code_sentence(parley_coder *c, const char *text, size_t len,
                                   const parley_datetime *date, const char *doc, int sent,
                                   parley_event_fn fn, void *ctx);

/* Why the last sentence or article coded by c produced no events because of
 * a discard entry: "sentencediscard", "storydiscard", or NULL when none. */
const char *parley_coder_discarded(const parley_coder *c);

/* Writes an event as one JSON object (no newline). */
parley_status parley_event_write_json(const parley_event *ev, FILE *out);
/* Writes the TSV header line (with newline), and an event as a TSV line. */
parley_status parley_event_write_tsv_header(FILE *out);
parley_status parley_event_write_tsv(const parley_event *ev, FILE *out);

/* ------------------------------------------------------------------------ */
/* Validation suites (PETRARCH XML, TABARI .project)                        */
/* ------------------------------------------------------------------------ */

typedef struct parley_validate_result {
    size_t passed, failed, skipped;
    size_t events_expected;      /* expected events in the scored records */
    size_t events_produced;      /* distinct events the coder produced for them */
    size_t events_matched;       /* produced events that were expected */
    /* PETRARCH records whose <Text> and <Parse> differ in their words (their
     * expected events follow the parse PETRARCH coded, not the text Parley
     * codes); already counted in passed/failed, reported apart. */
    size_t differ_passed, differ_failed;
} parley_validate_result;

/* Runs a validation suite.  dict_dir may be NULL (dictionaries are looked up
 * beside the file).  A PASS/FAIL line per record, with expected and produced
 * events for failures, goes to report (may be NULL); the caller prints the
 * closing "N passed, M failed, K skipped" line from res.  Returns PARLEY_OK
 * when the suite ran (whatever the verdicts), PARLEY_ERR_IO when the suite or
 * a dictionary cannot be read, PARLEY_ERR_FORMAT when the file is not a
 * suite.  Scoring rules: docs/validate.md. */
parley_status parley_validate(const char *path, const char *dict_dir, FILE *report,
                              parley_validate_result *res, parley_error *err);

typedef struct parley_validate_options {
    const char *dict_dir;        /* NULL = dictionaries beside the suite file */
    const char *only;            /* run only the record with this id; NULL = all */
    int verbose;                 /* also show sentence and events of passing records */
    parley_diag_fn diag;         /* problems in the suite and dictionaries; NULL = dropped */
    void *diag_ctx;
} parley_validate_options;

/* parley_validate() with options (opt may be NULL). */
parley_status parley_validate_ex(const char *path, const parley_validate_options *opt,
                                 FILE *report, parley_validate_result *res, parley_error *err);

/* ------------------------------------------------------------------------ */
/* Store (SQLite)                                                           */
/* ------------------------------------------------------------------------ */

typedef struct parley_store parley_store;

/* Opens (creating or migrating) the store at path. */
parley_store *parley_store_open(const char *path, parley_error *err);
void parley_store_close(parley_store *s);

/* ---- Store: ingest, queries, exports, plots (src/store; docs/store.md) ---- */

/* Error text of the last failure on s ("" when none).  Never NULL. */
const char *parley_store_errmsg(const parley_store *s);

/* Articles per transaction (default 256).  Each article with all its events
 * is atomic in any case; a batch is committed when it is full, by
 * parley_store_commit() and by parley_store_close().  A store handle is used
 * by one thread at a time; one process at a time should ingest into a store
 * (any number may query it meanwhile: WAL mode). */
void parley_store_set_batch(parley_store *s, size_t articles);

typedef enum parley_ingest_state {
    PARLEY_INGEST_NEW = 0,       /* article not seen before: code and add its events */
    PARLEY_INGEST_CHANGED,       /* same article key, new text: old events are replaced */
    PARLEY_INGEST_UNCHANGED      /* same key and content hash: nothing to do */
} parley_ingest_state;

/* Starts storing article a.  Its key is canonical_url, else url, else id;
 * its content hash covers headline, body, source and published date.  When
 * *state is PARLEY_INGEST_UNCHANGED nothing was started (do not add events
 * or call end); otherwise add the article's events with
 * parley_store_add_event() and finish with parley_store_article_end() (or
 * drop everything with parley_store_article_abort()). */
parley_status parley_store_article_begin(parley_store *s, const parley_article *a,
                                         parley_ingest_state *state, parley_error *err);
/* Adds one event of the current article (copied: ev may be freed after). */
parley_status parley_store_add_event(parley_store *s, const parley_event *ev, parley_error *err);
/* A parley_event_fn that adds the event to the store passed as ctx; returns
 * non-zero (stop) on failure, the reason in parley_store_errmsg(). */
int parley_store_event_fn(void *store, const parley_event *ev);
/* Finishes the current article: it and its events become part of the batch. */
parley_status parley_store_article_end(parley_store *s, parley_error *err);
/* Forgets the current article: nothing of it is stored. */
void parley_store_article_abort(parley_store *s);
/* Commits the current batch. */
parley_status parley_store_commit(parley_store *s, parley_error *err);

typedef struct parley_store_stats {
    long long articles, events, sentences, actors, stories;
    char first_day[11], last_day[11];   /* YYYY-MM-DD, "" when empty */
} parley_store_stats;
parley_status parley_store_stats_get(parley_store *s, parley_store_stats *st, parley_error *err);

/* Deduplication applied by queries (docs/store.md). */
typedef enum parley_dedup {
    PARLEY_DEDUP_NONE = 0,       /* every stored event */
    PARLEY_DEDUP_STORY,          /* one per (story, source, target, code): a wire story
                                    republished by several outlets counts once */
    PARLEY_DEDUP_DAILY           /* one-a-day filter: one per (date, source, target, code) */
} parley_dedup;

/* Filters of a query; zero/NULL members do not filter.  Actor arguments are
 * CAMEO codes matched as prefixes in steps of 3 letters: "USA" (a country)
 * matches USA, USAGOV, USAMILGOV; "USAGOV" matches USAGOV and USAGOVLEG.
 * An actor that matches nothing in the store is a usage error. */
typedef struct parley_query {
    const char *actor;           /* either side */
    const char *source;          /* as source */
    const char *target;          /* as target */
    const char *dyad_a, *dyad_b; /* both set: events between A and B, either direction */
    const char *code;            /* exact CAMEO code, e.g. "042" */
    const char *root;            /* root code, e.g. "04" */
    int quad;                    /* 1..4, 0 = any */
    const char *plover;          /* PLOVER event type, e.g. "CONSULT" */
    const char *from, *to;       /* YYYY-MM-DD, inclusive */
    const char *text;            /* SQLite FTS5 query over the sentences */
    int all_modes;               /* 0: asserted events only; 1: also negated/hypothetical/future */
    size_t limit;                /* 0 = no limit */
    parley_dedup dedup;
} parley_query;

/* A stored event with its provenance.  Pointers valid during the callback. */
typedef struct parley_stored_event {
    long long id;                /* event row id (with dedup: the first event of its group) */
    parley_event ev;             /* ev.doc is the article id as given */
    long long article_id;        /* article row id */
    const char *url;
    const char *outlet;          /* article source (site or outlet) */
    const char *headline;
    const char *published;       /* ISO 8601 as read, "" unknown */
    long long story_id;          /* near-duplicate story cluster */
    long long mentions;          /* events merged into this one by dedup (1 without) */
    long long sources;           /* distinct outlets among them */
} parley_stored_event;

typedef int (*parley_stored_event_fn)(void *ctx, const parley_stored_event *e);

/* Runs a query; events arrive in date order (ties in a fixed index order).
 * Returns PARLEY_ERR_USAGE for a bad filter (unknown actor, bad date, bad FTS
 * query) with the reason in err. */
parley_status parley_store_events(parley_store *s, const parley_query *q,
                                  parley_stored_event_fn fn, void *ctx, parley_error *err);

/* Writes the events of a query in a format: "jsonl", "csv", "table",
 * "phoenix" (Phoenix-style TSV), "gdelt" (GDELT-like column subset, TSV
 * with header), "plover" (PLOVER JSON Lines).  Unknown format: usage error. */
parley_status parley_store_export(parley_store *s, const parley_query *q, const char *format,
                                  FILE *out, parley_error *err);

typedef enum parley_period {
    PARLEY_BY_DAY = 0, PARLEY_BY_WEEK, PARLEY_BY_MONTH, PARLEY_BY_YEAR
} parley_period;
/* "day", "week", "month", "year" -> period; -1 when unknown. */
int parley_period_parse(const char *name);

/* One period of a dyad series, one direction. */
typedef struct parley_dyad_row {
    char period[11];             /* first day of the period (weeks start on Monday) */
    int reverse;                 /* 0: A -> B, 1: B -> A */
    long long events;
    long long quad[5];           /* quad[1..4]: counts per quad class; quad[0] unused */
    double goldstein_sum, goldstein_mean;
    long long stories;           /* distinct near-duplicate stories */
} parley_dyad_row;

/* A dyad time series: rows by period, both directions, every period from
 * the first to the last (or q->from .. q->to) present, zero rows included.
 * q may be NULL; its date range, dedup and all_modes apply. */
typedef struct parley_dyad_series {
    parley_dyad_row *rows;       /* 2 per period: [2i] A -> B, [2i+1] B -> A */
    size_t n_rows;
    char a[64], b[64];
    parley_period by;
} parley_dyad_series;
parley_status parley_store_dyad(parley_store *s, const char *a, const char *b, parley_period by,
                                const parley_query *q, parley_dyad_series *out, parley_error *err);
void parley_dyad_series_free(parley_dyad_series *d);
/* format: "table", "jsonl", "csv". */
parley_status parley_dyad_write(const parley_dyad_series *d, const char *format, FILE *out);

/* The actor network of a period. */
typedef struct parley_network_node {
    const char *actor;
    long long out_events, in_events;
} parley_network_node;
typedef struct parley_network_edge {
    size_t source, target;       /* node indexes */
    long long events, cooperation, conflict;   /* cooperation = quad 1+2, conflict = 3+4 */
    double goldstein_sum;
} parley_network_edge;
typedef struct parley_network {
    parley_network_node *nodes;
    size_t n_nodes;
    parley_network_edge *edges;
    size_t n_edges;
    char from[11], to[11];
} parley_network;
/* Builds the network of the events selected by q (date range, actor, code
 * filters, dedup).  Edges with fewer than min_events events are dropped, and
 * nodes left without edges.  countries = 1 merges actors into their country
 * (first 3 letters of the code). */
parley_status parley_store_network(parley_store *s, const parley_query *q, long long min_events,
                                   int countries, parley_network *out, parley_error *err);
void parley_network_free(parley_network *n);
/* format: "graphml", "dot", "json". */
parley_status parley_network_write(const parley_network *n, const char *format, FILE *out);

/* SVG drawings: a dyad series (cooperation vs conflict, both directions)
 * and a network (force-directed layout, labelled nodes). */
parley_status parley_dyad_svg(const parley_dyad_series *d, FILE *out);
parley_status parley_network_svg(const parley_network *n, FILE *out);

#ifdef __cplusplus
}
#endif
#endif /* PARLEY_H */
