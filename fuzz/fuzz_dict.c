/* fuzz_dict.c — libFuzzer harness for the dictionary readers: any bytes as a
 * PETRARCH verb, actor, agent, discard or issue file, or a TABARI verbs,
 * actors or options file (the first byte selects which), then compiled and
 * used to code a few sentences.  Every bad entry must be skipped with a
 * warning; nothing may crash or leak. */
#include "dict/dict.h"
#include "parley.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int sink(void *ctx, const parley_event *ev)
{
    (void)ctx;
    return ev->code[0] == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    int kind = data[0] % 8;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    parley_dict *d = pl_dict_new(NULL, NULL);
    d->cur_tabari = kind >= 5;
    uint16_t f = pl_dict_add_file(d, "fuzz.txt");
    switch (kind) {
    case 0: pl_read_petr_verbs(d, f, text, len); break;
    case 1: pl_read_actors(d, f, text, len); break;
    case 2: pl_read_agents(d, f, text, len); break;
    case 3: pl_read_discards(d, f, text, len); break;
    case 4: pl_read_issues(d, f, text, len); break;
    case 5: d->format_tabari = 1; pl_read_tabari_verbs(d, f, text, len); break;
    case 6: pl_read_actors(d, f, text, len); break;
    default: pl_read_tabari_options(d, f, text, len); break;
    }
    pl_dict_finish(d);
    parley_coder *c = parley_coder_new(d, NULL);
    static const char *const sents[] = {
        "Varland attacked Ostmark with rockets on Tuesday.",
        "The foreign minister of Kesh and the president met with rebels, officials said.",
        "It was not attacked by them after the talks."};
    for (size_t i = 0; i < sizeof sents / sizeof *sents; i++)
        parley_code_sentence(c, sents[i], strlen(sents[i]), NULL, "fuzz", (int)i + 1, sink, NULL);
    /* the input itself as a sentence, with its own words in the dictionary */
    parley_code_sentence(c, text, len < 2000 ? len : 2000, NULL, "fuzz", 9, sink, NULL);
    parley_coder_free(c);
    parley_dict_free(d);
    return 0;
}
