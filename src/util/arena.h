/* arena.h — region allocator: many small allocations, one free.
 *
 * Every article, sentence and event of a document is allocated from one
 * arena and released at once with pl_arena_reset() or pl_arena_free().
 * Allocation failure aborts through pl_oom() (see util.h); callers need not
 * check for NULL. */
#ifndef PL_ARENA_H
#define PL_ARENA_H

#include <stddef.h>

typedef struct pl_arena_block pl_arena_block;

typedef struct pl_arena {
    pl_arena_block *head;    /* current block (blocks form a list) */
    size_t block_size;       /* default size of new blocks */
    size_t total;            /* bytes obtained from malloc, for statistics */
} pl_arena;

void pl_arena_init(pl_arena *a, size_t block_size);
void *pl_arena_alloc(pl_arena *a, size_t n);          /* 16-byte aligned */
void *pl_arena_calloc(pl_arena *a, size_t n);
char *pl_arena_strndup(pl_arena *a, const char *s, size_t n);
char *pl_arena_strdup(pl_arena *a, const char *s);
char *pl_arena_printf(pl_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Frees all blocks but the first and rewinds it: memory is reused. */
void pl_arena_reset(pl_arena *a);
void pl_arena_free(pl_arena *a);

#endif
