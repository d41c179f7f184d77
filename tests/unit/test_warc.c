/* test_warc.c — the WARC reader: plain and per-record gzip archives built
 * in memory, record types taken and skipped, HTTP headers (status, charset,
 * chunked transfer coding, gzip content coding), and damage: a corrupt or
 * truncated gzip member, garbage between records, a bad Content-Length, an
 * oversized record, and a gzip bomb in an HTTP payload — each reported with
 * its offset while the rest of the file is still read. */
#include "test.h"

#include "parley.h"
#include "reader/reader.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>
#include <unistd.h>

typedef struct diags {
    int n;
    char text[4096];
} diags;

static void on_diag(void *ctx, const parley_diag *d)
{
    diags *g = ctx;
    g->n++;
    size_t len = strlen(g->text);
    snprintf(g->text + len, sizeof g->text - len, "[%lld] %s\n", d->byte, d->message);
}

static void put_record(pl_buf *b, const char *type, const char *uri, const char *ctype, const char *block,
                       size_t n)
{
    pl_buf_printf(b,
                  "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2023-05-06T07:08:09Z\r\n"
                  "WARC-Record-ID: <urn:uuid:%s-%zu>\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
                  type, uri, type, b->len, ctype, n);
    pl_buf_put(b, block, n);
    pl_buf_puts(b, "\r\n\r\n");
}

static void gzip_append(pl_buf *out, const char *data, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    pl_buf_reserve(out, deflateBound(&z, n) + 64);
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)n;
    z.next_out = (unsigned char *)out->data + out->len;
    z.avail_out = (uInt)(out->cap - out->len - 1);
    deflate(&z, Z_FINISH);
    out->len = out->cap - 1 - z.avail_out;
    out->data[out->len] = 0;
    deflateEnd(&z);
}

static const char *k_page =
    "<html><head><title>Council votes on port plan</title></head><body><article><p>The city council voted on "
    "Tuesday to expand the port, after a debate that lasted late into the night and divided the governing "
    "coalition.</p><p>Work on the new quay will begin next spring, the mayor said.</p></article></body></html>";

/* One HTTP response block with the page. */
static void http_block(pl_buf *b, const char *extra_headers, const char *body, size_t n)
{
    pl_buf_printf(b, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n%s\r\n", extra_headers);
    pl_buf_put(b, body, n);
}

typedef struct result {
    int n;
    char urls[8][128];
    char heads[8][128];
    char crawled[8][40];
    diags d;
    size_t skipped;
} result;

static void read_warc(const char *data, size_t n, size_t max_record, result *r)
{
    memset(r, 0, sizeof *r);
    pl_stream *s = pl_stream_open_mem(data, n);
    pl_read_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.path = "test.warc";
    ctx.max_record_bytes = max_record;
    ctx.diag = on_diag;
    ctx.diag_ctx = &r->d;
    ctx.skipped = &r->skipped;
    const unsigned char *head;
    size_t hn = pl_stream_peek(s, 4096, &head);
    CHECK(pl_format_warc.sniff("test.warc", head, hn, 0) >= 90);
    void *st = pl_format_warc.open(s, &ctx);
    CHECK(st != NULL);
    pl_article a;
    pl_article_init(&a);
    for (int guard = 0; st && guard < 100; guard++) {
        pl_article_reset(&a);
        parley_status rc = pl_format_warc.next(st, &a);
        if (rc == PARLEY_END) break;
        if (rc != PARLEY_OK) continue;
        pl_article_finish(&a);
        if (r->n < 8) {
            snprintf(r->urls[r->n], 128, "%s", a.pub.url);
            snprintf(r->heads[r->n], 128, "%s", a.pub.headline);
            parley_datetime_format(&a.pub.crawled, r->crawled[r->n], 40);
        }
        r->n++;
    }
    pl_article_release(&a);
    if (st) pl_format_warc.close(st);
    pl_stream_close(s);
}

/* The test archive: warcinfo, request, response (plain), response (chunked
 * + gzip), a 404 response, a resource text record. */
static void build_records(pl_buf *recs[6])
{
    pl_buf tmp, gz;
    pl_buf_init(&tmp);
    pl_buf_init(&gz);
    put_record(recs[0], "warcinfo", "", "application/warc-fields", "software: test\r\n", 16);
    put_record(recs[1], "request", "https://a.example/x", "application/http; msgtype=request",
               "GET /x HTTP/1.1\r\n\r\n", 19);
    http_block(&tmp, "", k_page, strlen(k_page));
    put_record(recs[2], "response", "https://a.example/x", "application/http; msgtype=response", tmp.data, tmp.len);
    pl_buf_clear(&tmp);
    gzip_append(&gz, k_page, strlen(k_page));
    pl_buf_printf(&tmp, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n%zx\r\n",
                  (size_t)10);
    pl_buf_put(&tmp, gz.data, 10);
    pl_buf_printf(&tmp, "\r\n%zx\r\n", gz.len - 10);
    pl_buf_put(&tmp, gz.data + 10, gz.len - 10);
    pl_buf_puts(&tmp, "\r\n0\r\n\r\n");
    put_record(recs[3], "response", "https://b.example/y", "application/http; msgtype=response", tmp.data, tmp.len);
    const char *nf = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><p>Not found</p></html>";
    put_record(recs[4], "response", "https://c.example/z", "application/http; msgtype=response", nf, strlen(nf));
    const char *txt = "Storm closes schools\n\nSchools in the north were closed on Monday because of the storm.\n";
    put_record(recs[5], "resource", "https://d.example/t.txt", "text/plain", txt, strlen(txt));
    pl_buf_free(&tmp);
    pl_buf_free(&gz);
}

static void make_archive(pl_buf *out, int gzip, int damage)
{
    pl_buf r[6], *rp[6];
    for (int i = 0; i < 6; i++) pl_buf_init(&r[i]), rp[i] = &r[i];
    build_records(rp);
    for (int i = 0; i < 6; i++) {
        if (!gzip) {
            pl_buf_put(out, r[i].data, r[i].len);
            if (damage == 1 && i == 2) pl_buf_puts(out, "stray bytes\r\nnot a header\r\n");
            continue;
        }
        size_t start = out->len;
        gzip_append(out, r[i].data, r[i].len);
        if (damage == 1 && i == 3) /* corrupt the deflate data of member 3 */
            for (size_t k = start + 30; k < start + 60 && k < out->len; k++) out->data[k] ^= 0x5a;
        if (damage == 3 && i == 0) /* corrupt the very first member */
            for (size_t k = start + 20; k < start + 40 && k < out->len; k++) out->data[k] ^= 0x5a;
        if (damage == 2 && i == 5) out->len = start + (out->len - start) / 2; /* truncated last member */
    }
    for (int i = 0; i < 6; i++) pl_buf_free(&r[i]);
}

TEST(warc_plain_and_gzip)
{
    for (int gz = 0; gz < 2; gz++) {
        pl_buf b;
        pl_buf_init(&b);
        make_archive(&b, gz, 0);
        result r;
        read_warc(b.data, b.len, 0, &r);
        CHECK_INT(r.n, 3);
        CHECK_STR(r.urls[0], "https://a.example/x");
        CHECK_STR(r.heads[0], "Council votes on port plan");
        CHECK_STR(r.crawled[0], "2023-05-06T07:08:09+00:00");
        CHECK_STR(r.urls[1], "https://b.example/y");
        CHECK_STR(r.heads[1], "Council votes on port plan");
        CHECK_STR(r.urls[2], "https://d.example/t.txt");
        CHECK_INT(r.d.n, 0);
        CHECK_INT(r.skipped, 0);
        pl_buf_free(&b);
    }
}

TEST(warc_damage)
{
    pl_buf b;
    result r;
    /* corrupt member: reported with its offset, the others read */
    pl_buf_init(&b);
    make_archive(&b, 1, 1);
    read_warc(b.data, b.len, 0, &r);
    CHECK_INT(r.n, 2);
    CHECK(strstr(r.d.text, "corrupt gzip member at byte") != NULL);
    CHECK_STR(r.urls[1], "https://d.example/t.txt");
    CHECK_INT(r.skipped, 1);
    pl_buf_free(&b);
    /* truncated last member */
    pl_buf_init(&b);
    make_archive(&b, 1, 2);
    read_warc(b.data, b.len, 0, &r);
    CHECK_INT(r.n, 2);
    CHECK(strstr(r.d.text, "truncated gzip member") != NULL);
    pl_buf_free(&b);
    /* garbage between plain records */
    pl_buf_init(&b);
    make_archive(&b, 0, 1);
    read_warc(b.data, b.len, 0, &r);
    CHECK_INT(r.n, 3);
    CHECK(strstr(r.d.text, "no WARC record header at byte") != NULL);
    pl_buf_free(&b);
    /* bad Content-Length, then a good record */
    pl_buf_init(&b);
    pl_buf_puts(&b, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nxx\r\n\r\n");
    pl_buf r2[6], *rp[6];
    for (int i = 0; i < 6; i++) pl_buf_init(&r2[i]), rp[i] = &r2[i];
    build_records(rp);
    pl_buf_put(&b, r2[2].data, r2[2].len);
    read_warc(b.data, b.len, 0, &r);
    CHECK_INT(r.n, 1);
    CHECK(strstr(r.d.text, "no valid Content-Length") != NULL);
    /* a record cut short at the end of the file */
    pl_buf_clear(&b);
    pl_buf_put(&b, r2[2].data, r2[2].len);
    pl_buf_put(&b, r2[3].data, r2[3].len - 100);
    read_warc(b.data, b.len, 0, &r);
    CHECK_INT(r.n, 1);
    CHECK(strstr(r.d.text, "truncated") != NULL);
    for (int i = 0; i < 6; i++) pl_buf_free(&r2[i]);
    pl_buf_free(&b);
}

/* Regression: a .warc.gz damaged within the first 4 KiB of decoded data
 * was rejected whole by the reader's head peek ("corrupt gzip data; file
 * skipped") before the WARC format saw it.  Now only the damaged member is
 * skipped, also when the very first member is the damaged one. */
static int read_file_via_reader(const char *path, char *diag_text, size_t cap)
{
    diags g;
    memset(&g, 0, sizeof g);
    parley_read_options opt = {NULL, 0, on_diag, &g};
    parley_reader *r = parley_reader_new(&opt);
    parley_reader_add(r, path);
    const parley_article *a;
    int n = 0;
    while (parley_reader_next(r, &a) == PARLEY_OK) n++;
    parley_reader_free(r);
    snprintf(diag_text, cap, "%s", g.text);
    return n;
}

TEST(warc_damaged_head_not_skipped)
{
    char dir[] = "/tmp/parley-warc-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256], text[4096];
    snprintf(path, sizeof path, "%s/crawl.warc.gz", dir);
    for (int damage = 1; damage <= 3; damage += 2) {
        pl_buf b;
        pl_buf_init(&b);
        make_archive(&b, 1, damage);
        FILE *f = fopen(path, "wb");
        CHECK(f != NULL);
        fwrite(b.data, 1, b.len, f);
        fclose(f);
        int n = read_file_via_reader(path, text, sizeof text);
        CHECK_INT(n, damage == 1 ? 2 : 3);
        CHECK(strstr(text, "file skipped") == NULL);
        CHECK(strstr(text, "corrupt gzip member at byte") != NULL);
        pl_buf_free(&b);
    }
    unlink(path);
    rmdir(dir);
}

TEST(warc_limits_and_gzip_bomb)
{
    /* an HTTP payload that inflates to 64 MB, with a 1 MB record limit */
    size_t big = (size_t)64 << 20;
    char *zeros = calloc(1, big);
    memset(zeros, ' ', big);
    pl_buf gz, blk, b;
    pl_buf_init(&gz);
    pl_buf_init(&blk);
    pl_buf_init(&b);
    gzip_append(&gz, zeros, big);
    free(zeros);
    pl_buf_printf(&blk, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n");
    pl_buf_put(&blk, gz.data, gz.len);
    put_record(&b, "response", "https://bomb.example/", "application/http; msgtype=response", blk.data, blk.len);
    /* a record larger than the limit, then a good one */
    pl_buf_clear(&blk);
    http_block(&blk, "", k_page, strlen(k_page));
    for (int i = 0; i < 30000; i++) pl_buf_puts(&blk, "<p>padding padding padding padding padding</p>\n");
    put_record(&b, "response", "https://big.example/", "application/http; msgtype=response", blk.data, blk.len);
    pl_buf_clear(&blk);
    http_block(&blk, "", k_page, strlen(k_page));
    put_record(&b, "response", "https://ok.example/", "application/http; msgtype=response", blk.data, blk.len);

    for (int gzip = 0; gzip < 2; gzip++) {
        pl_buf in;
        pl_buf_init(&in);
        if (gzip) {
            /* one member per record: split b again at "WARC/1.1" */
            const char *p = b.data, *end = b.data + b.len;
            while (p < end) {
                const char *next = memmem(p + 1, (size_t)(end - p - 1), "WARC/1.1\r\n", 10);
                if (!next) next = end;
                gzip_append(&in, p, (size_t)(next - p));
                p = next;
            }
        } else {
            pl_buf_put(&in, b.data, b.len);
        }
        clock_t t0 = clock();
        result r;
        read_warc(in.data, in.len, 1 << 20, &r);
        double dt = (double)(clock() - t0) / CLOCKS_PER_SEC;
        CHECK(dt < 2.0);
        CHECK_INT(r.n, 1);
        CHECK_STR(r.urls[0], "https://ok.example/");
        CHECK(strstr(r.d.text, "decompressed payload larger than the record limit") != NULL);
        CHECK(strstr(r.d.text, "larger than the record limit (") != NULL);
        CHECK_INT(r.skipped, 2);
        pl_buf_free(&in);
    }
    pl_buf_free(&gz);
    pl_buf_free(&blk);
    pl_buf_free(&b);
}

TEST(warc_sniff)
{
    CHECK(pl_format_warc.sniff("x.bin", (const unsigned char *)"WARC/1.0\r\n", 10, 0) == 100);
    CHECK(pl_format_warc.sniff("crawl.warc.gz", (const unsigned char *)"", 0, 1) >= 90);
    CHECK(pl_format_warc.sniff("page.html", (const unsigned char *)"<html>", 6, 0) == 0);
    CHECK(pl_format_html.sniff("page.html", (const unsigned char *)"WARC/1.0\r\n", 10, 0) == 0);
    CHECK(pl_format_html.sniff("-", (const unsigned char *)"<!DOCTYPE html>", 15, 0) >= 90);
    CHECK(pl_format_html.sniff("notes.txt", (const unsigned char *)"Plain words", 11, 0) == 0);
}
