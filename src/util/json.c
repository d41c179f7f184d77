#include "json.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void pl_json_init(pl_json *j, pl_buf *out)
{
    j->out = out;
    j->depth = 0;
    j->first[0] = 1;
}

static void sep(pl_json *j)
{
    if (j->depth > 0 && j->depth < 64) {
        if (!j->first[j->depth]) pl_buf_putc(j->out, ',');
        j->first[j->depth] = 0;
    }
}

static void open(pl_json *j, char c)
{
    sep(j);
    pl_buf_putc(j->out, c);
    j->depth++;
    if (j->depth < 64) j->first[j->depth] = 1;
}

void pl_json_obj_begin(pl_json *j) { open(j, '{'); }
void pl_json_arr_begin(pl_json *j) { open(j, '['); }
void pl_json_obj_end(pl_json *j) { j->depth--; pl_buf_putc(j->out, '}'); }
void pl_json_arr_end(pl_json *j) { j->depth--; pl_buf_putc(j->out, ']'); }

void pl_json_key(pl_json *j, const char *key)
{
    sep(j);
    pl_json_escape(j->out, key, strlen(key));
    pl_buf_putc(j->out, ':');
    /* the value that follows must not add a comma */
    if (j->depth < 64) j->first[j->depth] = 2;
}

static void value_sep(pl_json *j)
{
    if (j->depth > 0 && j->depth < 64 && j->first[j->depth] == 2) {
        j->first[j->depth] = 0;
        return;
    }
    sep(j);
}

void pl_json_strn(pl_json *j, const char *s, size_t n)
{
    value_sep(j);
    pl_json_escape(j->out, s, n);
}

void pl_json_str(pl_json *j, const char *s)
{
    if (!s) { pl_json_null(j); return; }
    pl_json_strn(j, s, strlen(s));
}

void pl_json_int(pl_json *j, long long v)
{
    value_sep(j);
    pl_buf_printf(j->out, "%lld", v);
}

void pl_json_num(pl_json *j, double v)
{
    value_sep(j);
    if (!isfinite(v)) { pl_buf_puts(j->out, "null"); return; }
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.10g", v);
    pl_buf_puts(j->out, tmp);
}

void pl_json_bool(pl_json *j, int v) { value_sep(j); pl_buf_puts(j->out, v ? "true" : "false"); }
void pl_json_null(pl_json *j) { value_sep(j); pl_buf_puts(j->out, "null"); }

void pl_json_kstr(pl_json *j, const char *key, const char *s) { pl_json_key(j, key); pl_json_str(j, s); }
void pl_json_kint(pl_json *j, const char *key, long long v) { pl_json_key(j, key); pl_json_int(j, v); }
void pl_json_knum(pl_json *j, const char *key, double v) { pl_json_key(j, key); pl_json_num(j, v); }

/* open() / value_sep() interplay: a value opened right after a key */
void pl_json_escape(pl_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    pl_buf_reserve(b, n + 2);
    pl_buf_putc(b, '"');
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') { i++; run++; continue; }
        if (run) { pl_buf_put(b, s + i - run, run); run = 0; }
        if (c >= 0x80) {
            size_t k = pl_utf8_valid_prefix((const unsigned char *)s + i, n - i);
            if (k) { pl_buf_put(b, s + i, k); i += k; }
            else { pl_buf_puts(b, "\xEF\xBF\xBD"); i++; }
            continue;
        }
        switch (c) {
        case '"': pl_buf_puts(b, "\\\""); break;
        case '\\': pl_buf_puts(b, "\\\\"); break;
        case '\n': pl_buf_puts(b, "\\n"); break;
        case '\r': pl_buf_puts(b, "\\r"); break;
        case '\t': pl_buf_puts(b, "\\t"); break;
        default: {
            char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            pl_buf_puts(b, u);
        }
        }
        i++;
    }
    if (run) pl_buf_put(b, s + i - run, run);
    pl_buf_putc(b, '"');
}
