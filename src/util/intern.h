/* intern.h — string interning: each distinct string is stored once and
 * identified by a small integer id (and a stable pointer).  Used for words,
 * lemmas and codes so that comparisons are integer compares.
 *
 * Not thread-safe while being built; read-only lookups (pl_intern_find) on a
 * finished table may run concurrently. */
#ifndef PL_INTERN_H
#define PL_INTERN_H

#include "arena.h"
#include "util.h"

typedef struct pl_intern {
    pl_arena arena;          /* string storage */
    const char **strs;       /* id -> string */
    uint32_t *lens;
    size_t n, cap;
    uint32_t *slots;         /* hash slots: id + 1, 0 = empty */
    size_t nslots;
} pl_intern;

void pl_intern_init(pl_intern *t);
void pl_intern_free(pl_intern *t);
/* Returns the id of s[0..n), adding it when new. */
uint32_t pl_intern_add(pl_intern *t, const char *s, size_t n);
/* Returns the id, or UINT32_MAX when absent. */
uint32_t pl_intern_find(const pl_intern *t, const char *s, size_t n);
static inline const char *pl_intern_str(const pl_intern *t, uint32_t id) { return t->strs[id]; }
static inline uint32_t pl_intern_len(const pl_intern *t, uint32_t id) { return t->lens[id]; }

#define PL_NO_ID UINT32_MAX

#endif
