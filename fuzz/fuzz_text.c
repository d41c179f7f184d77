/* fuzz_text.c — libFuzzer harness for the plain-text page reader: any
 * bytes through parley_article_parse(..., "text") and the JSON writer. */
#include "parley.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink) sink = fopen("/dev/null", "w");
    parley_error err;
    parley_article *a = parley_article_parse((const char *)data, size, "fuzz.txt", "text", &err);
    if (!a) return 0;
    for (size_t i = 0; i < a->n_sentences; i++) {
        const parley_sentence *s = &a->sentences[i];
        if (s->start >= s->end || s->end > a->body_len || s->paragraph >= a->n_paragraphs) abort();
    }
    for (size_t i = 0; i < a->n_paragraphs; i++)
        if (a->paragraphs[i].end > a->body_len) abort();
    if (sink) parley_article_write_json(a, sink);
    parley_article_free(a);
    return 0;
}
