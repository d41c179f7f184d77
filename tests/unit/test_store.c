/* test_store.c — the SQLite store on a real file in a temporary folder:
 * schema, idempotent ingest, replacement, story detection, every query path,
 * exports and plots. */
#include "test.h"

#include "parley.h"
#include "store/store_internal.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[256];

/* The temporary folder and its stores are removed when the tests end. */
__attribute__((destructor)) static void remove_tmpdir(void)
{
    if (!tmpdir[0]) return;
    DIR *d = opendir(tmpdir);
    if (d) {
        struct dirent *e;
        char path[600];
        while ((e = readdir(d)))
            if (e->d_name[0] != '.') {
                snprintf(path, sizeof path, "%s/%s", tmpdir, e->d_name);
                unlink(path);
            }
        closedir(d);
    }
    rmdir(tmpdir);
}

static const char *tmp_path(const char *name)
{
    static char path[512];
    if (!tmpdir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(tmpdir, sizeof tmpdir, "%s/parley-store-XXXXXX", base && *base ? base : "/tmp");
        if (!mkdtemp(tmpdir)) abort();
    }
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    unlink(path);
    char side[600];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    return path;
}

static parley_article article(const char *id, const char *source, const char *date, const char *body)
{
    parley_article a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.format = "text";
    a.file = "test";
    a.url = "";
    a.canonical_url = "";
    a.source = source;
    a.language = "en";
    a.headline = "Headline";
    a.byline = "";
    sscanf(date, "%d-%d-%d", &a.published.year, &a.published.month, &a.published.day);
    a.body = body;
    a.body_len = strlen(body);
    return a;
}

static parley_event event(const char *date, const char *src, const char *tgt, const char *code, int quad, double gs,
                          const char *sentence)
{
    parley_event e;
    memset(&e, 0, sizeof e);
    e.sent = 1;
    snprintf(e.date, sizeof e.date, "%s", date);
    e.source = src;
    e.target = tgt;
    e.code = code;
    e.root = "";
    e.quad = quad;
    e.goldstein = gs;
    e.plover = quad <= 2 ? "CONSULT" : "ACCUSE";
    e.mode = "";
    e.source_text = src;
    e.target_text = tgt;
    e.verb_text = "met";
    e.sentence = sentence;
    e.source_span = (parley_span){0, 3};
    e.verb_span = (parley_span){4, 7};
    e.issues = "";
    e.evidence = "test";
    return e;
}

/* Stores one article with its events; returns the ingest state. */
static int put(parley_store *s, const parley_article *a, const parley_event *ev, size_t n)
{
    parley_ingest_state st;
    parley_error err;
    if (parley_store_article_begin(s, a, &st, &err) != PARLEY_OK) return -1;
    if (st == PARLEY_INGEST_UNCHANGED) return (int)st;
    for (size_t i = 0; i < n; i++)
        if (parley_store_add_event(s, &ev[i], &err) != PARLEY_OK) return -1;
    if (parley_store_article_end(s, &err) != PARLEY_OK) return -1;
    return (int)st;
}

static long long count_sql(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
}

static const char *const WIRE =
    "Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on Monday to discuss "
    "the ceasefire in Syria, officials said. The talks lasted four hours and ended without an agreement on the "
    "delivery of humanitarian aid to besieged towns.";
static const char *const WIRE2 =
    "GENEVA (Reuters) - Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on Monday "
    "to discuss the ceasefire in Syria, officials said. The talks lasted four hours and ended without an agreement "
    "on the delivery of humanitarian aid to besieged towns.";
static const char *const OTHER =
    "Iran accused Israel of sabotage at a nuclear facility and threatened to retaliate, while European diplomats "
    "urged restraint from both sides as talks in Vienna resumed on Tuesday.";

/* A store with a known content:
 *   a1 (Reuters, 2015-03-02): USAGOV->RUSGOV 042 (q1, +1.9) x2 sentences, RUSGOV->USAGOV 111 (q3, -2.0)
 *   a2 (AP, same wire story): USAGOV->RUSGOV 042 on the same day
 *   a3 (BBC, 2015-03-10): IRN->ISR 112 (q3), IRN->ISR 173 (q4), ISR->IRN 036 (q1, hypothetical mode)
 *   a4 (Reuters, 2015-04-20): USA->RUS 057 (q2, +8) */
static parley_store *fixture(const char *name, char path_out[512])
{
    const char *path = tmp_path(name);
    snprintf(path_out, 512, "%s", path);
    parley_error err;
    parley_store *s = parley_store_open(path, &err);
    if (!s) return NULL;
    parley_article a1 = article("a1", "Reuters", "2015-03-02", WIRE);
    parley_event e1[3] = {
        event("2015-03-02", "USAGOV", "RUSGOV", "042", 1, 1.9, "Kerry met Lavrov in Geneva."),
        event("2015-03-02", "USAGOV", "RUSGOV", "042", 1, 1.9, "The talks lasted four hours."),
        event("2015-03-02", "RUSGOV", "USAGOV", "111", 3, -2.0, "Lavrov criticized the plan."),
    };
    e1[1].sent = 2;
    e1[2].sent = 3;
    put(s, &a1, e1, 3);
    parley_article a2 = article("a2", "AP", "2015-03-02", WIRE2);
    parley_event e2[1] = {event("2015-03-02", "USAGOV", "RUSGOV", "042", 1, 1.9, "Kerry met Lavrov in Geneva.")};
    put(s, &a2, e2, 1);
    parley_article a3 = article("a3", "BBC", "2015-03-10", OTHER);
    parley_event e3[3] = {
        event("2015-03-10", "IRN", "ISR", "112", 3, -2.0, "Iran accused Israel of sabotage."),
        event("2015-03-10", "IRN", "ISR", "173", 4, -5.0, "Iran threatened to retaliate at the facility."),
        event("2015-03-10", "ISR", "IRN", "036", 1, 4.0, "Israel might meet Iran."),
    };
    e3[1].plover = "THREATEN";
    e3[2].mode = "hypothetical";
    put(s, &a3, e3, 3);
    parley_article a4 = article("a4", "Reuters", "2015-04-20", "Washington and Moscow signed a new arms treaty.");
    parley_event e4[1] = {event("2015-04-20", "USA", "RUS", "057", 2, 8.0, "Washington and Moscow signed a treaty.")};
    e4[0].plover = "AGREE";
    put(s, &a4, e4, 1);
    parley_store_commit(s, NULL);
    return s;
}

typedef struct collect {
    int n;
    char codes[64][8];
    long long mentions[64], sources[64];
    char first_source[32];
} collect;

static int collect_fn(void *ctx, const parley_stored_event *e)
{
    collect *c = ctx;
    if (c->n < 64) {
        snprintf(c->codes[c->n], 8, "%s", e->ev.code);
        c->mentions[c->n] = e->mentions;
        c->sources[c->n] = e->sources;
        if (!c->n) snprintf(c->first_source, sizeof c->first_source, "%s", e->ev.source);
    }
    c->n++;
    return 0;
}

static int run(parley_store *s, const parley_query *q, collect *c)
{
    memset(c, 0, sizeof *c);
    parley_error err;
    return parley_store_events(s, q, collect_fn, c, &err);
}

TEST(store_schema_and_reopen)
{
    char path[512];
    parley_store *s = fixture("schema.db", path);
    CHECK(s != NULL);
    parley_store_close(s);
    CHECK_INT(count_sql(path, "PRAGMA user_version"), PL_STORE_SCHEMA);
    CHECK_INT(count_sql(path, "PRAGMA application_id"), PL_STORE_APP_ID);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM articles"), 4);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM events"), 8);
    /* reopening keeps everything */
    parley_error err;
    s = parley_store_open(path, &err);
    CHECK(s != NULL);
    parley_store_stats st;
    CHECK_INT(parley_store_stats_get(s, &st, &err), PARLEY_OK);
    CHECK_INT(st.articles, 4);
    CHECK_INT(st.events, 8);
    CHECK_INT(st.stories, 3);   /* a1 and a2 are one wire story */
    CHECK_STR(st.first_day, "2015-03-02");
    CHECK_STR(st.last_day, "2015-04-20");
    parley_store_close(s);
}

TEST(store_rejects_foreign_and_newer_files)
{
    const char *p = tmp_path("foreign.db");
    char path[512];
    snprintf(path, sizeof path, "%s", p);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
    sqlite3_close(db);
    parley_error err;
    memset(&err, 0, sizeof err);
    CHECK(parley_store_open(path, &err) == NULL);
    CHECK(strstr(err.message, "not a Parley store") != NULL);

    p = tmp_path("newer.db");
    snprintf(path, sizeof path, "%s", p);
    parley_store_close(parley_store_open(path, &err));
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK(parley_store_open(path, &err) == NULL);
    CHECK(strstr(err.message, "newer") != NULL);
}

TEST(store_idempotent_and_replace)
{
    char path[512];
    parley_store *s = fixture("idem.db", path);
    parley_article a1 = article("a1", "Reuters", "2015-03-02", WIRE);
    parley_event e = event("2015-03-02", "USAGOV", "RUSGOV", "042", 1, 1.9, "Kerry met Lavrov in Geneva.");
    /* the same article again: nothing changes */
    CHECK_INT(put(s, &a1, &e, 1), PARLEY_INGEST_UNCHANGED);
    parley_store_commit(s, NULL);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM events WHERE article_id = (SELECT id FROM articles WHERE doc = 'a1')"), 3);
    /* changed text: re-coded, old events replaced by the new ones */
    parley_article a1b = article("a1", "Reuters", "2015-03-02", "Kerry and Lavrov met again and agreed on a truce.");
    parley_event e2[2] = {event("2015-03-03", "USAGOV", "RUSGOV", "057", 2, 8.0, "They agreed on a truce."),
                          event("2015-03-03", "RUSGOV", "USAGOV", "057", 2, 8.0, "They agreed on a truce.")};
    CHECK_INT(put(s, &a1b, e2, 2), PARLEY_INGEST_CHANGED);
    parley_store_commit(s, NULL);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM articles"), 4);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM events WHERE article_id = (SELECT id FROM articles WHERE doc = 'a1')"), 2);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM events WHERE code = '042'"), 1);   /* only a2's remains */
    CHECK_INT(count_sql(path, "SELECT n_events FROM articles WHERE doc = 'a1'"), 2);
    /* its sentences were replaced too, and the full-text index follows */
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'hours'"), 0);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'truce'"), 1);
    parley_store_close(s);
}

TEST(store_abort_and_uncommitted_batch)
{
    char path[512];
    parley_store *s = fixture("abort.db", path);
    parley_store_set_batch(s, 1000);
    parley_article a = article("x1", "Xinhua", "2016-01-01", "A new article about a new actor.");
    parley_event e = event("2016-01-01", "CHNGOV", "JPNGOV", "010", 1, 0.0, "China spoke to Japan.");
    parley_ingest_state st;
    parley_error err;
    CHECK_INT(parley_store_article_begin(s, &a, &st, &err), PARLEY_OK);
    CHECK_INT(st, PARLEY_INGEST_NEW);
    CHECK_INT(parley_store_add_event(s, &e, &err), PARLEY_OK);
    parley_store_article_abort(s);
    parley_article a2 = article("x2", "Xinhua", "2016-01-02", "Another one.");
    CHECK_INT(put(s, &a2, &e, 1), PARLEY_INGEST_NEW);
    /* not committed yet: another connection does not see x2 */
    CHECK_INT(count_sql(path, "SELECT count(*) FROM articles WHERE doc LIKE 'x%'"), 0);
    CHECK_INT(parley_store_commit(s, &err), PARLEY_OK);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM articles WHERE doc LIKE 'x%'"), 1);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM articles WHERE doc = 'x1'"), 0);
    /* the actor created by the aborted article and re-created by x2 is valid */
    CHECK_INT(count_sql(path, "SELECT count(*) FROM events e JOIN actors a ON a.id = e.src_id WHERE a.code = 'CHNGOV'"), 1);
    /* misuse is reported, not crashed on */
    CHECK_INT(parley_store_add_event(s, &e, &err), PARLEY_ERR_USAGE);
    CHECK_INT(parley_store_article_end(s, &err), PARLEY_ERR_USAGE);
    parley_store_close(s);
}

TEST(store_story_detection)
{
    char path[512];
    parley_store *s = fixture("story.db", path);
    parley_store_close(s);
    CHECK_INT(count_sql(path, "SELECT (SELECT story_id FROM articles WHERE doc = 'a1') = (SELECT story_id FROM articles WHERE doc = 'a2')"), 1);
    CHECK_INT(count_sql(path, "SELECT (SELECT story_id FROM articles WHERE doc = 'a1') = (SELECT story_id FROM articles WHERE doc = 'a3')"), 0);
    /* the same words far apart in time are a different story */
    s = parley_store_open(path, NULL);
    parley_article late = article("a5", "AFP", "2016-03-02", WIRE);
    put(s, &late, NULL, 0);
    parley_store_close(s);
    CHECK_INT(count_sql(path, "SELECT (SELECT story_id FROM articles WHERE doc = 'a1') = (SELECT story_id FROM articles WHERE doc = 'a5')"), 0);
    /* MinHash: near-identical texts agree on most slots, different ones on few */
    uint32_t x[PL_MINHASH], y[PL_MINHASH], z[PL_MINHASH];
    CHECK(pl_minhash(WIRE, strlen(WIRE), x));
    CHECK(pl_minhash(WIRE2, strlen(WIRE2), y));
    CHECK(pl_minhash(OTHER, strlen(OTHER), z));
    int same_xy = 0, same_xz = 0;
    for (int i = 0; i < PL_MINHASH; i++) same_xy += x[i] == y[i], same_xz += x[i] == z[i];
    CHECK(same_xy >= PL_MINHASH * 7 / 10);
    CHECK(same_xz <= 4);
    CHECK(!pl_minhash("  ,, ", 5, z));
}

TEST(store_query_filters)
{
    char path[512];
    parley_store *s = fixture("query.db", path);
    collect c;
    parley_query q;
    memset(&q, 0, sizeof q);
    CHECK_INT(run(s, &q, &c), PARLEY_OK);
    CHECK_INT(c.n, 7);                         /* the hypothetical event is left out */
    q.all_modes = 1;
    run(s, &q, &c);
    CHECK_INT(c.n, 8);
    q.all_modes = 0;
    q.actor = "USA";                           /* a country matches USAGOV and USA */
    run(s, &q, &c);
    CHECK_INT(c.n, 5);
    q.actor = "usagov";                        /* case-insensitive, exact actor */
    run(s, &q, &c);
    CHECK_INT(c.n, 4);
    memset(&q, 0, sizeof q);
    q.source = "RUS";
    run(s, &q, &c);
    CHECK_INT(c.n, 1);
    CHECK_STR(c.codes[0], "111");
    q.source = NULL;
    q.target = "ISR";
    run(s, &q, &c);
    CHECK_INT(c.n, 2);
    memset(&q, 0, sizeof q);
    q.dyad_a = "RUS";
    q.dyad_b = "USA";                          /* either direction */
    run(s, &q, &c);
    CHECK_INT(c.n, 5);
    memset(&q, 0, sizeof q);
    q.code = "042";
    run(s, &q, &c);
    CHECK_INT(c.n, 3);
    q.code = NULL;
    q.root = "11";
    run(s, &q, &c);
    CHECK_INT(c.n, 2);
    q.root = NULL;
    q.quad = 4;
    run(s, &q, &c);
    CHECK_INT(c.n, 1);
    CHECK_STR(c.codes[0], "173");
    q.quad = 0;
    q.plover = "agree";
    run(s, &q, &c);
    CHECK_INT(c.n, 1);
    CHECK_STR(c.codes[0], "057");
    q.plover = NULL;
    q.from = "2015-03-05";
    q.to = "2015-03";                          /* a month bound covers the whole month */
    run(s, &q, &c);
    CHECK_INT(c.n, 2);
    q.from = "2015-04";
    q.to = "2015";
    run(s, &q, &c);
    CHECK_INT(c.n, 1);
    memset(&q, 0, sizeof q);
    q.text = "retaliate";
    run(s, &q, &c);
    CHECK_INT(c.n, 1);
    CHECK_STR(c.codes[0], "173");
    q.text = "Kerry AND Geneva";
    run(s, &q, &c);
    CHECK_INT(c.n, 2);
    q.text = "Geneva.";                        /* plain words with punctuation are quoted */
    run(s, &q, &c);
    CHECK_INT(c.n, 2);
    q.text = "retal*";                         /* FTS5 syntax is kept */
    run(s, &q, &c);
    CHECK_INT(c.n, 1);
    memset(&q, 0, sizeof q);
    q.limit = 2;
    run(s, &q, &c);
    CHECK_INT(c.n, 2);
    CHECK_STR(c.first_source, "USAGOV");       /* date order */
    parley_store_close(s);
}

TEST(store_query_dedup)
{
    char path[512];
    parley_store *s = fixture("dedup.db", path);
    collect c;
    parley_query q;
    memset(&q, 0, sizeof q);
    q.code = "042";
    run(s, &q, &c);
    CHECK_INT(c.n, 3);
    q.dedup = PARLEY_DEDUP_STORY;   /* three mentions in one wire story by two outlets */
    run(s, &q, &c);
    CHECK_INT(c.n, 1);
    CHECK_INT(c.mentions[0], 3);
    CHECK_INT(c.sources[0], 2);
    q.dedup = PARLEY_DEDUP_DAILY;
    q.code = NULL;
    run(s, &q, &c);
    CHECK_INT(c.n, 5);              /* 042, 111 on 03-02; 112, 173 on 03-10; 057 on 04-20 */
    CHECK_STR(c.codes[0], "042");
    CHECK_INT(c.mentions[0], 3);
    CHECK_INT(c.sources[0], 2);
    parley_store_close(s);
}

TEST(store_query_bad_arguments)
{
    char path[512];
    parley_store *s = fixture("bad.db", path);
    collect c;
    parley_query q;
    parley_error err;
    memset(&q, 0, sizeof q);
    q.actor = "FRA";
    memset(&err, 0, sizeof err);
    CHECK_INT(parley_store_events(s, &q, collect_fn, &c, &err), PARLEY_ERR_USAGE);
    CHECK(strstr(err.message, "unknown actor 'FRA'") != NULL);
    q.actor = "US A";
    CHECK_INT(run(s, &q, &c), PARLEY_ERR_USAGE);
    memset(&q, 0, sizeof q);
    q.from = "2015-02-30";
    CHECK_INT(parley_store_events(s, &q, collect_fn, &c, &err), PARLEY_ERR_USAGE);
    CHECK(strstr(err.message, "bad date '2015-02-30'") != NULL);
    q.from = "2016-01-01";
    q.to = "2015-01-01";
    CHECK_INT(run(s, &q, &c), PARLEY_ERR_USAGE);
    memset(&q, 0, sizeof q);
    q.text = "\"unbalanced";
    CHECK_INT(parley_store_events(s, &q, collect_fn, &c, &err), PARLEY_ERR_USAGE);
    CHECK(strstr(err.message, "bad text query") != NULL);
    memset(&q, 0, sizeof q);
    q.code = "4x";
    CHECK_INT(run(s, &q, &c), PARLEY_ERR_USAGE);
    q.code = NULL;
    q.plover = "DANCE";
    CHECK_INT(run(s, &q, &c), PARLEY_ERR_USAGE);
    q.plover = NULL;
    q.dyad_a = "USA";
    CHECK_INT(run(s, &q, &c), PARLEY_ERR_USAGE);
    memset(&q, 0, sizeof q);
    CHECK_INT(parley_store_export(s, &q, "xml", stdout, &err), PARLEY_ERR_USAGE);
    parley_dyad_series d;
    CHECK_INT(parley_store_dyad(s, "USA", "FRA", PARLEY_BY_MONTH, NULL, &d, &err), PARLEY_ERR_USAGE);
    parley_store_close(s);
}

TEST(store_dates_and_periods)
{
    CHECK_INT(pl_day_parse("2012-11-20"), 20121120);
    CHECK_INT(pl_day_parse("2012-11-20T19:12:00+04:00"), 20121120);
    CHECK_INT(pl_day_parse("2012-13-01"), 0);
    CHECK_INT(pl_day_parse("2013-02-29"), 0);
    CHECK_INT(pl_day_parse("2012-02-29"), 20120229);
    CHECK_INT(pl_day_parse("12-11-20"), 0);
    CHECK_INT(pl_period_start(20150304, PARLEY_BY_WEEK), 20150302);   /* a Wednesday -> Monday */
    CHECK_INT(pl_period_start(20150302, PARLEY_BY_WEEK), 20150302);
    CHECK_INT(pl_period_start(20150101, PARLEY_BY_WEEK), 20141229);   /* across a year */
    CHECK_INT(pl_period_start(20150320, PARLEY_BY_MONTH), 20150301);
    CHECK_INT(pl_period_start(20150320, PARLEY_BY_YEAR), 20150101);
    CHECK_INT(pl_period_next(20141229, PARLEY_BY_WEEK), 20150105);
    CHECK_INT(pl_period_next(20151201, PARLEY_BY_MONTH), 20160101);
    CHECK_INT(pl_period_next(20160228, PARLEY_BY_DAY), 20160229);
    CHECK_INT(parley_period_parse("week"), PARLEY_BY_WEEK);
    CHECK_INT(parley_period_parse("fortnight"), -1);
}

TEST(store_dyad_series)
{
    char path[512];
    parley_store *s = fixture("dyad.db", path);
    parley_dyad_series d;
    parley_error err;
    CHECK_INT(parley_store_dyad(s, "USA", "RUS", PARLEY_BY_MONTH, NULL, &d, &err), PARLEY_OK);
    CHECK_INT(d.n_rows, 4);                    /* March and April, both directions */
    CHECK_STR(d.rows[0].period, "2015-03-01");
    CHECK_INT(d.rows[0].reverse, 0);
    CHECK_INT(d.rows[0].events, 3);            /* USA -> RUS in March: 3 x 042 */
    CHECK_INT(d.rows[0].quad[1], 3);
    CHECK_INT(d.rows[0].stories, 1);
    CHECK(d.rows[0].goldstein_sum > 5.69 && d.rows[0].goldstein_sum < 5.71);
    CHECK(d.rows[0].goldstein_mean > 1.89 && d.rows[0].goldstein_mean < 1.91);
    CHECK_INT(d.rows[1].reverse, 1);
    CHECK_INT(d.rows[1].events, 1);            /* RUS -> USA: 111 */
    CHECK_INT(d.rows[1].quad[3], 1);
    CHECK_STR(d.rows[2].period, "2015-04-01");
    CHECK_INT(d.rows[2].quad[2], 1);
    CHECK_INT(d.rows[3].events, 0);
    parley_dyad_series_free(&d);
    /* story dedup: the wire story counts once */
    parley_query q;
    memset(&q, 0, sizeof q);
    q.dedup = PARLEY_DEDUP_STORY;
    CHECK_INT(parley_store_dyad(s, "USA", "RUS", PARLEY_BY_YEAR, &q, &d, &err), PARLEY_OK);
    CHECK_INT(d.n_rows, 2);
    CHECK_STR(d.rows[0].period, "2015-01-01");
    CHECK_INT(d.rows[0].events, 2);            /* 042 once + 057 */
    parley_dyad_series_free(&d);
    /* one-a-day filter: the three 042 mentions of 2015-03-02 count once */
    q.dedup = PARLEY_DEDUP_DAILY;
    CHECK_INT(parley_store_dyad(s, "USA", "RUS", PARLEY_BY_YEAR, &q, &d, &err), PARLEY_OK);
    CHECK_INT(d.rows[0].events, 2);
    CHECK_INT(d.rows[1].events, 1);
    parley_dyad_series_free(&d);
    /* a date range gives every period of the range, empty ones included */
    memset(&q, 0, sizeof q);
    q.from = "2015-01";
    q.to = "2015-06";
    CHECK_INT(parley_store_dyad(s, "USA", "RUS", PARLEY_BY_MONTH, &q, &d, &err), PARLEY_OK);
    CHECK_INT(d.n_rows, 12);
    CHECK_STR(d.rows[0].period, "2015-01-01");
    CHECK_STR(d.rows[11].period, "2015-06-01");
    CHECK_INT(d.rows[4].events, 3);            /* March, A -> B */
    parley_dyad_series_free(&d);
    /* no events at all in the range: an empty series, not an error */
    q.from = "2001";
    q.to = "2001";
    CHECK_INT(parley_store_dyad(s, "USA", "RUS", PARLEY_BY_YEAR, &q, &d, &err), PARLEY_OK);
    CHECK_INT(d.n_rows, 2);
    CHECK_INT(d.rows[0].events + d.rows[1].events, 0);
    parley_dyad_series_free(&d);
    /* weeks, with empty weeks filled in between */
    CHECK_INT(parley_store_dyad(s, "USA", "RUS", PARLEY_BY_WEEK, NULL, &d, &err), PARLEY_OK);
    CHECK_INT(d.n_rows, 2 * 8);                /* 2015-03-02 .. 2015-04-20 */
    CHECK_STR(d.rows[2].period, "2015-03-09");
    CHECK_INT(d.rows[2].events, 0);
    /* the table, JSON Lines and CSV writers, and the SVG plot */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_INT(parley_dyad_write(&d, "csv", f), PARLEY_OK);
    CHECK_INT(parley_dyad_write(&d, "jsonl", f), PARLEY_OK);
    CHECK_INT(parley_dyad_write(&d, "xml", f), PARLEY_ERR_USAGE);
    CHECK_INT(parley_dyad_svg(&d, f), PARLEY_OK);
    fclose(f);
    CHECK(strncmp(buf, "period,source,target,events,", 28) == 0);
    CHECK(strstr(buf, "2015-03-02,USA,RUS,3,3,0,0,0,5.7,1.900,1\n") != NULL);
    CHECK(strstr(buf, "{\"period\":\"2015-03-02\",\"source\":\"RUS\",\"target\":\"USA\",\"events\":1,") != NULL);
    CHECK(strstr(buf, "<svg") != NULL && strstr(buf, "</svg>\n") != NULL);
    free(buf);
    parley_dyad_series_free(&d);
    parley_store_close(s);
}

TEST(store_network)
{
    char path[512];
    parley_store *s = fixture("net.db", path);
    parley_network n;
    parley_query q;
    parley_error err;
    memset(&q, 0, sizeof q);
    q.from = "2015-03-01";
    q.to = "2015-03-31";
    CHECK_INT(parley_store_network(s, &q, 1, 0, &n, &err), PARLEY_OK);
    CHECK_INT(n.n_nodes, 4);                   /* IRN ISR RUSGOV USAGOV */
    CHECK_STR(n.nodes[0].actor, "IRN");
    CHECK_INT(n.n_edges, 3);
    CHECK_STR(n.nodes[n.edges[0].source].actor, "USAGOV");   /* heaviest edge first */
    CHECK_INT(n.edges[0].events, 3);
    CHECK_INT(n.edges[0].cooperation, 3);
    CHECK_INT(n.edges[1].conflict, 2);         /* IRN -> ISR */
    CHECK_INT(n.nodes[0].out_events, 2);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_INT(parley_network_write(&n, "graphml", f), PARLEY_OK);
    CHECK_INT(parley_network_write(&n, "dot", f), PARLEY_OK);
    CHECK_INT(parley_network_write(&n, "json", f), PARLEY_OK);
    CHECK_INT(parley_network_write(&n, "gexf", f), PARLEY_ERR_USAGE);
    CHECK_INT(parley_network_svg(&n, f), PARLEY_OK);
    fclose(f);
    CHECK(strstr(buf, "<edge source=\"USAGOV\" target=\"RUSGOV\"><data key=\"w\">3</data>") != NULL);
    CHECK(strstr(buf, "\"IRN\" -> \"ISR\" [weight=2, cooperation=0, conflict=2") != NULL);
    CHECK(strstr(buf, "{\"source\":\"RUSGOV\",\"target\":\"USAGOV\",\"events\":1,\"cooperation\":0,\"conflict\":1") != NULL);
    CHECK(strstr(buf, ">USAGOV</text>") != NULL);
    free(buf);
    parley_network_free(&n);
    /* --min drops light edges and the nodes left alone */
    CHECK_INT(parley_store_network(s, &q, 2, 0, &n, &err), PARLEY_OK);
    CHECK_INT(n.n_edges, 2);
    CHECK_INT(n.n_nodes, 4);
    parley_network_free(&n);
    CHECK_INT(parley_store_network(s, &q, 3, 0, &n, &err), PARLEY_OK);
    CHECK_INT(n.n_edges, 1);
    CHECK_INT(n.n_nodes, 2);
    parley_network_free(&n);
    /* countries merge USAGOV and USA; story dedup counts the wire story once */
    memset(&q, 0, sizeof q);
    q.dedup = PARLEY_DEDUP_STORY;
    CHECK_INT(parley_store_network(s, &q, 1, 1, &n, &err), PARLEY_OK);
    CHECK_STR(n.nodes[n.edges[0].source].actor, "IRN");
    CHECK_INT(n.edges[0].events, 2);
    int found = 0;
    for (size_t i = 0; i < n.n_edges; i++)
        if (!strcmp(n.nodes[n.edges[i].source].actor, "USA")) {
            found = 1;
            CHECK_INT(n.edges[i].events, 2);
        }
    CHECK(found);
    parley_network_free(&n);
    parley_store_close(s);
}

TEST(store_exports)
{
    char path[512];
    parley_store *s = fixture("export.db", path);
    parley_query q;
    parley_error err;
    memset(&q, 0, sizeof q);
    q.code = "173";
    const char *fmts[] = {"csv", "phoenix", "gdelt", "plover", "jsonl", "table"};
    char *out[6];
    for (int i = 0; i < 6; i++) {
        size_t len = 0;
        out[i] = NULL;
        FILE *f = open_memstream(&out[i], &len);
        CHECK_INT(parley_store_export(s, &q, fmts[i], f, &err), PARLEY_OK);
        fclose(f);
    }
    CHECK(strncmp(out[0], "event_id,date,source,target,code,root,quad,goldstein,plover,mode,", 65) == 0);
    CHECK(strstr(out[0], ",2015-03-10,IRN,ISR,173,17,4,-5.0,THREATEN,,IRN,ISR,met,"
                         "Iran threatened to retaliate at the facility.,a3,1,,BBC,Headline,2015-03-10,") != NULL);
    /* Phoenix: 26 tab-separated columns, no header */
    int tabs = 0;
    for (const char *p = out[1]; *p; p++) tabs += *p == '\t';
    CHECK_INT(tabs, 25);
    CHECK(strstr(out[1], "\t20150310\t2015\t03\t10\tIRN\tIRN\t\t\tISR\tISR\t\t\t173\t17\t4\t-5.0\t") != NULL);
    CHECK(strncmp(out[2], "GLOBALEVENTID\tSQLDATE\t", 22) == 0);
    CHECK(strstr(out[2], "\t20150310\t201503\t2015\t") != NULL);
    CHECK(strstr(out[3], "\"date\":\"2015-03-10\",\"event\":\"THREATEN\"") != NULL);
    CHECK(strstr(out[3], "\"actor\":\"IRN\"") != NULL && strstr(out[3], "\"recipient\":\"ISR\"") != NULL);
    CHECK(strstr(out[4], "\"code\":\"173\"") != NULL && strstr(out[4], "\"spans\":{\"source\":[0,3]") != NULL);
    CHECK(strncmp(out[5], "DATE ", 5) == 0 && strstr(out[5], "2015-03-10  IRN") != NULL);
    for (int i = 0; i < 6; i++) free(out[i]);
    /* CSV quoting: commas, quotes and line breaks */
    parley_article a = article("q1", "The \"Daily\", Ltd", "2015-05-01", "Quoted text here.");
    parley_event e = event("2015-05-01", "FRA", "DEU", "040", 1, 1.0, "He said \"yes\",\nthen left.");
    put(s, &a, &e, 1);
    parley_store_commit(s, NULL);
    memset(&q, 0, sizeof q);
    q.source = "FRA";
    size_t len = 0;
    char *buf = NULL;
    FILE *f = open_memstream(&buf, &len);
    parley_store_export(s, &q, "csv", f, &err);
    fclose(f);
    CHECK(strstr(buf, ",\"He said \"\"yes\"\",\nthen left.\",") != NULL);
    CHECK(strstr(buf, ",\"The \"\"Daily\"\", Ltd\",") != NULL);
    free(buf);
    parley_store_close(s);
}

/* Regression: 20,000 near-identical articles made ingest 15x slower, because
 * every copy added its LSH bands and every new article then verified
 * thousands of candidates.  Only the first article of a story is indexed. */
TEST(store_story_many_copies_index_only_first)
{
    const char *p = tmp_path("copies.db");
    char path[512];
    snprintf(path, sizeof path, "%s", p);
    parley_store *s = parley_store_open(path, NULL);
    char id[32], body[512];
    for (int i = 0; i < 300; i++) {
        snprintf(id, sizeof id, "copy-%d", i);
        snprintf(body, sizeof body,
                 "Officials said Russia met France on Monday in Geneva to discuss the ceasefire, the delivery of"
                 " humanitarian aid to the besieged towns in the north and the exchange of prisoners agreed last"
                 " month, before the talks ended late in the evening without a statement, number %d.", i);
        parley_article a = article(id, "Outlet", "2014-01-05", body);
        CHECK_INT(put(s, &a, NULL, 0), PARLEY_INGEST_NEW);
    }
    parley_store_close(s);
    CHECK_INT(count_sql(path, "SELECT count(DISTINCT story_id) FROM articles"), 1);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM story_bands"), PL_BANDS);
    CHECK_INT(count_sql(path, "SELECT count(DISTINCT article_id) FROM story_bands"), 1);
}

/* The sentences of a batch are indexed for full-text search when the batch
 * commits, also when that happens in parley_store_close(); a sentence of an
 * article replaced within the same batch never reaches the index. */
TEST(store_fts_indexed_at_commit_and_close)
{
    const char *p = tmp_path("fts.db");
    char path[512];
    snprintf(path, sizeof path, "%s", p);
    parley_store *s = parley_store_open(path, NULL);
    parley_store_set_batch(s, 100);
    parley_article a = article("f1", "Outlet", "2014-01-05", "First version about a blockade.");
    parley_event e = event("2014-01-05", "FRA", "DEU", "040", 1, 1.0, "France discussed the blockade.");
    put(s, &a, &e, 1);
    parley_article b = article("f1", "Outlet", "2014-01-05", "Second version about an embargo.");
    parley_event e2 = event("2014-01-05", "FRA", "DEU", "040", 1, 1.0, "France discussed the embargo.");
    CHECK_INT(put(s, &b, &e2, 1), PARLEY_INGEST_CHANGED);
    parley_store_close(s);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'embargo'"), 1);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'blockade'"), 0);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sentences"), 1);
    /* replaced in a later batch: the indexed sentence is removed from the index */
    s = parley_store_open(path, NULL);
    parley_article c = article("f1", "Outlet", "2014-01-05", "Third version about sanctions.");
    parley_event e3 = event("2014-01-05", "FRA", "DEU", "040", 1, 1.0, "France discussed sanctions.");
    CHECK_INT(put(s, &c, &e3, 1), PARLEY_INGEST_CHANGED);
    parley_store_close(s);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'embargo'"), 0);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'sanctions'"), 1);
    sqlite3 *db;
    sqlite3_open(path, &db);
    CHECK_INT(sqlite3_exec(db, "INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')", NULL, NULL, NULL),
              SQLITE_OK);
    sqlite3_close(db);
}

typedef struct idlist {
    long long ids[16];
    int n;
} idlist;

static int collect_ids(void *ctx, const parley_stored_event *e)
{
    idlist *l = ctx;
    if (l->n < 16) l->ids[l->n++] = e->id;
    return l->n >= 16;
}

/* A small --limit on a busy actor reads events_day in date order (the
 * lookup of every match took minutes on 10 million events): both plans must
 * give the same first events. */
TEST(store_events_limit_on_busy_actor)
{
    const char *p = tmp_path("busy.db");
    char path[512];
    snprintf(path, sizeof path, "%s", p);
    parley_store *s = parley_store_open(path, NULL);
    parley_store_set_batch(s, 1000);
    char id[32], body[64], date[16];
    for (int i = 0; i < 2100; i++) {
        snprintf(id, sizeof id, "busy-%d", i);
        snprintf(body, sizeof body, "Article number %d about many meetings.", i);
        snprintf(date, sizeof date, "2014-%02d-%02d", 12 - i % 12, 28 - i % 28);
        parley_article a = article(id, "Outlet", date, body);
        parley_event ev[10];
        for (int k = 0; k < 10; k++) ev[k] = event(date, k % 2 ? "USAGOV" : "USA", k % 2 ? "FRA" : "DEU", "040", 1, 1.0, "They met.");
        put(s, &a, ev, 10);
    }
    parley_store_commit(s, NULL);
    parley_query q;
    memset(&q, 0, sizeof q);
    q.actor = "USA";
    idlist all = {0}, lim = {0};
    parley_error err;
    CHECK_INT(parley_store_events(s, &q, collect_ids, &all, &err), PARLEY_OK);   /* candidates plan */
    q.limit = 16;
    CHECK_INT(parley_store_events(s, &q, collect_ids, &lim, &err), PARLEY_OK);   /* streaming plan */
    CHECK_INT(all.n, 16);
    CHECK_INT(lim.n, 16);
    for (int i = 0; i < 16; i++) CHECK_INT(lim.ids[i], all.ids[i]);
    parley_store_close(s);
}
