/* html.c — article extraction from HTML pages (pl_html_extract) and the
 * "html" input format.
 *
 * Steps for one page:
 *   1. charset: BOM / HTTP header / <meta> / sniffing, converted to UTF-8
 *      (charset.c);
 *   2. a bounded prescan (prescan_html) cuts pages whose tags nest deeper
 *      than PL_HTML_MAX_DEPTH (the HTML5 tree builder is quadratic in depth)
 *      and blanks the bodies of <script>/<style> that are not JSON-LD (they
 *      are most of the bytes of a modern page and never text);
 *   3. parse with gumbo into an arena (no per-node free);
 *   4. one walk builds a flat preorder array of elements with text, link
 *      text, paragraph scores and hint flags, and gathers metadata
 *      candidates (html_meta.c);
 *   5. the body container is chosen: schema.org articleBody, then strong
 *      class hints (entry-content, article-body ...), then a single
 *      <article>, each only when it holds a fair share of the text the
 *      density scorer found; otherwise the scorer's best node plus its
 *      qualifying siblings (as Readability does);
 *   6. paragraphs are emitted from that container, skipping boilerplate
 *      subtrees (navigation, share bars, comments, related lists ...) and
 *      link-dense blocks. */
#include "reader/html_meta.h"
#include "reader/charset.h"
#include "embedded.h"
#include "utf8.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ---- boilerplate hints (data/reader/html_boilerplate.txt) -------------- */

enum { HK_SUB, HK_TOK, HK_PRE };
typedef struct hint {
    unsigned char match, flags;
    const char *pat;
    size_t n;
} hint;

/* tuning on the trafilatura benchmark: minimum paragraph length for the
 * scorer, share of the page's text that keeps a boilerplate-named wrapper,
 * sibling score ratio */
static const int g_p_min = 25, g_share = 50;
static const double g_sib = 0.2;
static hint *g_hints;
static size_t g_n_hints;
static hint *g_para;                   /* para-pre phrases */
static size_t g_n_para;
static pthread_once_t g_hints_once = PTHREAD_ONCE_INIT;

static void bucket_subs(void);

static void load_hints(void)
{
    size_t len = 0;
    const char *d = pl_data_file("reader/html_boilerplate.txt", &len);
    if (!d) return;
    size_t cap = 0, pcap = 0;
    const char *p = d, *end = d + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *sp = memchr(p, ' ', (size_t)(le - p));
        if (*p != '#' && sp && sp > p) {
            hint h = {0, 0, NULL, 0};
            size_t kn = (size_t)(sp - p);
            int ok = 1;
            if (kn == 8 && memcmp(p, "drop-sub", 8) == 0) h.match = HK_SUB, h.flags = HF_DROP;
            else if (kn == 8 && memcmp(p, "drop-tok", 8) == 0) h.match = HK_TOK, h.flags = HF_DROP;
            else if (kn == 8 && memcmp(p, "drop-pre", 8) == 0) h.match = HK_PRE, h.flags = HF_DROP;
            else if (kn == 8 && memcmp(p, "weak-sub", 8) == 0) h.match = HK_SUB, h.flags = HF_WEAK;
            else if (kn == 8 && memcmp(p, "weak-tok", 8) == 0) h.match = HK_TOK, h.flags = HF_WEAK;
            else if (kn == 8 && memcmp(p, "weak-pre", 8) == 0) h.match = HK_PRE, h.flags = HF_WEAK;
            else if (kn == 8 && memcmp(p, "para-pre", 8) == 0) {
                const char *pat = sp + 1, *pe = le;
                while (pe > pat && pl_isspace((unsigned char)pe[-1])) pe--;
                if (pe > pat) {
                    g_para = pl_grow(g_para, &pcap, g_n_para + 1, sizeof *g_para);
                    g_para[g_n_para++] = (hint){HK_PRE, 0, pat, (size_t)(pe - pat)};
                }
                ok = 0;
            }
            else if (kn == 8 && memcmp(p, "keep-sub", 8) == 0) h.match = HK_SUB, h.flags = HF_KEEP | HF_STRONG;
            else if (kn == 8 && memcmp(p, "keep-tok", 8) == 0) h.match = HK_TOK, h.flags = HF_KEEP;
            else ok = 0;
            const char *pat = sp + 1, *pe = le;
            while (pe > pat && pl_isspace((unsigned char)pe[-1])) pe--;
            if (ok && pe > pat) {
                g_hints = pl_grow(g_hints, &cap, g_n_hints + 1, sizeof *g_hints);
                h.pat = pat;
                h.n = (size_t)(pe - pat);
                g_hints[g_n_hints++] = h;
            }
        }
        p = le + 1;
    }
    bucket_subs();
}

/* Substring hints bucketed by first byte (built once in load_hints). */
static hint *g_sub;
static size_t g_sub_start[257];

static void bucket_subs(void)
{
    size_t count[256] = {0}, n = 0;
    for (size_t i = 0; i < g_n_hints; i++)
        if (g_hints[i].match == HK_SUB) count[(unsigned char)g_hints[i].pat[0]]++, n++;
    g_sub = pl_xcalloc(n ? n : 1, sizeof *g_sub);
    g_sub_start[0] = 0;
    for (int c = 0; c < 256; c++) g_sub_start[c + 1] = g_sub_start[c] + count[c];
    size_t fill[256];
    for (int c = 0; c < 256; c++) fill[c] = g_sub_start[c];
    for (size_t i = 0; i < g_n_hints; i++)
        if (g_hints[i].match == HK_SUB) g_sub[fill[(unsigned char)g_hints[i].pat[0]]++] = g_hints[i];
}

static unsigned token_flags(const char *t, size_t n)
{
    unsigned f = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        for (size_t k = g_sub_start[c]; k < g_sub_start[c + 1]; k++)
            if (g_sub[k].n <= n - i && memcmp(t + i, g_sub[k].pat, g_sub[k].n) == 0) f |= g_sub[k].flags;
    }
    for (size_t i = 0; i < g_n_hints; i++) {
        const hint *h = &g_hints[i];
        if (h->n > n) continue;
        switch (h->match) {
        case HK_SUB:
            break;
        case HK_TOK:
            if (h->n == n && memcmp(t, h->pat, n) == 0) f |= h->flags;
            break;
        default:
            if (memcmp(t, h->pat, h->n) == 0) f |= h->flags;
            break;
        }
    }
    return f;
}

/* Flags of a class or id attribute value (space-separated tokens),
 * memoised per page since the same values repeat. */
static unsigned attr_flags(hx *x, const char *v)
{
    size_t n = strlen(v);
    if (n == 0) return 0;
    uint64_t h = pl_hash(v, n) | 1;
    size_t slot = (size_t)(h % PL_COUNT(x->cache_key));
    if (x->cache_key[slot] == h) return x->cache_val[slot];
    unsigned f = 0;
    char tok[64];
    size_t i = 0;
    while (i < n) {
        while (i < n && pl_isspace((unsigned char)v[i])) i++;
        size_t s = i;
        while (i < n && !pl_isspace((unsigned char)v[i])) i++;
        size_t tn = i - s;
        if (tn == 0 || tn >= sizeof tok) continue;
        for (size_t k = 0; k < tn; k++) {
            char c = (char)pl_lower((unsigned char)v[s + k]);
            tok[k] = c == '_' ? '-' : c;
        }
        uint64_t th = pl_hash(tok, tn) | 1;
        size_t ts = (size_t)(th % PL_COUNT(x->tok_key));
        if (x->tok_key[ts] != th) {
            x->tok_key[ts] = th;
            x->tok_val[ts] = token_flags(tok, tn);
        }
        f |= x->tok_val[ts];
    }
    x->cache_key[slot] = h;
    x->cache_val[slot] = f;
    return f;
}

/* ---- tags -------------------------------------------------------------- */

static int tag_is_block(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: case GUMBO_TAG_BR: case GUMBO_TAG_CENTER: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_MENU: case GUMBO_TAG_HTML:
        return 1;
    default:
        return 0;
    }
}

/* Elements that never hold article text. */
static int tag_is_dropped(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_RT: case GUMBO_TAG_RP:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE: case GUMBO_TAG_META:
    case GUMBO_TAG_LINK: case GUMBO_TAG_BASE: case GUMBO_TAG_IMG:
    case GUMBO_TAG_SOURCE: case GUMBO_TAG_MAP: case GUMBO_TAG_AREA: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_LABEL: case GUMBO_TAG_MENUITEM: case GUMBO_TAG_OPTGROUP:

        return 1;
    default:
        return 0;
    }
}

/* Elements dropped unless they hold the article (soft boilerplate). */
static int tag_is_soft_drop(GumboTag t)
{
    return t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER ||
           t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FORM || t == GUMBO_TAG_FIGURE ||
           t == GUMBO_TAG_FIGCAPTION || t == GUMBO_TAG_MENU;
}

/* gumbo stores HTML attribute names in lower case: a plain comparison
 * (first byte first) is enough, and much cheaper than its strcasecmp. */
static const char *attr(const GumboElement *e, const char *name)
{
    const GumboVector *v = &e->attributes;
    for (unsigned i = 0; i < v->length; i++) {
        const GumboAttribute *a = v->data[i];
        if (a->name[0] == name[0] && strcmp(a->name, name) == 0) return a->value;
    }
    return NULL;
}

static int hidden_style(const char *s)
{
    /* "display:none" / "visibility:hidden", any spacing and case */
    char buf[256];
    size_t n = 0;
    for (; *s && n + 1 < sizeof buf; s++)
        if (!pl_isspace((unsigned char)*s)) buf[n++] = (char)pl_lower((unsigned char)*s);
    buf[n] = 0;
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

/* ---- the element array ------------------------------------------------- */

static int count_commas(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ',') c++;
        else if (ch == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] == 0x8C) c++;
        else if (ch == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x81) c++;
    }
    return c;
}

/* Visible length of a text node: bytes minus whitespace runs. */
static int text_len(const char *s, size_t n)
{
    int len = 0, sp = 1;
    for (size_t i = 0; i < n; i++) {
        if (pl_isspace((unsigned char)s[i])) {
            if (!sp) len++;
            sp = 1;
        } else {
            len++;
            sp = 0;
        }
    }
    return len;
}

static int push_node(hx *x, GumboNode *g, int parent, int depth)
{
    if (x->n_nodes == x->cap_nodes) {
        size_t nc = x->cap_nodes ? x->cap_nodes * 2 : 1024;
        hnode *nn = pl_arena_alloc(x->arena, nc * sizeof *nn);
        if (x->n_nodes) memcpy(nn, x->nodes, x->n_nodes * sizeof *nn);
        x->nodes = nn;
        x->cap_nodes = nc;
    }
    int i = (int)x->n_nodes++;
    hnode *h = &x->nodes[i];
    memset(h, 0, sizeof *h);
    h->g = g;
    h->parent = parent;
    h->depth = depth;
    h->last_desc = i;
    return i;
}

/* Builds the element array below g (an element or template node).  Returns
 * the node index.  in_link: inside <a>. */
static int build(hx *x, GumboNode *g, int parent, int depth, int in_link)
{
    int i = push_node(x, g, parent, depth);
    GumboElement *e = &g->v.element;
    GumboTag t = g->type == GUMBO_NODE_TEMPLATE ? GUMBO_TAG_TEMPLATE : e->tag;
    unsigned f = 0;

    html_meta_element(x, g, i);

    if (tag_is_dropped(t) || depth > PL_HTML_MAX_DEPTH) f |= NF_HARD;
    if (tag_is_soft_drop(t))
        f |= NF_SOFT | ((t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FORM || t == GUMBO_TAG_FIGURE) ? NF_WEAK : NF_FIRM);
    if (t == GUMBO_TAG_ARTICLE) f |= NF_ARTICLE;
    if (t == GUMBO_TAG_MAIN) f |= NF_MAIN;
    const char *v;
    if ((v = attr(e, "class")) != NULL) {
        unsigned af = attr_flags(x, v);
        if (af & HF_DROP) f |= NF_SOFT | NF_FIRM;
        if (af & HF_WEAK) f |= NF_SOFT | NF_WEAK;
        if (af & HF_KEEP) f |= NF_KEEP;
        if (af & HF_STRONG) f |= NF_STRONG;
    }
    if ((v = attr(e, "id")) != NULL) {
        unsigned af = attr_flags(x, v);
        if (af & HF_DROP) f |= NF_SOFT | NF_FIRM;
        if (af & HF_WEAK) f |= NF_SOFT | NF_WEAK;
        if (af & HF_KEEP) f |= NF_KEEP;
        if (af & HF_STRONG) f |= NF_STRONG;
    }
    if ((v = attr(e, "role")) != NULL) {
        if (strcmp(v, "navigation") == 0 || strcmp(v, "banner") == 0 || strcmp(v, "contentinfo") == 0 ||
            strcmp(v, "complementary") == 0 || strcmp(v, "menu") == 0 || strcmp(v, "dialog") == 0 ||
            strcmp(v, "alert") == 0 || strcmp(v, "search") == 0)
            f |= NF_SOFT;
        if (strcmp(v, "main") == 0) f |= NF_MAIN;
        if (strcmp(v, "article") == 0) f |= NF_ARTICLE;
    }
    if ((v = attr(e, "itemprop")) != NULL && strstr(v, "articleBody")) f |= NF_BODYPROP;
    if (((v = attr(e, "style")) != NULL && hidden_style(v)) || attr(e, "hidden") ||
        ((v = attr(e, "aria-hidden")) != NULL && strcmp(v, "true") == 0))
        f |= NF_SOFT | NF_HIDDEN | NF_FIRM;
    if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) f &= ~(unsigned)NF_SOFT;
    /* a content hint overrides weak boilerplate hints and tags, not a firm
     * class hint on the same element ("related-stories article-body-drop") */
    if ((f & NF_KEEP) && !(f & NF_FIRM)) f &= ~(unsigned)(NF_SOFT | NF_WEAK);
    if (t == GUMBO_TAG_A) in_link = 1;
    x->nodes[i].flags = f;
    x->nodes[i].tag = t;

    if (f & NF_HARD) return i;

    int own = 0, own_commas = 0;
    GumboVector *ch = &e->children;
    for (unsigned k = 0; k < ch->length; k++) {
        GumboNode *c = ch->data[k];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
            const char *s = c->v.text.text;
            size_t n = strlen(s);
            int len = text_len(s, n);
            x->nodes[i].text += len;
            if (in_link) x->nodes[i].link += len;
            own += len;
            own_commas += count_commas(s, n);
        } else if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE) {
            int ci = build(x, c, i, depth + 1, in_link);
            hnode *cn = &x->nodes[ci], *me = &x->nodes[i];
            me->last_desc = cn->last_desc;
            if (cn->flags & NF_HARD) continue;
            me->text += cn->text;
            me->link += cn->link;
            me->sub_flags |= cn->sub_flags | (cn->flags & (NF_ARTICLE | NF_MAIN | NF_STRONG | NF_BODYPROP));
            me->paras += cn->paras + (cn->tag == GUMBO_TAG_P && cn->text >= 80);
            if (!tag_is_block(cn->tag)) {
                own += cn->text;
                own_commas += cn->commas;
            }
        }
    }
    x->nodes[i].own = own;
    x->nodes[i].commas = own_commas;
    return i;
}

/* Decides which soft-dropped nodes are really dropped: a container that
 * holds the article (an <article>, <main>, articleBody or strong hint inside,
 * or most of the page's text) is kept. */
static void settle_drops(hx *x, int body)
{
    int total = body >= 0 ? x->nodes[body].text : 0;
    for (size_t i = 0; i < x->n_nodes; i++) {
        hnode *h = &x->nodes[i];
        h->flags &= ~(unsigned)NF_DROP;
        if (!(h->flags & NF_SOFT) || (h->flags & NF_HARD)) continue;
        if (x->relaxed && !(h->flags & NF_HIDDEN) && h->tag != GUMBO_TAG_NAV && h->tag != GUMBO_TAG_FOOTER) continue;
        int keep = 0;
        if (!(h->flags & NF_HIDDEN)) {
            if (h->sub_flags & (NF_ARTICLE | NF_MAIN | NF_BODYPROP | NF_STRONG)) keep = 1;
            if (total > 500 && h->text * 100 > total * g_share && h->tag != GUMBO_TAG_NAV) keep = 1;
            /* a weak hint on a container of real paragraphs */
            if (!(h->flags & NF_FIRM) && h->paras >= 2 && h->text >= 400 && h->link * 4 < h->text) keep = 1;
        } else if (h->sub_flags & (NF_BODYPROP | NF_STRONG)) {
            keep = 1;
        } else if (total > 500 && h->text * 100 > total * g_share && h->paras >= 2 && h->link * 4 < h->text) {
            keep = 1; /* the story itself, hidden until a script shows it (paywalls) */
        }
        if (!keep) h->flags |= NF_DROP;
        if (!keep && h->text > (getenv("PL_HTML_DEBUG") && getenv("PL_HTML_DEBUG")[0] == '2' ? 50 : 1000) && getenv("PL_HTML_DEBUG")) {
            const char *cl = attr(&h->g->v.element, "class"), *id = attr(&h->g->v.element, "id");
            fprintf(stderr, "drop: <%s class=%s id=%s> text %d of %d\n", gumbo_normalized_tagname(h->tag),
                    cl ? cl : "", id ? id : "", h->text, total);
        }
    }
}

/* Clean statistics (excluding dropped subtrees) bottom-up: the array is in
 * preorder, so walking it backwards visits children before parents. */
static void clean_stats(hx *x)
{
    for (size_t i = 0; i < x->n_nodes; i++) {
        hnode *h = &x->nodes[i];
        h->ctext = h->clink = 0;
        h->score = 0;
    }
    for (size_t k = x->n_nodes; k-- > 0;) {
        hnode *h = &x->nodes[k];
        if (h->flags & (NF_HARD | NF_DROP)) continue;
        /* own text contribution: text minus children's raw text */
        int child_text = 0, child_link = 0;
        for (int c = (int)k + 1; c <= h->last_desc; c = x->nodes[c].last_desc + 1) {
            hnode *cn = &x->nodes[c];
            if (cn->flags & NF_HARD) continue;
            child_text += cn->text;
            child_link += cn->link;
        }
        h->ctext += h->text - child_text;
        h->clink += h->link - child_link;
        if (h->parent >= 0) {
            x->nodes[h->parent].ctext += h->ctext;
            x->nodes[h->parent].clink += h->clink;
        }
    }
}

static int is_para_tag(GumboTag t)
{
    return t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD || t == GUMBO_TAG_BLOCKQUOTE ||
           t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_LI ||
           t == GUMBO_TAG_DD;
}

static int dropped_above(const hx *x, int i)
{
    for (; i >= 0; i = x->nodes[i].parent)
        if (x->nodes[i].flags & (NF_HARD | NF_DROP)) return 1;
    return 0;
}

static double link_density(const hnode *h)
{
    return h->ctext > 0 ? (double)h->clink / h->ctext : 0;
}

/* Readability-style scoring: each paragraph gives points to its ancestors. */
static void score_paragraphs(hx *x)
{
    for (size_t i = 0; i < x->n_nodes; i++) {
        hnode *h = &x->nodes[i];
        if (h->flags & (NF_HARD | NF_DROP)) continue;
        if (!is_para_tag(h->tag) || h->own < g_p_min) continue;
        if (h->tag == GUMBO_TAG_LI && h->own < 80) continue;
        if (dropped_above(x, (int)i)) continue;
        double s = 1 + h->commas + PL_MIN(h->own / 100.0, 3.0);
        double ld = link_density(h);
        if (ld > 0.5) continue;
        int p = h->parent, level = 0;
        while (p >= 0 && level < 4) {
            double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            x->nodes[p].score += s / div;
            p = x->nodes[p].parent;
            level++;
        }
    }
}

static double final_score(const hx *x, int i)
{
    const hnode *h = &x->nodes[i];
    double s = h->score;
    if (h->flags & NF_STRONG) s += 25;
    else if (h->flags & NF_KEEP) s += 10;
    if (h->flags & (NF_ARTICLE | NF_BODYPROP)) s += 10;
    return s * (1 - link_density(h));
}

/* ---- emission ---------------------------------------------------------- */

static void para_flush(hx *x)
{
    /* trim and collapse */
    pl_buf *b = &x->para;
    if (b->len) {
        size_t s = 0, e = b->len;
        while (s < e && b->data[s] == ' ') s++;
        while (e > s && b->data[e - 1] == ' ') e--;
        if (e > s) {
            pl_buf_putc(&x->stage, x->in_heading ? 'H' : 'P'); /* kind of paragraph */
            pl_buf_put(&x->stage, b->data + s, e - s);
            pl_buf_putc(&x->stage, 0);
            x->emitted += e - s;
            x->n_emitted++;
        }
    }
    pl_buf_clear(b);
}

static void para_text(hx *x, const char *s, size_t n)
{
    pl_buf *b = &x->para;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (pl_isspace(c)) {
            if (b->len && b->data[b->len - 1] != ' ') pl_buf_putc(b, ' ');
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            /* no-break space */
            if (b->len && b->data[b->len - 1] != ' ') pl_buf_putc(b, ' ');
            i++;
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
            i++; /* soft hyphen */
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   (unsigned char)s[i + 2] >= 0x8B && (unsigned char)s[i + 2] <= 0x8D) {
            i += 2; /* zero-width space and joiners */
        } else if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB && (unsigned char)s[i + 2] == 0xBF) {
            i += 2; /* byte order mark inside text */
        } else {
            pl_buf_putc(b, (char)c);
        }
    }
}

/* Is node i a block of links (menu, tag list, "read more" list)? */
static int link_block(const hx *x, int i)
{
    const hnode *h = &x->nodes[i];
    if (h->ctext == 0) return 0;
    double ld = link_density(h);
    switch (h->tag) {
    case GUMBO_TAG_P:
        return ld > 0.8 && h->ctext < 200;
    case GUMBO_TAG_SPAN:
        /* a span inside a link or a paragraph is running text (glossary
         * links, ruby annotations), not a block of links */
        for (int p = h->parent, k = 0; p >= 0 && k < 4; p = x->nodes[p].parent, k++)
            if (x->nodes[p].tag == GUMBO_TAG_A || x->nodes[p].tag == GUMBO_TAG_P) return 0;
        return ld > 0.35;
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_LI: case GUMBO_TAG_TD:
        return ld > 0.35;
    default:
        return 0;
    }
}

static void emit(hx *x, int i, int is_root)
{
    hnode *h = &x->nodes[i];
    if (h->flags & NF_HARD) return;
    if (!is_root && (h->flags & NF_DROP)) return;
    if (!is_root && !x->no_link_filter && link_block(x, i)) return;
    GumboTag t = h->tag;
    int block = tag_is_block(t);
    if (t == GUMBO_TAG_H1 && !is_root && x->m.h1 && (int)strlen(x->m.h1) >= h->ctext - 2 &&
        (int)strlen(x->m.h1) <= h->ctext + 8)
        return; /* the page title: it is the headline, not body text */
    if (t == GUMBO_TAG_BR || t == GUMBO_TAG_HR) {
        para_flush(x);
        return;
    }
    if (block) para_flush(x);
    int heading = t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
    x->in_heading += heading;
    GumboVector *ch = &h->g->v.element.children;
    int ci = i + 1;
    for (unsigned k = 0; k < ch->length; k++) {
        GumboNode *c = ch->data[k];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
            para_text(x, c->v.text.text, strlen(c->v.text.text));
        } else if (c->type == GUMBO_NODE_WHITESPACE) {
            para_text(x, " ", 1);
        } else if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE) {
            if (ci > h->last_desc || x->nodes[ci].g != c) break; /* depth cap */
            if (x->nodes[ci].tag == GUMBO_TAG_TD || x->nodes[ci].tag == GUMBO_TAG_TH) para_text(x, " ", 1);
            emit(x, ci, 0);
            ci = x->nodes[ci].last_desc + 1;
        }
    }
    if (block) para_flush(x);
    x->in_heading -= heading;
}

/* ---- choosing the container -------------------------------------------- */

static int best_with(const hx *x, unsigned flag, int min_text)
{
    int best = -1;
    for (size_t i = 0; i < x->n_nodes; i++) {
        const hnode *h = &x->nodes[i];
        if (!(h->flags & flag) || (h->flags & (NF_HARD | NF_DROP))) continue;
        if (h->ctext < min_text || link_density(h) > 0.5) continue;
        if (dropped_above(x, (int)i)) continue;
        if (best < 0 || h->ctext > x->nodes[best].ctext) best = (int)i;
    }
    return best;
}

static int lead_class(const GumboElement *e)
{
    static const char *const words[] = {"intro", "teaser", "lead", "lede", "standfirst",
                                        "summary", "sommario", "abstract", "excerpt", "subtitle", "subheadline",
                                        "dek", "chapeau", "chapo", "deck", "perex", "vorspann", NULL};
    const char *c = attr(e, "class");
    if (!c) return 0;
    char low[160];
    size_t n = 0;
    for (; c[n] && n + 1 < sizeof low; n++) low[n] = (char)pl_lower((unsigned char)c[n]);
    low[n] = 0;
    if (strstr(low, "leader")) return 0; /* leaderboard ads */
    for (int k = 0; words[k]; k++)
        if (strstr(low, words[k])) return 1;
    return 0;
}

/* Like dropped_above, but a weak drop (an article <header>) does not count. */
static int firm_dropped_above(const hx *x, int i)
{
    for (; i >= 0; i = x->nodes[i].parent) {
        unsigned f = x->nodes[i].flags;
        if ((f & NF_HARD) || ((f & NF_DROP) && !((f & NF_WEAK) && !(f & NF_FIRM)))) return 1;
    }
    return 0;
}

/* The standfirst: a short intro block just before the body container,
 * under the same few ancestors (news sites put it in the article header). */
static int emit_lead(hx *x, int root)
{
    if (root < 0) return -1;
    int anc[5], na = 0;
    for (int p = x->nodes[root].parent; p >= 0 && na < 5; p = x->nodes[p].parent) anc[na++] = p;
    for (int k = 0; k < na; k++) {
        int a = anc[k];
        for (int i = a + 1; i < root; i++) {
            hnode *h = &x->nodes[i];
            if (h->last_desc >= root) continue; /* an ancestor of root */
            if (h->text < 40 || h->text > 1000 || h->link * 10 > h->text * 3) continue;
            if (!lead_class(&h->g->v.element) || firm_dropped_above(x, i)) continue;
            emit(x, i, 1);
            para_flush(x);
            return i;
        }
    }
    return -1;
}

/* Emits container r, and with it the text blocks elsewhere on the page
 * that have the same tag and first class token and hold real text: a story split into
 * several "richtext" blocks, each in its own wrapper, or the posts of a
 * thread.  Document order is kept. */
/* Do two class values start with the same token ("text first", "text")? */
static int same_first_class(const char *a, const char *b)
{
    while (*a == ' ') a++;
    while (*b == ' ') b++;
    size_t na = strcspn(a, " "), nb = strcspn(b, " ");
    return na > 0 && na == nb && memcmp(a, b, na) == 0;
}

static void emit_with_peers(hx *x, int r, int skip_siblings)
{
    const hnode *rh = &x->nodes[r];
    const char *cl = rh->tag == GUMBO_TAG_BODY ? NULL : attr(&rh->g->v.element, "class");
    if (!cl || !*cl) {
        emit(x, r, 1);
        return;
    }
    for (int i = 0; i < (int)x->n_nodes; i++) {
        const hnode *h = &x->nodes[i];
        if (i == r) {
            emit(x, r, 1);
            i = h->last_desc;
            continue;
        }
        if (h->tag != rh->tag || (i <= r && r <= h->last_desc)) continue;
        if (h->flags & (NF_HARD | NF_DROP) || h->ctext < 50 || link_density(h) > 0.3) continue;
        const char *c2 = attr(&h->g->v.element, "class");
        if (!c2 || !same_first_class(c2, cl) || dropped_above(x, i)) continue;
        if (skip_siblings && h->parent == rh->parent) continue; /* the caller's sibling rule decides */
        emit(x, i, 1);
        i = h->last_desc;
    }
}

/* Siblings of the scorer's node that belong to the text though they score
 * nothing: subheadings, lists, tables, quotes and code. */
static int sib_block(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
        return 1;
    default:
        return 0;
    }
}

static int attempt(hx *x, int body)
{
    settle_drops(x, body);
    clean_stats(x);
    score_paragraphs(x);

    /* density scorer's choice */
    int top = -1;
    double top_s = 0;
    for (size_t i = 0; i < x->n_nodes; i++) {
        hnode *h = &x->nodes[i];
        if (h->score <= 0 || (h->flags & (NF_HARD | NF_DROP))) continue;
        double s = final_score(x, (int)i);
        if (top < 0 || s > top_s) top = (int)i, top_s = s;
    }

    int root = -1;
    int top_text = top >= 0 ? x->nodes[top].ctext : 0;
    int cands[3] = {best_with(x, NF_BODYPROP, 100), best_with(x, NF_STRONG, 150), -1};
    /* the innermost strong container that keeps most of the text */
    for (int c = cands[1]; c >= 0;) {
        int inner = -1;
        for (int d = c + 1; d <= x->nodes[c].last_desc; d++) {
            hnode *h = &x->nodes[d];
            if ((h->flags & NF_STRONG) && !(h->flags & (NF_HARD | NF_DROP)) && h->ctext * 10 >= x->nodes[c].ctext * 8) {
                inner = d;
                break;
            }
        }
        if (inner < 0) break;
        cands[1] = c = inner;
    }
    /* a single dominant <article> */
    {
        int best = -1, sum = 0;
        for (size_t i = 0; i < x->n_nodes; i++) {
            const hnode *h = &x->nodes[i];
            if (h->tag != GUMBO_TAG_ARTICLE || (h->flags & (NF_HARD | NF_DROP))) continue;
            if (h->sub_flags & NF_ARTICLE) continue; /* take the innermost */
            sum += h->ctext;
            if (best < 0 || h->ctext > x->nodes[best].ctext) best = (int)i;
        }
        if (best >= 0 && x->nodes[best].ctext >= 150 && x->nodes[best].ctext * 10 >= sum * 6 &&
            link_density(&x->nodes[best]) < 0.5)
            cands[2] = best;
    }
    /* a body split over siblings (<p class="bodytext"> ..., several
     * articleBody sections): take their parent */
    for (int k = 0; k < 2; k++) {
        int c = cands[k];
        if (c < 0 || x->nodes[c].parent < 0) continue;
        unsigned flag = k == 0 ? NF_BODYPROP : NF_STRONG;
        int p = x->nodes[c].parent, same = 0;
        for (int d = p + 1; d <= x->nodes[p].last_desc; d = x->nodes[d].last_desc + 1)
            if (d != c && (x->nodes[d].flags & flag) && !(x->nodes[d].flags & (NF_HARD | NF_DROP)) &&
                x->nodes[d].ctext > 0)
                same++;
        if (same > 0) cands[k] = p;
    }
    for (int k = 0; k < 3 && root < 0; k++) {
        int c = cands[k];
        if (c < 0) continue;
        if (x->nodes[c].ctext * 10 >= top_text * 3) root = c;
    }

    if (getenv("PL_HTML_DEBUG")) {
        int show[5] = {top, cands[0], cands[1], cands[2], root};
        const char *what[5] = {"top", "bodyprop", "strong", "article", "root"};
        for (int k = 0; k < 5; k++) {
            if (show[k] < 0) { fprintf(stderr, "%s: none\n", what[k]); continue; }
            hnode *h = &x->nodes[show[k]];
            const char *cl = attr(&h->g->v.element, "class"), *id = attr(&h->g->v.element, "id");
            fprintf(stderr, "%s: <%s class=%s id=%s> ctext %d clink %d score %.1f\n", what[k],
                    gumbo_normalized_tagname(h->tag), cl ? cl : "", id ? id : "", h->ctext, h->clink,
                    final_score(x, show[k]));
        }
    }
    int lead = emit_lead(x, root >= 0 ? root : top);
    if (root >= 0) {
        emit_with_peers(x, root, 0);
    } else if (top >= 0) {
        /* the scorer's node and its good siblings */
        int parent = x->nodes[top].parent;
        if (parent < 0) {
            emit(x, top, 1);
        } else {
            double thresh = PL_MAX(10.0, top_s * g_sib);
            hnode *p = &x->nodes[parent];
            for (int c = parent + 1; c <= p->last_desc; c = x->nodes[c].last_desc + 1) {
                hnode *cn = &x->nodes[c];
                if (cn->flags & (NF_HARD | NF_DROP)) continue;
                if (c == lead) continue;
                int take = c == top;
                if (!take && final_score(x, c) >= thresh) take = 1;
                if (!take && cn->tag == GUMBO_TAG_P && cn->ctext > 0) {
                    double ld = link_density(cn);
                    if (cn->ctext > 80 && ld < 0.25) take = 1;
                    else if (ld == 0 && cn->ctext >= 30) take = 1;
                }
                if (!take && sib_block(cn->tag) && cn->ctext > 0 && link_density(cn) < 0.25) take = 1;
                if (c == top) emit_with_peers(x, top, 1);
                else if (take) emit(x, c, 0);
            }
        }
    }
    if (x->n_emitted == 0) emit(x, body, 1);
    para_flush(x);
    return root >= 0 ? root : top;
}

/* Short paragraphs that are page furniture: "Mehr zum Thema", "Credit:",
 * a lone date, "4 min read". */
static int boiler_para(const char *t, size_t n)
{
    if (n >= 100) return 0;
    for (size_t i = 0; i < g_n_para; i++)
        if (g_para[i].n <= n && pl_strncaseeq(t, g_para[i].pat, g_para[i].n)) return 1;
    parley_datetime dt;
    if (n < 40 && parley_date_parse(t, n, &dt)) return 1;
    if (n < 30 && (memmem(t, n, "min read", 8) || memmem(t, n, "Min Read", 8) || memmem(t, n, "Lesezeit", 8)))
        return 1;
    return 0;
}

static void stage_reset(hx *x)
{
    pl_buf_clear(&x->stage);
    pl_buf_clear(&x->para);
    x->emitted = x->n_emitted = 0;
}

/* Chooses and emits the body: a strict attempt, then a relaxed one (only
 * hidden, navigation and footer dropped) when the strict one found almost
 * nothing, and a pass without the link-block filter when the chosen
 * container is mostly links (link collections are content too). */
static void extract_body(hx *x, int body)
{
    if (body < 0) return;
    int root = attempt(x, body);
    if (x->emitted < 250) {
        pl_buf keep = x->stage;
        size_t kept = x->emitted, kept_n = x->n_emitted;
        pl_buf_init(&x->stage);
        x->emitted = x->n_emitted = 0;
        x->relaxed = 1;
        int r2 = attempt(x, body);
        if (x->emitted > kept * 2 + 100) {
            pl_buf_free(&keep);
            root = r2;
        } else {
            pl_buf_free(&x->stage);
            x->stage = keep;
            x->emitted = kept;
            x->n_emitted = kept_n;
        }
    }
    if (root >= 0 && x->nodes[root].ctext > 500 && x->emitted * 100 < (size_t)x->nodes[root].ctext * 15) {
        stage_reset(x);
        x->no_link_filter = 1;
        emit(x, root, 1);
        para_flush(x);
    }
    /* pages that render their text with scripts: JSON-LD articleBody */
    const char *ldb = x->m.ld_body;
    if (ldb && strlen(ldb) > x->emitted * 2 + 50) {
        stage_reset(x);
        for (const char *p = ldb; *p;) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            para_text(x, p, n);
            para_flush(x);
            p += n + (nl ? 1 : 0);
        }
    }
    /* the last paragraph that is text (not a heading, nor a short line
     * announcing something with a colon): headings and "Read more:" lines
     * after it introduce content that was not taken (related links,
     * comment forms, lists of partners) */
    size_t end = 0;
    for (size_t off = 0; off < x->stage.len;) {
        const char *t = x->stage.data + off;
        size_t n = strlen(t);
        off += n + 1;
        if (n == 0 || boiler_para(t + 1, n - 1)) continue;
        if (t[0] == 'H' || (n < 80 && t[n - 1] == ':')) continue;
        end = off;
    }
    if (end == 0) end = x->stage.len;
    for (size_t off = 0; off < end;) {
        const char *t = x->stage.data + off;
        size_t n = strlen(t);
        off += n + 1;
        if (n == 0 || boiler_para(t + 1, n - 1)) continue;
        pl_article_add_paragraph(x->a, t + 1, n - 1);
    }
}

/* ---- prescan ----------------------------------------------------------- */

/* Tag names whose end tag is implied or which do not nest in practice. */
static int nonnesting(const char *s, size_t n)
{
    static const char *const names[] = {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
                                        "tbody", "thead", "tfoot", "rb", "rt", "rp", "colgroup",
                                        "caption", "area", "base", "br", "col", "embed", "hr", "img",
                                        "input", "link", "meta", "param", "source", "track", "wbr",
                                        "keygen", "frame", "basefont", "bgsound", "html", "head", "body"};
    for (size_t i = 0; i < PL_COUNT(names); i++)
        if (strlen(names[i]) == n && pl_strncaseeq(s, names[i], n)) return 1;
    return 0;
}

static const char *find_ci(const char *p, const char *end, const char *lit)
{
    size_t m = strlen(lit);
    while (p + m <= end) {
        const char *lt = memchr(p, lit[0], (size_t)(end - p));
        if (!lt || lt + m > end) return NULL;
        if (pl_strncaseeq(lt, lit, m)) return lt;
        p = lt + 1;
    }
    return NULL;
}

/* Attribute values the extractor never reads: image sources, data-*
 * payloads, event handlers, and link targets (except <link href>, the
 * canonical URL).  Values of 16+ bytes are left out of the copy that gumbo
 * parses (about a fifth of what is left of a page after the scripts). */
static int blankable_attr(const char *b, size_t n, int is_link)
{
    if (n == 3 && pl_strncaseeq(b, "src", 3)) return 1;
    if (n == 6 && pl_strncaseeq(b, "srcset", 6)) return 1;
    if (n == 5 && pl_strncaseeq(b, "sizes", 5)) return 1;
    if (n == 4 && pl_strncaseeq(b, "href", 4)) return !is_link;
    if (n > 5 && pl_strncaseeq(b, "data-", 5)) return 1;
    if (n > 2 && (b[0] == 'o' || b[0] == 'O') && (b[1] == 'n' || b[1] == 'N') && pl_isalpha((unsigned char)b[2]))
        return 1;
    return 0;
}

/* Copies the start tag whose attributes are [a, q) up to q, leaving out
 * long blankable quoted values (see blankable_attr).  *copied (the start of
 * what is not yet copied) is at or before a. */
static void blank_attrs(const char *name, size_t nn, const char *a, const char *q, pl_buf *out,
                        const char **copied)
{
    int is_link = nn == 4 && pl_strncaseeq(name, "link", 4);
    char quote = 0;
    const char *vstart = NULL;
    for (const char *c = a; c < q; c++) {
        if (quote) {
            if (*c == quote) {
                if (vstart && c - vstart >= 16) {
                    pl_buf_put(out, *copied, (size_t)(vstart - *copied));
                    *copied = c;
                }
                vstart = NULL;
                quote = 0;
            }
            continue;
        }
        if (*c != '"' && *c != '\'') continue;
        quote = *c;
        const char *e = c;
        while (e > a && pl_isspace((unsigned char)e[-1])) e--;
        if (e == a || e[-1] != '=') continue;
        e--;
        while (e > a && pl_isspace((unsigned char)e[-1])) e--;
        const char *b = e;
        while (b > a && !pl_isspace((unsigned char)b[-1]) && b[-1] != '"' && b[-1] != '\'') b--;
        if (blankable_attr(b, (size_t)(e - b), is_link)) vstart = c + 1;
    }
}

/* Copies html to out, blanking the contents of non-JSON-LD <script> and of
 * <style>, and cutting the page where start tags nest deeper than
 * PL_HTML_MAX_DEPTH.  Returns 1 when the page was cut. */
static int prescan_html(const char *s, size_t n, pl_buf *out, size_t *cut_at)
{
    const char *p = s, *end = s + n, *copied = s;
    int depth = 0, cut = 0;
    pl_buf_reserve(out, n + 1);
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) break;
        p = lt + 1;
        if (p >= end) break;
        if (*p == '!') {
            if (end - p >= 3 && p[1] == '-' && p[2] == '-') {
                const char *e = find_ci(p + 3, end, "-->");
                /* comments are dropped before parsing */
                pl_buf_put(out, copied, (size_t)(lt - copied));
                p = e ? e + 3 : end;
                copied = p;
            } else {
                const char *e = memchr(p, '>', (size_t)(end - p));
                p = e ? e + 1 : end;
            }
            continue;
        }
        int closing = 0;
        if (*p == '/') closing = 1, p++;
        const char *name = p;
        while (p < end && (pl_isalnum((unsigned char)*p) || *p == '-' || *p == ':')) p++;
        size_t nn = (size_t)(p - name);
        if (nn == 0 || !pl_isalpha((unsigned char)name[0])) continue;
        /* end of the tag, honouring quoted attribute values */
        const char *q = p;
        char quote = 0;
        int ldjson = 0, selfclose = 0;
        const char *attrs = p;
        while (q < end) {
            if (quote) {
                if (*q == quote) quote = 0;
            } else if (*q == '"' || *q == '\'') {
                quote = *q;
            } else if (*q == '>') {
                break;
            }
            q++;
        }
        if (q >= end) break;
        if (q > attrs && q[-1] == '/') selfclose = 1;
        int is_script = nn == 6 && pl_strncaseeq(name, "script", 6);
        int is_style = nn == 5 && pl_strncaseeq(name, "style", 5);
        if (!closing && (is_script || is_style)) {
            if (is_script && find_ci(attrs, q, "ld+json")) ldjson = 1;
            const char *body = q + 1;
            const char *e = find_ci(body, end, is_script ? "</script" : "</style");
            const char *stop = e ? e : end;
            if (!ldjson && stop > body) {
                pl_buf_put(out, copied, (size_t)(body - copied));
                copied = stop;
            }
            p = stop;
            continue;
        }
        p = q + 1;
        if (selfclose || nonnesting(name, nn)) {
            if (!closing) blank_attrs(name, nn, attrs, q, out, &copied);
            continue;
        }
        /* elements whose content never reaches the article: blank it
         * (the element stays, empty) so the parser does less work */
        static const char *const blank[] = {"svg", "math", "select", "iframe", "template", "nav", NULL};
        int bk = -1;
        for (int k = 0; !closing && blank[k] && bk < 0; k++)
            if (strlen(blank[k]) == nn && pl_strncaseeq(name, blank[k], nn)) bk = k;
        if (bk >= 0) {
            char open_t[16], close_t[16];
            snprintf(open_t, sizeof open_t, "<%s", blank[bk]);
            snprintf(close_t, sizeof close_t, "</%s", blank[bk]);
            int level = 1;
            const char *r = p, *stop = NULL;
            while (r < end) {
                const char *c = find_ci(r, end, close_t);
                if (!c) break;
                /* nested elements of the same name before this end tag */
                for (const char *o = find_ci(r, c, open_t); o; o = find_ci(o + 1, c, open_t))
                    if (o + nn + 1 < c && !pl_isalnum((unsigned char)o[nn + 1])) level++;
                if (--level <= 0) {
                    stop = c;
                    break;
                }
                r = c + 2;
            }
            if (stop) {
                pl_buf_put(out, copied, (size_t)(p - copied));
                copied = stop;
                p = stop;
            }
            continue;
        }
        if (nn == 8 && pl_strncaseeq(name, "textarea", 8) && !closing) {
            const char *e = find_ci(p, end, "</textarea");
            p = e ? e : end;
            continue;
        }
        if (closing) {
            if (depth > 0) depth--;
        } else if (++depth > PL_HTML_MAX_DEPTH) {
            pl_buf_put(out, copied, (size_t)(lt - copied));
            copied = end;
            *cut_at = (size_t)(lt - s);
            cut = 1;
            break;
        } else {
            blank_attrs(name, nn, attrs, q, out, &copied);
        }
    }
    if (copied < end) pl_buf_put(out, copied, (size_t)(end - copied));
    return cut;
}

/* ---- gumbo allocation from an arena ------------------------------------ */

static void *arena_alloc_cb(void *ud, size_t n) { return pl_arena_alloc(ud, n); }
static void arena_free_cb(void *ud, void *p) { (void)ud; (void)p; }

/* One arena per thread, freed when the thread exits (pthread key
 * destructor); the main thread's is reachable until exit. */
static pthread_key_t g_arena_key;
static pthread_once_t g_arena_once = PTHREAD_ONCE_INIT;

static void arena_destroy(void *p)
{
    pl_arena_free(p);
    free(p);
}

static void arena_key_init(void) { pthread_key_create(&g_arena_key, arena_destroy); }

static pl_arena *thread_arena(void)
{
    pthread_once(&g_arena_once, arena_key_init);
    pl_arena *ar = pthread_getspecific(g_arena_key);
    if (!ar) {
        ar = pl_xmalloc(sizeof *ar);
        pl_arena_init(ar, 1 << 20);
        pthread_setspecific(g_arena_key, ar);
    }
    return ar;
}

/* ---- entry point ------------------------------------------------------- */

parley_status pl_html_extract(const char *html, size_t n, const char *url, const char *charset,
                              pl_article *a)
{
    pthread_once(&g_hints_once, load_hints);
    pl_arena *arena = thread_arena();
    hx xs;
    memset(&xs, 0, sizeof xs);
    hx *x = &xs;
    x->arena = arena;
    x->a = a;
    pl_buf_init(&x->para);
    pl_buf_init(&x->tmp);
    pl_buf_init(&x->stage);

    if (url && *url && (!a->pub.url || !*a->pub.url)) a->pub.url = pl_article_str(a, url);

    /* 1. charset */
    char cs[48];
    size_t bom = 0;
    pl_charset_detect(html, n, charset, cs, sizeof cs, &bom);
    pl_buf utf8;
    pl_buf_init(&utf8);
    const char *text = html + bom;
    size_t text_n = n - bom;
    long bad = 0;
    if (!(strcmp(cs, "UTF-8") == 0 && pl_utf8_is_valid(text, text_n))) {
        bad = pl_charset_to_utf8(text, text_n, cs, &utf8);
        text = utf8.data ? utf8.data : "";
        text_n = utf8.len;
    }
    if (bad < 0) pl_article_warn(a, "unknown charset %s: read as UTF-8/Windows-1252", cs);
    else if (bad > 0) pl_article_warn(a, "%ld invalid %s sequences replaced by U+FFFD", bad, cs);

    /* 2. prescan */
    pl_buf clean;
    pl_buf_init(&clean);
    size_t cut_at = 0;
    if (prescan_html(text, text_n, &clean, &cut_at))
        pl_article_warn(a, "tags nested deeper than %d: page cut at byte %zu", PL_HTML_MAX_DEPTH, cut_at);
    pl_buf_free(&utf8);

    /* 3. parse */
    GumboOptions opt = kGumboDefaultOptions;
    opt.allocator = arena_alloc_cb;
    opt.deallocator = arena_free_cb;
    opt.userdata = x->arena;
    opt.max_errors = 0;
    GumboOutput *out = gumbo_parse_with_options(&opt, clean.data ? clean.data : "", clean.len);

    /* 4. element array + metadata */
    x->url = url;
    html_meta_begin(x);
    int body = -1;
    if (out && out->root && out->root->type == GUMBO_NODE_ELEMENT) {
        build(x, out->root, -1, 0, 0);
        for (size_t i = 0; i < x->n_nodes; i++)
            if (x->nodes[i].tag == GUMBO_TAG_BODY) {
                body = (int)i;
                break;
            }
    }
    /* 5-6. body */
    extract_body(x, body);
    html_meta_finish(x, body);

    pl_buf_free(&clean);
    pl_buf_free(&x->para);
    pl_buf_free(&x->tmp);
    pl_buf_free(&x->stage);
    html_meta_end(x);
    pl_arena_reset(arena);
    return PARLEY_OK;
}

/* ---- the "html" input format: one page per file ------------------------ */

static int html_sniff(const char *path, const unsigned char *head, size_t n, int gzip)
{
    (void)gzip;
    int score = 0;
    if (path) {
        size_t pn = strlen(path);
        const char *exts[] = {".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz", NULL};
        for (int k = 0; exts[k]; k++) {
            size_t en = strlen(exts[k]);
            if (pn >= en && pl_strncaseeq(path + pn - en, exts[k], en)) score = 90;
        }
    }
    size_t i = 0;
    if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) i = 3;
    while (i < n && pl_isspace(head[i])) i++;
    const char *h = (const char *)head + i;
    size_t rest = n - i;
    if (rest >= 5 && memcmp(h, "WARC/", 5) == 0) return 0;
    if ((rest >= 14 && pl_strncaseeq(h, "<!doctype html", 14)) || (rest >= 5 && pl_strncaseeq(h, "<html", 5)))
        return 95;
    if (rest >= 5 && pl_strncaseeq(h, "<?xml", 5) && n > 0 && memmem(head, n, "<html", 5)) return 90;
    if (score) return score;
    /* markup near the start: "<head>", "<body", "<meta " */
    if (rest >= 1 && h[0] == '<') {
        size_t lim = PL_MIN(rest, (size_t)2048);
        if (memmem(h, lim, "<head", 5) || memmem(h, lim, "<body", 5) || memmem(h, lim, "<meta ", 6) ||
            memmem(h, lim, "<HEAD", 5) || memmem(h, lim, "<BODY", 5))
            return 70;
    }
    return 0;
}

typedef struct html_state {
    pl_stream *s;
    const pl_read_ctx *ctx;
    int done;
    pl_buf data;
} html_state;

static void *html_open(pl_stream *s, const pl_read_ctx *ctx)
{
    html_state *st = pl_xcalloc(1, sizeof *st);
    st->s = s;
    st->ctx = ctx;
    pl_buf_init(&st->data);
    return st;
}

static parley_status html_next(void *state, pl_article *a)
{
    html_state *st = state;
    if (st->done) return PARLEY_END;
    st->done = 1;
    size_t max = st->ctx->max_record_bytes ? st->ctx->max_record_bytes : (size_t)64 << 20;
    char chunk[65536];
    size_t got;
    while ((got = pl_stream_read(st->s, chunk, sizeof chunk)) > 0) {
        if (st->data.len + got > max) {
            pl_read_diag(st->ctx, PARLEY_ERROR, 0, (long long)max, NULL,
                         "HTML page larger than the record limit (%zu bytes): skipped", max);
            if (st->ctx->skipped) (*st->ctx->skipped)++;
            return PARLEY_ERR_LIMIT;
        }
        pl_buf_put(&st->data, chunk, got);
    }
    const char *msg = NULL;
    if (pl_stream_error(st->s, &msg)) {
        pl_read_diag(st->ctx, PARLEY_ERROR, 0, pl_stream_tell(st->s), NULL, "read error: %s: page skipped",
                     msg ? msg : "unknown");
        if (st->ctx->skipped) (*st->ctx->skipped)++;
        return PARLEY_ERR_IO;
    }
    a->pub.format = "html";
    a->pub.file = pl_article_str(a, st->ctx->path);
    a->pub.id = a->pub.file;
    a->pub.offset = 0;
    return pl_html_extract(st->data.data ? st->data.data : "", st->data.len, NULL, NULL, a);
}

static void html_close(void *state)
{
    html_state *st = state;
    if (!st) return;
    pl_buf_free(&st->data);
    free(st);
}

const pl_format pl_format_html = {"html", html_sniff, html_open, html_next, html_close};
