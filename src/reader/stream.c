/* stream.c — input streams for the reader: a file, standard input or
 * memory, gzip decoded transparently (several members are read one after
 * the other, as gzip does), with a peek at the head for format sniffing,
 * line reading with a length limit, and a raw mode for formats that handle
 * compression themselves (WARC).
 *
 * The raw bytes read before the first consuming call are kept, so that raw
 * mode can start again from byte 0 even on a pipe. */
#include "reader/reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define CHUNK (64 * 1024)

struct pl_stream {
    int fd;                        /* -1 for memory */
    FILE *f;                       /* stdin, or made by pl_stream_raw() */
    int own;                       /* close the file on close */
    const unsigned char *mem;      /* memory source */
    size_t mem_n, mem_pos;
    int started;                   /* first chunk read (gzip detected) */
    int gzip, zinit, raw_mode;
    z_stream z;
    unsigned char *raw;            /* compressed input for zlib */
    size_t raw_len, raw_pos;
    int raw_eof;
    unsigned char *buf;            /* decoded bytes [pos, len) */
    size_t cap, pos, len;
    long long off;                 /* decoded offset of buf[pos] */
    int eof;                       /* nothing more will be decoded */
    int err;
    const char *msg;
    long long size;                /* regular files: size from fstat, else -1 */
    long long raw_total;           /* raw bytes read so far */
    int committed;                 /* a consuming read happened: stop keeping raw bytes */
    pl_buf keep;                   /* raw bytes read so far (until committed) */
    size_t replay_pos;             /* raw mode on a pipe: replay keep first */
    int replaying;
};

static pl_stream *stream_new(void)
{
    pl_stream *s = pl_xcalloc(1, sizeof *s);
    s->fd = -1;
    s->cap = CHUNK;
    s->buf = pl_xmalloc(s->cap);
    pl_buf_init(&s->keep);
    return s;
}

pl_stream *pl_stream_open_at(int dirfd, const char *name, int *errno_out)
{
    if (!strcmp(name, "-")) {
        pl_stream *s = stream_new();
        s->fd = 0;
        s->f = stdin;
        s->size = -1;
        return s;
    }
    int fd;
    do fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        if (errno_out) *errno_out = errno;
        return NULL;
    }
    struct stat st;
    int ok = fstat(fd, &st) == 0;
    if (ok && S_ISDIR(st.st_mode)) {
        close(fd);
        if (errno_out) *errno_out = EISDIR;
        return NULL;
    }
    pl_stream *s = stream_new();
    s->fd = fd;
    s->own = 1;
    s->size = ok && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
    return s;
}

pl_stream *pl_stream_open(const char *path, int *errno_out)
{
    return pl_stream_open_at(AT_FDCWD, path, errno_out);
}

pl_stream *pl_stream_open_mem(const char *data, size_t n)
{
    pl_stream *s = stream_new();
    s->size = -1;
    s->mem = (const unsigned char *)data;
    s->mem_n = n;
    return s;
}

void pl_stream_close(pl_stream *s)
{
    if (!s) return;
    if (s->zinit) inflateEnd(&s->z);
    if (s->own) {
        if (s->f) fclose(s->f);
        else if (s->fd >= 0) close(s->fd);
    }
    free(s->raw);
    free(s->buf);
    pl_buf_free(&s->keep);
    free(s);
}

/* Reads raw (undecoded) bytes from the source. */
static size_t raw_read(pl_stream *s, unsigned char *dst, size_t n)
{
    if (s->replaying) {
        size_t k = PL_MIN(n, s->keep.len - s->replay_pos);
        memcpy(dst, s->keep.data + s->replay_pos, k);
        s->replay_pos += k;
        if (s->replay_pos == s->keep.len) s->replaying = 0;
        if (k) return k;
    }
    size_t k;
    /* a regular file read to its size: no extra read() to see the end */
    if (!s->mem && s->size >= 0 && s->raw_total >= s->size && !s->replaying) return 0;
    if (s->mem) {
        k = PL_MIN(n, s->mem_n - s->mem_pos);
        memcpy(dst, s->mem + s->mem_pos, k);
        s->mem_pos += k;
    } else {
        /* read(2), not fread(): fread would call read() again after a short
         * read just to see the end of the file */
        ssize_t r;
        do r = read(s->fd, dst, n);
        while (r < 0 && errno == EINTR);
        if (r < 0) {
            s->err = 1;
            s->msg = "read error";
            r = 0;
        }
        k = (size_t)r;
    }
    s->raw_total += (long long)k;
    if (!s->committed && s->size < 0 && !s->mem && k) pl_buf_put(&s->keep, dst, k);
    return k;
}

/* Decodes more bytes into buf[len..cap).  Returns the number added. */
static size_t decode_more(pl_stream *s)
{
    if (s->eof || s->err) return 0;
    unsigned char *dst = s->buf + s->len;
    size_t room = s->cap - s->len;
    if (!s->started) {
        s->started = 1;
        size_t k = raw_read(s, dst, room);
        if (!s->raw_mode && k >= 2 && dst[0] == 0x1F && dst[1] == 0x8B) {
            s->gzip = 1;
            s->raw = pl_xmalloc(CHUNK > k ? CHUNK : k);
            memcpy(s->raw, dst, k);
            s->raw_len = k;
            s->raw_pos = 0;
            memset(&s->z, 0, sizeof s->z);
            if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) {
                s->err = 1;
                s->msg = "cannot start gzip decoding";
                return 0;
            }
            s->zinit = 1;
        } else {
            if (k == 0) s->eof = 1;
            s->len += k;
            return k;
        }
    }
    if (!s->gzip || s->raw_mode) {
        size_t k = raw_read(s, dst, room);
        if (k == 0) s->eof = 1;
        s->len += k;
        return k;
    }
    size_t added = 0;
    while (added == 0 && !s->eof && !s->err) {
        if (s->raw_pos == s->raw_len && !s->raw_eof) {
            s->raw_len = raw_read(s, s->raw, CHUNK);
            s->raw_pos = 0;
            if (s->raw_len == 0) s->raw_eof = 1;
        }
        if (s->raw_pos == s->raw_len && s->raw_eof) {
            if (s->z.total_in > 0 || s->z.total_out > 0) {
                s->err = 1;
                s->msg = "truncated gzip data";
            }
            s->eof = 1;
            break;
        }
        s->z.next_in = s->raw + s->raw_pos;
        s->z.avail_in = (uInt)(s->raw_len - s->raw_pos);
        s->z.next_out = dst + added;
        s->z.avail_out = (uInt)(room - added);
        int rc = inflate(&s->z, Z_NO_FLUSH);
        s->raw_pos = s->raw_len - s->z.avail_in;
        added = room - s->z.avail_out;
        if (rc == Z_STREAM_END) {
            /* another member may follow */
            inflateReset(&s->z);
            if (s->raw_pos == s->raw_len && !s->raw_eof) {
                s->raw_len = raw_read(s, s->raw, CHUNK);
                s->raw_pos = 0;
                if (s->raw_len == 0) s->raw_eof = 1;
            }
            if (s->raw_pos == s->raw_len && s->raw_eof) s->eof = 1;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            s->err = 1;
            s->msg = "corrupt gzip data";
        } else if (rc == Z_BUF_ERROR && s->z.avail_in > 0 && added == 0) {
            s->err = 1;
            s->msg = "corrupt gzip data";
        }
    }
    s->len += added;
    return added;
}

/* Makes room at the end of buf (compacting, or growing to need bytes). */
static void make_room(pl_stream *s, size_t need)
{
    if (s->pos > 0) {
        memmove(s->buf, s->buf + s->pos, s->len - s->pos);
        s->len -= s->pos;
        s->pos = 0;
    }
    if (s->cap < need) {
        size_t c = s->cap;
        while (c < need) c *= 2;
        s->buf = pl_xrealloc(s->buf, c);
        s->cap = c;
    }
}

size_t pl_stream_peek(pl_stream *s, size_t want, const unsigned char **head)
{
    while (s->len - s->pos < want && !s->eof && !s->err) {
        make_room(s, want);
        if (!decode_more(s) && (s->eof || s->err)) break;
    }
    *head = s->buf + s->pos;
    return PL_MIN(want, s->len - s->pos);
}

int pl_stream_is_gzip(const pl_stream *s) { return s->gzip; }

static void commit(pl_stream *s)
{
    if (!s->committed) {
        s->committed = 1;
        pl_buf_free(&s->keep);
    }
}

size_t pl_stream_read(pl_stream *s, void *out, size_t n)
{
    commit(s);
    unsigned char *dst = out;
    size_t got = 0;
    while (got < n) {
        if (s->pos == s->len) {
            s->pos = s->len = 0;
            /* large plain reads go straight to the caller's buffer */
            if (s->started && (!s->gzip || s->raw_mode) && n - got >= CHUNK && !s->eof &&
                !s->err) {
                size_t k = raw_read(s, dst + got, n - got);
                if (k == 0) { s->eof = 1; break; }
                got += k;
                s->off += (long long)k;
                continue;
            }
            if (!decode_more(s)) break;
        }
        size_t k = PL_MIN(n - got, s->len - s->pos);
        memcpy(dst + got, s->buf + s->pos, k);
        s->pos += k;
        s->off += (long long)k;
        got += k;
    }
    return got;
}

int pl_stream_slurp(pl_stream *s, pl_buf *out, size_t max)
{
    commit(s);
    /* the whole file is already in the buffer (a peek read it): hand the
     * buffer over instead of copying it */
    if (out->len == 0 && s->pos == 0 && !s->gzip && !s->raw_mode && !s->err && s->size >= 0 &&
        s->raw_total >= s->size && s->len < s->cap && s->len <= max) {
        unsigned char *d = s->buf;
        size_t c = s->cap;
        if (out->data && out->cap >= CHUNK) {
            s->buf = (unsigned char *)out->data;
            s->cap = out->cap;
        } else {
            free(out->data);
            s->buf = pl_xmalloc(CHUNK);
            s->cap = CHUNK;
        }
        out->data = (char *)d;
        out->cap = c;
        out->len = s->len;
        out->data[out->len] = 0;
        s->off += (long long)s->len;
        s->pos = s->len = 0;
        s->eof = 1;
        return 0;
    }
    size_t start = out->len;
    for (;;) {
        size_t have = out->len - start;
        if (have > max) {
            out->len = start + max;
            out->data[out->len] = 0;
            /* consume the rest */
            unsigned char tmp[CHUNK];
            while (pl_stream_read(s, tmp, sizeof tmp) > 0) {}
            return s->err ? -1 : 1;
        }
        size_t want = CHUNK * 4;
        /* known remaining size (memory, regular file): read it in one go */
        long long left = -1;
        if (s->mem) left = (long long)(s->mem_n - s->mem_pos);
        else if (s->size >= 0 && !s->gzip) left = s->size - s->raw_total;
        if (left >= 0 && !s->gzip) want = (size_t)left + (s->len - s->pos) + 1;
        if (want > max - have + 1) want = max - have + 1;
        pl_buf_reserve(out, want);
        size_t k = pl_stream_read(s, out->data + out->len, want);
        out->len += k;
        out->data[out->len] = 0;
        if (k == 0) break;
    }
    return s->err ? -1 : 0;
}

int pl_stream_getline(pl_stream *s, pl_buf *line, size_t max, long long *offset, int *too_long)
{
    commit(s);
    pl_buf_clear(line);
    if (too_long) *too_long = 0;
    if (offset) *offset = s->off;
    int any = 0;
    for (;;) {
        if (s->pos == s->len) {
            s->pos = s->len = 0;
            if (!decode_more(s)) break;
        }
        any = 1;
        const unsigned char *p = s->buf + s->pos;
        size_t avail = s->len - s->pos;
        const unsigned char *nl = memchr(p, '\n', avail);
        size_t chunk = nl ? (size_t)(nl - p) : avail;
        size_t room = line->len < max ? max - line->len : 0;
        if (chunk > room) {
            if (too_long) *too_long = 1;
            pl_buf_put(line, p, room);
        } else if (chunk) {
            pl_buf_put(line, p, chunk);
        }
        size_t used = chunk + (nl ? 1 : 0);
        s->pos += used;
        s->off += (long long)used;
        if (nl) break;
    }
    if (!any) return 0;
    if (line->len && line->data[line->len - 1] == '\r') line->data[--line->len] = 0;
    if (!line->data) pl_buf_reserve(line, 1);
    return 1;
}

long long pl_stream_tell(const pl_stream *s) { return s->off; }

int pl_stream_error(const pl_stream *s, const char **msg)
{
    if (msg) *msg = s->err ? s->msg : NULL;
    return s->err;
}

FILE *pl_stream_raw(pl_stream *s, int *was_gzip)
{
    if (was_gzip) *was_gzip = s->gzip;
    if (s->zinit) {
        inflateEnd(&s->z);
        s->zinit = 0;
    }
    s->raw_mode = 1;
    s->gzip = 0;
    s->pos = s->len = 0;
    s->off = 0;
    s->eof = 0;
    s->err = 0;
    s->started = 1;
    s->raw_len = s->raw_pos = 0;
    s->raw_eof = 0;
    if (s->mem) {
        s->mem_pos = 0;
    } else if (lseek(s->fd, 0, SEEK_SET) == 0) {
        if (s->f) fseek(s->f, 0, SEEK_SET);
        s->replaying = 0;
        s->raw_total = 0;
    } else if (!s->committed) {
        s->replaying = s->keep.len > 0;
        s->replay_pos = 0;
    }
    s->committed = 1;   /* keep stays until close, for the replay */
    if (!s->f && s->fd >= 0) {
        s->f = fdopen(s->fd, "rb");
        if (s->f) setvbuf(s->f, NULL, _IONBF, 0);
    }
    return s->f;
}
