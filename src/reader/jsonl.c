/* jsonl.c — JSON Lines: one article per line, an object such as
 *   {"id": "...", "url": "...", "date": "...", "title": "...", "text": "..."}
 * Fields: id (string or number; default FILE:LINE), text (also "body",
 * "content"; required), url, canonical_url, date (also "published",
 * "datePublished"), modified, title / headline, source, byline / author /
 * authors (string or array), language / lang.  The text is a page dump or a
 * story; it goes through pl_text_extract() (or pl_html_extract() when it is
 * HTML), with the given fields taking precedence.
 *
 * Each line is parsed with libjansson.  A bad line (invalid JSON, a line
 * over the record limit, no text) is reported with its line number and byte
 * offset and skipped; the reader goes on with the next line. */
#include "reader/reader.h"

#include "utf8.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>


typedef struct jsonl_state {
    pl_stream *s;
    const pl_read_ctx *ctx;
    pl_buf line, fixed;
    long lineno;
    int done;
} jsonl_state;

static int jsonl_sniff(const char *path, const unsigned char *head, size_t n, int gzip)
{
    size_t pl = strlen(path);
    if (gzip && pl > 3 && !strcmp(path + pl - 3, ".gz")) pl -= 3;
    if ((pl >= 6 && pl_strncaseeq(path + pl - 6, ".jsonl", 6)) ||
        (pl >= 7 && pl_strncaseeq(path + pl - 7, ".ndjson", 7)))
        return 80;
    size_t i = 0;
    if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) i = 3;
    while (i < n && pl_isspace(head[i])) i++;
    if (i >= n || head[i] != '{') return 0;
    /* an object per line: the first line ends with "}" */
    const unsigned char *nl = memchr(head + i, '\n', n - i);
    if (nl) {
        const unsigned char *e = nl;
        while (e > head + i && pl_isspace(e[-1])) e--;
        if (e > head + i && e[-1] == '}') return 70;
        return 20;
    }
    return 50;
}

static void *jsonl_open(pl_stream *s, const pl_read_ctx *ctx)
{
    jsonl_state *st = pl_xcalloc(1, sizeof *st);
    st->s = s;
    st->ctx = ctx;
    pl_buf_init(&st->line);
    pl_buf_init(&st->fixed);
    return st;
}

static void jsonl_close(void *state)
{
    jsonl_state *st = state;
    if (!st) return;
    pl_buf_free(&st->line);
    pl_buf_free(&st->fixed);
    free(st);
}

static parley_status skip_line(jsonl_state *st, parley_status why, long long byte,
                               const char *record, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static parley_status skip_line(jsonl_state *st, parley_status why, long long byte,
                               const char *record, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pl_read_diag(st->ctx, PARLEY_ERROR, st->lineno, byte, record, "%s; record skipped", msg);
    if (st->ctx->skipped) (*st->ctx->skipped)++;
    return why;
}

/* The first string member among the given names. */
static const char *get_str(json_t *o, size_t *len, const char *const *names)
{
    for (; *names; names++) {
        json_t *v = json_object_get(o, *names);
        if (json_is_string(v)) {
            if (len) *len = json_string_length(v);
            return json_string_value(v);
        }
    }
    return NULL;
}

static int looks_like_html(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && pl_isspace((unsigned char)s[i])) i++;
    if (i >= n || s[i] != '<') return 0;
    return memmem(s, n, "</", 2) != NULL;
}

static void set_date(jsonl_state *st, pl_article *a, json_t *o, const char *const *names,
                     parley_datetime *dst, const char *what)
{
    size_t n = 0;
    const char *d = get_str(o, &n, names);
    if (!d || !n) return;
    if (!parley_date_parse(d, n, dst)) {
        pl_article_warn(a, "unrecognised %s date \"%.60s\" ignored", what, d);
        pl_read_diag(st->ctx, PARLEY_WARNING, st->lineno, -1, a->pub.id,
                     "unrecognised %s date \"%.60s\" ignored", what, d);
    }
}

static void add_authors(pl_article *a, json_t *o)
{
    static const char *const names[] = {"authors", "author", "byline", NULL};
    for (const char *const *k = names; *k; k++) {
        json_t *v = json_object_get(o, *k);
        if (json_is_array(v)) {
            size_t i;
            json_t *e;
            json_array_foreach(v, i, e) {
                if (json_is_string(e))
                    pl_article_add_author(a, json_string_value(e), json_string_length(e));
                else if (json_is_object(e) && json_is_string(json_object_get(e, "name"))) {
                    json_t *nm = json_object_get(e, "name");
                    pl_article_add_author(a, json_string_value(nm), json_string_length(nm));
                }
            }
            return;
        }
        if (json_is_string(v) && json_string_length(v)) {
            const char *s = json_string_value(v);
            size_t n = json_string_length(v);
            if (n > 3 && pl_strncaseeq(s, "by ", 3)) { s += 3; n -= 3; }
            /* "A; B" or "A and B" */
            size_t i = 0;
            while (i < n) {
                size_t e = i;
                while (e < n && s[e] != ';' && !(e + 5 <= n && !memcmp(s + e, " and ", 5))) e++;
                pl_article_add_author(a, s + i, e - i);
                i = e < n ? (s[e] == ';' ? e + 1 : e + 5) : n;
            }
            return;
        }
    }
}

static parley_status jsonl_next(void *state, pl_article *a)
{
    jsonl_state *st = state;
    const pl_read_ctx *ctx = st->ctx;
    size_t max = ctx->max_record_bytes ? ctx->max_record_bytes : (size_t)64 << 20;
    if (st->done) return PARLEY_END;
    for (;;) {
        long long off;
        int too_long;
        if (!pl_stream_getline(st->s, &st->line, max, &off, &too_long)) {
            st->done = 1;
            return PARLEY_END;
        }
        st->lineno++;
        if (too_long)
            return skip_line(st, PARLEY_ERR_LIMIT, off, NULL,
                             "line longer than the record limit of %zu bytes (--max-record-bytes)",
                             max);
        const char *s = st->line.data;
        size_t n = st->line.len;
        if (st->lineno == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) { s += 3; n -= 3; off += 3; }
        size_t ws = 0;
        while (ws < n && pl_isspace((unsigned char)s[ws])) ws++;
        if (ws == n) continue;   /* blank line */
        const char *nul = memchr(s, 0, n);
        if (nul)
            return skip_line(st, PARLEY_ERR_FORMAT, off + (nul - s), NULL,
                             "NUL byte in a JSON line (binary data?)");
        long long first = -1;
        size_t bad = 0;
        if (!pl_utf8_is_valid(s, n)) {
            pl_buf_clear(&st->fixed);
            bad = pl_repair_utf8(a, s, n, off, &st->fixed, &first);
            s = st->fixed.data;
            n = st->fixed.len;
        }
        json_error_t jerr;
        json_t *o = json_loadb(s, n, 0, &jerr);
        if (!o) {
            long long at = off + (jerr.position > 0 ? jerr.position : 0);
            const char *why = jerr.position >= (int)n ? "truncated JSON: " : "invalid JSON: ";
            return skip_line(st, PARLEY_ERR_FORMAT, at, NULL, "%s%s (column %d)", why, jerr.text,
                             jerr.column);
        }
        if (!json_is_object(o)) {
            json_decref(o);
            return skip_line(st, PARLEY_ERR_FORMAT, off, NULL, "line is not a JSON object");
        }
        /* id */
        json_t *jid = json_object_get(o, "id");
        if (json_is_string(jid) && json_string_length(jid))
            a->pub.id = pl_article_strn(a, json_string_value(jid), json_string_length(jid));
        else if (json_is_integer(jid))
            a->pub.id = pl_arena_printf(&a->arena, "%lld", (long long)json_integer_value(jid));
        else
            a->pub.id = pl_arena_printf(&a->arena, "%s:%ld", ctx->path, st->lineno);
        a->pub.line = st->lineno;
        a->pub.offset = off;
        static const char *const text_k[] = {"text", "body", "content", "article", NULL};
        size_t tn = 0;
        const char *text = get_str(o, &tn, text_k);
        if (!text) {
            char idbuf[128];
            snprintf(idbuf, sizeof idbuf, "%s", a->pub.id);
            json_decref(o);
            return skip_line(st, PARLEY_ERR_FORMAT, off, idbuf, "record has no \"text\" string");
        }
        if (bad)
            pl_read_diag(ctx, PARLEY_WARNING, st->lineno, first, a->pub.id,
                         "invalid UTF-8 byte replaced by U+FFFD (%zu bytes replaced)", bad);
        size_t k;
        const char *v;
        static const char *const url_k[] = {"url", "link", NULL};
        static const char *const curl_k[] = {"canonical_url", "canonical", NULL};
        static const char *const head_k[] = {"title", "headline", NULL};
        static const char *const src_k[] = {"source", "site", "outlet", "publisher", NULL};
        static const char *const lang_k[] = {"language", "lang", NULL};
        static const char *const date_k[] = {"date", "published", "datePublished", "pubdate", NULL};
        static const char *const mod_k[] = {"modified", "updated", "dateModified", NULL};
        static const char *const crawl_k[] = {"crawled", "crawl_date", "fetched", NULL};
        if ((v = get_str(o, &k, url_k)) != NULL) a->pub.url = pl_article_strn(a, v, k);
        if ((v = get_str(o, &k, curl_k)) != NULL) a->pub.canonical_url = pl_article_strn(a, v, k);
        if ((v = get_str(o, &k, head_k)) != NULL) {
            pl_buf t;
            pl_buf_init(&t);
            pl_normalize_space(v, k, &t);
            a->pub.headline = pl_article_strn(a, t.data, t.len);
            pl_buf_free(&t);
        }
        if ((v = get_str(o, &k, src_k)) != NULL) a->pub.source = pl_article_strn(a, v, k);
        if ((v = get_str(o, &k, lang_k)) != NULL) a->pub.language = pl_article_strn(a, v, k);
        set_date(st, a, o, date_k, &a->pub.published, "publication");
        set_date(st, a, o, mod_k, &a->pub.modified, "modification");
        set_date(st, a, o, crawl_k, &a->pub.crawled, "crawl");
        add_authors(a, o);
        if (looks_like_html(text, tn)) {
            parley_status rc = pl_html_extract(text, tn, *a->pub.url ? a->pub.url : NULL, NULL, a);
            if (rc != PARLEY_OK) pl_article_warn(a, "HTML text could not be extracted");
        } else {
            pl_text_extract(text, tn, a);
        }
        json_decref(o);
        if (a->n_paras == 0) pl_article_warn(a, "no body text found");
        return PARLEY_OK;
    }
}

const pl_format pl_format_jsonl = {"jsonl", jsonl_sniff, jsonl_open, jsonl_next, jsonl_close};
