/* fuzz_jsonl.c — libFuzzer harness for the JSON Lines reader: every record
 * of the input, through the format module as the reader drives it. */
#include "parley.h"
#include "reader/reader.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pl_stream *s = pl_stream_open_mem((const char *)data, size);
    size_t skipped = 0;
    pl_buf scratch;
    pl_buf_init(&scratch);
    pl_read_ctx ctx = {"fuzz.jsonl", 1 << 16, NULL, NULL, &skipped, &scratch};
    void *st = pl_format_jsonl.open(s, &ctx);
    pl_article a;
    pl_article_init(&a);
    for (int guard = 0; guard < 100000; guard++) {
        pl_article_reset(&a);
        parley_status rc = pl_format_jsonl.next(st, &a);
        if (rc == PARLEY_END) break;
        if (rc == PARLEY_OK) {
            pl_article_finish(&a);
            for (size_t i = 0; i < a.pub.n_sentences; i++)
                if (a.pub.sentences[i].end > a.pub.body_len) abort();
        }
    }
    pl_format_jsonl.close(st);
    pl_article_release(&a);
    pl_buf_free(&scratch);
    pl_stream_close(s);
    return 0;
}
