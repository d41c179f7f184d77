/* fuzz_sentence.c — libFuzzer harness for the sentence splitter (and the
 * date scanner, which reads the same kind of text): spans must be
 * non-empty, ordered, inside the text, and the count must not depend on
 * the output capacity. */
#include "parley.h"
#include "reader/reader.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *t = (const char *)data;
    parley_span sp[256];
    size_t n = parley_split_sentences(t, size, sp, 256);
    if (parley_split_sentences(t, size, NULL, 0) != n) abort();
    size_t prev = 0;
    for (size_t i = 0; i < n && i < 256; i++) {
        if (sp[i].start >= sp[i].end || sp[i].end > size || sp[i].start < prev) abort();
        prev = sp[i].end;
    }
    parley_datetime dt;
    size_t a, b;
    if (pl_date_find(t, size, &dt, &a, &b) && (a >= b || b > size)) abort();
    parley_date_parse(t, size, &dt);
    pl_dateline dl;
    if (pl_dateline_scan(t, size, &dl) && dl.len > size) abort();
    return 0;
}
