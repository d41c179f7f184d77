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
} parley_code_options;

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
} parley_validate_result;

/* Runs a validation suite.  dict_dir may be NULL (dictionaries are looked up
 * beside the file).  A PASS/FAIL line per record, with expected and produced
 * events for failures, goes to report (may be NULL). */
parley_status parley_validate(const char *path, const char *dict_dir, FILE *report,
                              parley_validate_result *res, parley_error *err);

/* ------------------------------------------------------------------------ */
/* Store (SQLite)                                                           */
/* ------------------------------------------------------------------------ */

typedef struct parley_store parley_store;

/* Opens (creating or migrating) the store at path. */
parley_store *parley_store_open(const char *path, parley_error *err);
void parley_store_close(parley_store *s);

#ifdef __cplusplus
}
#endif
#endif /* PARLEY_H */
