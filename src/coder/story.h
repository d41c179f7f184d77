/* story.h — story-level coding for article mode (see docs/story.md):
 * sentence dates shifted by weekdays and "yesterday", and later mentions
 * (surnames, role nouns, "the parties", pronouns) resolved to earlier actors.
 * A pl_story belongs to one coder (one thread); parley_code_article resets it
 * per article.  parley_code_sentence never uses it. */
#ifndef PL_STORY_H
#define PL_STORY_H

#include <stddef.h>
#include <stdint.h>

/* --- dates (keys are yyyymmdd, 0 = unknown) ------------------------------ */

/* (day numbers and weekdays of keys: pl_key_to_days, pl_key_weekday in util.h) */
/* key moved by n days (n may be negative); 0 stays 0. */
int32_t pl_story_add_days(int32_t key, long n);
/* The date a sentence of a story dated key refers to: "yesterday" -1 day,
 * "the day before yesterday" -2, a past weekday ("said Tuesday", "on
 * Monday") the most recent such day on or before key ("last Monday":
 * strictly before).  Future references ("next Monday", "will ... on
 * Monday"), "last week" and sentences without a time word keep key. */
int32_t pl_story_sentence_date(int32_t key, const char *text, size_t len);

/* --- mentions -------------------------------------------------------------- */

typedef struct pl_story pl_story;

pl_story *pl_story_new(void);
void pl_story_free(pl_story *s);
void pl_story_reset(pl_story *s);

/* A noun phrase of sentence `sent` (text = its words) with the codes the
 * dictionaries gave it (n of them, pronouns excluded).  Coded phrases are
 * remembered (surname, country, role); an uncoded phrase, or one whose codes
 * have no country ("---GOV" for "the foreign minister"), is resolved against
 * the story.  Writes at most cap codes to codes (strings live until
 * pl_story_reset) and returns their number: n when nothing changes. */
int pl_story_np(pl_story *s, const char *text, size_t len, const char **codes, int n, int cap,
                int sent);

/* A pronoun (upper-case norm: HE, SHE, THEY ...) with no antecedent in its
 * sentence: the most recent person (he/she) or plural/compound actor (they)
 * of the earlier sentences; "we"/"I" inside a quote of the sentence (text)
 * followed by '," Lavrov said' or '," said Lavrov': the speaker.  Returns the number of codes,
 * 0 when unknown. */
int pl_story_pronoun(const pl_story *s, const char *norm, const char *text, size_t len,
                     const char **codes, int cap, int sent);

/* ', Lavrov said.' / '," the minister told reporters' / ', said Lavrov.':
 * the clause after a comma names a speaker before (or right after) a verb of
 * saying (then it is a statement to code, not a clause to drop).  text is
 * the clause from its comma to its end. */
int pl_story_said_clause(const char *text, size_t len);
/* The same with the speakers that Parley's own agents code ("officials",
 * "the air force", "the general staff"). */
int pl_story_said_clause_news(const char *text, size_t len);

/* '"Israel must stop ...," Lavrov said': when the verb at bytes [vs, ve) of
 * the sentence is a verb of saying whose subject starts at byte ss right
 * after a comma (and quotes), the byte offset of that comma, i.e. the end of
 * the reported content that comes first; 0 otherwise. */
size_t pl_story_said_content(const char *text, size_t len, size_t ss, size_t vs, size_t ve);

/* norm (upper case) is a verb of saying: SAID, TOLD, NOTED ... */
int pl_story_say_word(const char *norm);

/* Some of the n codes names another actor than src (its first three
 * letters differ): a statement's target may be taken from them. */
int pl_story_other_actor(const char *src, const char *const *codes, int n);

/* An event was delivered: remembered for "the parties", "both sides". */
void pl_story_event(pl_story *s, const char *src, const char *tgt);

#endif
