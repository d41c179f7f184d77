/* bench_store.c — benchmarks of the SQLite store through the public API.
 *
 *   bench_store ingest DB [ARTICLES]   insert pre-made articles and events
 *                                      (default 50000 articles, 4 events each)
 *   bench_store build DB [EVENTS]      build a synthetic store (default 10 million
 *                                      events over 2010-2019)
 *   bench_store query DB [A B MONTH]   time `dyad A B --by month` and `network` for
 *                                      one month (default USA RUS 2015-06)
 *
 * The synthetic data: ~190 countries with Zipf-distributed activity, each with
 * agent suffixes (GOV, MIL, ...); CAMEO codes drawn with the skew of real
 * event data (verbal cooperation most common); 4 events per article over 3
 * sentences; 15% of articles are republications of an earlier wire story.
 * Prints events/s, query times and peak memory (ru_maxrss). */
#include "parley.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static uint64_t rng = 0x2545F4914F6CDD1DULL;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static double unif(void) { return (double)(next() >> 11) / 9007199254740992.0; }

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static long peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

/* ---- synthetic vocabulary --------------------------------------------- */

#define NCOUNTRY 190
static char countries[NCOUNTRY][4];
static double country_cdf[NCOUNTRY];
static const char *const agents[] = {"", "GOV", "MIL", "GOV", "OPP", "REB", "BUS", "MED", "CVL", "POL", "GOVLEG", "JUD"};
static const struct { const char *code; int quad; double gs; double w; } codes[] = {
    {"010", 1, 0.0, 10}, {"012", 3, -0.1, 2}, {"013", 1, 0.4, 3}, {"020", 1, 3.0, 4}, {"036", 1, 4.0, 4},
    {"040", 1, 1.0, 8}, {"042", 1, 1.9, 8}, {"043", 1, 2.8, 6}, {"046", 1, 7.0, 3}, {"051", 1, 3.4, 5},
    {"057", 1, 8.0, 2}, {"061", 2, 6.4, 2}, {"071", 2, 7.4, 2}, {"111", 3, -2.0, 4}, {"112", 3, -2.0, 6},
    {"120", 3, -4.0, 2}, {"130", 3, -4.4, 2}, {"138", 3, -7.0, 1}, {"141", 3, -6.5, 2}, {"163", 4, -8.0, 1},
    {"173", 4, -5.0, 2}, {"180", 4, -9.0, 2}, {"190", 4, -10.0, 3}, {"193", 4, -10.0, 2}, {"195", 4, -10.0, 1},
};
static double code_cdf[sizeof codes / sizeof codes[0]];
static const char *plover_of(const char *c)
{
    switch (c[0] * 10 + c[1] - '0' * 11) {
    case 1: case 2: return "CONSULT";
    case 3: case 5: return "COOPERATE";
    case 4: return "CONSULT";
    case 6: case 7: return "AID";
    case 11: return "ACCUSE";
    case 12: return "REJECT";
    case 13: return "THREATEN";
    case 14: return "PROTEST";
    case 16: return "SANCTION";
    case 17: return "COERCE";
    default: return "ASSAULT";
    }
}
static const char *words[400];

static void setup(void)
{
    static const char *const big[] = {"USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IRN", "ISR", "SYR", "UKR",
                                      "TUR", "IND", "PAK", "AFG", "IRQ", "JPN", "PRK", "KOR", "SAU", "EGY"};
    double sum = 0;
    for (int i = 0; i < NCOUNTRY; i++) {
        if (i < 20) memcpy(countries[i], big[i], 4);
        else snprintf(countries[i], 4, "%c%c%c", 'A' + i % 26, 'A' + (i / 26) % 26, 'X' + i % 3);
        sum += 1.0 / pow(i + 1, 1.1);
        country_cdf[i] = sum;
    }
    for (int i = 0; i < NCOUNTRY; i++) country_cdf[i] /= sum;
    sum = 0;
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) sum += codes[i].w, code_cdf[i] = sum;
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) code_cdf[i] /= sum;
    for (int i = 0; i < 400; i++) {
        static char buf[400][12];
        int len = 3 + (int)(next() % 7);
        for (int k = 0; k < len; k++) buf[i][k] = (char)('a' + next() % 26);
        buf[i][len] = 0;
        words[i] = buf[i];
    }
}

static int pick(const double *cdf, int n)
{
    double u = unif();
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int m = (lo + hi) / 2;
        if (cdf[m] < u) lo = m + 1;
        else hi = m;
    }
    return lo;
}

static void actor(char *out)
{
    int c = pick(country_cdf, NCOUNTRY);
    snprintf(out, 16, "%s%s", countries[c], agents[next() % (sizeof agents / sizeof agents[0])]);
}

/* ---- one synthetic article with its events ---------------------------- */

typedef struct synth {
    char id[32], url[64], body[1024], sent[3][200], src[4][16], tgt[4][16];
    parley_article a;
    parley_event ev[4];
} synth;

static void make_article(synth *s, long n, int day, const synth *copy_of)
{
    unsigned y = (unsigned)day / 10000 % 10000, mo = (unsigned)day / 100 % 100, dd = (unsigned)day % 100;
    memset(&s->a, 0, sizeof s->a);
    snprintf(s->id, sizeof s->id, "bench-%ld", n);
    snprintf(s->url, sizeof s->url, "https://news.example/%ld", n);
    if (copy_of) {   /* a republished wire story: new dateline, same text and events */
        snprintf(s->body, sizeof s->body, "%s %s", words[next() % 400], strchr(copy_of->body, ' ') + 1);
        memcpy(s->sent, copy_of->sent, sizeof s->sent);
        memcpy(s->src, copy_of->src, sizeof s->src);
        memcpy(s->tgt, copy_of->tgt, sizeof s->tgt);
        memcpy(s->ev, copy_of->ev, sizeof s->ev);
    } else {
        size_t len = 0;
        for (int k = 0; k < 3; k++) {
            size_t sl = 0;
            for (int w = 0; w < 14; w++) sl += (size_t)snprintf(s->sent[k] + sl, sizeof s->sent[k] - sl, "%s%s", w ? " " : "", words[next() % 400]);
            snprintf(s->sent[k] + sl, sizeof s->sent[k] - sl, ".");
            len += (size_t)snprintf(s->body + len, sizeof s->body - len, "%s%s", k ? " " : "", s->sent[k]);
        }
        for (int e = 0; e < 4; e++) {
            actor(s->src[e]);
            do actor(s->tgt[e]);
            while (!strncmp(s->src[e], s->tgt[e], 3) && unif() < 0.9);
            int c = pick(code_cdf, (int)(sizeof codes / sizeof codes[0]));
            parley_event *ev = &s->ev[e];
            memset(ev, 0, sizeof *ev);
            ev->sent = 1 + e % 3;
            ev->code = codes[c].code;
            ev->root = "";
            ev->quad = codes[c].quad;
            ev->goldstein = codes[c].gs;
            ev->plover = plover_of(codes[c].code);
            ev->mode = "";
            ev->source_text = "Officials";
            ev->target_text = "their counterparts";
            ev->verb_text = "met";
            ev->issues = "";
            ev->evidence = "verb MEET [040]; pattern * MET +";
            ev->source_span = (parley_span){0, 9};
            ev->verb_span = (parley_span){10, 13};
        }
    }
    for (int e = 0; e < 4; e++) {
        s->ev[e].source = s->src[e];
        s->ev[e].target = s->tgt[e];
        s->ev[e].sentence = s->sent[s->ev[e].sent - 1];
        s->ev[e].doc = s->id;
        snprintf(s->ev[e].date, sizeof s->ev[e].date, "%04u-%02u-%02u", y % 10000, mo % 100, dd % 100);
    }
    s->a.id = s->id;
    s->a.url = s->url;
    s->a.canonical_url = "";
    s->a.source = copy_of ? "Outlet B" : "Outlet A";
    s->a.headline = "Synthetic headline";
    s->a.language = "en";
    s->a.file = "bench";
    s->a.published.year = day / 10000;
    s->a.published.month = day / 100 % 100;
    s->a.published.day = day % 100;
    s->a.body = s->body;
    s->a.body_len = strlen(s->body);
}

static int store_article(parley_store *st, synth *s)
{
    parley_ingest_state state;
    parley_error err;
    if (parley_store_article_begin(st, &s->a, &state, &err) != PARLEY_OK) {
        fprintf(stderr, "bench: %s\n", err.message);
        return -1;
    }
    if (state == PARLEY_INGEST_UNCHANGED) return 0;
    for (int e = 0; e < 4; e++)
        if (parley_store_add_event(st, &s->ev[e], &err) != PARLEY_OK) {
            fprintf(stderr, "bench: %s\n", err.message);
            return -1;
        }
    return parley_store_article_end(st, &err) == PARLEY_OK ? 4 : -1;
}

/* days 2010-01-01 .. 2019-12-31 as YYYYMMDD, by index */
static int day_of(long i, long n)
{
    static int days[3652];
    static int nd;
    if (!nd) {
        for (int y = 2010; y <= 2019; y++)
            for (int m = 1; m <= 12; m++) {
                int dim = m == 2 ? (y % 4 == 0 ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
                for (int d = 1; d <= dim; d++) days[nd++] = y * 10000 + m * 100 + d;
            }
    }
    return days[(long)((double)i / (double)n * nd) % nd];
}

/* Generates article i (15% are republications of one of the 64 before). */
static void generate(synth *ring, long i, long n_articles, synth *out)
{
    synth *s = &ring[i % 64];
    if (i >= 64 && unif() < 0.15) {
        make_article(out, i, day_of(i, n_articles), &ring[(i + 1 + next() % 62) % 64]);
        return;
    }
    make_article(s, i, day_of(i, n_articles), NULL);
    *out = *s;
}

/* Pointers inside a copied synth must point into the copy. */
static void fix(synth *s)
{
    s->a.id = s->id;
    s->a.url = s->url;
    s->a.body = s->body;
    for (int e = 0; e < 4; e++) {
        s->ev[e].source = s->src[e];
        s->ev[e].target = s->tgt[e];
        s->ev[e].sentence = s->sent[s->ev[e].sent - 1];
        s->ev[e].doc = s->id;
    }
}

/* premade = 1: all articles are generated before the clock starts, so that
 * only the store is measured; else they are generated on the fly. */
static int fill(const char *db, long n_articles, int premade)
{
    parley_error err;
    parley_store *st = parley_store_open(db, &err);
    if (!st) {
        fprintf(stderr, "bench: %s\n", err.message);
        return 1;
    }
    parley_store_set_batch(st, 2000);
    synth *ring = calloc(64, sizeof *ring);
    synth *all = premade ? calloc((size_t)n_articles, sizeof *all) : NULL, one;
    if (premade)
        for (long i = 0; i < n_articles; i++) generate(ring, i, n_articles, &all[i]), fix(&all[i]);
    long events = 0;
    double t0 = now(), last = t0, c0 = cpu_seconds();
    for (long i = 0; i < n_articles; i++) {
        synth *s = premade ? &all[i] : &one;
        if (!premade) generate(ring, i, n_articles, &one), fix(&one);
        int r = store_article(st, s);
        if (r < 0) return 1;
        events += r;
        if (!premade && now() - last > 10) {
            last = now();
            fprintf(stderr, "  %ld events, %.0f events/s\n", events, events / (last - t0));
        }
    }
    parley_store_commit(st, &err);
    double t = now() - t0;
    parley_store_close(st);
    double tc = now() - t0, cpu = cpu_seconds() - c0;
    printf("%s: %ld articles, %ld events in %.2f s (%.2f s with close) = %.0f events/s, %.0f articles/s\n",
           premade ? "ingest" : "build", n_articles, events, t, tc, events / tc, n_articles / tc);
    printf("%s: CPU time %.2f s = %.0f events per CPU second\n", premade ? "ingest" : "build", cpu, events / cpu);
    free(ring);
    free(all);
    return 0;
}

static int query(const char *db, const char *a, const char *b, const char *month)
{
    parley_error err;
    parley_store *st = parley_store_open(db, &err);
    if (!st) {
        fprintf(stderr, "bench: %s\n", err.message);
        return 1;
    }
    parley_store_stats stats;
    parley_store_stats_get(st, &stats, &err);
    printf("store: %lld articles, %lld events, %lld actors, %lld stories, %s .. %s\n", stats.articles,
           stats.events, stats.actors, stats.stories, stats.first_day, stats.last_day);
    for (int dd = 0; dd < 2; dd++) {
        parley_query q;
        memset(&q, 0, sizeof q);
        q.dedup = dd ? PARLEY_DEDUP_STORY : PARLEY_DEDUP_NONE;
        for (int rep = 0; rep < 3; rep++) {
            parley_dyad_series d;
            double t0 = now(), c0 = cpu_seconds();
            if (parley_store_dyad(st, a, b, PARLEY_BY_MONTH, &q, &d, &err) != PARLEY_OK) {
                fprintf(stderr, "bench: %s\n", err.message);
                return 1;
            }
            double t = now() - t0, c = cpu_seconds() - c0;
            long long n = 0;
            for (size_t i = 0; i < d.n_rows; i++) n += d.rows[i].events;
            printf("dyad %s %s --by month --dedup %s: %zu periods, %lld events, %.3f s (CPU %.3f s)\n", a, b,
                   dd ? "story" : "none", d.n_rows / 2, n, t, c);
            parley_dyad_series_free(&d);
        }
        q.from = month;
        q.to = month;
        for (int rep = 0; rep < 3; rep++) {
            parley_network n;
            double t0 = now(), c0 = cpu_seconds();
            if (parley_store_network(st, &q, 1, 0, &n, &err) != PARLEY_OK) {
                fprintf(stderr, "bench: %s\n", err.message);
                return 1;
            }
            double t = now() - t0, c = cpu_seconds() - c0;
            long long ev = 0;
            for (size_t i = 0; i < n.n_edges; i++) ev += n.edges[i].events;
            printf("network --from %s --to %s --dedup %s: %zu nodes, %zu edges, %lld events, %.3f s (CPU %.3f s)\n",
                   month, month, dd ? "story" : "none", n.n_nodes, n.n_edges, ev, t, c);
            parley_network_free(&n);
        }
    }
    parley_store_close(st);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_store ingest|build|query DB [N | A B MONTH]\n");
        return 2;
    }
    setup();
    int rc;
    if (!strcmp(argv[1], "ingest")) rc = fill(argv[2], argc > 3 ? atol(argv[3]) : 50000, 1);
    else if (!strcmp(argv[1], "build")) rc = fill(argv[2], (argc > 3 ? atol(argv[3]) : 10000000) / 4, 0);
    else if (!strcmp(argv[1], "query"))
        rc = query(argv[2], argc > 3 ? argv[3] : "USA", argc > 4 ? argv[4] : "RUS", argc > 5 ? argv[5] : "2015-06");
    else {
        fprintf(stderr, "bench_store: unknown mode %s\n", argv[1]);
        return 2;
    }
    printf("peak memory: %ld MB\n", peak_mb());
    return rc;
}
