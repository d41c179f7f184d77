/* store.c — the SQLite event store: opening, schema and migrations, ingest.
 *
 * Every statement is prepared once (no SQL is ever built from input text).
 * An article and its events are collected in memory (one arena per article)
 * and written together by parley_store_article_end() inside the current
 * batch transaction, so an article is stored with all its events or not at
 * all; a kill at any moment loses at most the uncommitted batch.  (A SAVEPOINT
 * per article would do the same, but FTS5 flushes its pending index at every
 * savepoint, which made ingest three times slower.)  See docs/store.md for the
 * schema and the deduplication methods. */
#include "store/store_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void actor_cache_clear(parley_store *s);

/* ---- schema ----------------------------------------------------------- */

/* Migration i brings a store from user_version i to i + 1. */
static const char *const migrations[] = {
    /* 0 -> 1: the first schema */
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  key TEXT NOT NULL UNIQUE,"          /* canonical url, url or given id */
    "  doc TEXT NOT NULL,"                 /* article id as given by the reader */
    "  url TEXT NOT NULL,"
    "  source TEXT NOT NULL,"              /* outlet */
    "  headline TEXT NOT NULL,"
    "  published TEXT NOT NULL,"           /* ISO 8601 as read */
    "  day INTEGER NOT NULL,"              /* YYYYMMDD, 0 unknown */
    "  language TEXT NOT NULL,"
    "  file TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL,"
    "  story_id INTEGER NOT NULL,"
    "  minhash BLOB,"
    "  n_events INTEGER NOT NULL DEFAULT 0,"
    /* rowid ranges of its events and sentences (written contiguously) */
    "  ev_first INTEGER NOT NULL DEFAULT 0, ev_last INTEGER NOT NULL DEFAULT 0,"
    "  sent_first INTEGER NOT NULL DEFAULT 0, sent_last INTEGER NOT NULL DEFAULT 0,"
    "  ingested TEXT NOT NULL);"
    "CREATE TABLE story_bands("
    "  band INTEGER NOT NULL,"
    "  article_id INTEGER NOT NULL,"
    "  PRIMARY KEY(band, article_id)) WITHOUT ROWID;"
    "CREATE TABLE actors("
    "  id INTEGER PRIMARY KEY,"
    "  code TEXT NOT NULL UNIQUE,"
    "  country TEXT NOT NULL);"
    "CREATE TABLE sentences("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL,"
    "  n INTEGER NOT NULL,"
    "  text TEXT NOT NULL);"
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');"
    /* the index is kept in step by store.c, not by triggers: a trigger
     * writing an FTS5 table opens a statement savepoint, and FTS5 flushes
     * its pending terms at every savepoint (4x slower ingest) */
    "CREATE TABLE events("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL,"
    "  story_id INTEGER NOT NULL,"
    "  sentence_id INTEGER NOT NULL,"
    "  sent INTEGER NOT NULL,"
    "  day INTEGER NOT NULL,"
    "  src_id INTEGER NOT NULL,"
    "  tgt_id INTEGER NOT NULL,"
    "  code TEXT NOT NULL,"
    "  root TEXT NOT NULL,"
    "  quad INTEGER NOT NULL,"
    "  goldstein REAL NOT NULL,"
    "  plover TEXT NOT NULL,"
    "  modal INTEGER NOT NULL,"            /* 0 asserted, 1 negated, 2 hypothetical, 3 future, 4 other */
    "  mode TEXT NOT NULL,"
    "  source_text TEXT NOT NULL,"
    "  target_text TEXT NOT NULL,"
    "  verb_text TEXT NOT NULL,"
    "  src_start INTEGER, src_end INTEGER,"
    "  tgt_start INTEGER, tgt_end INTEGER,"
    "  verb_start INTEGER, verb_end INTEGER,"
    "  issues TEXT NOT NULL,"
    "  evidence TEXT NOT NULL);"
    /* covering indexes: dyad series and networks never touch the table */
    "CREATE INDEX events_dyad ON events(src_id, tgt_id, day, modal, quad, goldstein, story_id, code);"
    "CREATE INDEX events_day ON events(day, src_id, tgt_id, modal, quad, goldstein, story_id, code);"
    "CREATE INDEX events_tgt ON events(tgt_id, day);",
};

static const char *const stmt_sql[ST_COUNT] = {
    [ST_ART_FIND] = "SELECT id, content_hash, ev_first, ev_last, sent_first, sent_last, minhash"
                    " FROM articles WHERE key = ?1",
    [ST_ART_INSERT] =
        "INSERT INTO articles(id, key, doc, url, source, headline, published, day, language, file,"
        " content_hash, story_id, minhash, n_events, ev_first, ev_last, sent_first, sent_last, ingested)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    [ST_ART_UPDATE] =
        "UPDATE articles SET key = ?2, doc = ?3, url = ?4, source = ?5, headline = ?6, published = ?7,"
        " day = ?8, language = ?9, file = ?10, content_hash = ?11, story_id = ?12, minhash = ?13,"
        " n_events = ?14, ev_first = ?15, ev_last = ?16, sent_first = ?17, sent_last = ?18,"
        " ingested = ?19 WHERE id = ?1",
    [ST_MAX_IDS] = "SELECT (SELECT max(id) FROM articles), (SELECT max(id) FROM events),"
                   " (SELECT max(id) FROM sentences)",
    [ST_EV_DELETE] = "DELETE FROM events WHERE id BETWEEN ?1 AND ?2",
    [ST_SENT_DELETE] = "DELETE FROM sentences WHERE id BETWEEN ?1 AND ?2",
    /* sentences of the current batch are indexed when it commits (one
     * statement per batch); only older ones are in the index already */
    [ST_FTS_DELETE] = "INSERT INTO sentences_fts(sentences_fts, rowid, text)"
                      " SELECT 'delete', id, text FROM sentences WHERE id BETWEEN ?1 AND ?2 AND id < ?3",
    [ST_FTS_INSERT] = "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id >= ?1",
    [ST_BAND_DELETE] = "DELETE FROM story_bands WHERE band = ?1 AND article_id = ?2",
    [ST_ACTOR_FIND] = "SELECT id FROM actors WHERE code = ?1",
    [ST_ACTOR_INSERT] = "INSERT INTO actors(code, country) VALUES (?1, ?2)",
    [ST_SENT_INSERT] = "INSERT INTO sentences(id, article_id, n, text) VALUES (?4, ?1, ?2, ?3)",
    [ST_EV_INSERT] =
        "INSERT INTO events(id, article_id, story_id, sentence_id, sent, day, src_id, tgt_id, code,"
        " root, quad, goldstein, plover, modal, mode, source_text, target_text, verb_text,"
        " src_start, src_end, tgt_start, tgt_end, verb_start, verb_end, issues, evidence)"
        " VALUES (?26, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
        " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
    [ST_BAND_FIND] =
        "SELECT article_id FROM story_bands"
        " WHERE band IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) LIMIT 256",
    [ST_BAND_INSERT] =
        "INSERT OR IGNORE INTO story_bands(band, article_id) VALUES (?1, ?11), (?2, ?11), (?3, ?11),"
        " (?4, ?11), (?5, ?11), (?6, ?11), (?7, ?11), (?8, ?11), (?9, ?11), (?10, ?11)",
    [ST_ART_SIG] = "SELECT story_id, day, minhash FROM articles WHERE id = ?1",
};

/* ---- errors ----------------------------------------------------------- */

static void copy_err(parley_store *s, parley_error *err, parley_status st)
{
    if (!err) return;
    err->status = st;
    snprintf(err->file, sizeof err->file, "%s", s && s->path ? s->path : "");
    err->line = 0;
    err->byte = -1;
    snprintf(err->message, sizeof err->message, "%s", s ? s->errmsg : "");
}

parley_status pl_store_fail(parley_store *s, parley_error *err, parley_status st,
                            const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
    va_end(ap);
    copy_err(s, err, st);
    return st;
}

parley_status pl_store_dbfail(parley_store *s, parley_error *err, const char *what)
{
    return pl_store_fail(s, err, PARLEY_ERR_DB, "%s: %s", what, sqlite3_errmsg(s->db));
}

const char *parley_store_errmsg(const parley_store *s)
{
    return s ? s->errmsg : "";
}

/* ---- dates ------------------------------------------------------------ */

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

int pl_day_parse(const char *s)
{
    if (!s) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return 0;
        } else if (!pl_isdigit((unsigned char)s[i])) {
            return 0;
        }
    }
    if (s[10] && s[10] != 'T' && s[10] != ' ') return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
    return y * 10000 + m * 100 + d;
}

void pl_day_format(int day, char out[11])
{
    if (day <= 0) {
        out[0] = 0;
        return;
    }
    snprintf(out, 11, "%04d-%02d-%02d", (day / 10000) % 10000, (day / 100) % 100, day % 100);
}

int pl_period_start(int day, int by)
{
    if (day <= 0) return 0;
    switch (by) {
    case PARLEY_BY_WEEK: {
        return pl_days_to_key(pl_key_to_days(day) - pl_key_weekday(day));
    }
    case PARLEY_BY_MONTH: return day / 100 * 100 + 1;
    case PARLEY_BY_YEAR: return day / 10000 * 10000 + 101;
    default: return day;
    }
}

int pl_period_next(int start, int by)
{
    int y = start / 10000, m = (start / 100) % 100;
    switch (by) {
    case PARLEY_BY_WEEK: return pl_days_to_key(pl_key_to_days(start) + 7);
    case PARLEY_BY_MONTH: return m == 12 ? (y + 1) * 10000 + 101 : y * 10000 + (m + 1) * 100 + 1;
    case PARLEY_BY_YEAR: return (y + 1) * 10000 + 101;
    default: return pl_days_to_key(pl_key_to_days(start) + 1);
    }
}

int parley_period_parse(const char *name)
{
    if (!name) return -1;
    if (!strcmp(name, "day")) return PARLEY_BY_DAY;
    if (!strcmp(name, "week")) return PARLEY_BY_WEEK;
    if (!strcmp(name, "month")) return PARLEY_BY_MONTH;
    if (!strcmp(name, "year")) return PARLEY_BY_YEAR;
    return -1;
}

/* SQL function parley_period(day, by) for grouping. */
static void sql_period(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    sqlite3_result_int(ctx, pl_period_start(sqlite3_value_int(argv[0]), sqlite3_value_int(argv[1])));
}

/* ---- open / close ----------------------------------------------------- */

static int exec(parley_store *s, const char *sql)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

static int pragma_int(parley_store *s, const char *sql, int *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static parley_status migrate(parley_store *s, parley_error *err)
{
    int version, app, tables;
    if (pragma_int(s, "PRAGMA user_version", &version) ||
        pragma_int(s, "PRAGMA application_id", &app) ||
        pragma_int(s, "SELECT count(*) FROM sqlite_schema", &tables))
        return pl_store_dbfail(s, err, "cannot read the schema");
    if (tables > 0 && app != PL_STORE_APP_ID)
        return pl_store_fail(s, err, PARLEY_ERR_DB, "not a Parley store (a SQLite file made by another program)");
    int latest = (int)PL_COUNT(migrations);
    if (version > latest)
        return pl_store_fail(s, err, PARLEY_ERR_DB,
                             "store schema version %d is newer than this parley (%d)", version, latest);
    if (version == latest) return PARLEY_OK;
    if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) return pl_store_dbfail(s, err, "cannot migrate");
    for (int v = version; v < latest; v++) {
        if (exec(s, migrations[v]) != SQLITE_OK) {
            parley_status st = pl_store_dbfail(s, err, "schema migration failed");
            exec(s, "ROLLBACK");
            return st;
        }
    }
    char sql[96];   /* PRAGMA takes no parameters; the values are our constants */
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d", latest,
             PL_STORE_APP_ID);
    if (exec(s, sql) != SQLITE_OK || exec(s, "COMMIT") != SQLITE_OK) {
        parley_status st = pl_store_dbfail(s, err, "schema migration failed");
        exec(s, "ROLLBACK");
        return st;
    }
    return PARLEY_OK;
}

parley_store *parley_store_open(const char *path, parley_error *err)
{
    parley_store *s = pl_xcalloc(1, sizeof *s);
    s->path = pl_xstrdup(path ? path : "parley.db");
    s->batch = 256;
    pl_arena_init(&s->arena, 64 * 1024);
    if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        pl_store_fail(s, err, PARLEY_ERR_DB, "cannot open the store: %s",
                      s->db ? sqlite3_errmsg(s->db) : "out of memory");
        parley_store_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    sqlite3_extended_result_codes(s->db, 1);
    /* a larger WAL between checkpoints: index pages changed by many
     * commits are copied to the database once (15% faster ingest) */
    if (exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                " PRAGMA wal_autocheckpoint = 16384;"
                " PRAGMA temp_store = MEMORY; PRAGMA cache_size = -131072;"
                " PRAGMA mmap_size = 1073741824;"
                " PRAGMA foreign_keys = OFF") != SQLITE_OK) {
        pl_store_dbfail(s, err, "cannot open the store");
        parley_store_close(s);
        return NULL;
    }
    if (migrate(s, err) != PARLEY_OK) {
        parley_store_close(s);
        return NULL;
    }
    sqlite3_create_function(s->db, "parley_period", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                            sql_period, NULL, NULL);
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) !=
            SQLITE_OK) {
            pl_store_dbfail(s, err, "cannot prepare a statement");
            parley_store_close(s);
            return NULL;
        }
    }
    return s;
}

void parley_store_close(parley_store *s)
{
    if (!s) return;
    if (s->in_article) parley_store_article_abort(s);
    if (s->in_txn && s->db) parley_store_commit(s, NULL);   /* indexes the batch's sentences too */
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(s->st[i]);
    if (s->db) {
        exec(s, "PRAGMA analysis_limit = 1000; PRAGMA optimize");   /* bounded: fast on big stores */
        sqlite3_close(s->db);
    }
    for (size_t i = 0; i < s->cap_actors; i++) free(s->actors[i].code);
    free(s->actors);
    free(s->sents);
    pl_arena_free(&s->arena);
    free(s->path);
    free(s);
}

void parley_store_set_batch(parley_store *s, size_t articles)
{
    s->batch = articles ? articles : 1;
}

parley_status parley_store_commit(parley_store *s, parley_error *err)
{
    if (s->in_article) return pl_store_fail(s, err, PARLEY_ERR_USAGE, "commit inside an article");
    if (!s->in_txn) return PARLEY_OK;
    sqlite3_stmt *fts = s->st[ST_FTS_INSERT];
    sqlite3_bind_int64(fts, 1, s->batch_first_sentence);
    int rc = sqlite3_step(fts);
    sqlite3_reset(fts);
    if (rc != SQLITE_DONE || exec(s, "COMMIT") != SQLITE_OK) {
        parley_status st = pl_store_dbfail(s, err, "commit failed");
        exec(s, "ROLLBACK");
        s->in_txn = 0;
        s->in_batch = 0;
        actor_cache_clear(s);
        return st;
    }
    s->in_txn = 0;
    s->in_batch = 0;
    return PARLEY_OK;
}

/* ---- helpers ---------------------------------------------------------- */

static const char *nz(const char *s)
{
    return s ? s : "";
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, nz(s), -1, SQLITE_STATIC);
}

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static void hash_field(uint64_t *h, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) { *h ^= p[i]; *h *= 1099511628211ULL; }
    *h ^= 0x1f;
    *h *= 1099511628211ULL;
}

/* ISO 8601 text of a date (our own, so the store does not depend on the reader). */
static void format_datetime(const parley_datetime *dt, char *out, size_t n)
{
    if (!dt->year) {
        out[0] = 0;
        return;
    }
    int k = snprintf(out, n, "%04d-%02d-%02d", dt->year, dt->month, dt->day);
    if (dt->has_time && k > 0 && (size_t)k < n)
        k += snprintf(out + k, n - (size_t)k, "T%02d:%02d:%02d", dt->hour, dt->minute, dt->second);
    if (dt->has_time && dt->has_zone && k > 0 && (size_t)k < n) {
        int z = dt->tz_minutes < 0 ? -dt->tz_minutes : dt->tz_minutes;
        snprintf(out + k, n - (size_t)k, "%c%02d:%02d", dt->tz_minutes < 0 ? '-' : '+', z / 60, z % 60);
    }
}

static void content_hash(const parley_article *a, char out[40])
{
    uint64_t h = 1469598103934665603ULL, g = 0x9e3779b97f4a7c15ULL;
    char date[40];
    format_datetime(&a->published, date, sizeof date);
    const char *f[] = {nz(a->headline), nz(a->source), date};
    for (size_t i = 0; i < 3; i++) {
        hash_field(&h, f[i], strlen(f[i]));
        hash_field(&g, f[i], strlen(f[i]));
    }
    hash_field(&h, a->body ? a->body : "", a->body ? a->body_len : 0);
    /* the second half hashes the body backwards, so that the two halves differ */
    for (size_t i = a->body ? a->body_len : 0; i-- > 0;) {
        g ^= (unsigned char)a->body[i];
        g *= 1099511628211ULL;
    }
    snprintf(out, 40, "%016llx%016llx", (unsigned long long)h, (unsigned long long)g);
}

static const char *article_key(const parley_article *a)
{
    if (a->canonical_url && *a->canonical_url) return a->canonical_url;
    if (a->url && *a->url) return a->url;
    return nz(a->id);
}

/* ---- actors ----------------------------------------------------------- */

static long long actor_id(parley_store *s, const char *code, parley_error *err)
{
    if (!code || !*code) code = "---";
    uint64_t h = pl_hash(code, strlen(code));
    if (s->cap_actors) {
        for (size_t i = h & (s->cap_actors - 1);; i = (i + 1) & (s->cap_actors - 1)) {
            if (!s->actors[i].code) break;
            if (!strcmp(s->actors[i].code, code)) return s->actors[i].id;
        }
    }
    long long id = -1;
    sqlite3_stmt *st = s->st[ST_ACTOR_FIND];
    bind_text(st, 1, code);
    if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (id < 0) {
        char country[4] = {0};
        memcpy(country, code, PL_MIN(strlen(code), 3));
        st = s->st[ST_ACTOR_INSERT];
        bind_text(st, 1, code);
        bind_text(st, 2, country);
        if (step_done(st)) {
            pl_store_dbfail(s, err, "cannot store an actor");
            return -1;
        }
        id = sqlite3_last_insert_rowid(s->db);
    }
    /* Ids of actors inserted by the current batch vanish if the batch is
     * rolled back: the cache is then cleared (parley_store_article_end). */
    if ((s->n_actors + 1) * 2 > s->cap_actors) {
        size_t ncap = s->cap_actors ? s->cap_actors * 2 : 256;
        pl_actor_slot *na = pl_xcalloc(ncap, sizeof *na);
        for (size_t i = 0; i < s->cap_actors; i++) {
            if (!s->actors[i].code) continue;
            uint64_t hh = pl_hash(s->actors[i].code, strlen(s->actors[i].code));
            size_t j = hh & (ncap - 1);
            while (na[j].code) j = (j + 1) & (ncap - 1);
            na[j] = s->actors[i];
        }
        free(s->actors);
        s->actors = na;
        s->cap_actors = ncap;
    }
    size_t j = h & (s->cap_actors - 1);
    while (s->actors[j].code) j = (j + 1) & (s->cap_actors - 1);
    s->actors[j].code = pl_xstrdup(code);
    s->actors[j].id = id;
    s->n_actors++;
    return id;
}

static void actor_cache_clear(parley_store *s)
{
    for (size_t i = 0; i < s->cap_actors; i++) {
        free(s->actors[i].code);
        s->actors[i].code = NULL;
    }
    s->n_actors = 0;
}

/* ---- stories (near-duplicate detection, see story.c) ------------------ */

static int day_diff(int a, int b)
{
    if (a <= 0 || b <= 0) return 0;
    return (int)labs(pl_key_to_days(a) - pl_key_to_days(b));
}

/* Finds the story of the current article among stored articles sharing an
 * LSH band with it, and records its bands. */
static parley_status assign_story(parley_store *s, parley_error *err)
{
    pl_pending *p = &s->cur;
    s->story_id = s->article_id;
    if (!p->has_sig) return PARLEY_OK;
    uint64_t bands[PL_BANDS];
    for (int b = 0; b < PL_BANDS; b++) bands[b] = pl_band_hash(p->sig, b);
    /* candidates: articles sharing at least one band (few: distinct ids kept) */
    long long cand[64];
    size_t nc = 0;
    sqlite3_stmt *st = s->st[ST_BAND_FIND];
    for (int b = 0; b < PL_BANDS; b++) sqlite3_bind_int64(st, b + 1, (sqlite3_int64)bands[b]);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 0);
        size_t i = 0;
        while (i < nc && cand[i] != id) i++;
        if (i == nc && nc < PL_COUNT(cand) && id != s->article_id) cand[nc++] = id;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return pl_store_dbfail(s, err, "story lookup failed");
    int best = 0;
    for (size_t i = 0; i < nc; i++) {
        st = s->st[ST_ART_SIG];
        sqlite3_bind_int64(st, 1, cand[i]);
        if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const uint32_t *other = sqlite3_column_blob(st, 2);
            long long story = sqlite3_column_int64(st, 0);
            int same = 0;
            if (other && sqlite3_column_bytes(st, 2) == (int)sizeof p->sig &&
                day_diff(sqlite3_column_int(st, 1), p->day) <= 3)
                for (int k = 0; k < PL_MINHASH; k++) same += p->sig[k] == other[k];
            /* estimated Jaccard similarity of the shingle sets >= 0.7; the
             * most similar wins, ties go to the earliest story */
            if (same * 10 >= PL_MINHASH * 7 && (same > best || (same == best && story < s->story_id))) {
                best = same;
                s->story_id = story;
            }
        }
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return pl_store_dbfail(s, err, "story lookup failed");
    }
    /* Only the first article of a story is indexed: later copies would find
     * it anyway, and a story republished a thousand times (or boilerplate
     * shared by many pages) must not make its band lists long. */
    if (s->story_id != s->article_id) return PARLEY_OK;
    st = s->st[ST_BAND_INSERT];
    for (int b = 0; b < PL_BANDS; b++) sqlite3_bind_int64(st, b + 1, (sqlite3_int64)bands[b]);
    sqlite3_bind_int64(st, PL_BANDS + 1, s->article_id);
    if (step_done(st)) return pl_store_dbfail(s, err, "cannot store story bands");
    return PARLEY_OK;
}

/* ---- ingest ----------------------------------------------------------- */

static const char *adup(parley_store *s, const char *str)
{
    return pl_arena_strdup(&s->arena, nz(str));
}

parley_status parley_store_article_begin(parley_store *s, const parley_article *a,
                                         parley_ingest_state *state, parley_error *err)
{
    if (s->in_article) return pl_store_fail(s, err, PARLEY_ERR_USAGE, "an article is already open");
    s->errmsg[0] = 0;
    const char *key = article_key(a);
    if (!*key) return pl_store_fail(s, err, PARLEY_ERR_USAGE, "article without id or url");
    pl_pending *p = &s->cur;
    pl_arena_reset(&s->arena);
    memset(p, 0, sizeof *p);
    content_hash(a, p->hash);

    p->existing = -1;
    int same = 0;
    sqlite3_stmt *st = s->st[ST_ART_FIND];
    bind_text(st, 1, key);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        p->existing = sqlite3_column_int64(st, 0);
        same = !strcmp((const char *)sqlite3_column_text(st, 1), p->hash);
        p->old_ev[0] = sqlite3_column_int64(st, 2);
        p->old_ev[1] = sqlite3_column_int64(st, 3);
        p->old_sent[0] = sqlite3_column_int64(st, 4);
        p->old_sent[1] = sqlite3_column_int64(st, 5);
        if (sqlite3_column_bytes(st, 6) == (int)sizeof p->old_sig) {
            memcpy(p->old_sig, sqlite3_column_blob(st, 6), sizeof p->old_sig);
            p->has_old_sig = 1;
        }
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return pl_store_dbfail(s, err, "article lookup failed");
    if (same) {
        *state = PARLEY_INGEST_UNCHANGED;
        return PARLEY_OK;
    }
    p->key = adup(s, key);
    p->doc = adup(s, a->id);
    p->url = adup(s, a->url);
    p->source = adup(s, a->source);
    p->headline = adup(s, a->headline);
    p->language = adup(s, a->language);
    p->file = adup(s, a->file);
    format_datetime(&a->published, p->published, sizeof p->published);
    p->day = pl_day_parse(p->published);
    const char *text = a->body && a->body_len ? a->body : nz(a->headline);
    size_t len = a->body && a->body_len ? a->body_len : strlen(text);
    p->has_sig = pl_minhash(text, len, p->sig);
    s->in_article = 1;
    *state = p->existing >= 0 ? PARLEY_INGEST_CHANGED : PARLEY_INGEST_NEW;
    return PARLEY_OK;
}

parley_status parley_store_add_event(parley_store *s, const parley_event *ev, parley_error *err)
{
    if (!s->in_article) return pl_store_fail(s, err, PARLEY_ERR_USAGE, "event outside an article");
    pl_pending *p = &s->cur;
    if (p->n_events == p->cap_events) {
        size_t ncap = p->cap_events ? p->cap_events * 2 : 16;
        parley_event *ne = pl_arena_alloc(&s->arena, ncap * sizeof *ne);
        if (p->n_events) memcpy(ne, p->events, p->n_events * sizeof *ne);
        p->events = ne;
        p->cap_events = ncap;
    }
    parley_event *e = &p->events[p->n_events++];
    *e = *ev;
    e->source = adup(s, ev->source && *ev->source ? ev->source : "---");
    e->target = adup(s, ev->target && *ev->target ? ev->target : "---");
    e->code = adup(s, ev->code);
    if (ev->root && *ev->root) {
        e->root = adup(s, ev->root);
    } else {
        char root[3] = {0};
        if (ev->code) memcpy(root, ev->code, strnlen(ev->code, 2));
        e->root = adup(s, root);
    }
    e->plover = adup(s, ev->plover);
    e->mode = adup(s, ev->mode);
    e->source_text = adup(s, ev->source_text);
    e->target_text = adup(s, ev->target_text);
    e->verb_text = adup(s, ev->verb_text);
    e->sentence = adup(s, ev->sentence);
    e->issues = adup(s, ev->issues);
    e->evidence = adup(s, ev->evidence);
    e->doc = NULL;
    if (!pl_day_parse(e->date)) e->date[0] = 0;
    return PARLEY_OK;
}

int parley_store_event_fn(void *store, const parley_event *ev)
{
    return parley_store_add_event(store, ev, NULL) != PARLEY_OK;
}

static int modal_of(const char *mode)
{
    if (!mode || !*mode) return 0;
    if (!strcmp(mode, "negated")) return 1;
    if (!strcmp(mode, "hypothetical")) return 2;
    if (!strcmp(mode, "future")) return 3;
    return 4;
}

static long long sentence_id(parley_store *s, int n, const char *text, parley_error *err)
{
    uint64_t h = pl_hash(text, strlen(text));
    for (size_t i = 0; i < s->n_sents; i++)
        if (s->sents[i].n == n && s->sents[i].hash == h) return s->sents[i].id;
    long long id = s->next_sentence++;
    sqlite3_stmt *st = s->st[ST_SENT_INSERT];
    sqlite3_bind_int64(st, 1, s->article_id);
    sqlite3_bind_int(st, 2, n);
    bind_text(st, 3, text);
    sqlite3_bind_int64(st, 4, id);
    if (step_done(st)) {
        pl_store_dbfail(s, err, "cannot store a sentence");
        return -1;
    }
    s->sents = pl_grow(s->sents, &s->cap_sents, s->n_sents + 1, sizeof *s->sents);
    s->sents[s->n_sents++] = (pl_sent_slot){n, h, id};
    return s->sents[s->n_sents - 1].id;
}

static void bind_span(sqlite3_stmt *st, int i, parley_span sp)
{
    if (sp.end > sp.start || sp.start) {
        sqlite3_bind_int64(st, i, (sqlite3_int64)sp.start);
        sqlite3_bind_int64(st, i + 1, (sqlite3_int64)sp.end);
    } else {
        sqlite3_bind_null(st, i);
        sqlite3_bind_null(st, i + 1);
    }
}

static parley_status write_event(parley_store *s, const parley_event *ev, long long *first, long long *last,
                                 parley_error *err)
{
    long long src = actor_id(s, ev->source, err);
    if (src < 0) return PARLEY_ERR_DB;
    long long tgt = actor_id(s, ev->target, err);
    if (tgt < 0) return PARLEY_ERR_DB;
    long long sid = sentence_id(s, ev->sent, ev->sentence, err);
    if (sid < 0) return PARLEY_ERR_DB;
    int day = pl_day_parse(ev->date);
    if (!day) day = s->cur.day;
    sqlite3_stmt *st = s->st[ST_EV_INSERT];
    sqlite3_bind_int64(st, 1, s->article_id);
    sqlite3_bind_int64(st, 2, s->story_id);
    sqlite3_bind_int64(st, 3, sid);
    sqlite3_bind_int(st, 4, ev->sent);
    sqlite3_bind_int(st, 5, day);
    sqlite3_bind_int64(st, 6, src);
    sqlite3_bind_int64(st, 7, tgt);
    bind_text(st, 8, ev->code);
    bind_text(st, 9, ev->root);
    sqlite3_bind_int(st, 10, ev->quad);
    sqlite3_bind_double(st, 11, ev->goldstein);
    bind_text(st, 12, ev->plover);
    sqlite3_bind_int(st, 13, modal_of(ev->mode));
    bind_text(st, 14, ev->mode);
    bind_text(st, 15, ev->source_text);
    bind_text(st, 16, ev->target_text);
    bind_text(st, 17, ev->verb_text);
    bind_span(st, 18, ev->source_span);
    bind_span(st, 20, ev->target_span);
    bind_span(st, 22, ev->verb_span);
    bind_text(st, 24, ev->issues);
    bind_text(st, 25, ev->evidence);
    long long id = s->next_event++;
    sqlite3_bind_int64(st, 26, id);
    if (step_done(st)) return pl_store_dbfail(s, err, "cannot store an event");
    if (!*first) *first = id;
    *last = id;
    return PARLEY_OK;
}

static parley_status range_delete(parley_store *s, int which, const long long r[2], parley_error *err)
{
    if (r[0] <= 0) return PARLEY_OK;
    sqlite3_stmt *st = s->st[which];
    sqlite3_bind_int64(st, 1, r[0]);
    sqlite3_bind_int64(st, 2, r[1]);
    if (which == ST_FTS_DELETE) sqlite3_bind_int64(st, 3, s->batch_first_sentence);
    if (step_done(st)) return pl_store_dbfail(s, err, "cannot remove the old version of an article");
    return PARLEY_OK;
}

/* Writes the pending article; on failure the caller rolls the batch back. */
static parley_status write_article(parley_store *s, parley_error *err)
{
    pl_pending *p = &s->cur;
    parley_status r;
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (p->existing >= 0) {
        if ((r = range_delete(s, ST_EV_DELETE, p->old_ev, err)) || (r = range_delete(s, ST_FTS_DELETE, p->old_sent, err)) ||
            (r = range_delete(s, ST_SENT_DELETE, p->old_sent, err)))
            return r;
        for (int b = 0; b < PL_BANDS && p->has_old_sig; b++) {
            sqlite3_stmt *st = s->st[ST_BAND_DELETE];
            sqlite3_bind_int64(st, 1, (sqlite3_int64)pl_band_hash(p->old_sig, b));
            sqlite3_bind_int64(st, 2, p->existing);
            if (step_done(st)) return pl_store_dbfail(s, err, "cannot remove old story bands");
        }
    }
    /* ids are assigned here (the batch holds the write lock), so that the
     * article row is written once, complete, after its events */
    s->article_id = p->existing >= 0 ? p->existing : s->next_article++;
    if ((r = assign_story(s, err))) return r;
    s->n_sents = 0;
    long long ev[2] = {0, 0};
    for (size_t i = 0; i < p->n_events; i++)
        if ((r = write_event(s, &p->events[i], &ev[0], &ev[1], err))) return r;
    sqlite3_stmt *st = s->st[p->existing >= 0 ? ST_ART_UPDATE : ST_ART_INSERT];
    sqlite3_bind_int64(st, 1, s->article_id);
    bind_text(st, 2, p->key);
    bind_text(st, 3, p->doc);
    bind_text(st, 4, p->url);
    bind_text(st, 5, p->source);
    bind_text(st, 6, p->headline);
    bind_text(st, 7, p->published);
    sqlite3_bind_int(st, 8, p->day);
    bind_text(st, 9, p->language);
    bind_text(st, 10, p->file);
    bind_text(st, 11, p->hash);
    sqlite3_bind_int64(st, 12, s->story_id);
    if (p->has_sig) sqlite3_bind_blob(st, 13, p->sig, sizeof p->sig, SQLITE_STATIC);
    else sqlite3_bind_null(st, 13);
    sqlite3_bind_int64(st, 14, (sqlite3_int64)p->n_events);
    sqlite3_bind_int64(st, 15, ev[0]);
    sqlite3_bind_int64(st, 16, ev[1]);
    sqlite3_bind_int64(st, 17, s->n_sents ? s->sents[0].id : 0);
    sqlite3_bind_int64(st, 18, s->n_sents ? s->sents[s->n_sents - 1].id : 0);
    bind_text(st, 19, now);
    if (step_done(st)) return pl_store_dbfail(s, err, "cannot store the article");
    return PARLEY_OK;
}

parley_status parley_store_article_end(parley_store *s, parley_error *err)
{
    if (!s->in_article) return pl_store_fail(s, err, PARLEY_ERR_USAGE, "no open article");
    s->in_article = 0;
    if (!s->in_txn) {
        if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) return pl_store_dbfail(s, err, "cannot begin a transaction");
        s->in_txn = 1;
        s->in_batch = 0;
        sqlite3_stmt *st = s->st[ST_MAX_IDS];
        if (sqlite3_step(st) != SQLITE_ROW) {
            sqlite3_reset(st);
            exec(s, "ROLLBACK");
            s->in_txn = 0;
            return pl_store_dbfail(s, err, "cannot read the row ids");
        }
        s->next_article = sqlite3_column_int64(st, 0) + 1;
        s->next_event = sqlite3_column_int64(st, 1) + 1;
        s->next_sentence = sqlite3_column_int64(st, 2) + 1;
        s->batch_first_sentence = s->next_sentence;
        sqlite3_reset(st);
    }
    parley_status r = write_article(s, err);
    if (r != PARLEY_OK) {
        /* the batch cannot be trusted any more: roll it back whole (every
         * article in it is then absent, none is half stored) */
        exec(s, "ROLLBACK");
        s->in_txn = 0;
        s->in_batch = 0;
        actor_cache_clear(s);
        return r;
    }
    if (++s->in_batch >= s->batch) return parley_store_commit(s, err);
    return PARLEY_OK;
}

void parley_store_article_abort(parley_store *s)
{
    s->in_article = 0;
    pl_arena_reset(&s->arena);
}

/* ---- statistics ------------------------------------------------------- */

parley_status parley_store_stats_get(parley_store *s, parley_store_stats *out, parley_error *err)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
        " (SELECT count(*) FROM sentences), (SELECT count(*) FROM actors),"
        " (SELECT count(DISTINCT story_id) FROM articles),"
        " (SELECT min(day) FROM events WHERE day > 0), (SELECT max(day) FROM events)";
    sqlite3_stmt *st;
    memset(out, 0, sizeof *out);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return pl_store_dbfail(s, err, "stats");
    if (sqlite3_step(st) == SQLITE_ROW) {
        out->articles = sqlite3_column_int64(st, 0);
        out->events = sqlite3_column_int64(st, 1);
        out->sentences = sqlite3_column_int64(st, 2);
        out->actors = sqlite3_column_int64(st, 3);
        out->stories = sqlite3_column_int64(st, 4);
        pl_day_format(sqlite3_column_int(st, 5), out->first_day);
        pl_day_format(sqlite3_column_int(st, 6), out->last_day);
    }
    sqlite3_finalize(st);
    return PARLEY_OK;
}
