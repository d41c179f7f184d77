/* main.c — runs the registered unit tests. */
#include "test.h"

#include <stdlib.h>

typedef struct {
    const char *name, *file;
    pl_test_fn fn;
} entry;

static entry *tests;
static size_t ntests, cap;
int pl_test_failures;
const char *pl_test_dir = "tests";

void pl_test_register(const char *name, const char *file, pl_test_fn fn)
{
    if (ntests == cap) {
        cap = cap ? cap * 2 : 64;
        tests = realloc(tests, cap * sizeof *tests);
        if (!tests) abort();
    }
    tests[ntests++] = (entry){name, file, fn};
}

static int by_file(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    return c ? c : strcmp(x->name, y->name);
}

int main(int argc, char **argv)
{
    const char *filter = argc > 1 ? argv[1] : NULL;
    const char *dir = getenv("PARLEY_TEST_DIR");
    if (dir) pl_test_dir = dir;
    qsort(tests, ntests, sizeof *tests, by_file);
    int passed = 0, failed = 0;
    for (size_t i = 0; i < ntests; i++) {
        if (filter && !strstr(tests[i].name, filter) && !strstr(tests[i].file, filter)) continue;
        pl_test_failures = 0;
        tests[i].fn();
        if (pl_test_failures) {
            printf("FAIL %s (%s)\n", tests[i].name, tests[i].file);
            failed++;
        } else {
            passed++;
        }
    }
    printf("unit: %d passed, %d failed\n", passed, failed);
    free(tests);
    return failed ? 1 : 0;
}
