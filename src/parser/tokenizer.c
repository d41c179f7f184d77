/* tokenizer.c — splits a sentence into tokens and normalises them the way
 * dictionaries spell words: upper-case ASCII, accents folded, curly quotes
 * and apostrophes straightened, dashes unified as "--".
 *
 * Words keep internal hyphens and apostrophes ("AL-ASSAD", "O'BRIEN");
 * clitics are split off ("OBAMA" "'S", "DID" "N'T", "THEY" "'RE"); dotted
 * abbreviations stay whole ("U.S.", "GEN."); numbers keep their commas and
 * decimal point ("30,000", "2.5").  Bytes that are not valid UTF-8 are read
 * as Latin-1 letters when they look like one, otherwise skipped. */
#include "parser/parser_int.h"

#include "utf8.h"
#include "util.h"

#include <string.h>

enum { C_SPACE, C_LETTER, C_DIGIT, C_APOS, C_QOPEN, C_QCLOSE, C_QSTRAIGHT, C_HYPHEN, C_DASH,
       C_DOT, C_ELLIPSIS, C_OTHER, C_SKIP };

/* ASCII fold of Latin-1 Supplement and Latin Extended-A letters (upper
 * case), or 0. */
static char fold(uint32_t cp)
{
    static const char l1[64 + 1] =
        "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTs"   /* C0-DF (x = multiplication, T thorn) */
        "AAAAAAACEEEEIIIIDNOOOOO/OUUUUYTY";  /* E0-FF */
    if (cp >= 0xC0 && cp <= 0xFF) {
        char c = l1[cp - 0xC0];
        return (c == 'x' || c == '/') ? 0 : c == 's' ? 'S' : c;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        static const char ea[128 + 1] =
            "AAAAAACCCCCCCCDDDDEEEEEEEEEEGGGGGGGGHHHHIIIIIIIIIIJJJJKKKLLLLLLLLLL"
            "NNNNNNNNNOOOOOOOORRRRRRSSSSSSSSTTTTTTUUUUUUUUUUUUWWYYYZZZZZZS";
        return ea[cp - 0x100];
    }
    return 0;
}

static int classify(uint32_t cp)
{
    if (cp < 0x80) {
        if (pl_isspace((int)cp) || cp == 0) return C_SPACE;
        if (pl_isalpha((int)cp)) return C_LETTER;
        if (pl_isdigit((int)cp)) return C_DIGIT;
        switch (cp) {
        case '\'': return C_APOS;
        case '"': return C_QSTRAIGHT;
        case '-': return C_HYPHEN;
        case '.': return C_DOT;
        default: return cp < 0x20 || cp == 0x7F ? C_SPACE : C_OTHER;
        }
    }
    switch (cp) {
    case 0xA0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x200B: case 0x202F:
    case 0x205F: case 0x3000: case 0xFEFF: case 0xAD:
        return C_SPACE;
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: case 0x02B9:
        return C_APOS;
    case 0x201C: case 0x201E: case 0xAB: case 0x201F:
        return C_QOPEN;
    case 0x201D: case 0xBB: case 0x2033:
        return C_QCLOSE;
    case 0x2010: case 0x2011:
        return C_HYPHEN;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return C_DASH;
    case 0x2026:
        return C_ELLIPSIS;
    default:
        break;
    }
    if (cp >= 0x80 && cp < 0xC0) return C_OTHER;       /* Latin-1 symbols */
    if (cp == 0xD7 || cp == 0xF7) return C_OTHER;
    if (cp >= 0x2000 && cp <= 0x2BFF) return C_OTHER;  /* punctuation, symbols, arrows */
    if (cp >= 0x3000 && cp <= 0x303F) return C_OTHER;
    if (cp >= 0xFF00 && cp <= 0xFF0F) return C_OTHER;
    if (cp >= 0xD800 && cp <= 0xDFFF) return C_SKIP;
    if (cp == 0xFFFD) return C_SKIP;
    return C_LETTER;
}

typedef struct scan {
    const unsigned char *s;
    size_t n;
} scan;

/* Decodes the character at i: class, code point and byte length. */
static int char_at(const scan *sc, size_t i, uint32_t *cp, size_t *len)
{
    if (i >= sc->n) {
        *cp = 0;
        *len = 0;
        return C_SPACE;
    }
    unsigned char b = sc->s[i];
    if (b < 0x80) {
        *cp = b;
        *len = 1;
        return classify(b);
    }
    size_t k = pl_utf8_decode(sc->s + i, sc->n - i, cp);
    if (k == 0) {   /* invalid UTF-8: Latin-1 letter or skip */
        *len = 1;
        *cp = b;
        return b >= 0xC0 && b != 0xD7 && b != 0xF7 ? C_LETTER : C_SKIP;
    }
    *len = k;
    return classify(*cp);
}

static int cls_at(const scan *sc, size_t i)
{
    uint32_t cp;
    size_t l;
    return char_at(sc, i, &cp, &l);
}

/* Appends the normalised form of code point cp to the parser string buffer. */
static void put_norm(pl_parser *p, uint32_t cp, const unsigned char *raw, size_t rawlen)
{
    if (p->strlen + 8 > p->strcap) {
        p->str = pl_grow(p->str, &p->strcap, p->strlen + 8, 1);
    }
    if (cp < 0x80) {
        p->str[p->strlen++] = (char)pl_upper((int)cp);
        return;
    }
    char f = fold(cp);
    if (f) {
        p->str[p->strlen++] = f;
        return;
    }
    if (rawlen > 0 && rawlen <= 4 && pl_utf8_valid_prefix(raw, rawlen) == rawlen) {
        memcpy(p->str + p->strlen, raw, rawlen);
        p->strlen += rawlen;
    } else {
        p->str[p->strlen++] = '?';
    }
}

static void put_str(pl_parser *p, const char *s)
{
    size_t n = strlen(s);
    p->str = pl_grow(p->str, &p->strcap, p->strlen + n + 1, 1);
    memcpy(p->str + p->strlen, s, n);
    p->strlen += n;
}

static int is_upper_cp(uint32_t cp)
{
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE) return 1;
    if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 0;
    return 0;
}

/* Starts a token; its norm is written by the caller from p->strlen. */
static pl_token *new_token(pl_parser *p, size_t start, int kind)
{
    if (p->ntoks == p->tokcap) {
        size_t cap = p->tokcap;
        p->toks = pl_grow(p->toks, &cap, p->ntoks + 1, sizeof *p->toks);
        size_t cap2 = p->tokcap;
        p->tx = pl_grow(p->tx, &cap2, p->ntoks + 1, sizeof *p->tx);
        p->tokcap = cap;
    }
    pl_token *t = &p->toks[p->ntoks];
    pl_tokx *x = &p->tx[p->ntoks];
    memset(t, 0, sizeof *t);
    memset(x, 0, sizeof *x);
    t->start = (uint32_t)start;
    t->chunk = -1;
    x->kind = (uint16_t)kind;
    x->norm_off = (uint32_t)p->strlen;
    x->word = PL_NO_ID;
    return t;
}

static void end_token(pl_parser *p, size_t end)
{
    pl_token *t = &p->toks[p->ntoks];
    pl_tokx *x = &p->tx[p->ntoks];
    t->end = (uint32_t)end;
    size_t n = p->strlen - x->norm_off;
    t->norm_len = (uint16_t)(n > 0xFFFF ? 0xFFFF : n);
    p->str = pl_grow(p->str, &p->strcap, p->strlen + 1, 1);
    p->str[p->strlen++] = 0;
    p->ntoks++;
}

static void simple_token(pl_parser *p, size_t start, size_t end, int kind, const char *norm)
{
    new_token(p, start, kind);
    put_str(p, norm);
    end_token(p, end);
}

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

static int is_prefix(const char *w, size_t n)
{
    static const char *const pre[] = {"ANTI", "PRO", "NON", "PRE", "POST", "SEMI", "MULTI", "INTER",
                                      "CO", "EX", "NEO", "PAN", "COUNTER", "SUB", "SUPER", "TRANS"};
    for (size_t k = 0; k < PL_COUNT(pre); k++)
        if (strlen(pre[k]) == n && memcmp(pre[k], w, n) == 0) return 1;
    return 0;
}

/* Reads a word from i; returns the index after it. */
static size_t read_word(pl_parser *p, const scan *sc, size_t i)
{
    size_t start = i, j = i;
    uint32_t cp;
    size_t l;
    /* Dotted abbreviation of single letters: U.S., U.N., U.S.A. */
    if (char_at(sc, i, &cp, &l) == C_LETTER && l == 1 && cls_at(sc, i + 1) == C_DOT &&
        cls_at(sc, i + 2) == C_LETTER && (i + 3 >= sc->n || cls_at(sc, i + 3) == C_DOT)) {
        size_t k = i;
        while (k + 1 < sc->n && cls_at(sc, k) == C_LETTER && sc->s[k] < 0x80 &&
               sc->s[k + 1] == '.')
            k += 2;
        if (k - i >= 4 && (k >= sc->n || cls_at(sc, k) != C_LETTER)) {
            pl_token *t = new_token(p, start, TK_ABBR);
            if (sc->s[i] >= 'A' && sc->s[i] <= 'Z') t->flags |= PL_TOK_CAP;
            for (size_t q = i; q < k; q++) put_norm(p, sc->s[q], sc->s + q, 1);
            end_token(p, k);
            return k;
        }
    }
    /* Body: letters/digits with internal hyphens and apostrophes. */
    size_t wstart_str = p->strlen;
    pl_token *t = new_token(p, start, TK_WORD);
    if (char_at(sc, i, &cp, &l) == C_LETTER && is_upper_cp(cp)) t->flags |= PL_TOK_CAP;
    for (;;) {
        int c = char_at(sc, j, &cp, &l);
        if (c == C_LETTER || c == C_DIGIT) {
            put_norm(p, cp, sc->s + j, l);
            j += l;
            continue;
        }
        if (c == C_HYPHEN) {
            uint32_t cp2;
            size_t l2;
            int c2 = char_at(sc, j + l, &cp2, &l2);
            if (c2 == C_LETTER || c2 == C_DIGIT) {
                put_norm(p, '-', NULL, 0);
                j += l;
                continue;
            }
            /* "anti- Gondor": a prefix keeps its hyphen */
            if (c2 == C_SPACE && is_prefix(p->str + wstart_str, p->strlen - wstart_str)) {
                put_norm(p, '-', NULL, 0);
                j += l;
            }
            break;
        }
        if (c == C_APOS) {
            int c2 = cls_at(sc, j + l);
            if (c2 == C_LETTER) {
                put_norm(p, '\'', NULL, 0);
                j += l;
                continue;
            }
            break;
        }
        break;
    }
    /* Split clitics from the end of the word. */
    char *w = p->str + wstart_str;
    size_t n = p->strlen - wstart_str;
    size_t cut = n;         /* bytes of norm kept in the word */
    const char *clitic = NULL;
    size_t raw_cut = j;     /* byte offset where the clitic starts in the text */
    if (n > 3 && ends_with(w, n, "N'T")) {
        cut = n - 3;
        clitic = "N'T";
    } else if (n > 2 && (ends_with(w, n, "'S") || ends_with(w, n, "'D") || ends_with(w, n, "'M"))) {
        cut = n - 2;
        clitic = ends_with(w, n, "'S") ? "'S" : ends_with(w, n, "'D") ? "'D" : "'M";
    } else if (n > 3 && (ends_with(w, n, "'RE") || ends_with(w, n, "'VE") || ends_with(w, n, "'LL"))) {
        cut = n - 3;
        clitic = ends_with(w, n, "'RE") ? "'RE" : ends_with(w, n, "'VE") ? "'VE" : "'LL";
    } else if (n == 6 && memcmp(w, "CANNOT", 6) == 0) {
        cut = 3;
        clitic = "NOT";
    }
    if (clitic) {
        /* Find the raw offset of the clitic: walk back over its characters. */
        size_t want = strlen(clitic), seen = 0, k = j;
        while (k > start && seen < want) {
            k--;
            while (k > start && (sc->s[k] & 0xC0) == 0x80) k--;
            seen++;
        }
        raw_cut = k;
        p->strlen = wstart_str + cut;
        /* Stem fixes: CA(N'T) WO(N'T) SHA(N'T) */
        if (strcmp(clitic, "N'T") == 0) {
            if (cut == 2 && memcmp(w, "CA", 2) == 0) put_str(p, "N");
            else if (cut == 2 && memcmp(w, "WO", 2) == 0) {
                p->strlen = wstart_str;
                put_str(p, "WILL");
            } else if (cut == 3 && memcmp(w, "SHA", 3) == 0) put_str(p, "LL");
        }
        end_token(p, raw_cut);
        new_token(p, raw_cut, strcmp(clitic, "'S") == 0 ? TK_POSS
                              : strcmp(clitic, "N'T") == 0 ? TK_NT : TK_CLITIC);
        put_str(p, clitic);
        end_token(p, j);
        return j;
    }
    /* Abbreviations with a final dot: titles (GEN.) and initials (W.). */
    if (j < sc->n && sc->s[j] == '.') {
        size_t nn = p->strlen - wstart_str;
        int keep = 0;
        /* what follows the dot: initials and "No." need a name or a number
         * after them, otherwise the dot ends the sentence ("plan B.", "no.") */
        size_t q = j + 1;
        while (q < sc->n && (sc->s[q] == ' ' || sc->s[q] == '\t')) q++;
        int next_upper = q < sc->n && q > j + 1 && sc->s[q] >= 'A' && sc->s[q] <= 'Z';
        int next_digit = q < sc->n && q > j + 1 && pl_isdigit(sc->s[q]);
        if (nn == 1 && (t->flags & PL_TOK_CAP)) keep = next_upper;
        else if (nn < 8) {
            char b[12];
            memcpy(b, p->str + wstart_str, nn);
            b[nn] = '.';
            uint32_t id = pl_lex_find(p->lx, b, nn + 1);
            if (id != PL_NO_ID && (p->lx->info[id].flags & W_TITLE)) keep = 1;
            if (keep && nn == 2 && memcmp(b, "NO", 2) == 0) keep = next_digit;
        }
        if (keep) {
            put_str(p, ".");
            p->tx[p->ntoks].kind = TK_ABBR;
            j++;
        }
    }
    end_token(p, j);
    return j;
}

static size_t read_number(pl_parser *p, const scan *sc, size_t i)
{
    size_t j = i;
    new_token(p, i, TK_NUM);
    for (;;) {
        unsigned char c = j < sc->n ? sc->s[j] : 0;
        if (pl_isdigit(c)) {
            put_norm(p, c, NULL, 0);
            j++;
        } else if ((c == ',' || c == '.') && j + 1 < sc->n && pl_isdigit(sc->s[j + 1]) &&
                   j > i) {
            if (c == ',') {   /* thousands separator: exactly three digits follow */
                size_t d = 0;
                while (j + 1 + d < sc->n && pl_isdigit(sc->s[j + 1 + d])) d++;
                if (d != 3) break;
            }
            put_norm(p, c, NULL, 0);
            j++;
        } else if (c == '-' && j + 1 < sc->n && pl_isalpha(sc->s[j + 1]) && j > i) {
            put_norm(p, c, NULL, 0);   /* 24-hour */
            j++;
            p->tx[p->ntoks].kind = TK_WORD;
        } else if ((c == '-' || c == '/' || c == ':') && j + 1 < sc->n && pl_isdigit(sc->s[j + 1])) {
            put_norm(p, c, NULL, 0);
            j++;
        } else if (pl_isalpha(c)) {   /* 1990s, 21st, 9mm */
            put_norm(p, c, NULL, 0);
            j++;
            p->tx[p->ntoks].kind = TK_WORD;
        } else {
            break;
        }
    }
    end_token(p, j);
    return j;
}

void pl_tokenize(pl_parser *p, const char *text, size_t len)
{
    scan sc = {(const unsigned char *)text, len};
    size_t i = 0;
    int in_quote = 0, seen_word = 0;
    p->truncated = 0;
    while (i < len) {
        if (p->ntoks >= PL_MAX_TOKENS - 2) {
            p->truncated = 1;
            break;
        }
        uint32_t cp;
        size_t l;
        int c = char_at(&sc, i, &cp, &l);
        size_t first = p->ntoks;
        switch (c) {
        case C_SPACE:
        case C_SKIP:
            i += l;
            continue;
        case C_LETTER:
            i = read_word(p, &sc, i);
            break;
        case C_DIGIT:
            i = read_number(p, &sc, i);
            break;
        case C_QOPEN:
            simple_token(p, i, i + l, TK_QUOTE, "\"");
            in_quote = 1;
            i += l;
            continue;
        case C_QCLOSE:
            simple_token(p, i, i + l, TK_QUOTE, "\"");
            in_quote = 0;
            i += l;
            continue;
        case C_QSTRAIGHT:
            simple_token(p, i, i + l, TK_QUOTE, "\"");
            in_quote = !in_quote;
            i += l;
            continue;
        case C_APOS: {
            /* Possessive of a plural ("ministers'") or a single quote mark. */
            int poss = p->ntoks > 0 && i > 0 && (text[i - 1] == 's' || text[i - 1] == 'S') &&
                       p->tx[p->ntoks - 1].kind == TK_WORD && p->toks[p->ntoks - 1].end == i &&
                       cls_at(&sc, i + l) != C_LETTER;
            simple_token(p, i, i + l, poss ? TK_POSS : TK_PUNCT, "'");
            i += l;
            break;
        }
        case C_HYPHEN:
            if (i + 1 < len && text[i + 1] == '-') {
                size_t j = i;
                while (j < len && text[j] == '-') j++;
                simple_token(p, i, j, TK_DASH, "--");
                i = j;
            } else {
                simple_token(p, i, i + l, TK_DASH, "--");
                i += l;
            }
            break;
        case C_DASH:
            simple_token(p, i, i + l, TK_DASH, "--");
            i += l;
            break;
        case C_ELLIPSIS:
            simple_token(p, i, i + l, TK_PUNCT, "...");
            i += l;
            break;
        case C_DOT:
            if (i + 2 < len && text[i + 1] == '.' && text[i + 2] == '.') {
                size_t j = i;
                while (j < len && text[j] == '.') j++;
                simple_token(p, i, j, TK_PUNCT, "...");
                i = j;
            } else {
                simple_token(p, i, i + 1, TK_PUNCT, ".");
                i++;
            }
            break;
        default: {
            new_token(p, i, cp == '$' || cp == '%' || cp == '&' || cp >= 0x80 ? TK_SYM : TK_PUNCT);
            put_norm(p, cp, sc.s + i, l);
            end_token(p, i + l);
            i += l;
            break;
        }
        }
        for (size_t k = first; k < p->ntoks; k++) {
            if (in_quote) p->toks[k].flags |= PL_TOK_QUOTE;
            int kind = p->tx[k].kind;
            if (!seen_word && (kind == TK_WORD || kind == TK_ABBR || kind == TK_NUM)) {
                p->toks[k].flags |= PL_TOK_SENT_START;
                seen_word = 1;
            }
        }
    }
}
