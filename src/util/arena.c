#include "arena.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pl_arena_block {
    pl_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

void pl_arena_init(pl_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->total = 0;
}

static pl_arena_block *new_block(pl_arena *a, size_t need)
{
    size_t size = need > a->block_size ? need : a->block_size;
    pl_arena_block *b = pl_xmalloc(sizeof *b + size);
    b->size = size;
    b->used = 0;
    a->total += size;
    return b;
}

void *pl_arena_alloc(pl_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    pl_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        pl_arena_block *nb = new_block(a, n);
        if (b && n > a->block_size / 4) {
            /* big request: keep the current block for small ones */
            nb->next = b->next;
            b->next = nb;
            nb->used = n;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

void *pl_arena_calloc(pl_arena *a, size_t n)
{
    void *p = pl_arena_alloc(a, n);
    memset(p, 0, n);
    return p;
}

char *pl_arena_strndup(pl_arena *a, const char *s, size_t n)
{
    char *p = pl_arena_alloc(a, n + 1);
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *pl_arena_strdup(pl_arena *a, const char *s)
{
    return pl_arena_strndup(a, s, strlen(s));
}

char *pl_arena_printf(pl_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    char *p = pl_arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void pl_arena_reset(pl_arena *a)
{
    pl_arena_block *b = a->head;
    if (!b) return;
    /* keep the largest-first block: free the rest */
    pl_arena_block *keep = b;
    for (pl_arena_block *x = b->next; x;) {
        pl_arena_block *n = x->next;
        a->total -= x->size;
        free(x);
        x = n;
    }
    keep->next = NULL;
    keep->used = 0;
    a->head = keep;
}

void pl_arena_free(pl_arena *a)
{
    for (pl_arena_block *x = a->head; x;) {
        pl_arena_block *n = x->next;
        free(x);
        x = n;
    }
    a->head = NULL;
    a->total = 0;
}
