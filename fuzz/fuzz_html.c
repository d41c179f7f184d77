/* fuzz_html.c — libFuzzer harness for the HTML extractor: any bytes through
 * pl_html_extract() (charset detection, prescan, gumbo, scoring, metadata,
 * JSON-LD), then the article invariants and the JSON writer.  The first
 * byte, when it is a digit, selects an HTTP charset to exercise iconv. */
#include "parley.h"
#include "reader/reader.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    static const char *const charsets[] = {NULL, "utf-8", "iso-8859-1", "shift_jis", "koi8-r",
                                           "gb2312", "utf-16", "euc-jp", "x-bogus", "windows-1251"};
    if (!sink) sink = fopen("/dev/null", "w");
    const char *cs = NULL;
    if (size > 0 && data[0] >= '0' && data[0] <= '9') {
        cs = charsets[data[0] - '0'];
        data++, size--;
    }
    pl_article a;
    pl_article_init(&a);
    pl_article_reset(&a);
    pl_html_extract((const char *)data, size, "https://fuzz.example/2020/01/02/page", cs, &a);
    pl_article_finish(&a);
    const parley_article *p = &a.pub;
    for (size_t i = 0; i < p->n_paragraphs; i++)
        if (p->paragraphs[i].start > p->paragraphs[i].end || p->paragraphs[i].end > p->body_len) abort();
    for (size_t i = 0; i < p->n_sentences; i++)
        if (p->sentences[i].end > p->body_len || p->sentences[i].paragraph >= p->n_paragraphs) abort();
    if (strlen(p->body) != p->body_len) abort();
    if (sink) parley_article_write_json(p, sink);
    pl_article_release(&a);
    return 0;
}
