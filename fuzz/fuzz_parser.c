/* fuzz_parser.c — libFuzzer harness for the shallow parser: any bytes are a
 * sentence.  Checks the invariants the event coder relies on: token spans
 * ordered and inside the text, NUL-terminated norms and lemmas of the stated
 * length, chunks covering their tokens with a head inside, clauses nested in
 * their parent with a verb group of their own.  The input is also parsed
 * line by line with the same parser (buffer reuse). */
#include "parser/parser.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const pl_parse *ps, size_t len)
{
    size_t prev = 0;
    for (size_t i = 0; i < ps->ntoks; i++) {
        const pl_token *t = &ps->toks[i];
        if (t->start > t->end || t->end > len || t->start < prev) abort();
        prev = t->start;
        if (strlen(t->norm) != t->norm_len || strlen(t->lemma) != t->lemma_len) abort();
        if (t->chunk >= (int)ps->nchunks) abort();
        if (t->chunk >= 0) {
            const pl_chunk *c = &ps->chunks[t->chunk];
            if (i < c->first || i > c->last) abort();
        }
    }
    for (size_t k = 0; k < ps->nchunks; k++) {
        const pl_chunk *c = &ps->chunks[k];
        if (c->first > c->last || c->last >= ps->ntoks) abort();
        if (c->head < c->first || c->head > c->last) abort();
        for (size_t i = c->first; i <= c->last; i++)
            if (ps->toks[i].chunk != (int)k) abort();
        if (c->clause < 0 || (size_t)c->clause >= ps->nclauses) abort();
    }
    for (size_t k = 0; k < ps->nclauses; k++) {
        const pl_clause *c = &ps->clauses[k];
        if (c->first > c->last || c->last >= ps->ntoks) abort();
        if (k == 0 ? c->parent != -1 : (c->parent < 0 || (size_t)c->parent >= k)) abort();
        if (k > 0) {
            const pl_clause *p = &ps->clauses[c->parent];
            if (c->first < p->first || c->last > p->last) abort();
        }
        if (c->verb >= (int)ps->nchunks) abort();
        if (c->verb >= 0 && (ps->chunks[c->verb].type != PL_CH_VP ||
                             ps->chunks[c->verb].clause != (int)k))
            abort();
    }
    if (ps->ntoks && !ps->nclauses) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pl_parser *p;
    if (!p) p = pl_parser_new();
    const char *t = (const char *)data;
    check(pl_parse_sentence(p, t, size), size);
    for (size_t i = 0; i < size;) {
        const char *e = memchr(t + i, '\n', size - i);
        size_t n = e ? (size_t)(e - (t + i)) : size - i;
        check(pl_parse_sentence(p, t + i, n), n);
        i += n + 1;
    }
    return 0;
}
