/* output.c — writing events as JSON Lines objects and TSV rows. */
#include "coder/output.h"
#include "util.h"

#include <string.h>

void pl_event_json_fields(pl_json *j, const parley_event *ev)
{
    pl_json_kstr(j, "date", ev->date);
    pl_json_kstr(j, "source", ev->source);
    pl_json_kstr(j, "target", ev->target);
    pl_json_kstr(j, "code", ev->code);
    pl_json_kstr(j, "root", ev->root);
    pl_json_kint(j, "quad", ev->quad);
    pl_json_knum(j, "goldstein", ev->goldstein);
    pl_json_kstr(j, "plover", ev->plover ? ev->plover : "");
    pl_json_kstr(j, "mode", ev->mode ? ev->mode : "");
    pl_json_kstr(j, "source_text", ev->source_text);
    pl_json_kstr(j, "target_text", ev->target_text);
    pl_json_kstr(j, "verb_text", ev->verb_text);
    pl_json_kstr(j, "sentence", ev->sentence);
}

parley_status parley_event_write_json(const parley_event *ev, FILE *out)
{
    if (!ev || !out) return PARLEY_ERR_USAGE;
    pl_buf b;
    pl_buf_init(&b);
    pl_json j;
    pl_json_init(&j, &b);
    pl_json_obj_begin(&j);
    pl_json_kstr(&j, "doc", ev->doc);
    pl_json_kint(&j, "sent", ev->sent);
    pl_event_json_fields(&j, ev);
    pl_json_kstr(&j, "issues", ev->issues ? ev->issues : "");
    pl_json_kstr(&j, "evidence", ev->evidence ? ev->evidence : "");
    pl_json_obj_end(&j);
    size_t w = fwrite(b.data, 1, b.len, out);
    int ok = w == b.len;
    pl_buf_free(&b);
    return ok ? PARLEY_OK : PARLEY_ERR_IO;
}

static const char *const COLS[] = {"doc", "sent", "date", "source", "target", "code", "root",
                                   "quad", "goldstein", "plover", "mode", "source_text",
                                   "target_text", "verb_text", "sentence", "issues", "evidence"};

parley_status parley_event_write_tsv_header(FILE *out)
{
    if (!out) return PARLEY_ERR_USAGE;
    for (size_t i = 0; i < PL_COUNT(COLS); i++)
        fprintf(out, "%s%s", i ? "\t" : "", COLS[i]);
    fputc('\n', out);
    return ferror(out) ? PARLEY_ERR_IO : PARLEY_OK;
}

/* Tabs, newlines and backslashes escaped so that one event is one line. */
static void tsv_field(pl_buf *b, const char *s)
{
    if (!s) return;
    const char *run = s;
    for (; *s; s++) {
        const char *esc = *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r"
                        : *s == '\\' ? "\\\\" : NULL;
        if (!esc) continue;
        pl_buf_put(b, run, (size_t)(s - run));
        pl_buf_puts(b, esc);
        run = s + 1;
    }
    pl_buf_put(b, run, (size_t)(s - run));
}

parley_status parley_event_write_tsv(const parley_event *ev, FILE *out)
{
    if (!ev || !out) return PARLEY_ERR_USAGE;
    pl_buf b;
    pl_buf_init(&b);
    tsv_field(&b, ev->doc);
    pl_buf_printf(&b, "\t%d\t", ev->sent);
    tsv_field(&b, ev->date);
    const char *mid[] = {ev->source, ev->target, ev->code, ev->root};
    for (size_t i = 0; i < 4; i++) {
        pl_buf_putc(&b, '\t');
        tsv_field(&b, mid[i]);
    }
    pl_buf_printf(&b, "\t%d\t%g\t", ev->quad, ev->goldstein);
    const char *rest[] = {ev->plover, ev->mode, ev->source_text, ev->target_text, ev->verb_text,
                          ev->sentence, ev->issues, ev->evidence};
    for (size_t i = 0; i < PL_COUNT(rest); i++) {
        if (i) pl_buf_putc(&b, '\t');
        tsv_field(&b, rest[i]);
    }
    pl_buf_putc(&b, '\n');
    size_t w = fwrite(b.data, 1, b.len, out);
    int ok = w == b.len;
    pl_buf_free(&b);
    return ok ? PARLEY_OK : PARLEY_ERR_IO;
}
