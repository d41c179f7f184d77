/* charset.c — charset detection (BOM, HTTP header, <meta> prescan, byte
 * sniffing) and conversion to UTF-8 with iconv.  See charset.h. */
#include "reader/charset.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

static int ieq(const char *a, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return n == m && pl_strncaseeq(a, lit, m);
}

int pl_charset_normalise(const char *label, size_t n, char *out, size_t out_n)
{
    while (n && (pl_isspace((unsigned char)*label) || *label == '"' || *label == '\'')) label++, n--;
    while (n && (pl_isspace((unsigned char)label[n - 1]) || label[n - 1] == '"' ||
                 label[n - 1] == '\'' || label[n - 1] == ';'))
        n--;
    if (n == 0 || n >= 40 || out_n < 16) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)label[i];
        if (!(pl_isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':')) return 0;
    }
    static const struct { const char *label, *name; } alias[] = {
        {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
        /* the standard reads UTF-16 declared in <meta> as UTF-8 */
        {"utf-16", "UTF-8"}, {"utf-16le", "UTF-8"}, {"utf-16be", "UTF-8"},
        {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
        {"latin-1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
        {"ascii", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
        {"windows-1252", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"},
        {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
        {"gb2312", "GBK"}, {"gb_2312-80", "GBK"}, {"x-gbk", "GBK"}, {"chinese", "GBK"},
        {"x-sjis", "SHIFT_JIS"}, {"sjis", "SHIFT_JIS"}, {"shift-jis", "SHIFT_JIS"},
        {"ms_kanji", "SHIFT_JIS"}, {"windows-31j", "SHIFT_JIS"}, {"ks_c_5601-1987", "EUC-KR"},
        {"x-euc-jp", "EUC-JP"}, {"tis-620", "WINDOWS-874"}, {"iso-8859-11", "WINDOWS-874"},
        {"x-mac-roman", "MACINTOSH"}, {"mac", "MACINTOSH"},
    };
    for (size_t i = 0; i < PL_COUNT(alias); i++)
        if (ieq(label, n, alias[i].label)) {
            snprintf(out, out_n, "%s", alias[i].name);
            return 1;
        }
    for (size_t i = 0; i < n && i + 1 < out_n; i++) out[i] = (char)pl_upper((unsigned char)label[i]);
    out[PL_MIN(n, out_n - 1)] = 0;
    return 1;
}

/* Finds "charset=" in a Content-Type value; sets *v and *vn to the label. */
static int content_charset(const char *s, size_t n, const char **v, size_t *vn)
{
    for (size_t i = 0; i + 7 <= n; i++) {
        if (!pl_strncaseeq(s + i, "charset", 7)) continue;
        size_t j = i + 7;
        while (j < n && pl_isspace((unsigned char)s[j])) j++;
        if (j >= n || s[j] != '=') continue;
        j++;
        while (j < n && pl_isspace((unsigned char)s[j])) j++;
        char q = 0;
        if (j < n && (s[j] == '"' || s[j] == '\'')) q = s[j++];
        size_t k = j;
        while (k < n && s[k] != q && s[k] != ';' && (q || !pl_isspace((unsigned char)s[k]))) k++;
        if (k > j) {
            *v = s + j;
            *vn = k - j;
            return 1;
        }
    }
    return 0;
}

static const char *find2(const char *s, const char *end, const char *lit)
{
    size_t m = strlen(lit);
    for (; s + m <= end; s++)
        if (memcmp(s, lit, m) == 0) return s;
    return NULL;
}

/* The <meta> prescan of the HTML standard, simplified: looks at tags in the
 * first 4 KiB, skipping comments. */
static int meta_prescan(const char *s, size_t n, char *out, size_t out_n)
{
    const char *p = s, *end = s + PL_MIN(n, (size_t)4096);
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) break;
        p = lt + 1;
        if (end - lt >= 4 && memcmp(lt, "<!--", 4) == 0) {
            const char *e = find2(lt + 4, end, "-->");
            if (!e) break;
            p = e + 3;
            continue;
        }
        if (end - lt >= 6 && pl_strncaseeq(lt + 1, "meta", 4) &&
            (pl_isspace((unsigned char)lt[5]) || lt[5] == '/')) {
            const char *q = lt + 5;
            const char *cs = NULL, *content = NULL;
            size_t csn = 0, contentn = 0;
            int http_ct = 0;
            while (q < end && *q != '>') {
                while (q < end && (pl_isspace((unsigned char)*q) || *q == '/')) q++;
                const char *name = q;
                while (q < end && *q != '=' && *q != '>' && !pl_isspace((unsigned char)*q) && *q != '/') q++;
                size_t namen = (size_t)(q - name);
                const char *val = NULL;
                size_t valn = 0;
                while (q < end && pl_isspace((unsigned char)*q)) q++;
                if (q < end && *q == '=') {
                    q++;
                    while (q < end && pl_isspace((unsigned char)*q)) q++;
                    if (q < end && (*q == '"' || *q == '\'')) {
                        char qc = *q++;
                        val = q;
                        while (q < end && *q != qc) q++;
                        valn = (size_t)(q - val);
                        if (q < end) q++;
                    } else {
                        val = q;
                        while (q < end && *q != '>' && !pl_isspace((unsigned char)*q)) q++;
                        valn = (size_t)(q - val);
                    }
                }
                if (namen == 0 && !val) {
                    if (q < end && *q != '>') q++;
                    continue;
                }
                if (ieq(name, namen, "charset") && val) cs = val, csn = valn;
                else if (ieq(name, namen, "content") && val) content = val, contentn = valn;
                else if (ieq(name, namen, "http-equiv") && val && ieq(val, valn, "content-type")) http_ct = 1;
            }
            p = q;
            if (cs && pl_charset_normalise(cs, csn, out, out_n)) return 1;
            const char *v;
            size_t vn;
            if (http_ct && content && content_charset(content, contentn, &v, &vn) &&
                pl_charset_normalise(v, vn, out, out_n))
                return 1;
            continue;
        }
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt) break;
        p = gt + 1;
    }
    return 0;
}

const char *pl_charset_detect(const char *data, size_t n, const char *http_charset,
                              char *out, size_t out_n, size_t *bom)
{
    const unsigned char *u = (const unsigned char *)data;
    *bom = 0;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        *bom = 3;
        snprintf(out, out_n, "UTF-8");
        return "bom";
    }
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        *bom = 2;
        snprintf(out, out_n, "UTF-16LE");
        return "bom";
    }
    if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        *bom = 2;
        snprintf(out, out_n, "UTF-16BE");
        return "bom";
    }
    if (http_charset && pl_charset_normalise(http_charset, strlen(http_charset), out, out_n)) {
        /* a header claiming UTF-16 without a BOM is almost always wrong */
        if (strncmp(out, "UTF-16", 6) != 0) return "http";
    }
    if (meta_prescan(data, n, out, out_n)) return "meta";
    snprintf(out, out_n, "%s", pl_utf8_is_valid(data, n) ? "UTF-8" : "WINDOWS-1252");
    return "sniff";
}

long pl_charset_to_utf8(const char *data, size_t n, const char *charset, pl_buf *out)
{
    if (!charset || strcmp(charset, "UTF-8") == 0) return (long)pl_utf8_repair(data, n, out, NULL);
    if (strcmp(charset, "WINDOWS-1252") == 0) {
        pl_latin1_to_utf8(data, n, out);
        return 0;
    }
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) {
        long long first;
        if (pl_utf8_is_valid(data, n)) pl_buf_put(out, data, n);
        else if (pl_utf8_repair(data, n, out, &first)) { /* counted below */ }
        return -1;
    }
    long bad = 0;
    char *in = (char *)data;
    size_t inleft = n;
    pl_buf_reserve(out, n + n / 2 + 16);
    while (inleft > 0) {
        pl_buf_reserve(out, inleft * 2 + 16);
        char *o = out->data + out->len;
        size_t oleft = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        out->len = (size_t)(o - out->data);
        out->data[out->len] = 0;
        if (r != (size_t)-1) break;
        if (errno == E2BIG) continue;
        /* EILSEQ or EINVAL (truncated at the end): replace one byte */
        pl_utf8_put(out, 0xFFFD);
        bad++;
        in++;
        inleft--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    return bad;
}
