/* export.c — writers for stored events (JSON Lines, CSV, a terminal table,
 * Phoenix-style TSV, a GDELT-like column subset, PLOVER JSON), dyad series
 * and networks (GraphML, DOT, JSON).  Formats are described in
 * docs/store.md. */
#include "store/store_internal.h"
#include "coder/output.h"

#include <string.h>

typedef enum { F_JSONL, F_CSV, F_TABLE, F_PHOENIX, F_GDELT, F_PLOVER } efmt;

typedef struct wctx {
    efmt f;
    FILE *out;
    pl_buf b;
    int rows;
} wctx;

/* CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
static void csv(pl_buf *b, const char *s, int last)
{
    if (strpbrk(s, ",\"\r\n")) {
        pl_buf_putc(b, '"');
        for (; *s; s++) {
            if (*s == '"') pl_buf_putc(b, '"');
            pl_buf_putc(b, *s);
        }
        pl_buf_putc(b, '"');
    } else {
        pl_buf_puts(b, s);
    }
    pl_buf_putc(b, last ? '\n' : ',');
}

/* TSV field: tabs and line breaks become spaces. */
static void tsv(pl_buf *b, const char *s, int last)
{
    for (; *s; s++) pl_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
    pl_buf_putc(b, last ? '\n' : '\t');
}

static const char *num(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.1f", v);
    return buf;
}

static const char *inum(char *buf, size_t n, long long v)
{
    snprintf(buf, n, "%lld", v);
    return buf;
}

static const char *const csv_cols[] = {
    "event_id", "date", "source", "target", "code", "root", "quad", "goldstein", "plover", "mode",
    "source_text", "target_text", "verb_text", "sentence", "article", "sentence_no", "url", "outlet",
    "headline", "published", "story_id", "mentions", "sources", "issues", "evidence",
};

/* Copies at most max display columns of UTF-8 text (cut at a character). */
static void clip(pl_buf *b, const char *s, size_t max, size_t width)
{
    size_t cols = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && cols < max) {
        size_t len = 1;
        if (*p >= 0xf0) len = 4;
        else if (*p >= 0xe0) len = 3;
        else if (*p >= 0xc0) len = 2;
        if (cols + 1 == max && p[len]) {
            pl_buf_puts(b, "\xe2\x80\xa6");   /* … */
            cols++;
            break;
        }
        for (size_t i = 0; i < len && *p; i++) {
            char c = (char)*p++;
            pl_buf_putc(b, (c == '\n' || c == '\t' || c == '\r') ? ' ' : c);
        }
        cols++;
    }
    for (; cols < width; cols++) pl_buf_putc(b, ' ');
}

static int write_event(void *ctx, const parley_stored_event *e)
{
    wctx *w = ctx;
    pl_buf *b = &w->b;
    const parley_event *ev = &e->ev;
    char t1[32], t2[32], t3[32], t4[32], t5[32], t6[32], t7[32];
    pl_buf_clear(b);
    switch (w->f) {
    case F_JSONL:
    case F_PLOVER: {
        pl_json j;
        pl_json_init(&j, b);
        pl_json_obj_begin(&j);
        if (w->f == F_JSONL) {
            pl_json_kint(&j, "event_id", e->id);
            pl_event_json_fields(&j, ev);
            pl_json_key(&j, "spans");
            pl_json_obj_begin(&j);
            const parley_span *sp[] = {&ev->source_span, &ev->target_span, &ev->verb_span};
            const char *names[] = {"source", "target", "verb"};
            for (int i = 0; i < 3; i++) {
                pl_json_key(&j, names[i]);
                pl_json_arr_begin(&j);
                pl_json_int(&j, (long long)sp[i]->start);
                pl_json_int(&j, (long long)sp[i]->end);
                pl_json_arr_end(&j);
            }
            pl_json_obj_end(&j);
            pl_json_kstr(&j, "issues", ev->issues);
            pl_json_kstr(&j, "evidence", ev->evidence);
            pl_json_kstr(&j, "article", ev->doc);
            pl_json_kint(&j, "sentence_no", ev->sent);
            pl_json_kstr(&j, "url", e->url);
            pl_json_kstr(&j, "outlet", e->outlet);
            pl_json_kstr(&j, "headline", e->headline);
            pl_json_kstr(&j, "published", e->published);
            pl_json_kint(&j, "story_id", e->story_id);
            pl_json_kint(&j, "mentions", e->mentions);
            pl_json_kint(&j, "sources", e->sources);
        } else {
            const parley_cameo *c = parley_cameo_lookup(ev->code);
            pl_json_kstr(&j, "id", inum(t1, sizeof t1, e->id));
            pl_json_kstr(&j, "date", ev->date);
            pl_json_kstr(&j, "event", ev->plover);
            pl_json_kstr(&j, "mode", c && c->plover_mode ? c->plover_mode : "");
            pl_json_kstr(&j, "context", c && c->plover_context ? c->plover_context : "");
            pl_json_kstr(&j, "actor", ev->source);
            pl_json_kstr(&j, "actor_text", ev->source_text);
            pl_json_kstr(&j, "recipient", ev->target);
            pl_json_kstr(&j, "recipient_text", ev->target_text);
            pl_json_kstr(&j, "event_text", ev->verb_text);
            pl_json_kstr(&j, "modality", ev->mode);
            pl_json_kstr(&j, "cameo", ev->code);
            pl_json_kint(&j, "quad", ev->quad);
            pl_json_knum(&j, "goldstein", ev->goldstein);
            pl_json_kstr(&j, "text", ev->sentence);
            pl_json_kint(&j, "story_id", e->story_id);
            pl_json_kint(&j, "mentions", e->mentions);
            pl_json_kint(&j, "sources", e->sources);
            pl_json_key(&j, "source");
            pl_json_obj_begin(&j);
            pl_json_kstr(&j, "article", ev->doc);
            pl_json_kint(&j, "sentence", ev->sent);
            pl_json_kstr(&j, "url", e->url);
            pl_json_kstr(&j, "outlet", e->outlet);
            pl_json_kstr(&j, "headline", e->headline);
            pl_json_kstr(&j, "published", e->published);
            pl_json_obj_end(&j);
        }
        pl_json_obj_end(&j);
        pl_buf_putc(b, '\n');
        break;
    }
    case F_CSV: {
        if (!w->rows)
            for (size_t i = 0; i < PL_COUNT(csv_cols); i++) csv(b, csv_cols[i], i + 1 == PL_COUNT(csv_cols));
        const char *v[] = {
            inum(t1, sizeof t1, e->id), ev->date, ev->source, ev->target, ev->code, ev->root,
            inum(t2, sizeof t2, ev->quad), num(t3, sizeof t3, ev->goldstein), ev->plover, ev->mode,
            ev->source_text, ev->target_text, ev->verb_text, ev->sentence, ev->doc,
            inum(t4, sizeof t4, ev->sent), e->url, e->outlet, e->headline, e->published,
            inum(t5, sizeof t5, e->story_id), inum(t6, sizeof t6, e->mentions),
            inum(t7, sizeof t7, e->sources), ev->issues, ev->evidence,
        };
        for (size_t i = 0; i < PL_COUNT(v); i++) csv(b, v[i], i + 1 == PL_COUNT(v));
        break;
    }
    case F_TABLE:
        if (!w->rows)
            pl_buf_puts(b, "DATE        SOURCE        TARGET        CODE  Q  GOLD   N  OUTLET          SENTENCE\n");
        pl_buf_printf(b, "%-10s  ", ev->date);
        clip(b, ev->source, 12, 12);
        pl_buf_puts(b, "  ");
        clip(b, ev->target, 12, 12);
        pl_buf_printf(b, "  %-4s  %d  %5.1f  %-2lld ", ev->code, ev->quad, ev->goldstein, e->mentions);
        clip(b, e->outlet, 15, 15);
        pl_buf_putc(b, ' ');
        clip(b, ev->sentence, 70, 0);
        pl_buf_putc(b, '\n');
        break;
    case F_PHOENIX: {
        /* Phoenix real-time data set columns; no header, like the original files */
        char date[9], y[5], m[3], d[3], sid[64];
        snprintf(date, sizeof date, "%.4s%.2s%.2s", ev->date, ev->date + 5, ev->date + 8);
        snprintf(y, sizeof y, "%.4s", ev->date);
        snprintf(m, sizeof m, "%.2s", ev->date + 5);
        snprintf(d, sizeof d, "%.2s", ev->date + 8);
        snprintf(sid, sizeof sid, "%.50s_%d", ev->doc, ev->sent);
        char se[4] = "", sr[4] = "", sa[64] = "", te[4] = "", tr[4] = "", ta[64] = "";
        size_t ls = strlen(ev->source), lt = strlen(ev->target);
        snprintf(se, sizeof se, "%.3s", ev->source);
        if (ls > 3) snprintf(sr, sizeof sr, "%.3s", ev->source + 3);
        if (ls > 6) snprintf(sa, sizeof sa, "%s", ev->source + 6);
        snprintf(te, sizeof te, "%.3s", ev->target);
        if (lt > 3) snprintf(tr, sizeof tr, "%.3s", ev->target + 3);
        if (lt > 6) snprintf(ta, sizeof ta, "%s", ev->target + 6);
        const char *v[] = {
            inum(t1, sizeof t1, e->id), date, y, m, d, ev->source, se, sr, sa, ev->target, te, tr, ta,
            ev->code, ev->root, inum(t2, sizeof t2, ev->quad), num(t3, sizeof t3, ev->goldstein),
            ev->issues, "", "", "", "", "", sid, e->url, e->outlet,
        };
        for (size_t i = 0; i < PL_COUNT(v); i++) tsv(b, v[i], i + 1 == PL_COUNT(v));
        break;
    }
    case F_GDELT: {
        static const char *const cols[] = {
            "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
            "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode", "IsRootEvent",
            "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
            "NumSources", "NumArticles", "SOURCEURL",
        };
        if (!w->rows)
            for (size_t i = 0; i < PL_COUNT(cols); i++) tsv(b, cols[i], i + 1 == PL_COUNT(cols));
        char date[9], ym[7], y[5], frac[16], c1[4], c2[4], base[4];
        snprintf(date, sizeof date, "%.4s%.2s%.2s", ev->date, ev->date + 5, ev->date + 8);
        snprintf(ym, sizeof ym, "%.4s%.2s", ev->date, ev->date + 5);
        snprintf(y, sizeof y, "%.4s", ev->date);
        int dd = pl_day_parse(ev->date);
        snprintf(frac, sizeof frac, "%.4f",
                 dd ? dd / 10000 + (((dd / 100) % 100 - 1) * 30 + dd % 100) / 365.0 : 0.0);
        snprintf(c1, sizeof c1, "%.3s", ev->source);
        snprintf(c2, sizeof c2, "%.3s", ev->target);
        snprintf(base, sizeof base, "%.3s", ev->code);
        const char *v[] = {
            inum(t1, sizeof t1, e->id), date, ym, y, frac, ev->source, ev->source_text, c1,
            ev->target, ev->target_text, c2, ev->sent == 1 ? "1" : "0", ev->code, base, ev->root,
            inum(t2, sizeof t2, ev->quad), num(t3, sizeof t3, ev->goldstein),
            inum(t4, sizeof t4, e->mentions), inum(t5, sizeof t5, e->sources),
            inum(t6, sizeof t6, e->mentions), e->url,
        };
        for (size_t i = 0; i < PL_COUNT(v); i++) tsv(b, v[i], i + 1 == PL_COUNT(v));
        break;
    }
    }
    w->rows++;
    return fwrite(b->data, 1, b->len, w->out) != b->len;
}

parley_status parley_store_export(parley_store *s, const parley_query *q, const char *format, FILE *out,
                                  parley_error *err)
{
    static const struct { const char *name; efmt f; } fmts[] = {
        {"jsonl", F_JSONL}, {"json", F_JSONL}, {"csv", F_CSV}, {"table", F_TABLE},
        {"phoenix", F_PHOENIX}, {"gdelt", F_GDELT}, {"plover", F_PLOVER},
    };
    wctx w = {.out = out};
    int found = 0;
    for (size_t i = 0; i < PL_COUNT(fmts); i++)
        if (format && !strcmp(format, fmts[i].name)) w.f = fmts[i].f, found = 1;
    if (!found)
        return pl_store_fail(s, err, PARLEY_ERR_USAGE,
                             "unknown format '%s' (jsonl, csv, table, phoenix, gdelt, plover)", format ? format : "");
    pl_buf_init(&w.b);
    parley_status st = parley_store_events(s, q, write_event, &w, err);
    if (st == PARLEY_OK && w.f == F_CSV && !w.rows) {   /* header even when empty */
        for (size_t i = 0; i < PL_COUNT(csv_cols); i++) csv(&w.b, csv_cols[i], i + 1 == PL_COUNT(csv_cols));
        fwrite(w.b.data, 1, w.b.len, out);
    }
    pl_buf_free(&w.b);
    if (st == PARLEY_OK && ferror(out)) return pl_store_fail(s, err, PARLEY_ERR_IO, "write error");
    return st;
}

/* ---- dyad series ------------------------------------------------------ */

parley_status parley_dyad_write(const parley_dyad_series *d, const char *format, FILE *out)
{
    int f = !format ? -1 : !strcmp(format, "table") ? 0 : !strcmp(format, "jsonl") ? 1 : !strcmp(format, "csv") ? 2 : -1;
    if (f < 0) return PARLEY_ERR_USAGE;
    pl_buf b;
    pl_buf_init(&b);
    if (f == 0)
        pl_buf_puts(&b, "PERIOD      SOURCE      TARGET      EVENTS  V.COOP  M.COOP  V.CONF  M.CONF   GOLD.SUM  GOLD.MEAN  STORIES\n");
    else if (f == 2)
        pl_buf_puts(&b, "period,source,target,events,verbal_coop,material_coop,verbal_conflict,material_conflict,"
                        "goldstein_sum,goldstein_mean,stories\n");
    for (size_t i = 0; i < d->n_rows; i++) {
        const parley_dyad_row *r = &d->rows[i];
        const char *src = r->reverse ? d->b : d->a, *tgt = r->reverse ? d->a : d->b;
        if (f == 0) {
            pl_buf_printf(&b, "%-10s  %-10s  %-10s  %6lld  %6lld  %6lld  %6lld  %6lld  %9.1f  %9.2f  %7lld\n", r->period,
                          src, tgt, r->events, r->quad[1], r->quad[2], r->quad[3], r->quad[4], r->goldstein_sum,
                          r->goldstein_mean, r->stories);
        } else if (f == 2) {
            pl_buf_printf(&b, "%s,%s,%s,%lld,%lld,%lld,%lld,%lld,%.1f,%.3f,%lld\n", r->period, src, tgt, r->events,
                          r->quad[1], r->quad[2], r->quad[3], r->quad[4], r->goldstein_sum, r->goldstein_mean,
                          r->stories);
        } else {
            pl_json j;
            pl_json_init(&j, &b);
            pl_json_obj_begin(&j);
            pl_json_kstr(&j, "period", r->period);
            pl_json_kstr(&j, "source", src);
            pl_json_kstr(&j, "target", tgt);
            pl_json_kint(&j, "events", r->events);
            pl_json_kint(&j, "verbal_coop", r->quad[1]);
            pl_json_kint(&j, "material_coop", r->quad[2]);
            pl_json_kint(&j, "verbal_conflict", r->quad[3]);
            pl_json_kint(&j, "material_conflict", r->quad[4]);
            pl_json_knum(&j, "goldstein_sum", r->goldstein_sum);
            pl_json_knum(&j, "goldstein_mean", r->goldstein_mean);
            pl_json_kint(&j, "stories", r->stories);
            pl_json_obj_end(&j);
            pl_buf_putc(&b, '\n');
        }
        if (b.len > 65536) {
            fwrite(b.data, 1, b.len, out);
            pl_buf_clear(&b);
        }
    }
    fwrite(b.data, 1, b.len, out);
    pl_buf_free(&b);
    return ferror(out) ? PARLEY_ERR_IO : PARLEY_OK;
}

/* ---- networks --------------------------------------------------------- */

void pl_xml_escape(pl_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': pl_buf_puts(b, "&lt;"); break;
        case '>': pl_buf_puts(b, "&gt;"); break;
        case '&': pl_buf_puts(b, "&amp;"); break;
        case '"': pl_buf_puts(b, "&quot;"); break;
        case '\'': pl_buf_puts(b, "&apos;"); break;
        default:
            if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n') pl_buf_putc(b, ' ');
            else pl_buf_putc(b, *s);
        }
    }
}

static void dot_id(pl_buf *b, const char *s)
{
    pl_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') pl_buf_putc(b, '\\');
        pl_buf_putc(b, *s);
    }
    pl_buf_putc(b, '"');
}

parley_status parley_network_write(const parley_network *n, const char *format, FILE *out)
{
    int f = !format ? -1 : !strcmp(format, "graphml") ? 0 : !strcmp(format, "dot") ? 1 : !strcmp(format, "json") ? 2 : -1;
    if (f < 0) return PARLEY_ERR_USAGE;
    pl_buf b;
    pl_buf_init(&b);
    if (f == 0) {
        pl_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                        "  <key id=\"out\" for=\"node\" attr.name=\"out_events\" attr.type=\"long\"/>\n"
                        "  <key id=\"in\" for=\"node\" attr.name=\"in_events\" attr.type=\"long\"/>\n"
                        "  <key id=\"w\" for=\"edge\" attr.name=\"events\" attr.type=\"long\"/>\n"
                        "  <key id=\"coop\" for=\"edge\" attr.name=\"cooperation\" attr.type=\"long\"/>\n"
                        "  <key id=\"conf\" for=\"edge\" attr.name=\"conflict\" attr.type=\"long\"/>\n"
                        "  <key id=\"gs\" for=\"edge\" attr.name=\"goldstein_sum\" attr.type=\"double\"/>\n"
                        "  <key id=\"gm\" for=\"edge\" attr.name=\"goldstein_mean\" attr.type=\"double\"/>\n"
                        "  <graph id=\"parley\" edgedefault=\"directed\">\n");
        for (size_t i = 0; i < n->n_nodes; i++) {
            pl_buf_puts(&b, "    <node id=\"");
            pl_xml_escape(&b, n->nodes[i].actor);
            pl_buf_printf(&b, "\"><data key=\"out\">%lld</data><data key=\"in\">%lld</data></node>\n",
                          n->nodes[i].out_events, n->nodes[i].in_events);
        }
        for (size_t i = 0; i < n->n_edges; i++) {
            const parley_network_edge *e = &n->edges[i];
            pl_buf_puts(&b, "    <edge source=\"");
            pl_xml_escape(&b, n->nodes[e->source].actor);
            pl_buf_puts(&b, "\" target=\"");
            pl_xml_escape(&b, n->nodes[e->target].actor);
            pl_buf_printf(&b, "\"><data key=\"w\">%lld</data><data key=\"coop\">%lld</data>"
                              "<data key=\"conf\">%lld</data><data key=\"gs\">%.1f</data>"
                              "<data key=\"gm\">%.3f</data></edge>\n",
                          e->events, e->cooperation, e->conflict, e->goldstein_sum,
                          e->events ? e->goldstein_sum / e->events : 0.0);
        }
        pl_buf_puts(&b, "  </graph>\n</graphml>\n");
    } else if (f == 1) {
        pl_buf_puts(&b, "digraph parley {\n  node [shape=box, fontname=\"Helvetica\"];\n");
        for (size_t i = 0; i < n->n_nodes; i++) {
            pl_buf_puts(&b, "  ");
            dot_id(&b, n->nodes[i].actor);
            pl_buf_printf(&b, " [out_events=%lld, in_events=%lld];\n", n->nodes[i].out_events, n->nodes[i].in_events);
        }
        for (size_t i = 0; i < n->n_edges; i++) {
            const parley_network_edge *e = &n->edges[i];
            pl_buf_puts(&b, "  ");
            dot_id(&b, n->nodes[e->source].actor);
            pl_buf_puts(&b, " -> ");
            dot_id(&b, n->nodes[e->target].actor);
            pl_buf_printf(&b, " [weight=%lld, cooperation=%lld, conflict=%lld, goldstein_sum=%.1f, color=\"%s\"];\n",
                          e->events, e->cooperation, e->conflict, e->goldstein_sum,
                          e->cooperation >= e->conflict ? "#2e7d32" : "#c62828");
        }
        pl_buf_puts(&b, "}\n");
    } else {
        pl_json j;
        pl_json_init(&j, &b);
        pl_json_obj_begin(&j);
        pl_json_kstr(&j, "from", n->from);
        pl_json_kstr(&j, "to", n->to);
        pl_json_key(&j, "nodes");
        pl_json_arr_begin(&j);
        for (size_t i = 0; i < n->n_nodes; i++) {
            pl_json_obj_begin(&j);
            pl_json_kstr(&j, "id", n->nodes[i].actor);
            pl_json_kint(&j, "out_events", n->nodes[i].out_events);
            pl_json_kint(&j, "in_events", n->nodes[i].in_events);
            pl_json_obj_end(&j);
        }
        pl_json_arr_end(&j);
        pl_json_key(&j, "edges");
        pl_json_arr_begin(&j);
        for (size_t i = 0; i < n->n_edges; i++) {
            const parley_network_edge *e = &n->edges[i];
            pl_json_obj_begin(&j);
            pl_json_kstr(&j, "source", n->nodes[e->source].actor);
            pl_json_kstr(&j, "target", n->nodes[e->target].actor);
            pl_json_kint(&j, "events", e->events);
            pl_json_kint(&j, "cooperation", e->cooperation);
            pl_json_kint(&j, "conflict", e->conflict);
            pl_json_knum(&j, "goldstein_sum", e->goldstein_sum);
            pl_json_obj_end(&j);
        }
        pl_json_arr_end(&j);
        pl_json_obj_end(&j);
        pl_buf_putc(&b, '\n');
    }
    fwrite(b.data, 1, b.len, out);
    pl_buf_free(&b);
    return ferror(out) ? PARLEY_ERR_IO : PARLEY_OK;
}
