/* warc.c — the "warc" input format: WARC 1.0 / 1.1 web archives, plain or
 * gzip-compressed record by record (.warc.gz), read as a stream.
 *
 * Layers, each with fixed-size buffers (memory does not grow with the file;
 * only the record being read is held, up to max_record_bytes):
 *   raw      bytes of the file (pl_stream_raw: we decode gzip ourselves);
 *   decoded  the WARC bytes: in gzip mode each member is inflated on its own,
 *            so a corrupt or truncated member is reported with its offset
 *            and the reader resynchronises on the next member's magic bytes;
 *   records  "WARC/1.x" header lines, Content-Length bytes of block.
 *
 * Records taken: `response` (an HTTP response whose payload is HTML or plain
 * text; status, Content-Type, charset, chunked transfer coding and gzip /
 * deflate content coding are handled), `resource` and `conversion` (HTML or
 * text).  Others (warcinfo, request, metadata, revisit) are skipped silently.
 * WARC-Target-URI becomes the url and WARC-Date the crawl date. */
#include "reader/reader.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define RAW_BUF (64 * 1024)
#define DEC_BUF (64 * 1024)
#define MAX_HEADER_LINE (64 * 1024)
#define MAX_HEADER_LINES 512

typedef struct warc {
    pl_stream *s;
    const pl_read_ctx *ctx;
    size_t max_rec;
    /* raw layer */
    unsigned char raw[RAW_BUF];
    size_t rpos, rlen;
    long long raw_base;        /* file offset of raw[0] */
    int raw_eof;
    /* decoded layer */
    int gz;                    /* file is gzip (per-record members) */
    z_stream z;
    int z_ready, in_member;
    long long member_off;      /* file offset of the current member */
    unsigned char dec[DEC_BUF];
    size_t dpos, dlen;
    long long dec_off;         /* decoded offset of dec[dpos] */
    int broken;                /* a member was abandoned since the last check */
    int dec_eof;
    /* record layer */
    pl_buf line, block, payload, tmp;
    long long rec_off, line_off;
    int done;
} warc;

static void count_skip(warc *w)
{
    if (w->ctx->skipped) (*w->ctx->skipped)++;
}

/* ---- raw layer --------------------------------------------------------- */

static int raw_fill(warc *w)
{
    if (w->rpos < w->rlen) return 1;
    if (w->raw_eof) return 0;
    w->raw_base += (long long)w->rlen;
    w->rpos = w->rlen = 0;
    size_t got = pl_stream_read(w->s, w->raw, sizeof w->raw);
    if (got == 0) {
        w->raw_eof = 1;
        return 0;
    }
    w->rlen = got;
    return 1;
}

static long long raw_tell(const warc *w) { return w->raw_base + (long long)w->rpos; }

/* Skips raw bytes up to the next gzip member header (1f 8b 08). */
static int raw_seek_member(warc *w)
{
    for (;;) {
        if (!raw_fill(w)) return 0;
        unsigned char *p = memchr(w->raw + w->rpos, 0x1f, w->rlen - w->rpos);
        if (!p) {
            w->rpos = w->rlen;
            continue;
        }
        w->rpos = (size_t)(p - w->raw);
        /* need 3 bytes; they may straddle the buffer end */
        if (w->rlen - w->rpos < 3) {
            size_t keep = w->rlen - w->rpos;
            memmove(w->raw, w->raw + w->rpos, keep);
            w->raw_base += (long long)w->rpos;
            w->rpos = 0;
            w->rlen = keep;
            size_t got = w->raw_eof ? 0 : pl_stream_read(w->s, w->raw + keep, sizeof w->raw - keep);
            if (got == 0) {
                w->raw_eof = 1;
                w->rpos = w->rlen;
                return 0;
            }
            w->rlen += got;
        }
        if (w->raw[w->rpos + 1] == 0x8b && w->raw[w->rpos + 2] == 8) return 1;
        w->rpos++;
    }
}

/* ---- decoded layer ----------------------------------------------------- */

/* Abandons the current member: the rest of it is skipped by looking for the
 * next member header in the raw bytes. */
static void abandon_member(warc *w)
{
    w->in_member = 0;
    w->dpos = w->dlen = 0;
    w->broken = 1;
    if (w->rpos < w->rlen || !w->raw_eof) w->rpos = PL_MIN(w->rpos + 1, w->rlen);
    raw_seek_member(w);
}

static int dec_fill(warc *w)
{
    if (w->dpos < w->dlen) return 1;
    if (w->dec_eof) return 0;
    w->dpos = w->dlen = 0;
    if (!w->gz) {
        if (!raw_fill(w)) {
            w->dec_eof = 1;
            return 0;
        }
        size_t n = w->rlen - w->rpos;
        memcpy(w->dec, w->raw + w->rpos, n);
        w->rpos += n;
        w->dlen = n;
        return 1;
    }
    while (w->dlen == 0) {
        if (!w->in_member) {
            if (!raw_fill(w)) {
                w->dec_eof = 1;
                return 0;
            }
            if (w->rlen - w->rpos >= 2 && (w->raw[w->rpos] != 0x1f || w->raw[w->rpos + 1] != 0x8b)) {
                pl_read_diag(w->ctx, PARLEY_ERROR, 0, raw_tell(w), NULL,
                             "bytes between gzip members: skipped to the next member");
                count_skip(w);
                w->broken = 1;
                if (!raw_seek_member(w)) {
                    w->dec_eof = 1;
                    return 0;
                }
            }
            inflateReset(&w->z);
            w->member_off = raw_tell(w);
            w->in_member = 1;
        }
        if (!raw_fill(w)) {
            pl_read_diag(w->ctx, PARLEY_ERROR, 0, w->member_off, NULL,
                         "truncated gzip member at byte %lld: its record is skipped", w->member_off);
            count_skip(w);
            w->in_member = 0;
            w->broken = 1;
            w->dec_eof = 1;
            return 0;
        }
        w->z.next_in = w->raw + w->rpos;
        w->z.avail_in = (uInt)(w->rlen - w->rpos);
        w->z.next_out = w->dec;
        w->z.avail_out = sizeof w->dec;
        int rc = inflate(&w->z, Z_NO_FLUSH);
        w->rpos = w->rlen - w->z.avail_in;
        w->dlen = sizeof w->dec - w->z.avail_out;
        if (rc == Z_STREAM_END) {
            w->in_member = 0;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            pl_read_diag(w->ctx, PARLEY_ERROR, 0, w->member_off, NULL,
                         "corrupt gzip member at byte %lld (%s): its record is skipped", w->member_off,
                         w->z.msg ? w->z.msg : "inflate error");
            count_skip(w);
            abandon_member(w);
            return 0; /* end of this member's data; w->broken tells the caller */
        }
    }
    return 1;
}

/* Reads one line (without CR LF) of at most max bytes into w->line.
 * Returns 1, 0 at end, -1 when too long (the rest of the line is skipped). */
static int dec_getline(warc *w, size_t max)
{
    pl_buf_clear(&w->line);
    w->line_off = w->dec_off;
    int too_long = 0, any = 0;
    for (;;) {
        if (w->dpos >= w->dlen && !dec_fill(w)) break;
        unsigned char *p = w->dec + w->dpos;
        size_t avail = w->dlen - w->dpos;
        unsigned char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        any = 1;
        if (!too_long) {
            if (w->line.len + take > max) too_long = 1;
            else pl_buf_put(&w->line, p, take);
        }
        w->dpos += take + (nl ? 1 : 0);
        w->dec_off += (long long)(take + (nl ? 1 : 0));
        if (nl) break;
    }
    if (!any) return 0;
    if (w->line.len && w->line.data[w->line.len - 1] == '\r') w->line.data[--w->line.len] = 0;
    return too_long ? -1 : 1;
}

/* Reads n block bytes into out (out may be NULL to discard).  Returns the
 * number read (less at end of data). */
static size_t dec_read(warc *w, pl_buf *out, size_t n)
{
    size_t got = 0;
    while (got < n) {
        if (w->dpos >= w->dlen && !dec_fill(w)) break;
        size_t take = PL_MIN(n - got, w->dlen - w->dpos);
        if (out) pl_buf_put(out, w->dec + w->dpos, take);
        w->dpos += take;
        w->dec_off += (long long)take;
        got += take;
        if (w->broken) break;
    }
    return got;
}

/* ---- HTTP payloads ----------------------------------------------------- */

static const char *hdr_value(const char *line, size_t n, const char *name)
{
    size_t m = strlen(name);
    if (n <= m || !pl_strncaseeq(line, name, m) || line[m] != ':') return NULL;
    const char *v = line + m + 1;
    while (*v == ' ' || *v == '\t') v++;
    return v;
}

/* Decodes chunked transfer coding in place.  Returns the decoded length. */
static size_t dechunk(char *d, size_t n)
{
    size_t r = 0, w = 0;
    while (r < n) {
        char *end;
        unsigned long long sz = strtoull(d + r, &end, 16);
        if (end == d + r) break;
        char *nl = memchr(d + r, '\n', n - r);
        if (!nl) break;
        r = (size_t)(nl - d) + 1;
        if (sz == 0) break;
        if (sz > n - r) sz = n - r;
        memmove(d + w, d + r, (size_t)sz);
        w += (size_t)sz;
        r += (size_t)sz;
        if (r < n && d[r] == '\r') r++;
        if (r < n && d[r] == '\n') r++;
    }
    return w;
}

/* Inflates gzip or deflate data (zlib or raw) into out, at most max bytes.
 * Returns 0 on success, 1 when the limit was hit, -1 on corrupt data. */
static int inflate_payload(const unsigned char *in, size_t n, pl_buf *out, size_t max, int gzip)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    int wbits = gzip ? 15 + 32 : (n >= 2 && (in[0] & 0x0f) == 8 && ((in[0] << 8) | in[1]) % 31 == 0 ? 15 : -15);
    if (inflateInit2(&z, wbits) != Z_OK) return -1;
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)PL_MIN(n, (size_t)UINT32_MAX);
    int rc, result = 0;
    do {
        pl_buf_reserve(out, 64 * 1024);
        z.next_out = (unsigned char *)out->data + out->len;
        z.avail_out = (uInt)(out->cap - out->len - 1);
        size_t before = z.avail_out;
        rc = inflate(&z, Z_NO_FLUSH);
        out->len += before - z.avail_out;
        out->data[out->len] = 0;
        if (out->len > max) {
            result = 1;
            break;
        }
        if (rc == Z_STREAM_END) break;
        if (rc != Z_OK) {
            /* truncated payloads keep what was decoded */
            result = (rc == Z_BUF_ERROR && out->len > 0) ? 0 : -1;
            break;
        }
    } while (1);
    inflateEnd(&z);
    return result;
}

static void mime_of(const char *ct, char *mime, size_t mn, char *charset, size_t cn)
{
    mime[0] = charset[0] = 0;
    if (!ct) return;
    size_t i = 0;
    while (*ct == ' ') ct++;
    for (; ct[i] && ct[i] != ';' && ct[i] != ' ' && i + 1 < mn; i++) mime[i] = (char)pl_lower((unsigned char)ct[i]);
    mime[i] = 0;
    const char *c = strstr(ct, "charset=");
    if (!c) c = strstr(ct, "CHARSET=");
    if (c) {
        c += 8;
        if (*c == '"' || *c == '\'') c++;
        size_t k = 0;
        for (; c[k] && c[k] != ';' && c[k] != '"' && c[k] != '\'' && c[k] != ' ' && k + 1 < cn; k++) charset[k] = c[k];
        charset[k] = 0;
    }
}

static int is_html_mime(const char *m)
{
    return strcmp(m, "text/html") == 0 || strcmp(m, "application/xhtml+xml") == 0;
}

static int looks_html(const char *d, size_t n)
{
    size_t lim = PL_MIN(n, (size_t)1024);
    for (size_t i = 0; i + 5 <= lim; i++)
        if (d[i] == '<' && (pl_strncaseeq(d + i + 1, "html", 4) || pl_strncaseeq(d + i + 1, "!doc", 4) ||
                            pl_strncaseeq(d + i + 1, "head", 4) || pl_strncaseeq(d + i + 1, "body", 4)))
            return 1;
    return 0;
}

/* ---- records ----------------------------------------------------------- */

typedef struct rec_hdr {
    char type[32];
    long long length;
    char uri[2048], date[64], id[160], ctype[256];
} rec_hdr;

static void copy_field(char *dst, size_t dn, const char *v)
{
    size_t n = strlen(v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
    if (n >= dn) n = dn - 1;
    memcpy(dst, v, n);
    dst[n] = 0;
}

/* Skips to the next record after a bad header: next member in gzip mode,
 * next "WARC/" line otherwise (found by the caller's loop). */
static void resync(warc *w)
{
    if (w->gz) {
        if (w->in_member) abandon_member(w);
        w->broken = 0;
    }
}

/* Builds the article of a wanted record from its block. */
static parley_status take_record(warc *w, const rec_hdr *h, pl_article *a)
{
    char mime[128], charset[64];
    const char *data = w->block.data ? w->block.data : "";
    size_t n = w->block.len;
    if (strcmp(h->type, "response") == 0) {
        /* HTTP status line and headers */
        if (n < 5 || memcmp(data, "HTTP/", 5) != 0) return PARLEY_END; /* not HTTP: ignore */
        const char *p = data, *end = data + n;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return PARLEY_END;
        int status = 0;
        const char *sp = memchr(p, ' ', (size_t)(nl - p));
        if (sp) status = atoi(sp + 1);
        p = nl + 1;
        char ct[256] = "", te[64] = "", ce[64] = "";
        while (p < end) {
            nl = memchr(p, '\n', (size_t)(end - p));
            const char *le = nl ? nl : end;
            size_t ln = (size_t)(le - p);
            if (ln && p[ln - 1] == '\r') ln--;
            if (ln == 0) {
                p = nl ? nl + 1 : end;
                break;
            }
            char hl[512];
            size_t cn = PL_MIN(ln, sizeof hl - 1);
            memcpy(hl, p, cn);
            hl[cn] = 0;
            const char *v;
            if ((v = hdr_value(hl, cn, "Content-Type")) != NULL) copy_field(ct, sizeof ct, v);
            else if ((v = hdr_value(hl, cn, "Transfer-Encoding")) != NULL) copy_field(te, sizeof te, v);
            else if ((v = hdr_value(hl, cn, "Content-Encoding")) != NULL) copy_field(ce, sizeof ce, v);
            p = nl ? nl + 1 : end;
        }
        if (status < 200 || status >= 300) return PARLEY_END;
        mime_of(ct, mime, sizeof mime, charset, sizeof charset);
        size_t body_off = (size_t)(p - data);
        size_t body_n = n - body_off;
        char *body = w->block.data + body_off;
        if (strstr(te, "chunked") || strstr(te, "Chunked")) body_n = dechunk(body, body_n);
        if (ce[0] && !pl_strcaseeq(ce, "identity")) {
            int gzip = pl_strcaseeq(ce, "gzip") || pl_strcaseeq(ce, "x-gzip");
            if (!gzip && !pl_strcaseeq(ce, "deflate")) {
                pl_read_diag(w->ctx, PARLEY_WARNING, 0, w->rec_off, h->id[0] ? h->id : NULL,
                             "content encoding %s not supported: record skipped", ce);
                count_skip(w);
                return PARLEY_ERR_FORMAT;
            }
            pl_buf_clear(&w->payload);
            int rc = inflate_payload((unsigned char *)body, body_n, &w->payload, w->max_rec, gzip);
            if (rc > 0)
                pl_read_diag(w->ctx, PARLEY_WARNING, 0, w->rec_off, h->id[0] ? h->id : NULL,
                             "decompressed payload larger than the record limit (%zu bytes): record skipped",
                             w->max_rec);
            else if (rc < 0)
                pl_read_diag(w->ctx, PARLEY_WARNING, 0, w->rec_off, h->id[0] ? h->id : NULL,
                             "corrupt %s payload: record skipped", ce);
            if (rc != 0) {
                count_skip(w);
                return rc > 0 ? PARLEY_ERR_LIMIT : PARLEY_ERR_FORMAT;
            }
            body = w->payload.data;
            body_n = w->payload.len;
        }
        data = body;
        n = body_n;
        if (!mime[0] && looks_html(data, n)) snprintf(mime, sizeof mime, "text/html");
    } else {
        mime_of(h->ctype, mime, sizeof mime, charset, sizeof charset);
        if (!mime[0] && looks_html(data, n)) snprintf(mime, sizeof mime, "text/html");
    }
    int html = is_html_mime(mime);
    int text = strcmp(mime, "text/plain") == 0;
    if (!html && !text) return PARLEY_END;

    a->pub.format = "warc";
    a->pub.file = pl_article_str(a, w->ctx->path);
    a->pub.offset = w->rec_off;
    a->pub.id = pl_article_str(a, h->id[0] ? h->id : h->uri);
    if (h->uri[0]) a->pub.url = pl_article_str(a, h->uri);
    parley_datetime dt;
    if (h->date[0] && parley_date_parse(h->date, strlen(h->date), &dt)) a->pub.crawled = dt;
    if (html) return pl_html_extract(data, n, h->uri[0] ? h->uri : NULL, charset[0] ? charset : NULL, a);
    pl_text_extract(data, n, a);
    return PARLEY_OK;
}

static parley_status warc_next(void *state, pl_article *a)
{
    warc *w = state;
    while (!w->done) {
        /* header line, skipping blank lines between records */
        w->broken = 0;
        int r;
        do {
            r = dec_getline(w, MAX_HEADER_LINE);
        } while (r == 1 && w->line.len == 0 && !w->broken);
        if (w->broken) continue; /* reported by the decoder */
        if (r == 0) {
            w->done = 1;
            break;
        }
        w->rec_off = w->gz ? w->member_off : w->line_off;
        if (w->rec_off < 0) w->rec_off = 0;
        if (r < 0 || w->line.len < 6 || memcmp(w->line.data, "WARC/", 5) != 0) {
            pl_read_diag(w->ctx, PARLEY_ERROR, 0, w->rec_off, NULL,
                         "no WARC record header at byte %lld: skipped to the next record", w->rec_off);
            count_skip(w);
            if (w->gz) {
                resync(w);
            } else {
                /* scan lines for the next "WARC/" */
                for (;;) {
                    r = dec_getline(w, MAX_HEADER_LINE);
                    if (r == 0) break;
                    if (r > 0 && w->line.len >= 6 && memcmp(w->line.data, "WARC/", 5) == 0) {
                        w->rec_off = w->line_off;
                        goto have_header;
                    }
                }
                w->done = 1;
            }
            continue;
        }
    have_header:;
        rec_hdr h;
        memset(&h, 0, sizeof h);
        h.length = -1;
        int lines = 0, bad = 0;
        for (;;) {
            r = dec_getline(w, MAX_HEADER_LINE);
            if (r == 0) {
                bad = 1;
                break;
            }
            if (r < 0 || ++lines > MAX_HEADER_LINES) {
                bad = 2;
                break;
            }
            if (w->line.len == 0) break;
            const char *ln = w->line.data, *v;
            size_t n = w->line.len;
            if ((v = hdr_value(ln, n, "WARC-Type")) != NULL) copy_field(h.type, sizeof h.type, v);
            else if ((v = hdr_value(ln, n, "Content-Length")) != NULL) {
                char *end;
                long long len = strtoll(v, &end, 10);
                h.length = (end != v && len >= 0) ? len : -2;
            } else if ((v = hdr_value(ln, n, "WARC-Target-URI")) != NULL) {
                if (*v == '<') v++;
                copy_field(h.uri, sizeof h.uri, v);
                size_t un = strlen(h.uri);
                if (un && h.uri[un - 1] == '>') h.uri[un - 1] = 0;
            } else if ((v = hdr_value(ln, n, "WARC-Date")) != NULL) copy_field(h.date, sizeof h.date, v);
            else if ((v = hdr_value(ln, n, "WARC-Record-ID")) != NULL) {
                if (*v == '<') v++;
                copy_field(h.id, sizeof h.id, v);
                size_t idn = strlen(h.id);
                if (idn && h.id[idn - 1] == '>') h.id[idn - 1] = 0;
            } else if ((v = hdr_value(ln, n, "Content-Type")) != NULL) copy_field(h.ctype, sizeof h.ctype, v);
        }
        if (w->broken) continue; /* already reported by the decoder */
        if (bad || h.length < 0) {
            pl_read_diag(w->ctx, PARLEY_ERROR, 0, w->rec_off, h.id[0] ? h.id : NULL,
                         bad == 1   ? "WARC record at byte %lld ends inside its header: skipped"
                         : bad == 2 ? "WARC record at byte %lld has an oversized header: skipped"
                                    : "WARC record at byte %lld has no valid Content-Length: skipped",
                         w->rec_off);
            count_skip(w);
            if (bad == 1) {
                w->done = 1;
                break;
            }
            resync(w);
            continue;
        }
        int wanted = strcmp(h.type, "response") == 0 || strcmp(h.type, "resource") == 0 ||
                     strcmp(h.type, "conversion") == 0;
        if (wanted && (unsigned long long)h.length > w->max_rec) {
            pl_read_diag(w->ctx, PARLEY_WARNING, 0, w->rec_off, h.id[0] ? h.id : NULL,
                         "WARC record at byte %lld is larger than the record limit (%lld > %zu bytes): skipped",
                         w->rec_off, h.length, w->max_rec);
            count_skip(w);
            if (w->gz) resync(w);
            else dec_read(w, NULL, (size_t)h.length);
            continue;
        }
        pl_buf_clear(&w->block);
        size_t got = dec_read(w, wanted ? &w->block : NULL, (size_t)h.length);
        if (w->broken) continue;
        if (got < (size_t)h.length) {
            pl_read_diag(w->ctx, PARLEY_ERROR, 0, w->rec_off, h.id[0] ? h.id : NULL,
                         "WARC record at byte %lld is truncated (%zu of %lld bytes): skipped", w->rec_off, got,
                         h.length);
            count_skip(w);
            w->done = 1;
            break;
        }
        if (!wanted) continue;
        parley_status st = take_record(w, &h, a);
        if (st == PARLEY_END) {
            pl_article_reset(a);
            continue; /* not an article: skipped silently */
        }
        return st;
    }
    return PARLEY_END;
}

/* ---- format ------------------------------------------------------------ */

static int warc_sniff(const char *path, const unsigned char *head, size_t n, int gzip)
{
    (void)gzip;
    if (n >= 6 && memcmp(head, "WARC/", 5) == 0 && pl_isdigit(head[5])) return 100;
    if (path) {
        size_t pn = strlen(path);
        if ((pn >= 5 && pl_strcaseeq(path + pn - 5, ".warc")) || (pn >= 8 && pl_strcaseeq(path + pn - 8, ".warc.gz")))
            return 90;
    }
    return 0;
}

static void *warc_open(pl_stream *s, const pl_read_ctx *ctx)
{
    warc *w = pl_xcalloc(1, sizeof *w);
    w->s = s;
    w->ctx = ctx;
    w->max_rec = ctx->max_record_bytes ? ctx->max_record_bytes : (size_t)64 << 20;
    int was_gzip = 0;
    pl_stream_raw(s, &was_gzip);
    if (inflateInit2(&w->z, 15 + 16) != Z_OK) {
        free(w);
        pl_read_diag(ctx, PARLEY_ERROR, 0, 0, NULL, "cannot initialise zlib");
        return NULL;
    }
    w->z_ready = 1;
    if (raw_fill(w) && w->rlen >= 2 && w->raw[0] == 0x1f && w->raw[1] == 0x8b) w->gz = 1;
    pl_buf_init(&w->line);
    pl_buf_init(&w->block);
    pl_buf_init(&w->payload);
    pl_buf_init(&w->tmp);
    return w;
}

static void warc_close(void *state)
{
    warc *w = state;
    if (!w) return;
    if (w->z_ready) inflateEnd(&w->z);
    pl_buf_free(&w->line);
    pl_buf_free(&w->block);
    pl_buf_free(&w->payload);
    pl_buf_free(&w->tmp);
    free(w);
}

const pl_format pl_format_warc = {"warc", warc_sniff, warc_open, warc_next, warc_close};
