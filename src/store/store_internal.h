/* store_internal.h — private state of the SQLite event store (src/store).
 *
 * store.c opens the database, migrates the schema and ingests articles;
 * story.c computes near-duplicate story clusters (MinHash); query.c answers
 * event, dyad and network queries; export.c writes the export formats and
 * svg.c draws plots.  See docs/store.md. */
#ifndef PL_STORE_INTERNAL_H
#define PL_STORE_INTERNAL_H

#include "parley.h"
#include "arena.h"
#include "util.h"

#include <sqlite3.h>

#define PL_STORE_SCHEMA 1
#define PL_STORE_APP_ID 0x50524c59   /* "PRLY" */

enum {
    ST_ART_FIND, ST_ART_INSERT, ST_ART_UPDATE, ST_MAX_IDS,
    ST_EV_DELETE, ST_SENT_DELETE, ST_FTS_DELETE, ST_FTS_INSERT, ST_BAND_DELETE,
    ST_ACTOR_FIND, ST_ACTOR_INSERT,
    ST_SENT_INSERT, ST_EV_INSERT,
    ST_BAND_FIND, ST_BAND_INSERT, ST_ART_SIG,
    ST_COUNT
};

#define PL_MINHASH 60          /* signature length */
#define PL_BANDS 10            /* LSH bands of PL_MINHASH / PL_BANDS = 6 rows */

typedef struct pl_actor_slot {
    char *code;
    long long id;
} pl_actor_slot;

typedef struct pl_sent_slot {
    int n;
    uint64_t hash;
    long long id;
} pl_sent_slot;

/* The article being stored, copied into the arena until article_end. */
typedef struct pl_pending {
    const char *key, *doc, *url, *source, *headline, *language, *file;
    char published[40], hash[40];
    int day;
    long long existing;                  /* row id when the key is already stored, else -1 */
    long long old_ev[2], old_sent[2];    /* rowid ranges of the replaced version */
    uint32_t old_sig[PL_MINHASH];
    int has_old_sig;
    uint32_t sig[PL_MINHASH];
    int has_sig;
    parley_event *events;
    size_t n_events, cap_events;
} pl_pending;

struct parley_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *st[ST_COUNT];
    size_t batch, in_batch;
    int in_txn;
    /* current article */
    int in_article;
    pl_arena arena;
    pl_pending cur;
    long long article_id, story_id;
    long long next_article, next_event, next_sentence;   /* ids, read at BEGIN */
    long long batch_first_sentence;  /* sentences from here on are not in the FTS index yet */
    pl_sent_slot *sents;
    size_t n_sents, cap_sents;
    /* actor code -> id cache */
    pl_actor_slot *actors;
    size_t n_actors, cap_actors;   /* cap is a power of two */
    char errmsg[512];
};

/* Records a failure (message kept in s->errmsg and copied to err). */
parley_status pl_store_fail(parley_store *s, parley_error *err, parley_status st,
                            const char *fmt, ...) __attribute__((format(printf, 4, 5)));
parley_status pl_store_dbfail(parley_store *s, parley_error *err, const char *what);

/* "YYYY-MM-DD" (or longer ISO text) -> YYYYMMDD; 0 when absent/invalid. */
int pl_day_parse(const char *s);
void pl_day_format(int day, char out[11]);
/* Start of the period containing day (YYYYMMDD); next period start. */
int pl_period_start(int day, int by);
int pl_period_next(int start, int by);

/* MinHash signature of a text (word 4-shingles). Returns 0 when the text has
 * no words. */
int pl_minhash(const char *text, size_t len, uint32_t sig[PL_MINHASH]);
uint64_t pl_band_hash(const uint32_t sig[PL_MINHASH], int band);

/* Appends s with XML special characters escaped (export.c). */
void pl_xml_escape(pl_buf *b, const char *s);

#endif
