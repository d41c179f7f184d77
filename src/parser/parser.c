/* parser.c — pl_parser lifecycle, the pl_parse_sentence pipeline
 * (tokenize, tag, lemmatize, chunk) and the debug dump. */
#include "parser/parser_int.h"

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pl_parser *pl_parser_new(void)
{
    pl_parser *p = pl_xcalloc(1, sizeof *p);
    p->lx = pl_lexicon_get();
    return p;
}

void pl_parser_free(pl_parser *p)
{
    if (!p) return;
    free(p->toks);
    free(p->tx);
    free(p->str);
    free(p->chunks);
    free(p->clauses);
    free(p->score);
    free(p->back);
    free(p);
}

uint32_t pl_parser_str(pl_parser *p, const char *s, size_t n)
{
    /* s may point into p->str itself (a lemma that is a prefix of the
     * word): keep its offset across the reallocation. */
    int inside = p->str && s >= p->str && s < p->str + p->strlen;
    size_t soff = inside ? (size_t)(s - p->str) : 0;
    p->str = pl_grow(p->str, &p->strcap, p->strlen + n + 1, 1);
    if (inside) s = p->str + soff;
    uint32_t off = (uint32_t)p->strlen;
    memcpy(p->str + off, s, n);
    p->str[off + n] = 0;
    p->strlen += n + 1;
    return off;
}

const pl_parse *pl_parse_sentence(pl_parser *p, const char *text, size_t len)
{
    if (!text) len = 0;
    if (len > UINT32_MAX - 1) len = UINT32_MAX - 1;
    p->ntoks = 0;
    p->strlen = 0;
    p->nchunks = 0;
    p->nclauses = 0;
    p->parse = (pl_parse){0};
    p->parse.text = text ? text : "";
    p->parse.len = len;
    pl_tokenize(p, p->parse.text, len);
    p->parse.truncated = p->truncated;
    pl_tag_sentence(p);
    pl_chunk_sentence(p);
    for (size_t i = 0; i < p->ntoks; i++) {
        p->toks[i].norm = p->str + p->tx[i].norm_off;
        p->toks[i].lemma = p->str + p->tx[i].lemma_off;
        p->toks[i].tag = p->tx[i].tag;
    }
    p->parse.toks = p->toks;
    p->parse.ntoks = p->ntoks;
    p->parse.chunks = p->chunks;
    p->parse.nchunks = p->nchunks;
    p->parse.clauses = p->clauses;
    p->parse.nclauses = p->nclauses;
    return &p->parse;
}

const char *pl_pos_name(int pos)
{
    static const char *const names[] = {"OTHER", "NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ",
                                        "ADV", "DET", "PREP", "CONJ", "SCONJ", "NUM", "PART",
                                        "PUNCT"};
    return pos >= 0 && pos < (int)PL_COUNT(names) ? names[pos] : "?";
}

const char *pl_tag_name(int tag)
{
    return tag >= 0 && tag < PL_NTAGS ? pl_tag_names[tag] : "?";
}

size_t pl_lexicon_size(const pl_lexicon *lx)
{
    return pl_lexicon_bytes(lx);
}

const char *pl_chunk_name(int type)
{
    return type == PL_CH_NP ? "NP" : type == PL_CH_VP ? "VP" : type == PL_CH_PP ? "PP" : "X";
}

void pl_vp_flags_str(unsigned flags, char *buf, size_t n)
{
    static const char *const names[] = {"NEGATED", "PASSIVE", "MODAL", "FUTURE",
                                        "INFINITIVE", "PERFECT", "GERUND", "YET"};
    size_t k = 0;
    buf[0] = 0;
    for (size_t b = 0; b < PL_COUNT(names); b++)
        if (flags & (1u << b)) {
            int w = snprintf(buf + k, n - k, "%s%s", k ? "|" : "", names[b]);
            if (w < 0 || (size_t)w >= n - k) break;
            k += (size_t)w;
        }
}

void pl_parse_bracket(const pl_parse *ps, pl_buf *out)
{
    for (size_t i = 0; i < ps->ntoks; i++) {
        const pl_token *t = &ps->toks[i];
        const pl_chunk *c = t->chunk >= 0 ? &ps->chunks[t->chunk] : NULL;
        if (out->len) pl_buf_putc(out, ' ');
        if (c && c->first == i) pl_buf_printf(out, "%s[", pl_chunk_name(c->type));
        pl_buf_put(out, t->norm, t->norm_len);
        if (c && c->last == i) {
            pl_buf_putc(out, ']');
            if (c->type == PL_CH_VP && c->flags) {
                char fb[128];
                pl_vp_flags_str(c->flags, fb, sizeof fb);
                pl_buf_printf(out, "(%s)", fb);
            }
        }
    }
}

void pl_parse_clauses_str(const pl_parse *ps, pl_buf *out)
{
    for (size_t k = 0; k < ps->nclauses; k++) {
        const pl_clause *c = &ps->clauses[k];
        if (k) pl_buf_putc(out, ' ');
        pl_buf_printf(out, "%u-%u/%d%s:", c->first, c->last, c->parent, c->quoted ? "q" : "");
        if (c->verb >= 0) {
            const pl_token *h = &ps->toks[ps->chunks[c->verb].head];
            pl_buf_put(out, h->norm, h->norm_len);
        } else {
            pl_buf_putc(out, '-');
        }
    }
}

void pl_parse_dump(const pl_parse *ps, void *file)
{
    FILE *f = file ? file : stderr;
    for (size_t i = 0; i < ps->ntoks; i++) {
        const pl_token *t = &ps->toks[i];
        const pl_chunk *c = t->chunk >= 0 ? &ps->chunks[t->chunk] : NULL;
        fprintf(f, "%4zu %-2s %c%-24.*s %-16.*s %-5s", i,
                c ? (c->first == i ? pl_chunk_name(c->type) : "") : "",
                c && c->head == i ? '*' : ' ', (int)t->norm_len, t->norm, (int)t->lemma_len,
                t->lemma, pl_pos_name(t->pos));
        if (t->vform) {
            static const char *const vf[] = {"", "base", "pres3", "past", "part", "ger"};
            fprintf(f, " %s", t->vform < 6 ? vf[t->vform] : "?");
        }
        if (t->flags & PL_TOK_QUOTE) fprintf(f, " quote");
        if (c && c->last == i && c->type == PL_CH_VP && c->flags) {
            char fb[128];
            pl_vp_flags_str(c->flags, fb, sizeof fb);
            fprintf(f, " (%s)", fb);
        }
        if (c && c->first == i) fprintf(f, " clause=%d", c->clause);
        fputc('\n', f);
    }
    for (size_t k = 0; k < ps->nclauses; k++) {
        const pl_clause *c = &ps->clauses[k];
        fprintf(f, "clause %zu: tokens %u-%u parent %d verb %d%s\n", k, c->first, c->last, c->parent,
                c->verb, c->quoted ? " quoted" : "");
    }
}
