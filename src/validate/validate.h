/* validate.h — validation suites (PETRARCH XML records, TABARI .project +
 * .text): reading them into records with expected events, and scoring the
 * coder's events against them.
 *
 * A suite is read whole into one arena (pl_vsuite); every string in it
 * belongs to that arena.  Readers never fail on malformed content: they
 * report a diagnostic naming file:line and go on (see docs/validate.md). */
#ifndef PL_VALIDATE_H
#define PL_VALIDATE_H

#include "parley.h"
#include "arena.h"

typedef enum pl_vformat {
    PL_VFORMAT_UNKNOWN = 0,
    PL_VFORMAT_PETRARCH,         /* PETRARCH XML records */
    PL_VFORMAT_TABARI_PROJECT,   /* TABARI .project naming the files */
    PL_VFORMAT_TABARI_TEXT       /* a bare TABARI .text file */
} pl_vformat;

/* What a record expects. */
typedef enum pl_vexpect_kind {
    PL_VEXPECT_NONE = 0,         /* nothing stated: the record is skipped */
    PL_VEXPECT_EVENTS,           /* the listed events, no more, no fewer */
    PL_VEXPECT_NOEVENTS,         /* noevents="True", TABARI {---} */
    PL_VEXPECT_DISCARD,          /* error="sentencediscard"/"storydiscard", TABARI {###} */
    PL_VEXPECT_COMPLEX,          /* TABARI {+++}: rejected as too complex */
    PL_VEXPECT_ERROR             /* other error="..." the coder must refuse (dateline) */
} pl_vexpect_kind;

typedef struct pl_vevent {
    const char *source, *target, *code;
} pl_vevent;

/* Coder options in force for a record (PETRARCH <Config>, TABARI commands). */
typedef struct pl_vconfig {
    int require_dyad;            /* as parley_code_options */
    int new_actor_length;
    int comma[6];                /* min, max, bmin, bmax, emin, emax */
    const char *tabari_commands; /* NULL = none */
} pl_vconfig;

typedef struct pl_vrecord {
    const char *id;
    const char *file;            /* file the record is in */
    const char *category;        /* "" when absent */
    parley_datetime date;        /* year 0 = none */
    const char *text;            /* whitespace collapsed to single spaces */
    long line;                   /* 1-based line of the record start */
    long long byte;              /* byte offset of the record start */
    pl_vexpect_kind expect;
    const char *error;           /* the error="..." attribute, or NULL */
    pl_vevent *events;           /* expected events (PL_VEXPECT_EVENTS) */
    size_t n_events;
    const char *skip;            /* reason the record is not scored, NULL = scored */
    int marked_valid;
    const char *parse_note;      /* PETRARCH: how <Text> and <Parse> differ, NULL = they agree
                                  * (the expected events then describe the parse) */            /* PETRARCH valid="true" (selected by <Include>valid</Include>) */
    size_t config;               /* index into pl_vsuite.configs */
} pl_vrecord;

typedef struct pl_vsuite {
    pl_arena arena;
    pl_vformat format;
    const char *path;            /* the suite file */
    const char *dir;             /* its folder ("." when none) */
    /* Dictionary file names as the suite gives them (not yet resolved);
     * actors may be comma-separated. */
    parley_dict_files files;
    const char *text_files;      /* TABARI: text file names, comma-separated */
    pl_vrecord *records;
    size_t n_records, cap_records;
    pl_vconfig *configs;         /* configs[0] = the suite's defaults */
    size_t n_configs, cap_configs;
    int stopped;                 /* a <Stop> ended reading early */
    /* diagnostics */
    parley_diag_fn diag;
    void *diag_ctx;
    size_t n_warnings;
} pl_vsuite;

void pl_vsuite_init(pl_vsuite *s, const char *path, parley_diag_fn diag, void *ctx);
void pl_vsuite_free(pl_vsuite *s);

/* Reports a diagnostic about the file being read (line computed from the
 * offset into data when line is 0 and data is given). */
void pl_vsuite_warn(pl_vsuite *s, const char *file, const char *data, long long byte,
                    const char *record, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* The same for a known line (0 = unknown) of file (NULL = the suite). */
void pl_vsuite_warn_line(pl_vsuite *s, const char *file, long line, const char *record,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Warns about records sharing an id; returns how many repeat an earlier id. */
size_t pl_vsuite_check_ids(pl_vsuite *s);

/* Appends a record (zeroed, config = current) and returns it. */
pl_vrecord *pl_vsuite_add_record(pl_vsuite *s);
/* Appends a copy of the last config and returns it (the new current one). */
pl_vconfig *pl_vsuite_push_config(pl_vsuite *s);

/* Guesses the format from the name and the first bytes. */
pl_vformat pl_vsuite_sniff(const char *path, const char *data, size_t len);

/* Readers: parse data[0..len) (NUL-terminated) into s.  They fail only on
 * inputs that are not suites at all (PARLEY_ERR_FORMAT with err filled);
 * everything else is reported through s->diag and skipped. */
parley_status pl_petrarch_read(pl_vsuite *s, const char *data, size_t len, parley_error *err);
parley_status pl_tabari_read_project(pl_vsuite *s, const char *data, size_t len,
                                     parley_error *err);
/* Reads one TABARI .text file (file is its name for diagnostics). */
parley_status pl_tabari_read_text(pl_vsuite *s, const char *file, const char *data, size_t len,
                                  parley_error *err);

/* Parses one TABARI expected-events comment body (the text between / * and
 * * /) into rec->expect / rec->events. */
void pl_tabari_parse_expect(pl_vsuite *s, pl_vrecord *rec, const char *c, size_t n);

/* Parses a record date: YYYYMMDD, YYMMDD (69-99 = 19xx, 00-68 = 20xx) or
 * YYYY-MM-DD.  Returns 1 and fills dt (date only) when valid. */
int pl_vparse_date(const char *v, parley_datetime *dt);

/* Compares produced events with the expectation of rec.  Returns 1 when the
 * record passes.  matched receives the number of produced events that were
 * expected (duplicates counted once). */
int pl_vcompare(const pl_vrecord *rec, const pl_vevent *got, size_t n_got, size_t *matched);

/* Removes duplicates from ev[0..n) in place (exact source/target/code),
 * keeping first occurrences in order.  Returns the new count. */
size_t pl_vevents_unique(pl_vevent *ev, size_t n);

/* The coder functions the runner calls: the public ones in
 * parley_validate(); tests substitute a scripted coder. */
typedef struct pl_vcoder_api {
    parley_dict *(*load_files)(const parley_dict_files *files, parley_diag_fn diag, void *ctx,
                               parley_error *err);
    parley_dict *(*load_dir)(const char *dir, parley_diag_fn diag, void *ctx, parley_error *err);
    void (*dict_free)(parley_dict *d);
    parley_coder *(*coder_new)(const parley_dict *dict, const parley_code_options *opt);
    void (*coder_free)(parley_coder *c);
    parley_status (*code_sentence)(parley_coder *c, const char *text, size_t len,
                                   const parley_datetime *date, const char *doc, int sent,
                                   parley_event_fn fn, void *ctx);
} pl_vcoder_api;

parley_status pl_validate_run(const char *path, const parley_validate_options *opt,
                              const pl_vcoder_api *api, FILE *report,
                              parley_validate_result *res, parley_error *err);

#endif
