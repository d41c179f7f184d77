/* fuzz_warc.c — libFuzzer harness for the WARC reader: any bytes (plain or
 * gzip members) through pl_format_warc with a small record limit, reading
 * every record; checks progress (no endless loop) and article invariants. */
#include "parley.h"
#include "reader/reader.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void quiet(void *ctx, const parley_diag *d)
{
    (void)ctx;
    if (!d->message || !d->file) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pl_stream *s = pl_stream_open_mem((const char *)data, size);
    if (!s) return 0;
    size_t skipped = 0;
    pl_read_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.path = "fuzz.warc";
    ctx.max_record_bytes = 1 << 20;
    ctx.diag = quiet;
    ctx.skipped = &skipped;
    void *st = pl_format_warc.open(s, &ctx);
    if (st) {
        pl_article a;
        pl_article_init(&a);
        /* each call consumes input, so the number of calls is bounded */
        for (size_t calls = 0;; calls++) {
            if (calls > size + 16) abort();
            pl_article_reset(&a);
            parley_status rc = pl_format_warc.next(st, &a);
            if (rc == PARLEY_END) break;
            if (rc != PARLEY_OK) continue;
            pl_article_finish(&a);
            if (strlen(a.pub.body) != a.pub.body_len) abort();
        }
        pl_article_release(&a);
        pl_format_warc.close(st);
    }
    pl_stream_close(s);
    return 0;
}
