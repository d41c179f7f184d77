/* html_meta.h — internals shared by html.c (body extraction) and
 * html_meta.c (metadata: JSON-LD, meta tags, <time>, datelines, URL). */
#ifndef PL_HTML_META_H
#define PL_HTML_META_H

#include "reader/reader.h"

#include <gumbo.h>

/* Tags nested deeper than this are cut before parsing (gumbo's tree builder
 * is quadratic in nesting depth; real pages stay below 100). */
#define PL_HTML_MAX_DEPTH 1000

/* hint flags from html_boilerplate.txt */
enum { HF_DROP = 1, HF_KEEP = 2, HF_STRONG = 4, HF_WEAK = 8 };

/* element flags */
enum {
    NF_HARD = 1 << 0,      /* never text (script, style, form controls, too deep) */
    NF_SOFT = 1 << 1,      /* boilerplate by tag, class, id, role or hidden */
    NF_DROP = 1 << 2,      /* soft and really dropped (settle_drops) */
    NF_KEEP = 1 << 3,      /* weak content hint (class "content", "post") */
    NF_STRONG = 1 << 4,    /* strong content hint (entry-content, article-body) */
    NF_ARTICLE = 1 << 5,   /* <article> or role=article */
    NF_MAIN = 1 << 6,      /* <main> or role=main */
    NF_BODYPROP = 1 << 7,  /* itemprop=articleBody */
    NF_HIDDEN = 1 << 8,
    NF_WEAK = 1 << 9,      /* soft only by a weak hint: kept when it looks like text */
    NF_FIRM = 1 << 10      /* soft by a firm hint, tag or hidden */
};

typedef struct hnode {
    GumboNode *g;
    GumboTag tag;
    int parent, depth, last_desc;   /* last_desc: index of the last node of the subtree */
    unsigned flags, sub_flags;      /* sub_flags: OR of descendants' content flags */
    int text, link;                 /* visible text / text inside links (raw subtree) */
    int ctext, clink;               /* the same without dropped subtrees */
    int own, commas;                /* inline text of the element itself */
    int paras;                      /* <p> descendants with 80+ characters */
    double score;
} hnode;

/* Date candidates in order of trust. */
enum { DP_LD, DP_META, DP_ITEMPROP, DP_TIME_PUB, DP_TIME, DP_DATELINE, DP_URL, DP_N };
enum { AU_LD, AU_META, AU_ITEMPROP, AU_DOM, AU_N };
#define PL_HTML_MAX_AUTHORS 10

typedef struct hmeta {
    const char *title, *og_title, *tw_title, *h1, *ld_headline;
    const char *lang, *site, *ld_site, *canonical, *og_url, *ld_lang;
    const char *pub[DP_N], *mod[DP_N];
    const char *authors[AU_N][PL_HTML_MAX_AUTHORS];
    int n_authors[AU_N];
    const char *ld_body;            /* JSON-LD articleBody */
    const char *datelines[8];       /* visible date candidates, in page order */
    int n_datelines;
} hmeta;

typedef struct hx {
    pl_article *a;
    pl_arena *arena;                /* per-thread, reset after each page */
    const char *url;
    hnode *nodes;
    size_t n_nodes, cap_nodes;
    pl_buf para, tmp;
    size_t emitted, n_emitted;
    pl_buf stage;                   /* paragraphs of the current attempt, NUL-separated */
    int relaxed, no_link_filter;    /* retry modes of extract_body */
    int in_heading;                 /* emitting inside <h1>..<h6> */
    uint64_t cache_key[512];        /* class/id value hash -> hint flags */
    unsigned cache_val[512];
    uint64_t tok_key[1024];         /* class/id token hash -> hint flags */
    unsigned tok_val[1024];
    hmeta m;
} hx;

void html_meta_begin(hx *x);
/* Called for every element in document order (node index i). */
void html_meta_element(hx *x, GumboNode *g, int i);
/* Chooses headline, authors, dates, language, site and canonical URL. */
void html_meta_finish(hx *x, int body);
void html_meta_end(hx *x);

#endif
