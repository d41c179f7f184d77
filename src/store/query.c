/* query.c — event queries, dyad time series and actor networks.
 *
 * SQL is assembled only from fixed fragments chosen by which filters are
 * set; every value from the caller is bound as a parameter.  Actor filters
 * are prefix ranges over actors.code resolved by an uncorrelated subquery, so
 * that SQLite probes the covering indexes events_dyad / events_day once per
 * matching actor id.  See docs/store.md for the semantics. */
#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- filter validation and SQL building ------------------------------- */

typedef struct qprep {
    char lo[6][64], hi[6][64];    /* actor prefix ranges: actor, source, target, dyad a, dyad b */
    int from, to;
    char plover[40];
    char text[2048];              /* FTS5 query */
} qprep;

enum { A_ACTOR, A_SOURCE, A_TARGET, A_DYA, A_DYB };

static int parse_bound(const char *s, int upper)
{
    size_t n = strlen(s);
    char buf[16];
    if (n == 4 && strspn(s, "0123456789") == 4) {
        snprintf(buf, sizeof buf, "%s-%s", s, upper ? "12-31" : "01-01");
        return pl_day_parse(buf);
    }
    if (n == 7 && s[4] == '-' && strspn(s, "0123456789") == 4 && strspn(s + 5, "0123456789") == 2) {
        snprintf(buf, sizeof buf, "%s-01", s);
        int first = pl_day_parse(buf);
        if (!first || !upper) return first;
        for (int day = 31; day >= 28; day--) {   /* last day of the month */
            char t[11];
            pl_day_format(first / 100 * 100 + day, t);
            if (pl_day_parse(t)) return first / 100 * 100 + day;
        }
        return 0;
    }
    if (n == 10) return pl_day_parse(s);
    return 0;
}

static const char *const plover_types[] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
};

/* Plain words ("U.S. sanctions") become quoted FTS5 strings, so that
 * punctuation is not a syntax error; a query using FTS5 syntax (quotes,
 * prefix *, parentheses, column filters, AND/OR/NOT/NEAR) is kept as is. */
static int fts_query(const char *text, char *out, size_t cap)
{
    int syntax = strpbrk(text, "\"*():^+{}") != NULL;
    static const char *const ops[] = {"AND", "OR", "NOT", "NEAR"};
    for (size_t i = 0; i < PL_COUNT(ops) && !syntax; i++) {
        const char *h = text;
        size_t n = strlen(ops[i]);
        while ((h = strstr(h, ops[i]))) {
            if ((h == text || h[-1] == ' ') && (h[n] == ' ' || h[n] == 0)) syntax = 1;
            h += n;
        }
    }
    pl_buf b;
    pl_buf_init(&b);
    if (syntax) pl_buf_puts(&b, text);
    for (const char *t = text; *t && !syntax;) {
        while (*t == ' ' || *t == '\t') t++;
        if (!*t) break;
        if (b.len) pl_buf_putc(&b, ' ');
        pl_buf_putc(&b, '"');
        for (; *t && *t != ' ' && *t != '\t'; t++) pl_buf_putc(&b, *t);
        pl_buf_putc(&b, '"');
    }
    if (!b.len) pl_buf_puts(&b, "\"\"");
    int too_long = b.len >= cap;
    if (!too_long) memcpy(out, b.data, b.len + 1);
    pl_buf_free(&b);
    return too_long;
}

static int actor_known(parley_store *s, const char *lo, const char *hi)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM actors WHERE code >= ?1 AND code < ?2 LIMIT 1", -1, &st,
                           NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

static parley_status prep_actor(parley_store *s, qprep *p, int slot, const char *code, const char *what,
                                parley_error *err)
{
    if (!code) return PARLEY_OK;
    size_t n = strlen(code);
    if (n == 0 || n > 60) return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad %s code '%s'", what, code);
    for (size_t i = 0; i < n; i++) {
        char c = (char)pl_upper((unsigned char)code[i]);
        if (!(pl_isalnum((unsigned char)c) || c == '-' || c == '_'))
            return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad %s code '%s'", what, code);
        p->lo[slot][i] = c;
        p->hi[slot][i] = c;
    }
    p->lo[slot][n] = 0;
    p->hi[slot][n] = 0x7f;
    p->hi[slot][n + 1] = 0;
    if (!actor_known(s, p->lo[slot], p->hi[slot]))
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "unknown actor '%s' (no such actor in the store)", code);
    return PARLEY_OK;
}

static parley_status prep_query(parley_store *s, const parley_query *q, qprep *p, parley_error *err)
{
    memset(p, 0, sizeof *p);
    if (!q) return PARLEY_OK;
    parley_status st;
    if ((st = prep_actor(s, p, A_ACTOR, q->actor, "actor", err)) ||
        (st = prep_actor(s, p, A_SOURCE, q->source, "source actor", err)) ||
        (st = prep_actor(s, p, A_TARGET, q->target, "target actor", err)))
        return st;
    if ((q->dyad_a != NULL) != (q->dyad_b != NULL))
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "a dyad needs two actors");
    if ((st = prep_actor(s, p, A_DYA, q->dyad_a, "actor", err)) ||
        (st = prep_actor(s, p, A_DYB, q->dyad_b, "actor", err)))
        return st;
    if (q->from && !(p->from = parse_bound(q->from, 0)))
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad date '%s' (expected YYYY-MM-DD, YYYY-MM or YYYY)", q->from);
    if (q->to && !(p->to = parse_bound(q->to, 1)))
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad date '%s' (expected YYYY-MM-DD, YYYY-MM or YYYY)", q->to);
    if (p->from && p->to && p->from > p->to)
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "empty date range: %s is after %s", q->from, q->to);
    if (q->code) {
        size_t n = strlen(q->code);
        if (n < 2 || n > 4 || strspn(q->code, "0123456789") != n)
            return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad CAMEO code '%s' (expected 2 to 4 digits)", q->code);
    }
    if (q->root && (strlen(q->root) != 2 || strspn(q->root, "0123456789") != 2))
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad CAMEO root code '%s' (expected 2 digits)", q->root);
    if (q->quad < 0 || q->quad > 4)
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad quad class %d (expected 1 to 4)", q->quad);
    if (q->plover) {
        size_t n = strlen(q->plover);
        if (n == 0 || n >= sizeof p->plover)
            return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad PLOVER type '%s'", q->plover);
        for (size_t i = 0; i <= n; i++) p->plover[i] = (char)pl_upper((unsigned char)q->plover[i]);
        int ok = 0;
        for (size_t i = 0; i < PL_COUNT(plover_types); i++) ok |= !strcmp(p->plover, plover_types[i]);
        if (!ok)
            return pl_store_fail(s, err, PARLEY_ERR_USAGE,
                                 "unknown PLOVER type '%s' (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID,"
                                 " RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE,"
                                 " COERCE, ASSAULT)", q->plover);
    }
    if (q->text && !*q->text) return pl_store_fail(s, err, PARLEY_ERR_USAGE, "empty text query");
    if (q->text && fts_query(q->text, p->text, sizeof p->text))
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "text query too long (%zu bytes)", strlen(q->text));
    if (q->dedup < PARLEY_DEDUP_NONE || q->dedup > PARLEY_DEDUP_DAILY)
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad dedup mode");
    return PARLEY_OK;
}

#define ACTORS(lo, hi) "(SELECT id FROM actors WHERE code >= " lo " AND code < " hi ")"

/* Appends " AND ..." conditions on events aliased e. */
static void where(pl_buf *b, const parley_query *q, int skip_dyad)
{
    pl_buf_puts(b, " WHERE 1");
    if (!q || !q->all_modes) pl_buf_puts(b, " AND e.modal = 0");
    if (!q) return;
    if (q->actor)
        pl_buf_puts(b, " AND (e.src_id IN " ACTORS(":alo", ":ahi") " OR e.tgt_id IN " ACTORS(":alo", ":ahi") ")");
    if (q->source) pl_buf_puts(b, " AND e.src_id IN " ACTORS(":slo", ":shi"));
    if (q->target) pl_buf_puts(b, " AND e.tgt_id IN " ACTORS(":tlo", ":thi"));
    if (q->dyad_a && !skip_dyad)
        pl_buf_puts(b, " AND ((e.src_id IN " ACTORS(":xlo", ":xhi") " AND e.tgt_id IN " ACTORS(":ylo", ":yhi")
                       ") OR (e.src_id IN " ACTORS(":ylo", ":yhi") " AND e.tgt_id IN " ACTORS(":xlo", ":xhi") "))");
    if (q->code) pl_buf_puts(b, " AND e.code = :code");
    if (q->root) pl_buf_puts(b, " AND e.root = :root");
    if (q->quad) pl_buf_puts(b, " AND e.quad = :quad");
    if (q->plover) pl_buf_puts(b, " AND e.plover = :plover");
    if (q->from) pl_buf_puts(b, " AND e.day >= :from");
    if (q->to) pl_buf_puts(b, " AND e.day <= :to");
    /* driven from the full-text index: matching sentences -> their article's
     * event row-id range (no index on events.sentence_id is needed) */
    if (q->text)
        pl_buf_puts(b, " AND e.id IN (SELECT x.id FROM sentences_fts f JOIN sentences s ON s.id = f.rowid"
                       " JOIN articles a ON a.id = s.article_id JOIN events x ON x.id BETWEEN a.ev_first AND a.ev_last"
                       " AND x.sentence_id = s.id WHERE sentences_fts MATCH :text)");
}

/* For event listings: a superset of the matching row ids taken from the
 * covering indexes by the most selective actor filter, so that SQLite looks
 * rows up by id instead of scanning the table to evaluate an OR of actor
 * sets (which took minutes on 10 million events).  where() still applies
 * every condition to the rows found. */
static void candidates(pl_buf *b, const parley_query *q)
{
    if (!q) return;
    char d[64] = "";
    snprintf(d, sizeof d, "%s%s", q->from ? " AND day >= :from" : "", q->to ? " AND day <= :to" : "");
    if (q->dyad_a)
        pl_buf_printf(b, " AND e.id IN (SELECT id FROM events WHERE src_id IN %s AND tgt_id IN %s%s UNION ALL"
                         " SELECT id FROM events WHERE src_id IN %s AND tgt_id IN %s%s)",
                      ACTORS(":xlo", ":xhi"), ACTORS(":ylo", ":yhi"), d, ACTORS(":ylo", ":yhi"), ACTORS(":xlo", ":xhi"), d);
    else if (q->source && q->target)
        pl_buf_printf(b, " AND e.id IN (SELECT id FROM events WHERE src_id IN %s AND tgt_id IN %s%s)",
                      ACTORS(":slo", ":shi"), ACTORS(":tlo", ":thi"), d);
    else if (q->source)
        pl_buf_printf(b, " AND e.id IN (SELECT id FROM events WHERE src_id IN %s%s)", ACTORS(":slo", ":shi"), d);
    else if (q->target)
        pl_buf_printf(b, " AND e.id IN (SELECT id FROM events WHERE tgt_id IN %s%s)", ACTORS(":tlo", ":thi"), d);
    else if (q->actor)
        pl_buf_printf(b, " AND e.id IN (SELECT id FROM events WHERE src_id IN %s%s UNION ALL"
                         " SELECT id FROM events WHERE tgt_id IN %s%s)",
                      ACTORS(":alo", ":ahi"), d, ACTORS(":alo", ":ahi"), d);
}

static void bind_named_text(sqlite3_stmt *st, const char *name, const char *v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i > 0) sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static void bind_named_int(sqlite3_stmt *st, const char *name, long long v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i > 0) sqlite3_bind_int64(st, i, v);
}

static void bind_query(sqlite3_stmt *st, const parley_query *q, const qprep *p)
{
    if (!q) return;
    static const char *const lo[] = {":alo", ":slo", ":tlo", ":xlo", ":ylo"};
    static const char *const hi[] = {":ahi", ":shi", ":thi", ":xhi", ":yhi"};
    for (int i = 0; i < 5; i++) {
        if (!p->lo[i][0]) continue;
        bind_named_text(st, lo[i], p->lo[i]);
        bind_named_text(st, hi[i], p->hi[i]);
    }
    if (q->code) bind_named_text(st, ":code", q->code);
    if (q->root) bind_named_text(st, ":root", q->root);
    if (q->quad) bind_named_int(st, ":quad", q->quad);
    if (q->plover) bind_named_text(st, ":plover", p->plover);
    if (q->from) bind_named_int(st, ":from", p->from);
    if (q->to) bind_named_int(st, ":to", p->to);
    if (q->text) bind_named_text(st, ":text", p->text);
    if (q->limit) bind_named_int(st, ":limit", (long long)q->limit);
}

static parley_status prepare(parley_store *s, const char *sql, sqlite3_stmt **st, parley_error *err)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) return pl_store_dbfail(s, err, "query failed");
    return PARLEY_OK;
}

/* A failed step during a text search is most often a bad FTS5 expression. */
static parley_status step_fail(parley_store *s, const parley_query *q, parley_error *err)
{
    const char *m = sqlite3_errmsg(s->db);
    if (q && q->text && sqlite3_errcode(s->db) == SQLITE_ERROR)
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad text query '%s': %s", q->text, m);
    return pl_store_dbfail(s, err, "query failed");
}

/* ---- events ----------------------------------------------------------- */

static const char *col_text(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? t : "";
}

static parley_span col_span(sqlite3_stmt *st, int i)
{
    parley_span sp = {0, 0};
    if (sqlite3_column_type(st, i) != SQLITE_NULL) {
        sp.start = (size_t)sqlite3_column_int64(st, i);
        sp.end = (size_t)sqlite3_column_int64(st, i + 1);
    }
    return sp;
}

/* With a small --limit and an actor filter that matches very many events
 * (a busy country), reading events_day in date order and stopping after the
 * limit is much faster than looking every match up: returns 1 then. */
static int stream_instead(parley_store *s, const parley_query *q, const qprep *p)
{
    if (!q || !q->limit || q->limit > 1000 || q->dedup != PARLEY_DEDUP_NONE) return 0;
    if (!(q->dyad_a || q->source || q->target || q->actor)) return 0;
    pl_buf b;
    pl_buf_init(&b);
    pl_buf_puts(&b, "SELECT count(*) FROM (SELECT 1 FROM events e WHERE 1");
    if (q->dyad_a)
        pl_buf_puts(&b, " AND e.src_id IN " ACTORS(":xlo", ":xhi") " AND e.tgt_id IN " ACTORS(":ylo", ":yhi"));
    else if (q->source)
        pl_buf_puts(&b, " AND e.src_id IN " ACTORS(":slo", ":shi"));
    else if (q->target)
        pl_buf_puts(&b, " AND e.tgt_id IN " ACTORS(":tlo", ":thi"));
    else
        pl_buf_puts(&b, " AND e.src_id IN " ACTORS(":alo", ":ahi"));
    pl_buf_puts(&b, " LIMIT 20000)");
    sqlite3_stmt *st;
    int many = 0;
    if (sqlite3_prepare_v2(s->db, b.data, -1, &st, NULL) == SQLITE_OK) {
        bind_query(st, q, p);
        if (sqlite3_step(st) == SQLITE_ROW) many = sqlite3_column_int(st, 0) >= 20000;
        sqlite3_finalize(st);
    }
    pl_buf_free(&b);
    return many;
}

parley_status parley_store_events(parley_store *s, const parley_query *q, parley_stored_event_fn fn,
                                  void *ctx, parley_error *err)
{
    qprep p;
    parley_status rs = prep_query(s, q, &p, err);
    if (rs) return rs;
    pl_buf b;
    pl_buf_init(&b);
    parley_dedup dd = q ? q->dedup : PARLEY_DEDUP_NONE;
    static const char cols[] =
        "SELECT e.id, e.article_id, a.doc, e.sent, e.day, sa.code, ta.code, e.code, e.root, e.quad,"
        " e.goldstein, e.plover, e.mode, e.source_text, e.target_text, e.verb_text, s.text,"
        " e.src_start, e.src_end, e.tgt_start, e.tgt_end, e.verb_start, e.verb_end, e.issues,"
        " e.evidence, a.url, a.source, a.headline, a.published, e.story_id";
    static const char joins[] =
        " JOIN articles a ON a.id = e.article_id JOIN actors sa ON sa.id = e.src_id"
        " JOIN actors ta ON ta.id = e.tgt_id JOIN sentences s ON s.id = e.sentence_id";
    if (dd == PARLEY_DEDUP_NONE) {
        pl_buf_puts(&b, cols);
        int stream = stream_instead(s, q, &p);
        pl_buf_puts(&b, stream ? ", 1, 1 FROM events e INDEXED BY events_day" : ", 1, 1 FROM events e");
        pl_buf_puts(&b, joins);
        where(&b, q, 0);
        if (!stream) candidates(&b, q);
    } else {
        pl_buf_puts(&b, "WITH g AS (SELECT min(e.id) AS rep, count(*) AS mentions,"
                        " count(DISTINCT a.source) AS nsrc FROM events e JOIN articles a ON a.id = e.article_id");
        where(&b, q, 0);
        candidates(&b, q);
        pl_buf_puts(&b, dd == PARLEY_DEDUP_DAILY ? " GROUP BY e.day, e.src_id, e.tgt_id, e.code)"
                                                 : " GROUP BY e.story_id, e.src_id, e.tgt_id, e.code)");
        pl_buf_puts(&b, cols);
        pl_buf_puts(&b, ", g.mentions, g.nsrc FROM g JOIN events e ON e.id = g.rep");
        pl_buf_puts(&b, joins);
    }
    /* the column order of events_day: a listing with a limit streams from it */
    pl_buf_puts(&b, " ORDER BY e.day, e.src_id, e.tgt_id, e.modal, e.quad, e.goldstein, e.story_id, e.code, e.id");
    if (q && q->limit) pl_buf_puts(&b, " LIMIT :limit");
    sqlite3_stmt *st;
    rs = prepare(s, b.data, &st, err);
    pl_buf_free(&b);
    if (rs) return rs;
    bind_query(st, q, &p);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        parley_stored_event e;
        memset(&e, 0, sizeof e);
        e.id = sqlite3_column_int64(st, 0);
        e.article_id = sqlite3_column_int64(st, 1);
        e.ev.doc = col_text(st, 2);
        e.ev.sent = sqlite3_column_int(st, 3);
        pl_day_format(sqlite3_column_int(st, 4), e.ev.date);
        e.ev.source = col_text(st, 5);
        e.ev.target = col_text(st, 6);
        e.ev.code = col_text(st, 7);
        e.ev.root = col_text(st, 8);
        e.ev.quad = sqlite3_column_int(st, 9);
        e.ev.goldstein = sqlite3_column_double(st, 10);
        e.ev.plover = col_text(st, 11);
        e.ev.mode = col_text(st, 12);
        e.ev.source_text = col_text(st, 13);
        e.ev.target_text = col_text(st, 14);
        e.ev.verb_text = col_text(st, 15);
        e.ev.sentence = col_text(st, 16);
        e.ev.source_span = col_span(st, 17);
        e.ev.target_span = col_span(st, 19);
        e.ev.verb_span = col_span(st, 21);
        e.ev.issues = col_text(st, 23);
        e.ev.evidence = col_text(st, 24);
        e.url = col_text(st, 25);
        e.outlet = col_text(st, 26);
        e.headline = col_text(st, 27);
        e.published = col_text(st, 28);
        e.story_id = sqlite3_column_int64(st, 29);
        e.mentions = sqlite3_column_int64(st, 30);
        e.sources = sqlite3_column_int64(st, 31);
        if (fn(ctx, &e)) break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        rs = step_fail(s, q, err);
        sqlite3_finalize(st);
        return rs;
    }
    sqlite3_finalize(st);
    return PARLEY_OK;
}

/* ---- dyads ------------------------------------------------------------ */

/* Dyad series are aggregated in C from the raw rows of the covering index
 * events_dyad: SQLite's GROUP BY with count(DISTINCT) goes through temporary
 * b-trees and was 40 times slower than streaming the rows. */
typedef struct dyrow {
    long long story;
    int dir, day, src, tgt, code, quad;
    double gs;
} dyrow;

static int code_key(const char *c)
{
    return c ? atoi(c) + 10000 * (int)strlen(c) : 0;   /* "087" and "0870" differ */
}

static int cmp_story_key(const void *x, const void *y)
{
    const dyrow *a = x, *b = y;
    if (a->dir != b->dir) return a->dir - b->dir;
    if (a->story != b->story) return a->story < b->story ? -1 : 1;
    if (a->src != b->src) return a->src - b->src;
    if (a->tgt != b->tgt) return a->tgt - b->tgt;
    if (a->code != b->code) return a->code - b->code;
    return a->day - b->day;
}

static int cmp_daily_key(const void *x, const void *y)
{
    const dyrow *a = x, *b = y;
    if (a->dir != b->dir) return a->dir - b->dir;
    if (a->day != b->day) return a->day - b->day;
    if (a->src != b->src) return a->src - b->src;
    if (a->tgt != b->tgt) return a->tgt - b->tgt;
    return a->code - b->code;
}

static int same_group(const dyrow *a, const dyrow *b, parley_dedup dd)
{
    if (a->dir != b->dir || a->src != b->src || a->tgt != b->tgt || a->code != b->code) return 0;
    return dd == PARLEY_DEDUP_STORY ? a->story == b->story : a->day == b->day;
}

typedef struct { long long slot, story; } slot_story;

static int cmp_slot_story(const void *x, const void *y)
{
    const slot_story *a = x, *b = y;
    if (a->slot != b->slot) return a->slot < b->slot ? -1 : 1;
    return a->story < b->story ? -1 : a->story > b->story;
}

parley_status parley_store_dyad(parley_store *s, const char *a, const char *bb, parley_period by,
                                const parley_query *q, parley_dyad_series *out, parley_error *err)
{
    memset(out, 0, sizeof *out);
    if ((int)by < PARLEY_BY_DAY || by > PARLEY_BY_YEAR)
        return pl_store_fail(s, err, PARLEY_ERR_USAGE, "bad period (day, week, month or year)");
    if (!a || !bb) return pl_store_fail(s, err, PARLEY_ERR_USAGE, "a dyad needs two actors");
    parley_query dq;
    if (q) dq = *q;
    else memset(&dq, 0, sizeof dq);
    dq.dyad_a = a;
    dq.dyad_b = bb;
    dq.limit = 0;
    qprep p;
    parley_status rs = prep_query(s, &dq, &p, err);
    if (rs) return rs;
    memcpy(out->a, p.lo[A_DYA], sizeof out->a);
    memcpy(out->b, p.lo[A_DYB], sizeof out->b);
    out->by = by;

    pl_buf b;
    pl_buf_init(&b);
    for (int dir = 0; dir < 2; dir++) {
        if (dir) pl_buf_puts(&b, " UNION ALL ");
        pl_buf_printf(&b, "SELECT %d, e.src_id, e.tgt_id, e.day, e.quad, e.goldstein, e.story_id, e.code FROM events e", dir);
        where(&b, &dq, 1);
        pl_buf_printf(&b, " AND e.day > 0 AND e.src_id IN %s AND e.tgt_id IN %s",
                      dir ? ACTORS(":ylo", ":yhi") : ACTORS(":xlo", ":xhi"),
                      dir ? ACTORS(":xlo", ":xhi") : ACTORS(":ylo", ":yhi"));
    }
    sqlite3_stmt *st;
    rs = prepare(s, b.data, &st, err);
    pl_buf_free(&b);
    if (rs) return rs;
    bind_query(st, &dq, &p);

    dyrow *rows = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) rows = pl_grow(rows, &cap, n + 1, sizeof *rows);
        dyrow *r = &rows[n++];
        r->dir = sqlite3_column_int(st, 0);
        r->src = sqlite3_column_int(st, 1);
        r->tgt = sqlite3_column_int(st, 2);
        r->day = sqlite3_column_int(st, 3);
        r->quad = sqlite3_column_int(st, 4);
        r->gs = sqlite3_column_double(st, 5);
        r->story = sqlite3_column_int64(st, 6);
        r->code = code_key((const char *)sqlite3_column_text(st, 7));
    }
    if (rc != SQLITE_DONE) {
        rs = step_fail(s, &dq, err);
        sqlite3_finalize(st);
        free(rows);
        return rs;
    }
    sqlite3_finalize(st);

    /* deduplication: keep the first (earliest) row of each group */
    if (dq.dedup != PARLEY_DEDUP_NONE && n) {
        qsort(rows, n, sizeof *rows, dq.dedup == PARLEY_DEDUP_STORY ? cmp_story_key : cmp_daily_key);
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (!k || !same_group(&rows[k - 1], &rows[i], dq.dedup)) rows[k++] = rows[i];
        n = k;
    }

    /* the period axis: first to last period present, or the asked range */
    int lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        int ps = pl_period_start(rows[i].day, by);
        rows[i].day = ps;   /* from here on: the period of the row */
        if (!lo || ps < lo) lo = ps;
        if (ps > hi) hi = ps;
    }
    if (p.from) lo = pl_period_start(p.from, by);
    if (p.to) hi = pl_period_start(p.to, by);
    if (!lo || !hi || lo > hi) {
        free(rows);
        return PARLEY_OK;
    }
    size_t np = 0;
    for (int d = lo; d <= hi; d = pl_period_next(d, by)) np++;
    int *starts = pl_xmalloc(np * sizeof *starts);
    out->rows = pl_xcalloc(np * 2, sizeof *out->rows);
    out->n_rows = np * 2;
    size_t i = 0;
    for (int d = lo; d <= hi; d = pl_period_next(d, by), i++) {
        starts[i] = d;
        for (int dir = 0; dir < 2; dir++) {
            pl_day_format(d, out->rows[2 * i + dir].period);
            out->rows[2 * i + dir].reverse = dir;
        }
    }
    slot_story *ss = pl_xmalloc((n + 1) * sizeof *ss);
    size_t nss = 0;
    for (size_t k = 0; k < n; k++) {
        size_t l = 0, h = np;   /* binary search of the period */
        while (l < h) {
            size_t m = (l + h) / 2;
            if (starts[m] < rows[k].day) l = m + 1;
            else h = m;
        }
        if (l >= np || starts[l] != rows[k].day) continue;   /* outside the asked range */
        size_t slot = 2 * l + (size_t)rows[k].dir;
        parley_dyad_row *r = &out->rows[slot];
        r->events++;
        if (rows[k].quad >= 1 && rows[k].quad <= 4) r->quad[rows[k].quad]++;
        r->goldstein_sum += rows[k].gs;
        ss[nss++] = (slot_story){(long long)slot, rows[k].story};
    }
    qsort(ss, nss, sizeof *ss, cmp_slot_story);
    for (size_t k = 0; k < nss; k++)
        if (!k || ss[k].slot != ss[k - 1].slot || ss[k].story != ss[k - 1].story) out->rows[ss[k].slot].stories++;
    for (size_t k = 0; k < out->n_rows; k++)
        if (out->rows[k].events) out->rows[k].goldstein_mean = out->rows[k].goldstein_sum / out->rows[k].events;
    free(ss);
    free(starts);
    free(rows);
    return PARLEY_OK;
}

void parley_dyad_series_free(parley_dyad_series *d)
{
    if (!d) return;
    free(d->rows);
    d->rows = NULL;
    d->n_rows = 0;
}

/* ---- networks --------------------------------------------------------- */

static int cmp_node(const void *x, const void *y)
{
    return strcmp(((const parley_network_node *)x)->actor, ((const parley_network_node *)y)->actor);
}

static size_t node_index(parley_network *n, const char *code)
{
    size_t l = 0, h = n->n_nodes;
    while (l < h) {
        size_t m = (l + h) / 2;
        int c = strcmp(n->nodes[m].actor, code);
        if (!c) return m;
        if (c < 0) l = m + 1;
        else h = m;
    }
    return SIZE_MAX;
}

static int cmp_edge(const void *x, const void *y)
{
    const parley_network_edge *a = x, *b = y;
    if (a->events != b->events) return a->events > b->events ? -1 : 1;
    if (a->source != b->source) return a->source < b->source ? -1 : 1;
    return a->target < b->target ? -1 : a->target > b->target;
}

parley_status parley_store_network(parley_store *s, const parley_query *q, long long min_events, int countries,
                                   parley_network *out, parley_error *err)
{
    memset(out, 0, sizeof *out);
    qprep p;
    parley_status rs = prep_query(s, q, &p, err);
    if (rs) return rs;
    if (q && q->from) pl_day_format(p.from, out->from);
    if (q && q->to) pl_day_format(p.to, out->to);
    parley_dedup dd = q ? q->dedup : PARLEY_DEDUP_NONE;
    pl_buf b;
    pl_buf_init(&b);
    const char *key = countries ? "sa.country, ta.country" : "sa.code, ta.code";
    pl_buf_printf(&b, "SELECT %s, sum(g.n), sum(g.coop), sum(g.conf), total(g.gs) FROM (SELECT e.src_id AS src,"
                      " e.tgt_id AS tgt, count(*) AS n, sum(e.quad IN (1, 2)) AS coop, sum(e.quad IN (3, 4)) AS conf,"
                      " total(e.goldstein) AS gs FROM ", key);
    if (dd == PARLEY_DEDUP_NONE) {
        pl_buf_puts(&b, "events e");
        where(&b, q, 0);
    } else {
        pl_buf_puts(&b, "(SELECT e.src_id AS src_id, e.tgt_id AS tgt_id, e.quad AS quad, e.goldstein AS goldstein"
                        " FROM events e");
        where(&b, q, 0);
        pl_buf_puts(&b, dd == PARLEY_DEDUP_DAILY ? " GROUP BY e.day, e.src_id, e.tgt_id, e.code) e"
                                                 : " GROUP BY e.story_id, e.src_id, e.tgt_id, e.code) e");
    }
    pl_buf_printf(&b, " GROUP BY e.src_id, e.tgt_id) g JOIN actors sa ON sa.id = g.src JOIN actors ta ON ta.id = g.tgt"
                      " WHERE sa.code NOT IN ('', '---') AND ta.code NOT IN ('', '---') GROUP BY %s", key);
    sqlite3_stmt *st;
    rs = prepare(s, b.data, &st, err);
    pl_buf_free(&b);
    if (rs) return rs;
    bind_query(st, q, &p);

    typedef struct { char *src, *tgt; long long n, coop, conf; double gs; } raw;
    raw *rows = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long events = sqlite3_column_int64(st, 2);
        if (events < min_events) continue;
        rows = pl_grow(rows, &cap, n + 1, sizeof *rows);
        rows[n].src = pl_xstrdup(col_text(st, 0));
        rows[n].tgt = pl_xstrdup(col_text(st, 1));
        rows[n].n = events;
        rows[n].coop = sqlite3_column_int64(st, 3);
        rows[n].conf = sqlite3_column_int64(st, 4);
        rows[n].gs = sqlite3_column_double(st, 5);
        n++;
    }
    if (rc != SQLITE_DONE) {
        rs = step_fail(s, q, err);
        sqlite3_finalize(st);
        for (size_t i = 0; i < n; i++) free(rows[i].src), free(rows[i].tgt);
        free(rows);
        return rs;
    }
    sqlite3_finalize(st);
    /* nodes: the distinct codes, sorted (copies: rows keep their own strings) */
    out->nodes = pl_xcalloc(2 * n + 1, sizeof *out->nodes);
    for (size_t i = 0; i < n; i++) {
        out->nodes[out->n_nodes++].actor = rows[i].src;
        out->nodes[out->n_nodes++].actor = rows[i].tgt;
    }
    qsort(out->nodes, out->n_nodes, sizeof *out->nodes, cmp_node);
    size_t k = 0;
    for (size_t i = 0; i < out->n_nodes; i++) {
        if (k && !strcmp(out->nodes[k - 1].actor, out->nodes[i].actor)) continue;
        out->nodes[k++] = out->nodes[i];
    }
    out->n_nodes = k;
    for (size_t i = 0; i < k; i++) out->nodes[i].actor = pl_xstrdup(out->nodes[i].actor);
    out->edges = pl_xcalloc(n + 1, sizeof *out->edges);
    for (size_t i = 0; i < n; i++) {
        parley_network_edge *e = &out->edges[out->n_edges++];
        e->source = node_index(out, rows[i].src);
        e->target = node_index(out, rows[i].tgt);
        e->events = rows[i].n;
        e->cooperation = rows[i].coop;
        e->conflict = rows[i].conf;
        e->goldstein_sum = rows[i].gs;
        out->nodes[e->source].out_events += e->events;
        out->nodes[e->target].in_events += e->events;
    }
    for (size_t i = 0; i < n; i++) free(rows[i].src), free(rows[i].tgt);
    qsort(out->edges, out->n_edges, sizeof *out->edges, cmp_edge);
    free(rows);
    return PARLEY_OK;
}

void parley_network_free(parley_network *n)
{
    if (!n) return;
    for (size_t i = 0; i < n->n_nodes; i++) free((char *)n->nodes[i].actor);
    free(n->nodes);
    free(n->edges);
    memset(n, 0, sizeof *n);
}
