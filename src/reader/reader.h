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

/* ---- input streams ----------------------------------------------------- */

typedef struct pl_stream pl_stream;

/* Context shared by the format modules while one input is read. */
typedef struct pl_read_ctx {
    const char *path;                 /* "-" for stdin */
    size_t max_record_bytes;
    parley_diag_fn diag;
    void *diag_ctx;
    size_t *skipped;                  /* incremented for each skipped record */
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
 * starting from the beginning of the file. */
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

#endif
