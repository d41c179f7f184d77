/* reader.h — private interface of the article reader.
 *
 * The reader turns inputs (files, folders, stdin) into clean articles.  Each
 * input format is one module implementing pl_format (text.c, jsonl.c,
 * html.c, warc.c ...) and listed in the table in reader.c: adding a format is
 * one new file and one table line.
 *
 * Data flow:  path -> pl_stream (gzip decoded transparently, head peeked)
 *             -> sniff every format -> format->next() fills a pl_article
 *             -> pl_article_finish() (clean body, split sentences) -> caller. */
#ifndef PL_READER_H
#define PL_READER_H

#include "parley.h"
#include "arena.h"
#include "util.h"

/* ---- article builder --------------------------------------------------- */

/* The library's article: the public struct first, so a parley_article* from
 * the reader can be cast back.  All strings live in the arena; the arrays
 * are malloc'd vectors reused from article to article. */
typedef struct pl_article {
    parley_article pub;
    pl_arena arena;
    pl_buf body;                      /* paragraphs joined by "\n\n" */
    parley_span *paras; size_t n_paras, cap_paras;
    parley_sentence *sents; size_t n_sents, cap_sents;
    const char **warns; size_t n_warns, cap_warns;
    const char **authors; size_t n_authors, cap_authors;
    int finished;                     /* pl_article_finish() already ran */
} pl_article;

void pl_article_init(pl_article *a);
/* Clears every field (all strings ""), keeps memory for reuse. */
void pl_article_reset(pl_article *a);
void pl_article_release(pl_article *a);        /* frees memory (not a itself) */
/* Copies s[0..n) into the article's arena. */
const char *pl_article_strn(pl_article *a, const char *s, size_t n);
const char *pl_article_str(pl_article *a, const char *s);
/* Records a warning (what was repaired or dropped). */
void pl_article_warn(pl_article *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends one paragraph of body text (whitespace is normalised; empty
 * paragraphs are ignored). */
void pl_article_add_paragraph(pl_article *a, const char *text, size_t n);
void pl_article_add_author(pl_article *a, const char *name, size_t n);
/* Completes the record: joins authors into byline, splits sentences, and
 * points the public fields at the builder's data. */
void pl_article_finish(pl_article *a);

/* Whitespace normalisation used by the builder: collapses runs of ASCII
 * space / control characters and U+00A0 to one space and trims the ends.
 * Appends to out; returns the number of bytes appended. */
size_t pl_normalize_space(const char *s, size_t n, pl_buf *out);
/* Number of words (runs of bytes other than space and tab) in s[0..n). */
int pl_count_words(const char *s, size_t n);

/* ---- input streams ----------------------------------------------------- */

typedef struct pl_stream pl_stream;

/* Opens a file ("-" = stdin).  Returns NULL and sets *errno_out when the file
 * cannot be opened (a directory gives EISDIR).  A regular file is read up to
 * the size it had when opened. */
pl_stream *pl_stream_open(const char *path, int *errno_out);
/* The same relative to an open folder (openat(2)); dirfd may be AT_FDCWD. */
pl_stream *pl_stream_open_at(int dirfd, const char *name, int *errno_out);
/* A stream over memory (not copied: data must outlive the stream).  Gzip
 * data is decoded as for files. */
pl_stream *pl_stream_open_mem(const char *data, size_t n);
void pl_stream_close(pl_stream *s);
/* Looks at up to want decoded bytes without consuming them.  Returns the
 * number available (less than want only at end of input). */
size_t pl_stream_peek(pl_stream *s, size_t want, const unsigned char **head);
/* 1 when the input is gzip-compressed (decoded transparently). */
int pl_stream_is_gzip(const pl_stream *s);
/* Reads the rest of the stream into out (appending).  Returns 0 on success,
 * 1 when more than max bytes (out then holds max bytes; the rest is
 * consumed), -1 on a read error. */
int pl_stream_slurp(pl_stream *s, pl_buf *out, size_t max);

/* Context shared by the format modules while one input is read. */
typedef struct pl_read_ctx {
    const char *path;                 /* "-" for stdin */
    size_t max_record_bytes;
    parley_diag_fn diag;
    void *diag_ctx;
    size_t *skipped;                  /* incremented for each skipped record */
    pl_buf *scratch;                  /* reusable buffer owned by the reader (may be NULL) */
} pl_read_ctx;

/* Reports a diagnostic for the current input. */
void pl_read_diag(const pl_read_ctx *ctx, parley_severity sev, long line, long long byte,
                  const char *record, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Reads up to n decoded bytes; returns 0 at end of input (or on error, see
 * pl_stream_error). */
size_t pl_stream_read(pl_stream *s, void *buf, size_t n);
/* Reads one line (without "\n" / "\r\n") into line.  Returns 1 when a line
 * was read, 0 at end.  Lines longer than max are consumed but truncated to
 * max bytes and *too_long is set.  *offset gets the line's byte offset in
 * the decoded stream. */
int pl_stream_getline(pl_stream *s, pl_buf *line, size_t max, long long *offset, int *too_long);
/* Byte offset of the next decoded byte. */
long long pl_stream_tell(const pl_stream *s);
/* Non-zero after a read error or a corrupt compressed stream; msg says why. */
int pl_stream_error(const pl_stream *s, const char **msg);
/* The underlying raw file and whether the reader decoded gzip, for formats
 * (WARC) that handle compression member by member themselves.  Calling it
 * switches the stream to raw mode: pl_stream_read then returns raw bytes,
 * starting from the beginning of the file.  Read through pl_stream_read: on
 * a pipe the bytes already peeked are replayed from memory, which reading
 * the FILE directly would miss (the FILE is unbuffered and rewound for
 * seekable files).  NULL for memory streams. */
FILE *pl_stream_raw(pl_stream *s, int *was_gzip);

/* ---- format modules ---------------------------------------------------- */

typedef struct pl_format {
    const char *name;                 /* "text", "jsonl", "html", "warc" */
    /* How sure (0..100) this format is for the input: path for its extension,
     * head = the first decoded bytes. */
    int (*sniff)(const char *path, const unsigned char *head, size_t n, int gzip);
    /* Starts reading an input.  Returns state or NULL (error reported). */
    void *(*open)(pl_stream *s, const pl_read_ctx *ctx);
    /* Fills *a with the next article: PARLEY_OK, PARLEY_END, or another
     * status when the record was skipped (already reported and counted) —
     * the reader then calls next() again.  A format must make progress on
     * each call so a corrupt input cannot loop forever. */
    parley_status (*next)(void *state, pl_article *a);
    void (*close)(void *state);
} pl_format;

extern const pl_format pl_format_text;
extern const pl_format pl_format_jsonl;
extern const pl_format pl_format_html;
extern const pl_format pl_format_warc;

/* Finds a format by name (NULL when unknown). */
const pl_format *pl_format_find(const char *name);

/* HTML extraction as a function, used by html.c, warc.c and jsonl.c (when a
 * record's text is HTML): fills metadata and body of a.  url may be NULL;
 * charset is the HTTP header's charset or NULL. */
parley_status pl_html_extract(const char *html, size_t n, const char *url, const char *charset,
                              pl_article *a);

/* Plain-text page dump extraction (text.c): finds source, headline, dates,
 * byline and body in a page's text, as used by text.c and jsonl.c. */
void pl_text_extract(const char *text, size_t n, pl_article *a);

/* Replaces invalid UTF-8 in s[0..n) by U+FFFD into out.  Returns the number
 * of bytes replaced; when some were, records an article warning naming the
 * first bad byte (its value and offset base + i) and the count, and sets
 * *first_bad (may be NULL) to that offset in s. */
size_t pl_repair_utf8(pl_article *a, const char *s, size_t n, long long base, pl_buf *out,
                      long long *first_bad);

/* ---- dates (date.c) ---------------------------------------------------- */

/* Parses a date expression at the start of s.  Returns the number of bytes
 * it covers (0 = none).  allow_no_year: also accept "Nov. 20" / "20 Nov"
 * (then out->year = 0 and out->month/day are set). */
size_t pl_date_scan(const char *s, size_t n, int allow_no_year, parley_datetime *out);
/* Finds the first date expression in s[0..n), starting at a word start.
 * Returns 1 and its span [*start, *end). */
int pl_date_find(const char *s, size_t n, parley_datetime *out, size_t *start, size_t *end);
/* Offset of a zone name ("EST" -> -300); returns 1 when known. */
int pl_zone_lookup(const char *s, size_t n, int *minutes);

/* A news dateline at the start of a paragraph: "WASHINGTON (Reuters) - ",
 * "PHNOM PENH, Cambodia, Nov. 20 (AP) -- ", "MOSCOW, 20 November - ". */
typedef struct pl_dateline {
    size_t len;                       /* bytes of the dateline incl. the dash and space */
    size_t place_len;                 /* "WASHINGTON" / "PHNOM PENH, Cambodia" */
    const char *agency; size_t agency_len;   /* "Reuters" or NULL */
    parley_datetime date;             /* year 0 when none (month/day may be set) */
} pl_dateline;
/* Returns 1 when s starts with a dateline. */
int pl_dateline_scan(const char *s, size_t n, pl_dateline *out);

/* ---- boilerplate (boilerplate.c, rules in data/reader/boilerplate.txt) -- */

enum { PL_BP_NONE = 0, PL_BP_CRUMB = 1, PL_BP_FOOTER = 2 };
/* Classifies one line of page text: PL_BP_CRUMB (navigation or widget text,
 * dropped), PL_BP_FOOTER (a footer: this line and what follows it are
 * dropped), PL_BP_NONE (content). Thread-safe. */
int pl_boilerplate_line(const char *s, size_t n);
/* The same when the caller already counted the words (pl_count_words). */
int pl_boilerplate_line_words(const char *s, size_t n, int words);

#endif
