/* mirror.c — the CAMEO mirror table (data/cameo/mirror.tsv, embedded).
 *
 * Rows: action code, appeal (02), intent (03), demand (10), threat (13);
 * "-" is no mirror.  "frame FAMILY BLOCK" lines name the verb block that codes
 * the complements of a frame without a governing verb.  Parsed once
 * (pthread_once) into a small sorted array searched with bsearch. */
#include "cameo/mirror.h"
#include "embedded.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct mrow {
    char code[6];
    char to[4][6];               /* appeal, intent, demand, threat; "" = none */
    unsigned line;
} mrow;

static mrow *rows;
static size_t nrows;
static char frame_block[4][32];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int col_of(int family)
{
    switch (family) {
    case PL_MIRROR_APPEAL: return 0;
    case PL_MIRROR_INTENT: return 1;
    case PL_MIRROR_DEMAND: return 2;
    case PL_MIRROR_THREAT: return 3;
    default: return -1;
    }
}

static int cmp_row(const void *a, const void *b)
{
    return strcmp(((const mrow *)a)->code, ((const mrow *)b)->code);
}

/* Copies the next tab-separated field of *p into out (cap bytes). */
static void next_field(const char **p, char *out, size_t cap)
{
    const char *s = *p, *e = s;
    while (*e && *e != '\t') e++;
    size_t n = (size_t)(e - s);
    if (n >= cap) n = cap - 1;
    memcpy(out, s, n);
    out[n] = 0;
    *p = *e ? e + 1 : e;
}

static void load(void)
{
    size_t len = 0;
    const char *data = pl_data_file("cameo/mirror.tsv", &len);
    if (!data) return;
    size_t cap = 0;
    unsigned lineno = 0;
    for (const char *line = data; line < data + len && *line;) {
        const char *nl = memchr(line, '\n', (size_t)(data + len - line));
        size_t ll = nl ? (size_t)(nl - line) : (size_t)(data + len - line);
        char buf[128];
        if (ll >= sizeof buf) ll = sizeof buf - 1;
        memcpy(buf, line, ll);
        buf[ll] = 0;
        if (ll && buf[ll - 1] == '\r') buf[ll - 1] = 0;
        lineno++;
        line = nl ? nl + 1 : data + len;
        if (!buf[0] || buf[0] == '#') continue;
        const char *p = buf;
        char f0[32];
        next_field(&p, f0, sizeof f0);
        if (!strcmp(f0, "frame")) {
            char fam[8], blk[32];
            next_field(&p, fam, sizeof fam);
            next_field(&p, blk, sizeof blk);
            int col = col_of(atoi(fam));
            if (col >= 0) memcpy(frame_block[col], blk, sizeof blk);
            continue;
        }
        if (!pl_isdigit((unsigned char)f0[0]) || strlen(f0) > 4) continue;
        mrow r;
        memset(&r, 0, sizeof r);
        memcpy(r.code, f0, strlen(f0) + 1);
        r.line = lineno;
        for (int k = 0; k < 4; k++) {
            next_field(&p, r.to[k], sizeof r.to[k]);
            if (!pl_isdigit((unsigned char)r.to[k][0])) r.to[k][0] = 0;
        }
        rows = pl_grow(rows, &cap, nrows + 1, sizeof *rows);
        rows[nrows++] = r;
    }
    qsort(rows, nrows, sizeof *rows, cmp_row);
}

const char *pl_cameo_mirror(const char *code, int family, unsigned *line)
{
    int col = col_of(family);
    if (!code || col < 0) return NULL;
    pthread_once(&once, load);
    size_t cl = strlen(code);
    if (!nrows || cl < 3 || cl > 4) return NULL;
    mrow key;
    memset(&key, 0, sizeof key);
    memcpy(key.code, code, cl);
    const mrow *r = bsearch(&key, rows, nrows, sizeof *rows, cmp_row);
    if (!r && cl == 4) {
        key.code[3] = 0; /* the three-digit parent */
        r = bsearch(&key, rows, nrows, sizeof *rows, cmp_row);
    }
    if (!r || !r->to[col][0]) return NULL;
    if (line) *line = r->line;
    return r->to[col];
}

const char *pl_cameo_frame_block(int family)
{
    int col = col_of(family);
    if (col < 0) return NULL;
    pthread_once(&once, load);
    return frame_block[col][0] ? frame_block[col] : NULL;
}
