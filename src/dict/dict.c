/* dict.c — building, indexing and loading compiled dictionaries.
 *
 * Files are read whole, converted to UTF-8 when they are not (Latin-1 is the
 * usual culprit), and handed to the format readers in load_*.c.  The readers
 * append entries; pl_dict_finish() sorts and indexes them once. */
#include "dict/dict.h"
#include "diag.h"
#include "embedded.h"
#include "utf8.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

parley_dict *pl_dict_new(parley_diag_fn diag, void *ctx)
{
    parley_dict *d = pl_xcalloc(1, sizeof *d);
    pl_arena_init(&d->arena, 256 * 1024);
    pl_intern_init(&d->words);
    pl_intern_init(&d->strs);
    d->diag = diag;
    d->diag_ctx = ctx;
    return d;
}

static void names_free(pl_name_index *ix)
{
    free(ix->names);
    free(ix->slot_word);
    free(ix->slot_first);
    free(ix->slot_count);
    free(ix->stems);
}

void parley_dict_free(parley_dict *d)
{
    if (!d) return;
    pl_intern_free(&d->words);
    pl_intern_free(&d->strs);
    free(d->wordv);
    free(d->wordgap);
    free(d->files);
    free(d->actors);
    free(d->actor_codes);
    names_free(&d->actor_names);
    free(d->agents);
    names_free(&d->agent_names);
    free(d->blocks);
    free(d->vforms);
    names_free(&d->verb_names);
    free(d->patterns);
    free(d->pelems);
    free(d->synsets);
    free(d->synmem);
    free(d->discards);
    names_free(&d->discard_names);
    free(d->issues);
    names_free(&d->issue_names);
    free(d->times);
    names_free(&d->time_names);
    free(d->word_is_noun);
    free(d->word_is_adj);
    free(d->noun_words);
    free(d->adj_words);
    free(d->labels);
    pl_arena_free(&d->arena);
    free(d);
}

uint16_t pl_dict_add_file(parley_dict *d, const char *name)
{
    d->files = pl_grow(d->files, &d->capfiles, d->nfiles + 1, sizeof *d->files);
    uint32_t id = pl_intern_add(&d->strs, name, strlen(name));
    d->files[d->nfiles] = pl_intern_str(&d->strs, id);
    return (uint16_t)d->nfiles++;
}

void pl_dict_warn(parley_dict *d, uint16_t file, long line, const char *fmt, ...)
{
    d->nwarnings++;
    va_list ap;
    va_start(ap, fmt);
    pl_vdiag(d->diag, d->diag_ctx, PARLEY_WARNING, file < d->nfiles ? d->files[file] : "-", line, -1,
             NULL, fmt, ap);
    va_end(ap);
}

uint32_t pl_dict_word(parley_dict *d, const char *s, size_t n)
{
    char buf[256];
    if (n > sizeof buf) n = sizeof buf;
    for (size_t i = 0; i < n; i++) buf[i] = (char)pl_upper((unsigned char)s[i]);
    return pl_intern_add(&d->words, buf, n);
}

uint32_t pl_dict_str(parley_dict *d, const char *s, size_t n)
{
    return pl_intern_add(&d->strs, s, n);
}

static void push_word(parley_dict *d, uint32_t w)
{
    d->wordv = pl_grow(d->wordv, &d->capwordv, d->nwordv + 1, sizeof *d->wordv);
    d->wordv[d->nwordv++] = w;
}

/* Appends one word, splitting a negative contraction the way the coder
 * splits text ("DIDN'T" -> "DID" "N'T", "CAN'T" -> "CA" "N'T"). */
static void push_norm_word(parley_dict *d, const char *s, size_t n, uint16_t *count)
{
    if (n > 3 && pl_upper((unsigned char)s[n - 3]) == 'N' && s[n - 2] == '\'' &&
        pl_upper((unsigned char)s[n - 1]) == 'T') {
        size_t stem = n - 3;
        push_word(d, pl_dict_word(d, s, stem));
        push_word(d, pl_dict_word(d, "N'T", 3));
        *count += 2;
        return;
    }
    /* the possessive clitic, as the tokenizer splits it ("PEOPLE'S" ->
     * "PEOPLE" "'S", "WORKERS'" -> "WORKERS" "'") */
    if (n > 2 && s[n - 2] == '\'' && pl_upper((unsigned char)s[n - 1]) == 'S') {
        push_word(d, pl_dict_word(d, s, n - 2));
        push_word(d, pl_dict_word(d, "'S", 2));
        *count += 2;
        return;
    }
    if (n > 2 && s[n - 1] == '\'' && pl_upper((unsigned char)s[n - 2]) == 'S') {
        push_word(d, pl_dict_word(d, s, n - 1));
        push_word(d, pl_dict_word(d, "'", 1));
        *count += 2;
        return;
    }
    push_word(d, pl_dict_word(d, s, n));
    (*count)++;
}

uint32_t pl_dict_phrase(parley_dict *d, const char *s, size_t len, uint16_t *n, int *trailing_us)
{
    uint32_t off = (uint32_t)d->nwordv;
    uint16_t count = 0;
    size_t i = 0;
    if (trailing_us) *trailing_us = 0;
    while (i < len) {
        int blank = 0;
        while (i < len && (s[i] == '_' || pl_isspace((unsigned char)s[i]))) {
            blank = s[i] != '_';
            i++;
        }
        size_t st = i;
        if (i < len && count) {
            size_t at = off + count;
            d->wordgap = pl_grow(d->wordgap, &d->capwordgap, at + 1, 1);
            while (d->nwordgap <= at) d->wordgap[d->nwordgap++] = 0;
            d->wordgap[at] = (uint8_t)blank;
        }
        while (i < len && s[i] != '_' && !pl_isspace((unsigned char)s[i])) i++;
        size_t e = i;
        /* "ANTI-": the text tokenizer splits a trailing hyphen off */
        while (e > st + 1 && s[e - 1] == '-') e--;
        if (e > st && count < 60) push_norm_word(d, s + st, e - st, &count);
    }
    /* the parser's spelling of contracted negations: CA N'T -> CAN N'T,
     * WO N'T -> WILL N'T, SHA N'T -> SHALL N'T */
    uint32_t nt = pl_intern_find(&d->words, "N'T", 3);
    if (nt != PL_NO_ID)
        for (uint16_t k = 0; k + 1 < count; k++) {
            if (d->wordv[off + k + 1] != nt) continue;
            const char *w = pl_intern_str(&d->words, d->wordv[off + k]);
            if (!strcmp(w, "CA")) d->wordv[off + k] = pl_dict_word(d, "CAN", 3);
            else if (!strcmp(w, "WO")) d->wordv[off + k] = pl_dict_word(d, "WILL", 4);
            else if (!strcmp(w, "SHA")) d->wordv[off + k] = pl_dict_word(d, "SHALL", 5);
        }
    /* trailing '_' (possibly followed by blanks) */
    size_t e = len;
    while (e > 0 && pl_isspace((unsigned char)s[e - 1])) e--;
    if (trailing_us && e > 0 && s[e - 1] == '_') *trailing_us = 1;
    *n = count;
    return off;
}

void pl_names_add(parley_dict *d, pl_name_index *ix, uint32_t words, uint16_t n, uint8_t flags,
                  uint32_t target)
{
    if (n == 0) return;
    for (uint16_t k = 1; k < n; k++)
        if (words + k < d->nwordgap && d->wordgap[words + k]) flags |= PL_NAME_OPEN;
    if (flags & PL_NAME_OPEN) ix->nopen++;
    pl_name nm = {words, n, flags, 0, target};
    if ((flags & PL_NAME_STEM) && n == 1) {
        ix->stems = pl_grow(ix->stems, &ix->capstems, ix->nstems + 1, sizeof *ix->stems);
        ix->stems[ix->nstems++] = nm;
        /* also index exactly: an exact hit is found by the fast path */
    }
    ix->names = pl_grow(ix->names, &ix->cap, ix->n + 1, sizeof *ix->names);
    ix->names[ix->n++] = nm;
}

/* --- finishing ----------------------------------------------------------- */

static int cmp_names(const void *a, const void *b, void *arg)
{
    const uint32_t *wordv = arg;
    const pl_name *x = a, *y = b;
    uint32_t wx = wordv[x->words], wy = wordv[y->words];
    if (wx != wy) return wx < wy ? -1 : 1;
    if (x->nwords != y->nwords) return x->nwords > y->nwords ? -1 : 1;
    /* same length: keep file order (targets grow with the file) */
    if (x->target != y->target) return x->target < y->target ? -1 : 1;
    return 0;
}

static void names_index(parley_dict *d, pl_name_index *ix)
{
    if (!ix->n) return;
    qsort_r(ix->names, ix->n, sizeof *ix->names, cmp_names, d->wordv);
    size_t ns = 16;
    while (ns < ix->n * 2) ns <<= 1;
    ix->nslots = ns;
    ix->slot_word = pl_xmalloc(ns * sizeof *ix->slot_word);
    ix->slot_first = pl_xcalloc(ns, sizeof *ix->slot_first);
    ix->slot_count = pl_xcalloc(ns, sizeof *ix->slot_count);
    for (size_t i = 0; i < ns; i++) ix->slot_word[i] = PL_NO_ID;
    for (size_t i = 0; i < ix->n;) {
        uint32_t w = d->wordv[ix->names[i].words];
        size_t j = i;
        while (j < ix->n && d->wordv[ix->names[j].words] == w) j++;
        size_t h = (w * 2654435761u) & (ns - 1);
        while (ix->slot_word[h] != PL_NO_ID) h = (h + 1) & (ns - 1);
        ix->slot_word[h] = w;
        ix->slot_first[h] = (uint32_t)i;
        ix->slot_count[h] = (uint32_t)(j - i);
        i = j;
    }
}

typedef struct pat_key {
    uint32_t block, order;
    uint16_t nlit;
} pat_key;

static int cmp_pat_idx(const void *a, const void *b, void *arg)
{
    const pat_key *keys = arg;
    const pat_key *x = &keys[*(const uint32_t *)a], *y = &keys[*(const uint32_t *)b];
    if (x->block != y->block) return x->block < y->block ? -1 : 1;
    if (x->nlit != y->nlit) return x->nlit > y->nlit ? -1 : 1;
    return x->order < y->order ? -1 : (x->order > y->order);
}

void pl_dict_finish(parley_dict *d)
{
    names_index(d, &d->actor_names);
    names_index(d, &d->agent_names);
    names_index(d, &d->verb_names);
    names_index(d, &d->discard_names);
    names_index(d, &d->issue_names);
    names_index(d, &d->time_names);

    /* codeless actors take the codes of the next actor with codes */
    uint32_t next_first = 0, next_n = 0;
    for (size_t i = d->nactors; i-- > 0;) {
        pl_actor *a = &d->actors[i];
        if (a->ncodes) {
            next_first = a->first_code;
            next_n = a->ncodes;
        } else {
            a->first_code = next_first;
            a->ncodes = next_n;
        }
    }

    /* patterns: group by block, most specific first */
    if (d->npatterns) {
        pat_key *sort_keys = pl_xmalloc(d->npatterns * sizeof *sort_keys);
        uint32_t *idx = pl_xmalloc(d->npatterns * sizeof *idx);
        for (size_t i = 0; i < d->npatterns; i++) {
            sort_keys[i].block = d->pat_block ? d->pat_block[i] : 0;
            sort_keys[i].order = (uint32_t)i;
            sort_keys[i].nlit = d->patterns[i].nlit;
            idx[i] = (uint32_t)i;
        }
        qsort_r(idx, d->npatterns, sizeof *idx, cmp_pat_idx, sort_keys);
        pl_pattern *np = pl_xmalloc(d->npatterns * sizeof *np);
        for (size_t i = 0; i < d->npatterns; i++) np[i] = d->patterns[idx[i]];
        for (size_t b = 0; b < d->nblocks; b++) d->blocks[b].npat = 0;
        for (size_t i = 0; i < d->npatterns; i++) {
            uint32_t b = sort_keys[idx[i]].block;
            if (b >= d->nblocks) continue;
            if (d->blocks[b].npat == 0) d->blocks[b].first_pat = (uint32_t)i;
            d->blocks[b].npat++;
        }
        free(d->patterns);
        d->patterns = np;
        d->cappatterns = d->npatterns;
        free(idx);
        free(sort_keys);
    }
    free(d->pat_block);
    d->pat_block = NULL;

    /* TABARI noun / adjective lists by word id */
    if (d->nnoun || d->nadj) {
        size_t nw = d->words.n;
        d->word_is_noun = pl_xcalloc(nw ? nw : 1, 1);
        d->word_is_adj = pl_xcalloc(nw ? nw : 1, 1);
        for (size_t i = 0; i < d->nnoun; i++) d->word_is_noun[d->noun_words[i]] = 1;
        for (size_t i = 0; i < d->nadj; i++) d->word_is_adj[d->adj_words[i]] = 1;
    }
}

int32_t pl_dict_parse_date(const char *s, size_t n)
{
    while (n && pl_isspace((unsigned char)*s)) s++, n--;
    while (n && pl_isspace((unsigned char)s[n - 1])) n--;
    if (n != 6 && n != 8) return -1;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!pl_isdigit((unsigned char)s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (n == 6) {
        int yy = v / 10000;
        v = (yy >= 30 ? 1900 + yy : 2000 + yy) * 10000 + v % 10000;
    }
    int mm = v / 100 % 100, dd = v % 100;
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return -1;
    return v;
}

uint32_t pl_actor_code_on(const parley_dict *d, const pl_actor *a, int32_t date)
{
    uint32_t deflt = PL_NOCODE, best = PL_NOCODE;
    int64_t best_span = INT64_MAX;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const pl_actor_code *c = &d->actor_codes[a->first_code + i];
        if (!c->from && !c->to) {
            if (deflt == PL_NOCODE) deflt = c->code;
            continue;
        }
        if (!date) continue;
        if (c->from && date < c->from) continue;
        if (c->to && date > c->to) continue;
        int64_t lo = c->from ? c->from : 0, hi = c->to ? c->to : 99999999;
        int64_t span = hi - lo;
        if (span < best_span) {
            best_span = span;
            best = c->code;
        }
    }
    if (best != PL_NOCODE) return best;
    if (deflt != PL_NOCODE) return deflt;
    /* unknown date and no default: the last dated code (most recent role) */
    if (!date && a->ncodes) return d->actor_codes[a->first_code + a->ncodes - 1].code;
    return PL_NOCODE;
}

/* --- loading ------------------------------------------------------------ */

typedef enum kind { K_VERBS, K_ACTORS, K_AGENTS, K_DISCARDS, K_ISSUES, K_OPTIONS } kind;

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && pl_strcaseeq(s + n - m, suf);
}

/* Reads one file into d.  Returns 0, or -1 when it cannot be read (err filled). */
static int load_one(parley_dict *d, const char *path, const char *data, size_t len, kind k,
                    parley_error *err)
{
    char *own = NULL;
    if (!data) {
        int e = pl_read_file(path, 0, &own, &len);
        if (e) {
            if (err) {
                memset(err, 0, sizeof *err);
                err->status = PARLEY_ERR_IO;
                snprintf(err->file, sizeof err->file, "%s", path);
                err->byte = -1;
                snprintf(err->message, sizeof err->message, "cannot read dictionary: %s",
                         strerror(e));
            }
            return -1;
        }
        data = own;
    }
    pl_buf conv;
    pl_buf_init(&conv);
    if (!pl_utf8_is_valid(data, len)) {
        pl_latin1_to_utf8(data, len, &conv);
        data = conv.data;
        len = conv.len;
    }
    uint16_t f = pl_dict_add_file(d, path);
    int tabari = ends_with(path, ".actors") || ends_with(path, ".verbs") ||
                 ends_with(path, ".agents") || ends_with(path, ".options");
    d->cur_tabari = tabari;
    switch (k) {
    case K_VERBS:
        if (tabari || (!strstr(data, "\n---") && strncmp(data, "---", 3) != 0)) {
            d->format_tabari = 1;
            pl_read_tabari_verbs(d, f, data, len);
        } else {
            pl_read_petr_verbs(d, f, data, len);
        }
        break;
    case K_ACTORS:
        if (tabari) d->format_tabari = 1;
        pl_read_actors(d, f, data, len);
        break;
    case K_AGENTS: pl_read_agents(d, f, data, len); break;
    case K_DISCARDS: pl_read_discards(d, f, data, len); break;
    case K_ISSUES: pl_read_issues(d, f, data, len); break;
    case K_OPTIONS: pl_read_tabari_options(d, f, data, len); break;
    }
    pl_buf_free(&conv);
    free(own);
    return 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

parley_dict *parley_dict_load_files(const parley_dict_files *files, parley_diag_fn diag,
                                    void *ctx, parley_error *err)
{
    if (!files) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->status = PARLEY_ERR_USAGE;
            snprintf(err->message, sizeof err->message, "no dictionary files given");
        }
        return NULL;
    }
    double t0 = now_seconds();
    parley_dict *d = pl_dict_new(diag, ctx);
    /* options first: TABARI noun/adjective lists may appear in any file */
    const char *single[5] = {files->options, files->verbs, files->agents, files->discards,
                             files->issues};
    const kind kinds[5] = {K_OPTIONS, K_VERBS, K_AGENTS, K_DISCARDS, K_ISSUES};
    for (int i = 0; i < 5; i++) {
        if (!single[i] || !*single[i]) continue;
        if (load_one(d, single[i], NULL, 0, kinds[i], err)) goto fail;
    }
    if (files->actors) {
        const char *p = files->actors;
        while (*p) {
            const char *c = strchr(p, ',');
            size_t n = c ? (size_t)(c - p) : strlen(p);
            if (n) {
                char *path = pl_xstrndup(p, n);
                int r = load_one(d, path, NULL, 0, K_ACTORS, err);
                free(path);
                if (r) goto fail;
            }
            if (!c) break;
            p = c + 1;
        }
    }
    pl_dict_finish(d);
    d->load_seconds = now_seconds() - t0;
    return d;
fail:
    parley_dict_free(d);
    return NULL;
}

/* Guesses the kind of a dictionary file from its name. Returns -1 to skip. */
static int kind_of_name(const char *name)
{
    char low[256];
    size_t n = strlen(name);
    if (n >= sizeof low) return -1;
    for (size_t i = 0; i <= n; i++) low[i] = (char)pl_lower((unsigned char)name[i]);
    if (strstr(low, "ontology") || strstr(low, "readme")) return -1;
    if (ends_with(low, ".project") || ends_with(low, ".text") || ends_with(low, ".xml")) return -1;
    if (strstr(low, "verb") || strstr(low, "cameo")) return K_VERBS;
    if (strstr(low, "agent")) return K_AGENTS;
    if (strstr(low, "discard")) return K_DISCARDS;
    if (strstr(low, "issue")) return K_ISSUES;
    if (strstr(low, "option")) return K_OPTIONS;
    if (strstr(low, "actor")) return K_ACTORS;
    return -1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

parley_dict *parley_dict_load_dir(const char *dir, parley_diag_fn diag, void *ctx,
                                  parley_error *err)
{
    DIR *dh = dir ? opendir(dir) : NULL;
    if (!dh) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->status = PARLEY_ERR_IO;
            snprintf(err->file, sizeof err->file, "%s", dir ? dir : "(null)");
            err->byte = -1;
            snprintf(err->message, sizeof err->message, "cannot open dictionary folder: %s",
                     strerror(errno));
        }
        return NULL;
    }
    char **names = NULL;
    size_t nn = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        if (de->d_name[0] == '.') continue;
        names = pl_grow(names, &cap, nn + 1, sizeof *names);
        names[nn++] = pl_xstrdup(de->d_name);
    }
    closedir(dh);
    qsort(names, nn, sizeof *names, cmp_str);
    double t0 = now_seconds();
    parley_dict *d = pl_dict_new(diag, ctx);
    int failed = 0, nloaded = 0;
    /* options, then the rest (nouns/adjectives first) */
    for (int pass = 0; pass < 2 && !failed; pass++)
        for (size_t i = 0; i < nn && !failed; i++) {
            int k = kind_of_name(names[i]);
            if (k < 0 || ((k == K_OPTIONS) != (pass == 0))) continue;
            size_t pl = strlen(dir) + strlen(names[i]) + 2;
            char *path = pl_xmalloc(pl);
            snprintf(path, pl, "%s/%s", dir, names[i]);
            struct stat st;
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
                if (load_one(d, path, NULL, 0, (kind)k, err)) failed = 1;
                else nloaded++;
            }
            free(path);
        }
    for (size_t i = 0; i < nn; i++) free(names[i]);
    free(names);
    if (failed) {
        parley_dict_free(d);
        return NULL;
    }
    if (!nloaded) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->status = PARLEY_ERR_FORMAT;
            snprintf(err->file, sizeof err->file, "%s", dir);
            err->byte = -1;
            snprintf(err->message, sizeof err->message,
                     "no dictionary files (names with verb/actor/agent/discard/issue) found");
        }
        parley_dict_free(d);
        return NULL;
    }
    pl_dict_finish(d);
    d->load_seconds = now_seconds() - t0;
    return d;
}

parley_dict *parley_dict_load_default(parley_diag_fn diag, void *ctx, parley_error *err)
{
    double t0 = now_seconds();
    parley_dict *d = pl_dict_new(diag, ctx);
    int n = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < pl_embedded_count; i++) {
            const char *name = pl_embedded_files[i].name;
            if (strncmp(name, "dict/", 5) != 0 || !ends_with(name, ".txt")) continue;
            int k = kind_of_name(name + 5);
            if (k < 0 || ((k == K_OPTIONS) != (pass == 0))) continue;
            size_t len = 0;
            const char *data = pl_data_file(name, &len);
            if (!data) continue;
            load_one(d, name, data, len, (kind)k, err);
            n++;
        }
    if (!n) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->status = PARLEY_ERR_FORMAT;
            snprintf(err->message, sizeof err->message, "no bundled dictionaries in this build");
        }
        parley_dict_free(d);
        return NULL;
    }
    pl_dict_finish(d);
    d->bundled = 1;
    d->load_seconds = now_seconds() - t0;
    return d;
}

void parley_dict_get_stats(const parley_dict *d, parley_dict_stats *out)
{
    memset(out, 0, sizeof *out);
    if (!d) return;
    out->files = d->nfiles;
    out->lines = d->nlines;
    out->warnings = d->nwarnings;
    out->actors = d->nactors;
    out->actor_names = d->actor_names.n;
    out->actor_codes = d->nactor_codes;
    out->agents = d->nagents;
    out->agent_names = d->agent_names.n;
    out->verb_blocks = d->nblocks;
    out->verb_forms = d->nvforms;
    out->patterns = d->npatterns;
    out->synsets = d->nsynsets;
    out->transformations = d->ntransforms;
    out->discards = d->ndiscards;
    out->issues = d->nissues;
    out->words = d->words.n;
    out->load_seconds = d->load_seconds;
}
