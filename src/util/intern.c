#include "intern.h"

#include <stdlib.h>
#include <string.h>

void pl_intern_init(pl_intern *t)
{
    memset(t, 0, sizeof *t);
    pl_arena_init(&t->arena, 64 * 1024);
}

void pl_intern_free(pl_intern *t)
{
    pl_arena_free(&t->arena);
    free(t->strs);
    free(t->lens);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static void rehash(pl_intern *t)
{
    size_t ns = t->nslots ? t->nslots * 2 : 1024;
    uint32_t *slots = pl_xcalloc(ns, sizeof *slots);
    for (size_t id = 0; id < t->n; id++) {
        size_t h = (size_t)pl_hash(t->strs[id], t->lens[id]) & (ns - 1);
        while (slots[h]) h = (h + 1) & (ns - 1);
        slots[h] = (uint32_t)id + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = ns;
}

uint32_t pl_intern_find(const pl_intern *t, const char *s, size_t n)
{
    if (!t->nslots) return PL_NO_ID;
    size_t h = (size_t)pl_hash(s, n) & (t->nslots - 1);
    for (;;) {
        uint32_t v = t->slots[h];
        if (!v) return PL_NO_ID;
        uint32_t id = v - 1;
        if (t->lens[id] == n && memcmp(t->strs[id], s, n) == 0) return id;
        h = (h + 1) & (t->nslots - 1);
    }
}

uint32_t pl_intern_add(pl_intern *t, const char *s, size_t n)
{
    uint32_t id = pl_intern_find(t, s, n);
    if (id != PL_NO_ID) return id;
    if ((t->n + 1) * 2 > t->nslots) rehash(t);
    if (t->n == t->cap) {
        size_t cap = t->cap;
        t->strs = pl_grow((void *)t->strs, &cap, t->n + 1, sizeof *t->strs);
        size_t cap2 = t->cap;
        t->lens = pl_grow(t->lens, &cap2, t->n + 1, sizeof *t->lens);
        t->cap = cap;
    }
    id = (uint32_t)t->n++;
    t->strs[id] = pl_arena_strndup(&t->arena, s, n);
    t->lens[id] = (uint32_t)n;
    size_t h = (size_t)pl_hash(s, n) & (t->nslots - 1);
    while (t->slots[h]) h = (h + 1) & (t->nslots - 1);
    t->slots[h] = id + 1;
    return id;
}
