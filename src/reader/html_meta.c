/* html_meta.c — page metadata for the HTML extractor.
 *
 * Order of trust: schema.org JSON-LD (NewsArticle and kin: headline,
 * datePublished, dateModified, author, publisher, inLanguage), then Open
 * Graph / article: / Dublin Core / parsely meta tags, then microdata
 * (itemprop), <time datetime>, visible datelines (class "date", "published"
 * ...), and finally a date in the URL path.  Published and modified dates
 * stay separate; the crawl date is the caller's (WARC-Date). */
#include "reader/html_meta.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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

static const char *dup(hx *x, const char *s, size_t n)
{
    return pl_arena_strndup(x->arena, s, n);
}

/* Text of an element (bounded), whitespace collapsed. */
static void elem_text_rec(const GumboNode *g, pl_buf *b, size_t limit, int depth)
{
    if (b->len > limit || depth > 40) return;
    if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_CDATA || g->type == GUMBO_NODE_WHITESPACE) {
        const char *s = g->v.text.text;
        for (; *s && b->len <= limit; s++) {
            unsigned char c = (unsigned char)*s;
            if (pl_isspace(c) || (c == 0xC2 && (unsigned char)s[1] == 0xA0)) {
                if (c == 0xC2) s++;
                if (b->len && b->data[b->len - 1] != ' ') pl_buf_putc(b, ' ');
            } else {
                pl_buf_putc(b, (char)c);
            }
        }
        return;
    }
    if (g->type != GUMBO_NODE_ELEMENT) return;
    GumboTag t = g->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT) return;
    int inline_tag = t == GUMBO_TAG_A || t == GUMBO_TAG_B || t == GUMBO_TAG_I || t == GUMBO_TAG_EM ||
                     t == GUMBO_TAG_STRONG || t == GUMBO_TAG_SMALL || t == GUMBO_TAG_FONT || t == GUMBO_TAG_U ||
                     t == GUMBO_TAG_SUP || t == GUMBO_TAG_SUB || t == GUMBO_TAG_ABBR || t == GUMBO_TAG_CODE ||
                     t == GUMBO_TAG_Q || t == GUMBO_TAG_MARK || t == GUMBO_TAG_S || t == GUMBO_TAG_CITE;
    if (!inline_tag && b->len && b->data[b->len - 1] != ' ') pl_buf_putc(b, ' ');
    const GumboVector *ch = &g->v.element.children;
    for (unsigned k = 0; k < ch->length; k++) elem_text_rec(ch->data[k], b, limit, depth + 1);
    if (!inline_tag && b->len && b->data[b->len - 1] != ' ') pl_buf_putc(b, ' ');
}

/* Returns the element's text in the arena, or NULL when empty or longer
 * than limit. */
static const char *elem_text(hx *x, const GumboNode *g, size_t limit)
{
    pl_buf *b = &x->tmp;
    pl_buf_clear(b);
    elem_text_rec(g, b, limit, 0);
    if (b->len > limit) return NULL;
    size_t s = 0, e = b->len;
    while (s < e && b->data[s] == ' ') s++;
    while (e > s && b->data[e - 1] == ' ') e--;
    if (e == s) return NULL;
    return dup(x, b->data + s, e - s);
}

static void add_author(hx *x, int src, const char *s)
{
    if (!s || !*s || x->m.n_authors[src] >= PL_HTML_MAX_AUTHORS) return;
    x->m.authors[src][x->m.n_authors[src]++] = s;
}

static void set_first(const char **slot, const char *v)
{
    if (!*slot && v && *v) *slot = v;
}

/* ---- JSON-LD ----------------------------------------------------------- */

static int ld_type_is(json_t *o, const char *const *types)
{
    json_t *t = json_object_get(o, "@type");
    if (!t) return 0;
    size_t n = json_is_array(t) ? json_array_size(t) : 1;
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_is_array(t) ? json_array_get(t, i) : t;
        const char *s = json_string_value(v);
        if (!s) continue;
        for (int k = 0; types[k]; k++)
            if (strcmp(s, types[k]) == 0) return 1;
    }
    return 0;
}

static const char *const k_article_types[] = {
    "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "ScholarlyArticle",
    "TechArticle", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "Review",
    "Blog", "PressRelease", NULL};
static const char *const k_page_types[] = {"WebPage", "ItemPage", "CollectionPage", NULL};

static const char *jstr(hx *x, json_t *v)
{
    const char *s = json_string_value(v);
    if (s && *s) return dup(x, s, strlen(s));
    return NULL;
}

static const char *jname(hx *x, json_t *v)
{
    if (json_is_string(v)) return jstr(x, v);
    if (json_is_object(v)) return jstr(x, json_object_get(v, "name"));
    return NULL;
}

static void ld_article(hx *x, json_t *o, int strong)
{
    hmeta *m = &x->m;
    if (strong || !m->ld_headline) {
        const char *h = jstr(x, json_object_get(o, "headline"));
        if (!h) h = jstr(x, json_object_get(o, "name"));
        if (h && (strong || !m->ld_headline)) m->ld_headline = h;
    }
    const char *d = jstr(x, json_object_get(o, "datePublished"));
    if (!d) d = jstr(x, json_object_get(o, "dateCreated"));
    if (d && (strong || !m->pub[DP_LD])) m->pub[DP_LD] = d;
    d = jstr(x, json_object_get(o, "dateModified"));
    if (d && (strong || !m->mod[DP_LD])) m->mod[DP_LD] = d;
    if (strong) {
        const char *body = jstr(x, json_object_get(o, "articleBody"));
        if (body && (!m->ld_body || strlen(body) > strlen(m->ld_body))) m->ld_body = body;
    }
    json_t *au = json_object_get(o, "author");
    if (!au) au = json_object_get(o, "creator");
    if (au && (strong || m->n_authors[AU_LD] == 0)) {
        m->n_authors[AU_LD] = 0;
        if (json_is_array(au)) {
            for (size_t i = 0; i < json_array_size(au); i++) add_author(x, AU_LD, jname(x, json_array_get(au, i)));
        } else {
            add_author(x, AU_LD, jname(x, au));
        }
    }
    json_t *pub = json_object_get(o, "publisher");
    if (json_is_array(pub)) pub = json_array_get(pub, 0);
    const char *site = jname(x, pub);
    if (site) set_first(&m->ld_site, site);
    set_first(&m->ld_lang, jstr(x, json_object_get(o, "inLanguage")));
}

static void ld_walk(hx *x, json_t *v, int depth)
{
    if (depth > 8 || !v) return;
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v) && i < 64; i++) ld_walk(x, json_array_get(v, i), depth + 1);
        return;
    }
    if (!json_is_object(v)) return;
    if (ld_type_is(v, k_article_types)) ld_article(x, v, 1);
    else if (ld_type_is(v, k_page_types)) ld_article(x, v, 0);
    json_t *g = json_object_get(v, "@graph");
    if (g) ld_walk(x, g, depth + 1);
    json_t *me = json_object_get(v, "mainEntity");
    if (me && json_is_object(me)) ld_walk(x, me, depth + 1);
}

static void ld_json(hx *x, const GumboNode *g)
{
    const GumboVector *ch = &g->v.element.children;
    if (ch->length == 0) return;
    const GumboNode *t = ch->data[0];
    if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_CDATA && t->type != GUMBO_NODE_WHITESPACE) return;
    const char *s = t->v.text.text;
    size_t n = strlen(s);
    if (n > 1 << 20) return;
    json_error_t err;
    json_t *root = json_loadb(s, n, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &err);
    if (!root) return;
    ld_walk(x, root, 0);
    json_decref(root);
}

/* ---- meta tags --------------------------------------------------------- */

static int is_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 || s[0] == '/';
}

static void meta_tag(hx *x, const GumboElement *e)
{
    hmeta *m = &x->m;
    const char *content = attr(e, "content");
    if (!content || !*content) return;
    const char *key = attr(e, "property");
    if (!key) key = attr(e, "name");
    if (!key) key = attr(e, "itemprop");
    if (!key) {
        const char *he = attr(e, "http-equiv");
        if (he && pl_strcaseeq(he, "content-language")) set_first(&m->lang, dup(x, content, strlen(content)));
        return;
    }
    char k[64];
    size_t kn = strlen(key);
    if (kn >= sizeof k) return;
    for (size_t i = 0; i <= kn; i++) k[i] = (char)pl_lower((unsigned char)key[i]);
    const char *v = dup(x, content, strlen(content));
    static const char *const pub_keys[] = {
        "article:published_time", "og:published_time", "article:published", "datepublished",
        "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
        "dcterms.date", "dcterms.issued", "dcterms.created", "parsely-pub-date", "sailthru.date",
        "article.published", "published-date", "release_date", "citation_publication_date",
        "og:article:published_time", "cxenseparse:recs:publishtime", "displaydate", "dc.date.created",
        "article_date_original", "original-publish-date", "published_time", NULL};
    static const char *const mod_keys[] = {"article:modified_time", "og:updated_time", "datemodified",
                                           "dcterms.modified", "last-modified", "lastmod",
                                           "article.updated", "og:article:modified_time", NULL};
    static const char *const author_keys[] = {"author", "article:author", "dc.creator", "dcterms.creator",
                                              "parsely-author", "sailthru.author", "byl", "og:article:author",
                                              "citation_author", "dc.contributor", NULL};
    for (int i = 0; pub_keys[i]; i++)
        if (strcmp(k, pub_keys[i]) == 0) {
            set_first(&m->pub[DP_META], v);
            return;
        }
    for (int i = 0; mod_keys[i]; i++)
        if (strcmp(k, mod_keys[i]) == 0) {
            set_first(&m->mod[DP_META], v);
            return;
        }
    for (int i = 0; author_keys[i]; i++)
        if (strcmp(k, author_keys[i]) == 0) {
            if (!is_url(v)) add_author(x, AU_META, v);
            return;
        }
    if (strcmp(k, "og:title") == 0) set_first(&m->og_title, v);
    else if (strcmp(k, "twitter:title") == 0) set_first(&m->tw_title, v);
    else if (strcmp(k, "og:site_name") == 0) set_first(&m->site, v);
    else if (strcmp(k, "application-name") == 0) set_first(&m->ld_site, v);
    else if (strcmp(k, "og:url") == 0) set_first(&m->og_url, v);
    else if (strcmp(k, "og:locale") == 0 || strcmp(k, "dc.language") == 0 || strcmp(k, "language") == 0)
        set_first(&m->lang, v);
}

static int class_has(const GumboElement *e, const char *const *words)
{
    const char *vals[2] = {attr(e, "class"), attr(e, "id")};
    for (int j = 0; j < 2; j++) {
        const char *c = vals[j];
        if (!c) continue;
        char low[128];
        size_t n = 0;
        for (; c[n] && n + 1 < sizeof low; n++) low[n] = (char)pl_lower((unsigned char)c[n]);
        low[n] = 0;
        for (int k = 0; words[k]; k++)
            if (strstr(low, words[k])) return 1;
    }
    return 0;
}

void html_meta_begin(hx *x) { memset(&x->m, 0, sizeof x->m); }
void html_meta_end(hx *x) { (void)x; }

void html_meta_element(hx *x, GumboNode *g, int i)
{
    (void)i;
    if (g->type != GUMBO_NODE_ELEMENT) return;
    hmeta *m = &x->m;
    const GumboElement *e = &g->v.element;
    const char *v;
    switch (e->tag) {
    case GUMBO_TAG_HTML:
        if ((v = attr(e, "lang")) != NULL || (v = attr(e, "xml:lang")) != NULL) set_first(&m->lang, dup(x, v, strlen(v)));
        break;
    case GUMBO_TAG_TITLE:
        if (!m->title) m->title = elem_text(x, g, 1000);
        break;
    case GUMBO_TAG_META:
        meta_tag(x, e);
        break;
    case GUMBO_TAG_LINK:
        if ((v = attr(e, "rel")) != NULL && pl_strcaseeq(v, "canonical") && (v = attr(e, "href")) != NULL)
            set_first(&m->canonical, dup(x, v, strlen(v)));
        break;
    case GUMBO_TAG_SCRIPT:
        if ((v = attr(e, "type")) != NULL && strstr(v, "ld+json")) ld_json(x, g);
        return;
    case GUMBO_TAG_H1:
        if (!m->h1) m->h1 = elem_text(x, g, 500);
        break;
    case GUMBO_TAG_TIME:
        if ((v = attr(e, "datetime")) != NULL && *v) {
            const char *ip = attr(e, "itemprop");
            if (attr(e, "pubdate") || (ip && strstr(ip, "datePublished")))
                set_first(&m->pub[DP_TIME_PUB], dup(x, v, strlen(v)));
            else
                set_first(&m->pub[DP_TIME], dup(x, v, strlen(v)));
        }
        break;
    default:
        break;
    }
    if ((v = attr(e, "itemprop")) != NULL && e->tag != GUMBO_TAG_META) {
        const char *val = attr(e, "content");
        if (!val) val = attr(e, "datetime");
        if (strstr(v, "datePublished")) {
            set_first(&m->pub[DP_ITEMPROP], val ? dup(x, val, strlen(val)) : elem_text(x, g, 100));
        } else if (strstr(v, "dateModified")) {
            set_first(&m->mod[DP_ITEMPROP], val ? dup(x, val, strlen(val)) : elem_text(x, g, 100));
        } else if (strcmp(v, "author") == 0 || strcmp(v, "creator") == 0) {
            /* the name inside, else the text */
            const char *name = NULL;
            const GumboVector *ch = &e->children;
            for (unsigned k = 0; k < ch->length && !name; k++) {
                const GumboNode *c = ch->data[k];
                if (c->type != GUMBO_NODE_ELEMENT) continue;
                const char *ip = attr(&c->v.element, "itemprop");
                if (ip && strcmp(ip, "name") == 0) {
                    const char *cv = attr(&c->v.element, "content");
                    name = cv ? dup(x, cv, strlen(cv)) : elem_text(x, c, 100);
                }
            }
            if (!name) name = val ? dup(x, val, strlen(val)) : elem_text(x, g, 100);
            add_author(x, AU_ITEMPROP, name);
        }
    }
    if (e->tag == GUMBO_TAG_A && (v = attr(e, "rel")) != NULL && strstr(v, "author"))
        if (m->n_authors[AU_DOM] < 4) add_author(x, AU_DOM, elem_text(x, g, 100));
    static const char *const byline_words[] = {"byline", "author", "autor", "vcard", "posted-by", "written-by", NULL};
    static const char *const date_words[] = {"date", "time", "publish", "posted", "meta", "byline", "info",
                                             "datum", "entry-", "post-", NULL};
    static const char *const not_byline[] = {"comment", "form", "reply", "respond", "widget", "avatar", NULL};
    if (e->tag != GUMBO_TAG_HTML && e->tag != GUMBO_TAG_BODY && e->tag != GUMBO_TAG_SCRIPT &&
        e->tag != GUMBO_TAG_META && e->tag != GUMBO_TAG_LINK && (attr(e, "class") || attr(e, "id"))) {
        if (m->n_authors[AU_DOM] < 4 && class_has(e, byline_words) && !class_has(e, not_byline))
            add_author(x, AU_DOM, elem_text(x, g, 120));
        if (m->n_datelines < 8 && class_has(e, date_words) && !class_has(e, not_byline)) {
            const char *av = attr(e, "datetime");
            if (!av) av = attr(e, "content");
            if (!av) av = attr(e, "title");
            if (av && *av && strlen(av) < 60 && m->n_datelines < 7) m->datelines[m->n_datelines++] = dup(x, av, strlen(av));
            const char *t = elem_text(x, g, 120);
            if (t) m->datelines[m->n_datelines++] = t;
        }
    }
}

/* ---- choosing ---------------------------------------------------------- */

/* Strict ISO 8601 fallback: YYYY-MM-DD[Thh:mm[:ss[.frac]]][Z|+hh[:]mm]. */
static int iso_date(const char *s, size_t n, parley_datetime *dt)
{
    memset(dt, 0, sizeof *dt);
    while (n && pl_isspace((unsigned char)*s)) s++, n--;
    if (n < 10) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-' && s[i] != '/') return 0;
        } else if (!pl_isdigit((unsigned char)s[i])) {
            return 0;
        }
    }
    dt->year = atoi(s);
    dt->month = atoi(s + 5);
    dt->day = atoi(s + 8);
    if (dt->month < 1 || dt->month > 12 || dt->day < 1 || dt->day > 31) return 0;
    size_t i = 10;
    if (i + 5 < n + 0 && (s[i] == 'T' || s[i] == ' ') && pl_isdigit((unsigned char)s[i + 1]) &&
        pl_isdigit((unsigned char)s[i + 2]) && s[i + 3] == ':' && pl_isdigit((unsigned char)s[i + 4]) &&
        pl_isdigit((unsigned char)s[i + 5])) {
        dt->hour = atoi(s + i + 1);
        dt->minute = atoi(s + i + 4);
        dt->has_time = dt->hour < 24 && dt->minute < 60;
        i += 6;
        if (i + 2 < n + 0 && s[i] == ':' && pl_isdigit((unsigned char)s[i + 1])) {
            dt->second = atoi(s + i + 1);
            i += 3;
        }
        if (i < n && (s[i] == '.' || s[i] == ','))
            for (i++; i < n && pl_isdigit((unsigned char)s[i]); i++) {}
        if (i < n && s[i] == 'Z') {
            dt->has_zone = 1;
        } else if (i + 2 < n && (s[i] == '+' || s[i] == '-') && pl_isdigit((unsigned char)s[i + 1])) {
            int sign = s[i] == '-' ? -1 : 1;
            int hh = (s[i + 1] - '0') * 10 + (s[i + 2] - '0'), mm = 0;
            size_t j = i + 3;
            if (j < n && s[j] == ':') j++;
            if (j + 1 < n && pl_isdigit((unsigned char)s[j]) && pl_isdigit((unsigned char)s[j + 1]))
                mm = (s[j] - '0') * 10 + (s[j + 1] - '0');
            dt->has_zone = 1;
            dt->tz_minutes = sign * (hh * 60 + mm);
        }
        if (!dt->has_time) dt->hour = dt->minute = dt->second = 0;
    }
    return 1;
}

static int plausible(const parley_datetime *dt)
{
    return dt->year >= 1900 && dt->year <= 2100 && dt->month >= 1 && dt->month <= 12 && dt->day >= 1 &&
           dt->day <= 31;
}

static int dmy_date(const char *s, size_t n, parley_datetime *dt);

static int parse_date(const char *s, parley_datetime *dt)
{
    if (!s) return 0;
    size_t n = strlen(s);
    if (n > 200) return 0;
    if (parley_date_parse(s, n, dt) && plausible(dt)) return 1;
    if (iso_date(s, n, dt) && plausible(dt)) return 1;
    if (dmy_date(s, n, dt)) return 1;
    return 0;
}

/* "3. August 2015", "13 janvier 2014", "Dienstag, 6. Mai 2014": day, month
 * name (English, German, French, Italian, Spanish, Portuguese, Dutch),
 * year — the European order that parley_date_parse leaves out. */
static int dmy_date(const char *s, size_t n, parley_datetime *dt)
{
    static const char *const months[12] = {
        "january jan januar jänner jaenner janvier gennaio enero janeiro januari",
        "february feb februar february février fevrier febbraio febrero fevereiro februari",
        "march mar märz maerz mrz mars marzo março marco maart",
        "april apr avril aprile abril",
        "may mai maggio mayo maio mei",
        "june jun juni juin giugno junio junho",
        "july jul juli juillet luglio julio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre settembre septiembre setembro",
        "october oct oktober okt octobre ottobre octubre outubro",
        "november nov novembre noviembre novembro",
        "december dec dezember dez décembre decembre dicembre diciembre dezembro"};
    size_t i = 0;
    /* optional weekday: a word followed by "," or " " then a digit */
    if (i < n && !pl_isdigit((unsigned char)s[0])) {
        while (i < n && s[i] != ' ' && s[i] != ',') i++;
        while (i < n && (s[i] == ' ' || s[i] == ',')) i++;
    }
    int day = 0, k = 0;
    while (i < n && pl_isdigit((unsigned char)s[i]) && k < 2) day = day * 10 + (s[i++] - '0'), k++;
    if (k == 0 || day < 1 || day > 31) return 0;
    if (i < n && s[i] == '.') i++;
    if (i >= n || s[i] != ' ') return 0;
    while (i < n && s[i] == ' ') i++;
    size_t ws = i;
    while (i < n && s[i] != ' ' && s[i] != '.' && s[i] != ',') i++;
    size_t wn = i - ws;
    if (i < n && (s[i] == '.' || s[i] == ',')) i++;
    if (wn < 3 || wn > 12) return 0;
    char w[16];
    for (size_t j = 0; j < wn; j++) w[j] = (char)pl_lower((unsigned char)s[ws + j]);
    w[wn] = 0;
    int month = 0;
    for (int m = 0; m < 12 && !month; m++) {
        const char *p = months[m];
        while (*p) {
            const char *e = strchr(p, ' ');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            if (len == wn && memcmp(p, w, wn) == 0) month = m + 1;
            p += len + (e ? 1 : 0);
        }
    }
    if (!month) return 0;
    while (i < n && s[i] == ' ') i++;
    int year = 0;
    k = 0;
    while (i < n && pl_isdigit((unsigned char)s[i]) && k < 4) year = year * 10 + (s[i++] - '0'), k++;
    if (k != 4 || i != n) return 0;
    memset(dt, 0, sizeof *dt);
    dt->year = year, dt->month = month, dt->day = day;
    return plausible(dt);
}

/* A dateline: the longest run of words that parses as a date ("Posted on
 * March 5, 2014 by ..."). */
static int parse_dateline(const char *s, parley_datetime *dt)
{
    if (!s) return 0;
    size_t n = strlen(s);
    if (n > 120) return 0;
    size_t starts[40], ends[40];
    int ns = 0, ne = 0;
    for (size_t i = 0; i < n && ns < 40; i++)
        if (i == 0 || s[i - 1] == ' ' || s[i - 1] == '|' || s[i - 1] == ':' || s[i - 1] == ',')
            if (s[i] != ' ') starts[ns++] = i;
    for (size_t i = 1; i <= n && ne < 40; i++)
        if (i == n || s[i] == ' ' || s[i] == '|' || s[i] == ',')
            if (s[i - 1] != ' ') ends[ne++] = i;
    for (size_t len = n; len >= 6; len--)
        for (int a = 0; a < ns; a++)
            for (int b = 0; b < ne; b++) {
                if (ends[b] <= starts[a] || ends[b] - starts[a] != len) continue;
                if (parley_date_parse(s + starts[a], len, dt) && plausible(dt)) return 1;
                if (dmy_date(s + starts[a], len, dt)) return 1;
            }
    return 0;
}

/* /2019/08/02/, /2019-08-02, /20190802/ in a URL path. */
static int url_date(const char *u, parley_datetime *dt)
{
    if (!u) return 0;
    const char *p = strstr(u, "://");
    p = p ? strchr(p + 3, '/') : u;
    if (!p) return 0;
    size_t n = strlen(p);
    for (size_t i = 0; i + 8 <= n; i++) {
        if (p[i] != '/' && p[i] != '-' && p[i] != '_') continue;
        const char *q = p + i + 1;
        size_t rest = n - i - 1;
        int y, mo, d;
        if (rest >= 10 && pl_isdigit((unsigned char)q[0]) && pl_isdigit((unsigned char)q[3]) &&
            (q[4] == '/' || q[4] == '-') && pl_isdigit((unsigned char)q[5]) && pl_isdigit((unsigned char)q[6]) &&
            q[7] == q[4] && pl_isdigit((unsigned char)q[8]) && pl_isdigit((unsigned char)q[9]) &&
            (rest == 10 || !pl_isdigit((unsigned char)q[10]))) {
            y = atoi(q), mo = atoi(q + 5), d = atoi(q + 8);
        } else if (rest >= 8) {
            int ok = 1;
            for (int k = 0; k < 8; k++) ok &= pl_isdigit((unsigned char)q[k]);
            if (!ok || (rest > 8 && pl_isdigit((unsigned char)q[8]))) continue;
            y = (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
            mo = (q[4] - '0') * 10 + (q[5] - '0');
            d = (q[6] - '0') * 10 + (q[7] - '0');
        } else {
            continue;
        }
        if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
        memset(dt, 0, sizeof *dt);
        dt->year = y, dt->month = mo, dt->day = d;
        return 1;
    }
    return 0;
}

/* Decodes entities left in attribute text that was escaped twice
 * ("&#039;", "&quot;", "&amp;"). */
static const char *unescape(hx *x, const char *t)
{
    if (!t || !strchr(t, '&')) return t;
    pl_buf *b = &x->tmp;
    pl_buf_clear(b);
    static const struct { const char *e; const char *v; } ents[] = {
        {"&quot;", "\""}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&apos;", "'"},
        {"&#039;", "'"}, {"&#39;", "'"}, {"&nbsp;", " "}, {"&#8211;", "–"}, {"&#8217;", "’"}};
    for (const char *p = t; *p;) {
        int hit = 0;
        if (*p == '&')
            for (size_t k = 0; k < PL_COUNT(ents); k++) {
                size_t n = strlen(ents[k].e);
                if (strncmp(p, ents[k].e, n) == 0) {
                    pl_buf_puts(b, ents[k].v);
                    p += n;
                    hit = 1;
                    break;
                }
            }
        if (!hit) pl_buf_putc(b, *p++);
    }
    return dup(x, b->data, b->len);
}

/* Removes " | Site", " - Site" ... from a title: the last part goes when it
 * is the site name or shorter than what precedes it. */
/* Is s[0..n) the main label of the URL's host ("Seelenradio" for
 * https://www.seelenradio.de/...), ignoring case, spaces and dashes? */
static int host_label(const char *url, const char *s, size_t n)
{
    if (!url) return 0;
    const char *h = strstr(url, "://");
    h = h ? h + 3 : url;
    if (pl_strncaseeq(h, "www.", 4)) h += 4;
    const char *e = h;
    while (*e && *e != '.' && *e != '/' && *e != ':') e++;
    if (e - h < 3) return 0;
    size_t i = 0;
    for (const char *q = h; q < e; q++) {
        if (*q == '-') continue;
        while (i < n && (s[i] == ' ' || s[i] == '-')) i++;
        if (i >= n || pl_lower((unsigned char)s[i]) != pl_lower((unsigned char)*q)) return 0;
        i++;
    }
    while (i < n && (s[i] == ' ' || s[i] == '-')) i++;
    return i == n;
}

static const char *clean_title(hx *x, const char *t, const char *site)
{
    if (!t) return NULL;
    t = unescape(x, t);
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " › ", " · ", " // ", " : ", NULL};
    size_t n = strlen(t);
    for (int round = 0; round < 2; round++) {
        const char *best = NULL;
        size_t best_len = 0;
        for (int k = 0; seps[k]; k++) {
            const char *p = NULL, *q = t;
            while ((q = strstr(q, seps[k])) != NULL && q + strlen(seps[k]) <= t + n) p = q++;
            if (p && (!best || p > best)) best = p, best_len = strlen(seps[k]);
        }
        if (!best) break;
        size_t head = (size_t)(best - t), tail = n - head - best_len;
        int is_site = site && strlen(site) == tail && pl_strncaseeq(best + best_len, site, tail);
        if (is_site || (tail < head && head >= 4)) n = head;
        else break;
    }
    /* a leading site name: "Site » Headline", "site | Headline" */
    for (int k = 0; seps[k]; k++) {
        const char *p = strstr(t, seps[k]);
        if (!p || p >= t + n) continue;
        size_t head = (size_t)(p - t), sl = strlen(seps[k]);
        if (head == 0 || n - head - sl < 8) continue;
        if (!(site && strlen(site) == head && pl_strncaseeq(t, site, head)) && !host_label(x->url ? x->url : x->m.canonical ? x->m.canonical : x->m.og_url, t, head))
            continue;
        t += head + sl;
        n -= head + sl;
        break;
    }
    while (n && t[n - 1] == ' ') n--;
    return dup(x, t, n);
}

static void set_lang(pl_article *a, const char *l)
{
    char buf[36];
    size_t n = 0;
    for (; l[n] && n + 1 < sizeof buf; n++) {
        char c = l[n];
        if (c == '_') c = '-';
        if (!(pl_isalnum((unsigned char)c) || c == '-')) return;
        buf[n] = c;
    }
    buf[n] = 0;
    if (n >= 2) a->pub.language = pl_article_str(a, buf);
}

static int starts_ci(const char *s, const char *p)
{
    size_t n = strlen(p);
    return strlen(s) >= n && pl_strncaseeq(s, p, n);
}

/* Cleans a byline ("Posted by Jane Roe on 5 May" -> "Jane Roe"); NULL when
 * what is left does not look like a name. */
static const char *trim_byline(hx *x, const char *s)
{
    if (!s) return NULL;
    /* take what follows " by " / " von " inside the text */
    /* "Posted on 5 May by Jane", "Erstellt von Fabian am ...": take what
     * follows " by " / " von " when what precedes is not part of a name
     * ("Alexa von Heyden") */
    static const char *const inner[] = {" by ", " By ", " von ", " Von ", " par ", " por ", NULL};
    for (int k = 0; inner[k]; k++) {
        const char *p = strstr(s, inner[k]);
        if (!p) continue;
        const char *w = p;
        while (w > s && w[-1] != ' ') w--;
        int label = pl_isdigit((unsigned char)*w) || (*w >= 'a' && *w <= 'z') || k < 2 || inner[k][1] == 'V';
        static const char *const labels[] = {"Veröffentlicht", "Geschrieben", "Erstellt", "Verfasst", "Artikel",
                                             "Beitrag", "Text", "Foto", "Fotos", "Publié", "Escrito", "Uhr", NULL};
        for (int j = 0; labels[j] && !label; j++)
            if ((size_t)(p - w) == strlen(labels[j]) && strncmp(w, labels[j], (size_t)(p - w)) == 0) label = 1;
        if (label) s = p + strlen(inner[k]);
    }
    static const char *const pre[] = {"post author", "written by", "posted by", "geschrieben von",
                                      "veröffentlicht von", "verfasst von", "publié par", "escrito por",
                                      "author:", "authors:", "autor:", "autorin:", "author", "autorin", "autor",
                                      "by:", "by", "von:", "von", "vom", "par", "por", "door", "di", "text:", "~",
                                      "-", "|", ":", NULL};
    for (int changed = 1; changed;) {
        changed = 0;
        while (*s == ' ') s++;
        for (int k = 0; pre[k]; k++) {
            size_t pn = strlen(pre[k]);
            if (!starts_ci(s, pre[k])) continue;
            /* a word prefix must end at a space or a capital ("AuthorAndreas") */
            unsigned char nx = (unsigned char)s[pn];
            int word = pl_isalpha((unsigned char)pre[k][pn - 1]);
            if (word && !(nx == ' ' || nx == 0 || (nx >= 'A' && nx <= 'Z') || nx >= 0x80)) continue;
            if (nx == 0) return NULL;
            s += pn;
            changed = 1;
            break;
        }
    }
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '|' || s[i] == '\n' || s[i] == '(' || s[i] == '[' || s[i] == '*' || s[i] == ':' ||
            s[i] == '@' || pl_isdigit((unsigned char)s[i]) || (s[i] == ' ' && (s[i + 1] == '-' || s[i + 1] == '|')) ||
            strncmp(s + i, " am ", 4) == 0 || strncmp(s + i, " on ", 4) == 0 || strncmp(s + i, " le ", 4) == 0 ||
            strncmp(s + i, " said", 5) == 0 || strncmp(s + i, " ·", 3) == 0 || strncmp(s + i, " http", 5) == 0 ||
            strncmp(s + i, " →", 4) == 0 || strncmp(s + i, " »", 3) == 0 || strncmp(s + i, " at ", 4) == 0) {
            n = i;
            break;
        }
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '-' || s[n - 1] == '.')) n--;
    /* keep the full stop of a final initial or suffix ("Joe S.", "Perry Bacon Jr.") */
    if (s[n] == '.' && n >= 2 &&
        ((s[n - 2] == ' ' && s[n - 1] >= 'A' && s[n - 1] <= 'Z') ||
         (n >= 3 && s[n - 3] == ' ' && (strncmp(s + n - 2, "Jr", 2) == 0 || strncmp(s + n - 2, "Sr", 2) == 0))))
        n++;
    /* a trailing weekday or label glued from the next element ("Heiko Sauer Do") */
    static const char *const tail[] = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So", "Mon", "Tue", "Wed", "Thu", "Fri",
                                       "Sat", "Sun", "Stand", "Kontakt", "Contact", "Profil", "Profile", "Mehr",
                                       "More", "Autor", "Author", "Redaktion", NULL};
    for (int again = 1; again;) {
        again = 0;
        for (int k = 0; tail[k]; k++) {
            size_t tn = strlen(tail[k]);
            if (n > tn + 1 && s[n - tn - 1] == ' ' && strncmp(s + n - tn, tail[k], tn) == 0) {
                n -= tn + 1;
                again = 1;
                break;
            }
        }
    }
    if (n < 2 || n > 60) return NULL;
    /* a name has at most 5 words and no function words */
    static const char *const stop[] = {"posted", "veröffentlicht", "publiziert", "published", "name", "erforderlich",
                                       "required", "comments", "kommentar", "kommentare", "share", "teilen",
                                       "follow", "folgen", "mehr", "more", "updated", "aktualisiert", "am", "on",
                                       "by", "von", "uhr", "read", "lesen", "minutes", "minuten", "januar",
                                       "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
                                       "oktober", "november", "dezember", "january", "february", "march", "june",
                                       "july", "october", "december", "admin", NULL};
    int words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ') i++;
        size_t st = i;
        while (i < n && s[i] != ' ') i++;
        if (i == st) break;
        words++;
        for (int k = 0; stop[k]; k++)
            if (strlen(stop[k]) == i - st && pl_strncaseeq(s + st, stop[k], i - st)) return NULL;
    }
    if (words == 0 || words > 5) return NULL;
    return dup(x, s, n);
}

/* Adds author names, splitting "A and B", "A und B", "A & B", "A; B". */
static void emit_authors(hx *x, const char *s)
{
    static const char *const seps[] = {" and ", " und ", " & ", "; ", " et ", " y ", " e ", NULL};
    size_t n = strlen(s);
    for (int k = 0; seps[k]; k++) {
        const char *p = strstr(s, seps[k]);
        if (p && (size_t)(p - s) < n) {
            pl_article_add_author(x->a, s, (size_t)(p - s));
            emit_authors(x, p + strlen(seps[k]));
            return;
        }
    }
    pl_article_add_author(x->a, s, n);
}

/* Folds a title for loose comparison: ASCII lower case, typographic
 * quotes and dashes read as ASCII ones, whitespace runs as one space. */
static void fold_title(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    int sp = 1;
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 2 < cap; p++) {
        unsigned char c = *p;
        if (c == 0xE2 && p[1] == 0x80 && p[2]) {
            unsigned char d = p[2];
            char r = 0;
            if (d >= 0x98 && d <= 0x9B) r = '\'';        /* ‘ ’ ‚ ‛ */
            else if (d >= 0x9C && d <= 0x9F) r = '"';    /* “ ” „ ‟ */
            else if (d >= 0x90 && d <= 0x95) r = '-';    /* hyphens, – — */
            else if (d == 0xA6) r = '.';                 /* … */
            if (r) {
                out[n++] = r;
                sp = 0;
                p += 2;
                continue;
            }
        }
        if (c == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB)) { /* « » */
            out[n++] = '"';
            sp = 0;
            p++;
            continue;
        }
        if (c == 0xC2 && p[1] == 0xA0) c = ' ', p++;
        if (pl_isspace(c)) {
            if (!sp) out[n++] = ' ';
            sp = 1;
            continue;
        }
        out[n++] = (char)pl_lower(c);
        sp = 0;
    }
    while (n && out[n - 1] == ' ') n--;
    out[n] = 0;
}

/* Does title t contain h (loosely, see fold_title)? */
static int title_has(const char *t, const char *h)
{
    if (!t || !h) return 0;
    char ft[640], fh[640];
    fold_title(t, ft, sizeof ft);
    fold_title(h, fh, sizeof fh);
    return fh[0] && strstr(ft, fh) != NULL;
}

void html_meta_finish(hx *x, int body)
{
    (void)body;
    hmeta *m = &x->m;
    pl_article *a = x->a;
    const char *site = m->site ? m->site : m->ld_site;

    /* headline */
    const char *ct = clean_title(x, m->title, site), *cog = clean_title(x, m->og_title, site);
    const char *h = clean_title(x, m->ld_headline, site);
    if (!h) h = cog;
    if (!h) h = clean_title(x, m->tw_title, site);
    if (!h) h = ct;
    /* the page's <h1> when the cleaned title tags contain it (they add a
     * kicker around it); not when it is the site's name */
    const char *h1 = m->h1;
    if (h1 && strlen(h1) >= 4 && strlen(h1) < 300 && !(site && pl_strcaseeq(h1, site))) {
        if (!h) h = h1;
        else if (strcmp(h, h1) != 0 &&
                 (title_has(ct, h1) || title_has(cog, h1) || title_has(h, h1) || title_has(m->title, h1) ||
                  title_has(m->og_title, h1)) &&
                 strlen(h1) * 10 >= strlen(h) * 4)
            h = h1;
    }
    if (h && (!a->pub.headline || !*a->pub.headline)) a->pub.headline = pl_article_str(a, h);

    if (site && (!a->pub.source || !*a->pub.source)) a->pub.source = pl_article_str(a, site);
    const char *canon = m->canonical ? m->canonical : m->og_url;
    if (canon && (!a->pub.canonical_url || !*a->pub.canonical_url)) {
        if (canon[0] == '/' && canon[1] != '/' && x->url) {
            const char *p = strstr(x->url, "://");
            const char *slash = p ? strchr(p + 3, '/') : NULL;
            size_t hn = slash ? (size_t)(slash - x->url) : strlen(x->url);
            pl_buf_clear(&x->tmp);
            pl_buf_put(&x->tmp, x->url, hn);
            pl_buf_puts(&x->tmp, canon);
            a->pub.canonical_url = pl_article_str(a, x->tmp.data);
        } else {
            a->pub.canonical_url = pl_article_str(a, canon);
        }
    }
    const char *lang = m->lang ? m->lang : m->ld_lang;
    if (lang && (!a->pub.language || !*a->pub.language)) set_lang(a, lang);

    /* authors */
    /* first without the names that are the publisher's (a JSON-LD author
     * "Badische Zeitung" while the byline names the reporter); then, on
     * one-person sites whose author is the site, with them */
    for (int allow_site = 0; allow_site < 2 && a->n_authors == 0; allow_site++) {
        for (int src = 0; src < AU_N; src++) {
            int added = 0;
            for (int k = 0; k < m->n_authors[src]; k++) {
                const char *nm = trim_byline(x, m->authors[src][k]);
                if (!nm || strchr(nm, '@')) continue;
                /* the publisher named as author: look further */
                if (!allow_site &&
                    ((site && (pl_strcaseeq(nm, site) || title_has(site, nm) || title_has(nm, site))) ||
                     (m->ld_site && pl_strcaseeq(nm, m->ld_site)) ||
                     host_label(x->url ? x->url : m->canonical ? m->canonical : m->og_url, nm, strlen(nm))))
                    continue;
                {
                    const char *dot = strrchr(nm, '.');
                    if (dot && dot > nm && pl_isalpha((unsigned char)dot[1]) && strlen(dot) <= 4 && !strchr(nm, ' '))
                        continue; /* "STERN.de", "ORF.at" */
                }
                int dupl = 0;
                for (size_t j = 0; j < a->n_authors; j++) dupl |= strcmp(a->authors[j], nm) == 0;
                if (dupl) continue;
                emit_authors(x, nm);
                added++;
                if (src == AU_DOM) break; /* the page's first byline only */
            }
            if (added) break;
        }
    }

    /* dates */
    parley_datetime dt;
    if (!a->pub.published.year) {
        for (int k = 0; k < DP_N; k++) {
            int ok = 0;
            if (k == DP_URL) ok = url_date(x->url, &dt) || url_date(canon, &dt);
            else if (k == DP_DATELINE)
                for (int j = 0; j < m->n_datelines && !ok; j++) ok = parse_dateline(m->datelines[j], &dt);
            else ok = parse_date(m->pub[k], &dt);
            if (ok) {
                a->pub.published = dt;
                break;
            }
        }
    }
    if (!a->pub.modified.year) {
        for (int k = 0; k < DP_TIME_PUB; k++)
            if (parse_date(m->mod[k], &dt)) {
                a->pub.modified = dt;
                break;
            }
    }
}
