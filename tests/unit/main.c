/* main.c — runs the registered unit tests. */
#include "test.h"

#include <dirent.h>
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

int pl_test_each_case(const char *sub, const char *suffix, pl_test_case_fn fn, void *ctx)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/cases/%s", pl_test_dir, sub);
    struct dirent **list;
    int n = scandir(dir, &list, NULL, alphasort);
    if (n < 0) {
        fprintf(stderr, "  cannot open %s\n", dir);
        pl_test_failures++;
        return 0;
    }
    size_t sl = strlen(suffix);
    int found = 0;
    for (int i = 0; i < n; i++) {
        const char *f = list[i]->d_name;
        size_t len = strlen(f);
        if (len > sl && strcmp(f + len - sl, suffix) == 0) {
            char name[512], path[2048];
            snprintf(name, sizeof name, "%.*s", (int)(len - sl), f);
            snprintf(path, sizeof path, "%s/%s", dir, f);
            fn(dir, name, path, ctx);
            found++;
        }
        free(list[i]);
    }
    free(list);
    return found;
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
