/* reader.c — the public reader: a queue of inputs (files, folders read
 * recursively in name order, "-" for stdin), format sniffing over the
 * format table, and the loop that hands out one clean article at a time.
 *
 * Adding an input format: write src/reader/NAME.c defining
 * `const pl_format pl_format_NAME` and add one line to format_at(). */
#include "reader/reader.h"
#include "diag.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


#define HEAD_BYTES 4096
#define MAX_DEPTH 32

static const pl_format *format_at(size_t i)
{
    switch (i) {
    case 0: return &pl_format_text;
    case 1: return &pl_format_jsonl;
    case 2: return &pl_format_html;
    case 3: return &pl_format_warc;
    }
    return NULL;
}
#define N_FORMATS 4

const pl_format *pl_format_find(const char *name)
{
    for (size_t i = 0; i < N_FORMATS; i++) {
        const pl_format *f = format_at(i);
        if (f && name && !strcmp(f->name, name)) return f;
    }
    return NULL;
}

void pl_read_diag(const pl_read_ctx *ctx, parley_severity sev, long line, long long byte,
                  const char *record, const char *fmt, ...)
{
    if (!ctx) return;
    va_list ap;
    va_start(ap, fmt);
    pl_vdiag(ctx->diag, ctx->diag_ctx, sev, ctx->path, line, byte, record, fmt, ap);
    va_end(ap);
}

/* Chooses the format of an input: forced, or the best sniff. */
static const pl_format *choose(const char *forced, const char *path, const unsigned char *head,
                               size_t n, int gzip, int *score)
{
    if (forced) {
        *score = 100;
        return pl_format_find(forced);
    }
    const pl_format *best = &pl_format_text;
    int bs = -1;
    for (size_t i = 0; i < N_FORMATS; i++) {
        const pl_format *f = format_at(i);
        if (!f) continue;
        int s = f->sniff(path, head, n, gzip);
        if (s > bs) { bs = s; best = f; }
    }
    *score = bs;
    return best;
}

/* ---- the reader -------------------------------------------------------- */

/* An open folder whose entries are queued: files are opened relative to
 * it (openat), which spares the kernel a walk of the whole path per file. */
typedef struct dirh {
    int fd;
    size_t refs;
} dirh;

static void dir_release(dirh *d);

typedef struct pending {
    char *path;
    int depth;
    dirh *dir;                        /* NULL: path is used as given */
    size_t name_off;                  /* the entry's name within path */
} pending;

struct parley_reader {
    char *format;                     /* NULL = sniff */
    size_t max_record_bytes;
    parley_diag_fn diag;
    void *diag_ctx;
    char **inputs;
    size_t n_inputs, cap_inputs, next_input;
    pending *stack;
    size_t n_stack, cap_stack;
    pl_stream *s;
    const pl_format *fmt;
    void *state;
    char *path;                       /* current input */
    pl_read_ctx ctx;
    pl_article art;
    size_t skipped;
    pl_buf scratch;
};

parley_reader *parley_reader_new(const parley_read_options *opt)
{
    parley_reader *r = pl_xcalloc(1, sizeof *r);
    if (opt) {
        if (opt->format && *opt->format && strcmp(opt->format, "auto") != 0)
            r->format = pl_xstrdup(opt->format);
        r->max_record_bytes = opt->max_record_bytes;
        r->diag = opt->diag;
        r->diag_ctx = opt->diag_ctx;
    }
    if (!r->max_record_bytes) r->max_record_bytes = (size_t)64 << 20;
    pl_article_init(&r->art);
    pl_buf_init(&r->scratch);
    return r;
}

parley_status parley_reader_add(parley_reader *r, const char *path)
{
    if (!r || !path) return PARLEY_ERR_USAGE;
    r->inputs = pl_grow(r->inputs, &r->cap_inputs, r->n_inputs + 1, sizeof *r->inputs);
    r->inputs[r->n_inputs++] = pl_xstrdup(path);
    return PARLEY_OK;
}

size_t parley_reader_skipped(const parley_reader *r) { return r ? r->skipped : 0; }

static void close_input(parley_reader *r)
{
    if (r->state) r->fmt->close(r->state);
    r->state = NULL;
    pl_stream_close(r->s);
    r->s = NULL;
    free(r->path);
    r->path = NULL;
}

void parley_reader_free(parley_reader *r)
{
    if (!r) return;
    close_input(r);
    for (size_t i = 0; i < r->n_inputs; i++) free(r->inputs[i]);
    free(r->inputs);
    for (size_t i = 0; i < r->n_stack; i++) {
        free(r->stack[i].path);
        dir_release(r->stack[i].dir);
    }
    free(r->stack);
    free(r->format);
    pl_article_release(&r->art);
    pl_buf_free(&r->scratch);
    free(r);
}

static void push(parley_reader *r, char *path, int depth, dirh *dir, size_t name_off)
{
    r->stack = pl_grow(r->stack, &r->cap_stack, r->n_stack + 1, sizeof *r->stack);
    r->stack[r->n_stack].path = path;
    r->stack[r->n_stack].depth = depth;
    r->stack[r->n_stack].dir = dir;
    r->stack[r->n_stack].name_off = name_off;
    r->n_stack++;
    if (dir) dir->refs++;
}

static void dir_release(dirh *d)
{
    if (d && --d->refs == 0) {
        close(d->fd);
        free(d);
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void report(parley_reader *r, const char *path, long long byte, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(parley_reader *r, const char *path, long long byte, const char *fmt, ...)
{
    r->skipped++;
    va_list ap;
    va_start(ap, fmt);
    pl_vdiag(r->diag, r->diag_ctx, PARLEY_ERROR, path, 0, byte, NULL, fmt, ap);
    va_end(ap);
}

/* Lists a folder and queues its entries (hidden ones skipped) in name order. */
static void expand_dir(parley_reader *r, const char *path, int depth)
{
    if (depth >= MAX_DEPTH) {
        report(r, path, -1, "folders nested deeper than %d levels; skipped", MAX_DEPTH);
        return;
    }
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int fd2 = fd >= 0 ? dup(fd) : -1;
    DIR *d = fd2 >= 0 ? fdopendir(fd2) : NULL;
    if (!d) {
        report(r, path, -1, "cannot read folder: %s", strerror(errno));
        if (fd2 >= 0) close(fd2);
        if (fd >= 0) close(fd);
        return;
    }
    dirh *h = pl_xmalloc(sizeof *h);
    h->fd = fd;
    h->refs = 1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        names = pl_grow(names, &cap, n + 1, sizeof *names);
        names[n++] = pl_xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    size_t pl = strlen(path);
    int slash = pl > 0 && path[pl - 1] == '/';
    for (size_t i = n; i-- > 0;) {
        size_t len = pl + strlen(names[i]) + 2;
        char *full = pl_xmalloc(len);
        snprintf(full, len, "%s%s%s", path, slash ? "" : "/", names[i]);
        push(r, full, depth + 1, h, pl + (slash ? 0 : 1));
        free(names[i]);
    }
    free(names);
    dir_release(h);
}

/* Opens the next input file; returns 0 when there are no more. */
static int open_next(parley_reader *r)
{
    for (;;) {
        char *path;
        int depth;
        dirh *dir = NULL;
        size_t name_off = 0;
        if (r->n_stack) {
            r->n_stack--;
            path = r->stack[r->n_stack].path;
            depth = r->stack[r->n_stack].depth;
            dir = r->stack[r->n_stack].dir;
            name_off = r->stack[r->n_stack].name_off;
        } else if (r->next_input < r->n_inputs) {
            path = pl_xstrdup(r->inputs[r->next_input++]);
            depth = 0;
        } else {
            return 0;
        }
        int err = 0;
        pl_stream *s = dir ? pl_stream_open_at(dir->fd, path + name_off, &err)
                           : pl_stream_open(path, &err);
        dir_release(dir);
        if (!s) {
            if (err == EISDIR) expand_dir(r, path, depth);
            else report(r, path, -1, "cannot open: %s", strerror(err));
            free(path);
            continue;
        }
        const unsigned char *head;
        size_t hn = pl_stream_peek(s, HEAD_BYTES, &head);
        /* Damage inside the head does not condemn the file: the bytes
         * decoded before it are read, and the stream's error is reported
         * when the format reaches it; a WARC reader re-reads the raw file
         * member by member and skips only the damaged member.  Only when
         * nothing at all could be decoded and the name does not say WARC
         * is the file skipped here. */
        const char *emsg;
        int serr = pl_stream_error(s, &emsg);
        if (hn == 0 && !serr) {
            report(r, path, -1, "empty file; skipped");
            pl_stream_close(s);
            free(path);
            continue;
        }
        int gz = pl_stream_is_gzip(s), score = 0;
        const pl_format *f = choose(r->format, path, head, hn, gz, &score);
        if (!f) {
            report(r, path, -1, "input format '%s' is not available", r->format);
            pl_stream_close(s);
            free(path);
            continue;
        }
        if (serr && hn == 0 && strcmp(f->name, "warc") != 0) {
            report(r, path, pl_stream_tell(s), "%s; file skipped", emsg);
            pl_stream_close(s);
            free(path);
            continue;
        }
        const unsigned char *nul = memchr(head, 0, hn);
        if (nul && score < 50) {
            report(r, path, (long long)(nul - head),
                   "binary file (NUL byte at byte %lld), not a news text; skipped",
                   (long long)(nul - head));
            pl_stream_close(s);
            free(path);
            continue;
        }
        r->s = s;
        r->path = path;
        r->fmt = f;
        r->ctx.path = path;
        r->ctx.max_record_bytes = r->max_record_bytes;
        r->ctx.diag = r->diag;
        r->ctx.diag_ctx = r->diag_ctx;
        r->ctx.skipped = &r->skipped;
        r->ctx.scratch = &r->scratch;
        r->state = f->open(s, &r->ctx);
        if (!r->state) {
            r->skipped++;
            close_input(r);
            continue;
        }
        return 1;
    }
}

parley_status parley_reader_next(parley_reader *r, const parley_article **out)
{
    if (!r || !out) return PARLEY_ERR_USAGE;
    *out = NULL;
    for (;;) {
        if (!r->state && !open_next(r)) return PARLEY_END;
        pl_article *a = &r->art;
        pl_article_reset(a);
        a->pub.format = r->fmt->name;
        a->pub.file = r->path;
        parley_status st = r->fmt->next(r->state, a);
        if (st == PARLEY_OK) {
            if (!a->pub.id || !*a->pub.id) a->pub.id = pl_article_str(a, r->path);
            a->pub.format = r->fmt->name;
            a->pub.file = r->path;
            pl_article_finish(a);
            *out = &a->pub;
            return PARLEY_OK;
        }
        if (st == PARLEY_END) {
            const char *emsg;
            if (pl_stream_error(r->s, &emsg))
                report(r, r->path, pl_stream_tell(r->s), "%s; the rest of the file is skipped",
                       emsg);
            close_input(r);
        }
        /* other statuses: a skipped record, already reported and counted */
    }
}

/* ---- one article from memory ------------------------------------------ */

typedef struct capture {
    parley_error *err;
    int have;
} capture;

static void capture_diag(void *ctx, const parley_diag *d)
{
    capture *c = ctx;
    if (d->severity != PARLEY_ERROR || c->have || !c->err) return;
    c->have = 1;
    snprintf(c->err->file, sizeof c->err->file, "%s", d->file);
    c->err->line = d->line;
    c->err->byte = d->byte;
    snprintf(c->err->message, sizeof c->err->message, "%s", d->message);
}

parley_article *parley_article_parse(const char *data, size_t len, const char *id,
                                     const char *format, parley_error *err)
{
    if (err) {
        memset(err, 0, sizeof *err);
        err->byte = -1;
    }
    if (!data) len = 0;
    const char *path = id && *id ? id : "-";
    pl_stream *s = pl_stream_open_mem(data ? data : "", len);
    const unsigned char *head;
    size_t hn = pl_stream_peek(s, HEAD_BYTES, &head);
    if (format && !strcmp(format, "auto")) format = NULL;
    int score;
    const pl_format *f = choose(format, path, head, hn, pl_stream_is_gzip(s), &score);
    if (!f) {
        if (err) {
            err->status = PARLEY_ERR_USAGE;
            snprintf(err->message, sizeof err->message, "unknown input format '%s'", format);
        }
        pl_stream_close(s);
        return NULL;
    }
    capture cap = {err, 0};
    size_t skipped = 0;
    pl_buf scratch;
    pl_buf_init(&scratch);
    pl_read_ctx ctx = {path, (size_t)64 << 20, capture_diag, &cap, &skipped, &scratch};
    pl_article *a = pl_xmalloc(sizeof *a);
    pl_article_init(a);
    parley_status st = PARLEY_END;
    void *state = f->open(s, &ctx);
    if (state) {
        for (int tries = 0; tries < 1000000; tries++) {
            pl_article_reset(a);
            a->pub.format = f->name;
            st = f->next(state, a);
            if (st == PARLEY_OK || st == PARLEY_END) break;
        }
        f->close(state);
    }
    pl_buf_free(&scratch);
    pl_stream_close(s);
    if (st != PARLEY_OK) {
        if (err) {
            err->status = st == PARLEY_END ? PARLEY_ERR_FORMAT : st;
            if (!cap.have) snprintf(err->message, sizeof err->message, "no article found");
            if (!err->file[0]) snprintf(err->file, sizeof err->file, "%s", path);
        }
        pl_article_release(a);
        free(a);
        return NULL;
    }
    /* strings that point into the caller's id or the stream must be owned */
    if (!a->pub.id || !*a->pub.id) a->pub.id = pl_article_str(a, path);
    else a->pub.id = pl_article_str(a, a->pub.id);
    a->pub.file = pl_article_str(a, path);
    a->pub.format = f->name;
    pl_article_finish(a);
    return &a->pub;
}
