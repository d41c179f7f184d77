/* fuzz_validate_xml.c — libFuzzer harness for the validation-suite readers:
 * the tolerant PETRARCH XML scanner, the TABARI .text record reader and the
 * expected-event parser.  Seed corpus: tests/cases/validate/.
 *
 *   make -C fuzz && build-fuzz/fuzz/fuzz_validate_xml -max_total_time=60 CORPUS_DIR
 *
 * Seeds: the files of tests/cases/validate/ with a first byte 0 (PETRARCH),
 * 1 (TABARI text) or 2 (project / expectation text) prepended.
 *
 * The first byte picks the reader; the rest is the input (NUL-terminated
 * copy, as pl_read_file() gives the readers). */
#include "validate/validate.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    int which = data[0] % 3;
    char *buf = malloc(size);
    if (!buf) return 0;
    memcpy(buf, data + 1, size - 1);
    buf[size - 1] = 0;
    size_t len = size - 1;
    pl_vsuite s;
    pl_vsuite_init(&s, "fuzz", NULL, NULL);
    parley_error err;
    if (which == 0) {
        pl_petrarch_read(&s, buf, len, &err);
    } else if (which == 1) {
        pl_tabari_read_text(&s, "fuzz.text", buf, len, &err);
    } else {
        pl_vrecord *r = pl_vsuite_add_record(&s);
        pl_tabari_parse_expect(&s, r, buf, len);
        if (pl_tabari_read_project(&s, buf, len, &err) != PARLEY_OK) {
            /* nothing: refused projects are fine */
        }
    }
    /* every record must be self-consistent */
    for (size_t i = 0; i < s.n_records; i++) {
        const pl_vrecord *r = &s.records[i];
        if (!r->id || !r->text || !r->category || r->config >= s.n_configs) abort();
        size_t m;
        pl_vcompare(r, r->events, r->n_events, &m);
        if (r->expect == PL_VEXPECT_EVENTS && m != r->n_events) abort();
    }
    pl_vsuite_free(&s);
    free(buf);
    return 0;
}
