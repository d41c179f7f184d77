/* test.h — a minimal unit-test harness.
 *
 *   TEST(name) { CHECK(x == 1); CHECK_STR(a, "b"); }
 *
 * Tests register themselves at load time; tests/unit/main.c runs them all (or
 * those whose name contains argv[1]) and prints "N passed, M failed".
 * Tests that need files use TEST_DATA (the repository's tests/ folder). */
#ifndef PL_TEST_H
#define PL_TEST_H

#include <stdio.h>
#include <string.h>

typedef void (*pl_test_fn)(void);
void pl_test_register(const char *name, const char *file, pl_test_fn fn);
extern int pl_test_failures;   /* failed checks in the running test */
extern const char *pl_test_dir;  /* path of tests/ */

/* Calls fn for every file in tests/cases/SUB whose name ends in SUFFIX, in
 * name order: dir is the folder, name the file name without SUFFIX, path the
 * whole path.  Returns the number of files; a folder that cannot be opened
 * is reported and counted as a failure (and gives 0). */
typedef void (*pl_test_case_fn)(const char *dir, const char *name, const char *path, void *ctx);
int pl_test_each_case(const char *sub, const char *suffix, pl_test_case_fn fn, void *ctx);

#define TEST(name)                                                              \
    static void test_##name(void);                                              \
    __attribute__((constructor)) static void register_##name(void)             \
    {                                                                           \
        pl_test_register(#name, __FILE__, test_##name);                         \
    }                                                                           \
    static void test_##name(void)

#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            pl_test_failures++;                                                 \
        }                                                                       \
    } while (0)

#define CHECK_STR(a, b)                                                         \
    do {                                                                        \
        const char *a_ = (a), *b_ = (b);                                        \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                \
            fprintf(stderr, "  %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, \
                    __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");      \
            pl_test_failures++;                                                 \
        }                                                                       \
    } while (0)

#define CHECK_INT(a, b)                                                         \
    do {                                                                        \
        long long a_ = (long long)(a), b_ = (long long)(b);                     \
        if (a_ != b_) {                                                         \
            fprintf(stderr, "  %s:%d: %s == %lld, expected %lld\n", __FILE__,   \
                    __LINE__, #a, a_, b_);                                      \
            pl_test_failures++;                                                 \
        }                                                                       \
    } while (0)

#endif
