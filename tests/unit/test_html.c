/* test_html.c — HTML extraction: the case files of tests/cases/html (see
 * the README there), charset detection and conversion, metadata sources
 * (URL dates, microdata), and pathological pages (deep nesting, huge
 * attributes, endless comments, endless scripts), each bounded in time. */
#include "test.h"

#include "parley.h"
#include "reader/charset.h"
#include "utf8.h"
#include "reader/reader.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: robust on a loaded machine */
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Extracts a page into a finished article (caller releases). */
static void extract(pl_article *a, const char *html, size_t n, const char *url)
{
    pl_article_init(a);
    pl_article_reset(a);
    pl_html_extract(html, n, url, NULL, a);
    pl_article_finish(a);
}

static const char *field(const parley_article *a, const char *key, char *tmp, size_t n)
{
    if (!strcmp(key, "source")) return a->source;
    if (!strcmp(key, "url")) return a->url;
    if (!strcmp(key, "canonical_url")) return a->canonical_url;
    if (!strcmp(key, "headline")) return a->headline;
    if (!strcmp(key, "byline")) return a->byline;
    if (!strcmp(key, "language")) return a->language;
    const parley_datetime *d = !strcmp(key, "published") ? &a->published
                               : !strcmp(key, "modified") ? &a->modified
                                                          : NULL;
    if (d) {
        parley_datetime_format(d, tmp, n);
        return tmp;
    }
    if (!strcmp(key, "paragraphs")) return snprintf(tmp, n, "%zu", a->n_paragraphs), tmp;
    if (!strcmp(key, "authors")) return snprintf(tmp, n, "%zu", a->n_authors), tmp;
    size_t idx;
    if (sscanf(key, "paragraph[%zu]", &idx) == 1) {
        if (idx >= a->n_paragraphs) return "(none)";
        snprintf(tmp, n, "%.*s", (int)(a->paragraphs[idx].end - a->paragraphs[idx].start),
                 a->body + a->paragraphs[idx].start);
        return tmp;
    }
    return NULL;
}

static int run_case(const char *dir, const char *name)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s.expect", dir, name);
    char *exp = NULL, *html = NULL;
    size_t en, hn;
    if (pl_read_file(path, 0, &exp, &en) != 0) return 1;
    snprintf(path, sizeof path, "%s/%s.html", dir, name);
    if (pl_read_file(path, 0, &html, &hn) != 0) {
        free(exp);
        return 1;
    }
    pl_article a;
    extract(&a, html, hn, NULL);
    int fails = 0;
    char *save = NULL;
    for (char *line = strtok_r(exp, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || !line[0]) continue;
        char *colon = strchr(line, ':');
        if (!colon) continue;
        *colon = 0;
        const char *key = line, *want = colon + 1;
        if (*want == ' ') want++;
        static char tmp[8192];
        if (!strcmp(key, "body-has") || !strcmp(key, "body-lacks")) {
            int has = strstr(a.pub.body, want) != NULL;
            if (has != !strcmp(key, "body-has")) {
                fprintf(stderr, "  case %s: %s \"%s\"\n", name, key, want);
                fails++;
            }
            continue;
        }
        if (!strcmp(key, "warning")) {
            int found = 0;
            for (size_t i = 0; i < a.pub.n_warnings; i++) found |= strstr(a.pub.warnings[i], want) != NULL;
            if (!found) fprintf(stderr, "  case %s: no warning \"%s\"\n", name, want), fails++;
            continue;
        }
        const char *got = field(&a.pub, key, tmp, sizeof tmp);
        if (!got || strcmp(got, want) != 0) {
            fprintf(stderr, "  case %s: %s = \"%s\", expected \"%s\"\n", name, key, got ? got : "(unknown key)",
                    want);
            fails++;
        }
    }
    pl_article_release(&a);
    free(exp);
    free(html);
    return fails;
}

static void html_case(const char *dir, const char *name, const char *path, void *ctx)
{
    int f = run_case(dir, name);
    if (f) fprintf(stderr, "  case %s: %d failed\n", name, f);
    CHECK(f == 0);
}

TEST(html_case_files)
{
    CHECK(pl_test_each_case("html", ".expect", html_case, NULL) >= 5);
}

TEST(html_charset_detect)
{
    char cs[48];
    size_t bom;
    const char *src = pl_charset_detect("\xEF\xBB\xBF<p>x", 7, "latin1", cs, sizeof cs, &bom);
    CHECK_STR(src, "bom");
    CHECK_STR(cs, "UTF-8");
    CHECK_INT(bom, 3);
    src = pl_charset_detect("<meta charset=\"koi8-r\">", 23, "iso-8859-1", cs, sizeof cs, &bom);
    CHECK_STR(src, "http");
    CHECK_STR(cs, "WINDOWS-1252");
    const char *m = "<!-- <meta charset=gbk> --><meta http-equiv=\"content-type\" content=\"text/html; charset=Shift_JIS\">";
    src = pl_charset_detect(m, strlen(m), NULL, cs, sizeof cs, &bom);
    CHECK_STR(src, "meta");
    CHECK_STR(cs, "SHIFT_JIS");
    src = pl_charset_detect("<p>caf\xe9</p>", 10, NULL, cs, sizeof cs, &bom);
    CHECK_STR(src, "sniff");
    CHECK_STR(cs, "WINDOWS-1252");
}

TEST(html_charset_convert)
{
    pl_buf b;
    pl_buf_init(&b);
    /* KOI8-R "мир" */
    CHECK_INT(pl_charset_to_utf8("\xcd\xc9\xd2", 3, "KOI8-R", &b), 0);
    CHECK_STR(b.data, "мир");
    pl_buf_clear(&b);
    /* Shift_JIS with a broken trail byte: replaced, not dropped */
    long bad = pl_charset_to_utf8("\x93\xfa\x96\x7b\x82", 5, "SHIFT_JIS", &b);
    CHECK(bad >= 1);
    CHECK(strncmp(b.data, "日本", 6) == 0);
    CHECK(strstr(b.data, "\xEF\xBF\xBD") != NULL);
    pl_buf_clear(&b);
    CHECK_INT(pl_charset_to_utf8("abc", 3, "NO-SUCH-CHARSET", &b), -1);
    CHECK_STR(b.data, "abc");
    pl_buf_free(&b);

    /* a Shift_JIS page declared in <meta> */
    const char *page = "<html><head><meta charset=\"shift_jis\"><title>\x93\xfa\x96\x7b</title></head>"
                       "<body><p>\x93\xfa\x96\x7b</p></body></html>";
    pl_article a;
    extract(&a, page, strlen(page), NULL);
    CHECK_STR(a.pub.headline, "日本");
    pl_article_release(&a);
}

TEST(html_url_and_microdata)
{
    const char *page =
        "<html><body><div itemscope itemtype=\"https://schema.org/NewsArticle\">"
        "<h1 itemprop=\"headline\">Bridge reopens</h1>"
        "<span itemprop=\"author\" itemscope><span itemprop=\"name\">Ana Ruiz</span></span>"
        "<div itemprop=\"articleBody\"><p>The old bridge over the canal reopened on Friday after a year of repairs, "
        "the city said, and buses will use it again from Monday morning.</p></div></div></body></html>";
    pl_article a;
    extract(&a, page, strlen(page), "https://news.example/local/2016/06/03/bridge.html");
    char d[64];
    parley_datetime_format(&a.pub.published, d, sizeof d);
    CHECK_STR(d, "2016-06-03");
    CHECK_STR(a.pub.byline, "Ana Ruiz");
    CHECK_STR(a.pub.headline, "Bridge reopens");
    CHECK_STR(a.pub.url, "https://news.example/local/2016/06/03/bridge.html");
    CHECK_INT(a.pub.n_paragraphs, 1);
    pl_article_release(&a);

    /* itemprop datePublished beats the URL; compact URL dates */
    page = "<html><body><time itemprop=\"datePublished\" datetime=\"2016-06-02T22:15:00-04:00\">June 2</time>"
           "<p>Text of the story, long enough to be kept as a paragraph of the article body.</p></body></html>";
    extract(&a, page, strlen(page), "https://news.example/20160603/story");
    parley_datetime_format(&a.pub.published, d, sizeof d);
    CHECK_STR(d, "2016-06-02T22:15:00-04:00");
    pl_article_release(&a);
}

static char *repeat(const char *pre, const char *unit, size_t times, const char *post, size_t *n)
{
    size_t pl = strlen(pre), ul = strlen(unit), ql = strlen(post);
    char *b = malloc(pl + ul * times + ql + 1);
    memcpy(b, pre, pl);
    for (size_t i = 0; i < times; i++) memcpy(b + pl + i * ul, unit, ul);
    memcpy(b + pl + ul * times, post, ql + 1);
    *n = pl + ul * times + ql;
    return b;
}

TEST(html_pathological_nesting)
{
    size_t n;
    const char *units[] = {"<div>", "<b>", "<span><a href=x>", "<table><tr><td>"};
    for (size_t k = 0; k < PL_COUNT(units); k++) {
        char *page = repeat("<html><body><p>Before the deep part of the page there is some text here.</p>", units[k],
                            200000, "deep text", &n);
        double t0 = now();
        pl_article a;
        extract(&a, page, n, NULL);
        double dt = now() - t0;
        if (dt >= 2.0) fprintf(stderr, "  nesting %s took %.2f s\n", units[k], dt);
        CHECK(dt < 2.0);
        int warned = 0;
        for (size_t i = 0; i < a.pub.n_warnings; i++) warned |= strstr(a.pub.warnings[i], "nested deeper") != NULL;
        CHECK(warned);
        CHECK(strstr(a.pub.body, "Before the deep part") != NULL);
        pl_article_release(&a);
        free(page);
    }
}

TEST(html_pathological_sizes)
{
    size_t n;
    struct {
        const char *pre, *unit, *post;
    } cases[] = {
        {"<html><body><p>Short text before a huge attribute value.</p><div title=\"", "abcdefgh", "\">x</div>"},
        {"<html><body><p>Short text before an endless comment.</p><!--", "- - > -", ""},
        {"<html><body><p>Short text before an endless script.</p><script>var a='", "</scrip", ""},
        {"<html><body><p>Short text before many paragraphs.</p>", "<p>word, word.</p>", ""},
        {"<html><body><p>Short text before many attributes.</p><div ", "a=b ", ">x</div>"},
    };
    for (size_t k = 0; k < PL_COUNT(cases); k++) {
        char *page = repeat(cases[k].pre, cases[k].unit, k == 3 ? 200000 : 1500000, cases[k].post, &n);
        double t0 = now();
        pl_article a;
        extract(&a, page, n, NULL);
        double dt = now() - t0;
        if (dt >= 3.0) fprintf(stderr, "  case %zu took %.2f s\n", k, dt);
        CHECK(dt < 3.0);
        CHECK(strstr(a.pub.body, "Short text before") != NULL);
        pl_article_release(&a);
        free(page);
    }
}

TEST(html_empty_and_garbage)
{
    pl_article a;
    extract(&a, "", 0, NULL);
    CHECK_INT(a.pub.n_paragraphs, 0);
    pl_article_release(&a);
    const char junk[] = "\x00\xff<<<>>>&&&#xFFFFFFFF;&#0;<p <p <p>\x80\x81</";
    extract(&a, junk, sizeof junk - 1, NULL);
    CHECK(pl_utf8_is_valid(a.pub.body, a.pub.body_len));
    pl_article_release(&a);
    /* broken JSON-LD is ignored, the rest still read */
    const char *page = "<html><head><title>Kept title</title><script type=\"application/ld+json\">{\"@type\":"
                       "\"NewsArticle\",\"headline\":</script></head><body><p>Body text survives a broken "
                       "JSON-LD block in the head of the page.</p></body></html>";
    extract(&a, page, strlen(page), NULL);
    CHECK_STR(a.pub.headline, "Kept title");
    CHECK_INT(a.pub.n_paragraphs, 1);
    pl_article_release(&a);
}

/* Extraction from several threads at once: the hint table is built once,
 * each thread has its own arena (freed when the thread ends). */
static void *extract_thread(void *arg)
{
    const char *page = arg;
    int *ok = malloc(sizeof *ok);
    *ok = 1;
    for (int i = 0; i < 50; i++) {
        pl_article a;
        extract(&a, page, strlen(page), NULL);
        if (a.pub.n_paragraphs != 2 || strcmp(a.pub.headline, "Threads agree") != 0) *ok = 0;
        pl_article_release(&a);
    }
    return ok;
}

TEST(html_threads)
{
    const char *page = "<html><head><title>Threads agree</title></head><body><nav><a href=/>Home</a></nav>"
                       "<div class=\"entry-content\"><p>The first paragraph of the story is long enough to count "
                       "as text for the extractor, with a comma, and a full stop.</p><p>The second paragraph "
                       "follows it and is also long enough to be kept in the body.</p></div></body></html>";
    pthread_t th[4];
    for (int i = 0; i < 4; i++) pthread_create(&th[i], NULL, extract_thread, (void *)page);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(th[i], &r);
        CHECK(r && *(int *)r == 1);
        free(r);
    }
}
