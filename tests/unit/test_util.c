/* Unit tests of src/util: arena, buffer, interning, JSON writer, UTF-8. */
#include "test.h"
#include "arena.h"
#include "intern.h"
#include "json.h"
#include "utf8.h"
#include "parley.h"

TEST(arena_strings_survive_growth)
{
    pl_arena a;
    pl_arena_init(&a, 64);
    char *s[100];
    for (int i = 0; i < 100; i++) s[i] = pl_arena_printf(&a, "word%d", i);
    char *big = pl_arena_alloc(&a, 1000);
    memset(big, 'x', 1000);
    CHECK_STR(s[0], "word0");
    CHECK_STR(s[99], "word99");
    pl_arena_reset(&a);
    CHECK_STR(pl_arena_strdup(&a, "again"), "again");
    pl_arena_free(&a);
}

TEST(intern_same_string_same_id)
{
    pl_intern t;
    pl_intern_init(&t);
    uint32_t a = pl_intern_add(&t, "Russia", 6);
    for (int i = 0; i < 5000; i++) {
        char w[16];
        int n = snprintf(w, sizeof w, "w%d", i);
        pl_intern_add(&t, w, (size_t)n);
    }
    CHECK_INT(pl_intern_add(&t, "Russia", 6), a);
    CHECK_INT(pl_intern_find(&t, "w4999", 5), pl_intern_find(&t, "w4999", 5));
    CHECK(pl_intern_find(&t, "absent", 6) == PL_NO_ID);
    CHECK_STR(pl_intern_str(&t, a), "Russia");
    pl_intern_free(&t);
}

TEST(json_writer_escapes_and_separates)
{
    pl_buf b;
    pl_buf_init(&b);
    pl_json j;
    pl_json_init(&j, &b);
    pl_json_obj_begin(&j);
    pl_json_kstr(&j, "a", "q\"\n\x01");
    pl_json_key(&j, "l");
    pl_json_arr_begin(&j);
    pl_json_int(&j, 1);
    pl_json_str(&j, "x");
    pl_json_obj_begin(&j);
    pl_json_obj_end(&j);
    pl_json_arr_end(&j);
    pl_json_kstr(&j, "bad", "\xff");
    pl_json_obj_end(&j);
    CHECK_STR(b.data, "{\"a\":\"q\\\"\\n\\u0001\",\"l\":[1,\"x\",{}],\"bad\":\"\xEF\xBF\xBD\"}");
    pl_buf_free(&b);
}

TEST(utf8_repair_counts_bad_bytes)
{
    pl_buf b;
    pl_buf_init(&b);
    long long first;
    size_t bad = pl_utf8_repair("ab\xC3\xA9\xff" "c\xE2\x82", 8, &b, &first);
    CHECK_INT(bad, 3);
    CHECK_INT(first, 4);
    CHECK_STR(b.data, "ab\xC3\xA9\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(pl_utf8_is_valid("\xC3\xA9", 2));
    CHECK(!pl_utf8_is_valid("\xC0\xAF", 2)); /* overlong */
    pl_buf_free(&b);
}

TEST(diag_format_names_file_line_byte)
{
    parley_diag d = {PARLEY_WARNING, "a.jsonl", 3, 120, "doc1", "truncated JSON"};
    char out[256];
    parley_diag_format(&d, out, sizeof out);
    CHECK_STR(out, "a.jsonl:3: byte 120: warning: [doc1] truncated JSON");
}
