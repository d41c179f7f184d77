/* json.h — a streaming JSON writer into a pl_buf.
 *
 * Output is written by hand rather than through a JSON library: building a
 * tree per record would allocate per value, and escaping is all we need.
 * The writer tracks commas; callers emit keys and values in order. */
#ifndef PL_JSON_H
#define PL_JSON_H

#include "util.h"

typedef struct pl_json {
    pl_buf *out;
    int depth;
    unsigned char first[64];   /* per depth: no element written yet */
} pl_json;

void pl_json_init(pl_json *j, pl_buf *out);
void pl_json_obj_begin(pl_json *j);
void pl_json_obj_end(pl_json *j);
void pl_json_arr_begin(pl_json *j);
void pl_json_arr_end(pl_json *j);
void pl_json_key(pl_json *j, const char *key);
void pl_json_str(pl_json *j, const char *s);               /* NULL -> null */
void pl_json_strn(pl_json *j, const char *s, size_t n);
void pl_json_int(pl_json *j, long long v);
void pl_json_num(pl_json *j, double v);
void pl_json_bool(pl_json *j, int v);
void pl_json_null(pl_json *j);
/* key + value shorthands */
void pl_json_kstr(pl_json *j, const char *key, const char *s);
void pl_json_kint(pl_json *j, const char *key, long long v);
void pl_json_knum(pl_json *j, const char *key, double v);

/* Appends s as a JSON string literal (with quotes), escaping control
 * characters, quotes and backslashes; invalid UTF-8 bytes become U+FFFD. */
void pl_json_escape(pl_buf *b, const char *s, size_t n);

#endif
