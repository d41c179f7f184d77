/* charset.h — character set detection and conversion to UTF-8 for web pages.
 *
 * Order of trust (as the HTML standard's encoding sniffing): a byte order
 * mark, then the charset of the HTTP Content-Type header, then <meta charset>
 * or <meta http-equiv="Content-Type" content="...; charset=..."> in the first
 * 4 KiB, then the bytes themselves (valid UTF-8 stays UTF-8, anything else is
 * read as Windows-1252).  Conversion uses glibc's iconv; invalid sequences
 * become U+FFFD. */
#ifndef PL_CHARSET_H
#define PL_CHARSET_H

#include "util.h"

/* Writes the canonical name of the charset of data[0..n) into out (e.g.
 * "UTF-8", "WINDOWS-1252", "SHIFT_JIS").  http_charset may be NULL.  *bom
 * gets the length of a byte order mark to skip (0 when none).  Returns the
 * source of the decision: "bom", "http", "meta" or "sniff". */
const char *pl_charset_detect(const char *data, size_t n, const char *http_charset,
                              char *out, size_t out_n, size_t *bom);

/* Normalises a charset label (WHATWG aliases: latin1/ascii -> WINDOWS-1252,
 * utf8 -> UTF-8, gb2312 -> GBK ...) into out.  Returns 0 when the label is
 * empty or unusable. */
int pl_charset_normalise(const char *label, size_t n, char *out, size_t out_n);

/* Converts data from charset to UTF-8, appending to out.  Returns the number
 * of invalid or unconvertible sequences replaced by U+FFFD; -1 when iconv
 * does not know the charset (the data is then read as Windows-1252, or kept
 * when it is valid UTF-8). */
long pl_charset_to_utf8(const char *data, size_t n, const char *charset, pl_buf *out);

#endif
