/* sentence.h — the sentence splitter (public entry: parley_split_sentences
 * in parley.h).
 *
 * Rules: a sentence ends at ".", "!", "?", "…" (with closing quotes and
 * brackets) followed by space and a capital, digit or opening quote — unless
 * the word before the period is an abbreviation (data/text/abbreviations.txt),
 * an initial or a dotted acronym; at a blank line; and at a single line break
 * after a short line without final punctuation (a headline).  Decimals and
 * dotted names ("3.5", "azernews.az") never split. */
#ifndef PL_SENTENCE_H
#define PL_SENTENCE_H

#include <stddef.h>

enum { PL_ABBR_NONE = 0, PL_ABBR_TITLE, PL_ABBR_NUMBER, PL_ABBR_OTHER, PL_ABBR_STARTER };

/* Class of a word (with its final period for abbreviations, e.g. "Gen."),
 * from the bundled list.  Thread-safe. */
int pl_abbrev_class(const char *w, size_t n);

#endif
