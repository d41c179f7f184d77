/* svg.c — SVG drawings of a dyad series and of a network.
 *
 * Plain SVG 1.1 written by hand: no fonts to embed, no scripts.  The dyad
 * plot shows cooperation (quad 1+2) and conflict (quad 3+4) counts per
 * period, A -> B solid and B -> A dashed.  The network uses a deterministic
 * Fruchterman-Reingold layout started from a circle, with node size by
 * events and edge colour by the larger of cooperation and conflict. */
#include "store/store_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GREEN "#2e7d32"
#define RED "#c62828"

static double nice_step(double max, int ticks)
{
    double raw = max / ticks, p = pow(10, floor(log10(raw > 0 ? raw : 1)));
    double m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

parley_status parley_dyad_svg(const parley_dyad_series *d, FILE *out)
{
    const double W = 960, H = 480, L = 70, R = 200, T = 50, B = 70;
    size_t np = d->n_rows / 2;
    double ymax = 1;
    for (size_t i = 0; i < d->n_rows; i++) {
        const parley_dyad_row *r = &d->rows[i];
        double coop = (double)(r->quad[1] + r->quad[2]), conf = (double)(r->quad[3] + r->quad[4]);
        if (coop > ymax) ymax = coop;
        if (conf > ymax) ymax = conf;
    }
    double step = nice_step(ymax, 5);
    ymax = ceil(ymax / step) * step;
    double pw = W - L - R, ph = H - T - B;
    static const char *const by[] = {"day", "week", "month", "year"};
    pl_buf b;
    pl_buf_init(&b);
    pl_buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\""
                      " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
                      "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                  W, H, W, H);
    pl_buf_puts(&b, "<text x=\"70\" y=\"28\" font-size=\"16\" font-weight=\"bold\">");
    pl_xml_escape(&b, d->a);
    pl_buf_puts(&b, " \xe2\x80\x93 ");
    pl_xml_escape(&b, d->b);
    pl_buf_printf(&b, ": events per %s, cooperation vs conflict</text>\n", by[d->by & 3]);
    /* axes and grid */
    for (double v = 0; v <= ymax + 1e-9; v += step) {
        double y = T + ph - v / ymax * ph;
        pl_buf_printf(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", L, y, L + pw, y);
        pl_buf_printf(&b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n", L - 6, y + 4, v);
    }
    pl_buf_printf(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", L, T + ph, L + pw, T + ph);
    pl_buf_printf(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", L, T, L, T + ph);
    pl_buf_printf(&b, "<text x=\"20\" y=\"%.1f\" transform=\"rotate(-90 20 %.1f)\" text-anchor=\"middle\">events</text>\n",
                  T + ph / 2, T + ph / 2);
    size_t every = np > 12 ? (np + 11) / 12 : 1;
    for (size_t i = 0; i < np; i++) {
        double x = np > 1 ? L + pw * (double)i / (double)(np - 1) : L + pw / 2;
        if (i % every) continue;
        const char *p = d->rows[2 * i].period;
        int len = d->by == PARLEY_BY_YEAR ? 4 : d->by == PARLEY_BY_MONTH ? 7 : 10;
        pl_buf_printf(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", x, T + ph, x,
                      T + ph + 5);
        pl_buf_printf(&b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" transform=\"rotate(-35 %.1f %.1f)\">%.*s</text>\n",
                      x, T + ph + 18, x, T + ph + 18, len, p);
    }
    /* series */
    static const struct { int rev, conflict; const char *color, *dash; } series[] = {
        {0, 0, GREEN, ""}, {1, 0, GREEN, " stroke-dasharray=\"6 4\""},
        {0, 1, RED, ""}, {1, 1, RED, " stroke-dasharray=\"6 4\""},
    };
    for (size_t s = 0; s < 4; s++) {
        if (np == 0) break;
        pl_buf_printf(&b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"", series[s].color,
                      series[s].dash);
        for (size_t i = 0; i < np; i++) {
            const parley_dyad_row *r = &d->rows[2 * i + (size_t)series[s].rev];
            double v = (double)(series[s].conflict ? r->quad[3] + r->quad[4] : r->quad[1] + r->quad[2]);
            double x = np > 1 ? L + pw * (double)i / (double)(np - 1) : L + pw / 2;
            pl_buf_printf(&b, "%s%.1f,%.1f", i ? " " : "", x, T + ph - v / ymax * ph);
        }
        pl_buf_puts(&b, "\"/>\n");
        if (np == 1) {
            const parley_dyad_row *r = &d->rows[(size_t)series[s].rev];
            double v = (double)(series[s].conflict ? r->quad[3] + r->quad[4] : r->quad[1] + r->quad[2]);
            pl_buf_printf(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>\n", L + pw / 2,
                          T + ph - v / ymax * ph, series[s].color);
        }
    }
    /* legend */
    for (size_t s = 0; s < 4; s++) {
        double y = T + 20 + 24 * (double)s, x = L + pw + 20;
        pl_buf_printf(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                      x, y, x + 30, y, series[s].color, series[s].dash);
        pl_buf_printf(&b, "<text x=\"%.1f\" y=\"%.1f\">%s ", x + 36, y + 4, series[s].conflict ? "conflict" : "cooperation");
        pl_xml_escape(&b, series[s].rev ? d->b : d->a);
        pl_buf_puts(&b, " \xe2\x86\x92 ");
        pl_xml_escape(&b, series[s].rev ? d->a : d->b);
        pl_buf_puts(&b, "</text>\n");
    }
    if (np == 0)
        pl_buf_printf(&b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">no events</text>\n", L + pw / 2, T + ph / 2);
    pl_buf_puts(&b, "</svg>\n");
    fwrite(b.data, 1, b.len, out);
    pl_buf_free(&b);
    return ferror(out) ? PARLEY_ERR_IO : PARLEY_OK;
}

#define MAX_DRAWN 80

static int by_weight(const void *x, const void *y, void *ctx)
{
    const parley_network *net = ctx;
    const parley_network_node *a = &net->nodes[*(const size_t *)x];
    const parley_network_node *b = &net->nodes[*(const size_t *)y];
    long long wa = a->in_events + a->out_events, wb = b->in_events + b->out_events;
    if (wa != wb) return wa > wb ? -1 : 1;
    return strcmp(a->actor, b->actor);
}

parley_status parley_network_svg(const parley_network *n, FILE *out)
{
    const double S = 900, M = 90;
    size_t nn = n->n_nodes;
    size_t *order = pl_xmalloc((nn + 1) * sizeof *order);
    for (size_t i = 0; i < nn; i++) order[i] = i;
    qsort_r(order, nn, sizeof *order, by_weight, (void *)n);
    size_t shown = nn < MAX_DRAWN ? nn : MAX_DRAWN;
    long *slot = pl_xmalloc((nn + 1) * sizeof *slot);   /* node -> drawn index or -1 */
    for (size_t i = 0; i < nn; i++) slot[i] = -1;
    for (size_t i = 0; i < shown; i++) slot[order[i]] = (long)i;
    double *x = pl_xcalloc(shown + 1, sizeof *x), *y = pl_xcalloc(shown + 1, sizeof *y);
    double *dx = pl_xcalloc(shown + 1, sizeof *dx), *dy = pl_xcalloc(shown + 1, sizeof *dy);
    for (size_t i = 0; i < shown; i++) {
        double a = 2 * M_PI * (double)i / (double)(shown ? shown : 1);
        x[i] = cos(a);
        y[i] = sin(a);
    }
    /* Fruchterman-Reingold on the unit square, fixed iterations: deterministic */
    double k = shown ? sqrt(4.0 / (double)shown) : 1, temp = 0.2;
    for (int it = 0; it < 300 && shown > 2; it++) {
        for (size_t i = 0; i < shown; i++) dx[i] = dy[i] = 0;
        for (size_t i = 0; i < shown; i++)
            for (size_t j = i + 1; j < shown; j++) {
                double ex = x[i] - x[j], ey = y[i] - y[j], d2 = ex * ex + ey * ey + 1e-9;
                double f = k * k / d2;
                dx[i] += ex * f, dy[i] += ey * f, dx[j] -= ex * f, dy[j] -= ey * f;
            }
        for (size_t e = 0; e < n->n_edges; e++) {
            long i = slot[n->edges[e].source], j = slot[n->edges[e].target];
            if (i < 0 || j < 0 || i == j) continue;
            double ex = x[i] - x[j], ey = y[i] - y[j], d = sqrt(ex * ex + ey * ey) + 1e-9;
            double f = d / k * (1 + log1p((double)n->edges[e].events) / 4);
            dx[i] -= ex * f, dy[i] -= ey * f, dx[j] += ex * f, dy[j] += ey * f;
        }
        for (size_t i = 0; i < shown; i++) {
            double d = sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 1e-9, lim = d < temp ? d : temp;
            x[i] += dx[i] / d * lim;
            y[i] += dy[i] / d * lim;
            x[i] -= x[i] * 0.06, y[i] -= y[i] * 0.06;   /* gravity keeps components together */
        }
        temp *= 0.985;
    }
    double minx = 1e9, maxx = -1e9, miny = 1e9, maxy = -1e9;
    for (size_t i = 0; i < shown; i++) {
        minx = fmin(minx, x[i]), maxx = fmax(maxx, x[i]), miny = fmin(miny, y[i]), maxy = fmax(maxy, y[i]);
    }
    double sx = maxx - minx > 1e-9 ? (S - 2 * M) / (maxx - minx) : 0, sy = maxy - miny > 1e-9 ? (S - 2 * M) / (maxy - miny) : 0;
    for (size_t i = 0; i < shown; i++) {
        x[i] = sx ? M + (x[i] - minx) * sx : S / 2;
        y[i] = sy ? M + (y[i] - miny) * sy : S / 2;
    }
    long long maxw = 1, maxn = 1;
    for (size_t e = 0; e < n->n_edges; e++) maxw = n->edges[e].events > maxw ? n->edges[e].events : maxw;
    for (size_t i = 0; i < nn; i++) {
        long long w = n->nodes[i].in_events + n->nodes[i].out_events;
        maxn = w > maxn ? w : maxn;
    }
    pl_buf b;
    pl_buf_init(&b);
    pl_buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\""
                      " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
                      "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n<defs>\n",
                  S, S + 40, S, S + 40);
    const char *colors[] = {GREEN, RED};
    for (int c = 0; c < 2; c++)
        pl_buf_printf(&b, "<marker id=\"arrow%d\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\""
                          " markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>\n",
                      c, colors[c]);
    pl_buf_puts(&b, "</defs>\n<text x=\"20\" y=\"28\" font-size=\"16\" font-weight=\"bold\">Actor network");
    if (n->from[0] || n->to[0]) pl_buf_printf(&b, " %s \xe2\x80\x93 %s", n->from, n->to);
    pl_buf_printf(&b, "</text>\n<text x=\"20\" y=\"%.0f\" fill=\"" GREEN "\">\xe2\x96\xa0 mostly cooperation</text>"
                      "<text x=\"180\" y=\"%.0f\" fill=\"" RED "\">\xe2\x96\xa0 mostly conflict</text>"
                      "<text x=\"330\" y=\"%.0f\" fill=\"#555\">%zu of %zu actors shown; edge width = events</text>\n",
                  S + 25, S + 25, S + 25, shown, nn);
    double rad[MAX_DRAWN];
    for (size_t i = 0; i < shown; i++) {
        const parley_network_node *nd = &n->nodes[order[i]];
        rad[i] = 4 + 12 * sqrt((double)(nd->in_events + nd->out_events) / (double)maxn);
    }
    for (size_t e = n->n_edges; e-- > 0;) {   /* lightest first, heaviest on top */
        const parley_network_edge *ed = &n->edges[e];
        long i = slot[ed->source], j = slot[ed->target];
        if (i < 0 || j < 0 || i == j) continue;
        double ex = x[j] - x[i], ey = y[j] - y[i], d = sqrt(ex * ex + ey * ey) + 1e-9;
        double x2 = x[j] - ex / d * (rad[j] + 2), y2 = y[j] - ey / d * (rad[j] + 2);
        /* bend slightly so that A->B and B->A do not overlap */
        double mx = (x[i] + x2) / 2 - ey / d * 12, my = (y[i] + y2) / 2 + ex / d * 12;
        int c = ed->conflict > ed->cooperation;
        double w = 1 + 5 * log1p((double)ed->events) / log1p((double)maxw);
        pl_buf_printf(&b, "<path d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\""
                          " stroke-opacity=\"0.55\" marker-end=\"url(#arrow%d)\"><title>",
                      x[i], y[i], mx, my, x2, y2, colors[c], w, c);
        pl_xml_escape(&b, n->nodes[ed->source].actor);
        pl_buf_puts(&b, " \xe2\x86\x92 ");
        pl_xml_escape(&b, n->nodes[ed->target].actor);
        pl_buf_printf(&b, ": %lld events (%lld cooperation, %lld conflict)</title></path>\n", ed->events,
                      ed->cooperation, ed->conflict);
    }
    for (size_t i = 0; i < shown; i++) {
        const parley_network_node *nd = &n->nodes[order[i]];
        pl_buf_printf(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#1565c0\" fill-opacity=\"0.85\""
                          " stroke=\"white\"/>\n", x[i], y[i], rad[i]);
        pl_buf_printf(&b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" stroke=\"white\" stroke-width=\"3\""
                          " paint-order=\"stroke\" font-weight=\"bold\">", x[i], y[i] - rad[i] - 4);
        pl_xml_escape(&b, nd->actor);
        pl_buf_puts(&b, "</text>\n");
    }
    if (!shown) pl_buf_printf(&b, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">no events</text>\n", S / 2, S / 2);
    pl_buf_puts(&b, "</svg>\n");
    fwrite(b.data, 1, b.len, out);
    pl_buf_free(&b);
    free(order), free(slot), free(x), free(y), free(dx), free(dy);
    return ferror(out) ? PARLEY_ERR_IO : PARLEY_OK;
}
