/* test_sentence.c — the sentence splitter (parley_split_sentences). */
#include "test.h"

#include "parley.h"

#include <string.h>

/* Splits and joins the sentences with " | ". */
static const char *split(const char *text)
{
    static char out[4096];
    parley_span sp[64];
    size_t n = parley_split_sentences(text, strlen(text), sp, 64);
    out[0] = 0;
    for (size_t i = 0; i < n && i < 64; i++) {
        if (i) strcat(out, " | ");
        strncat(out, text + sp[i].start, sp[i].end - sp[i].start);
    }
    return out;
}

TEST(sentence_basic)
{
    CHECK_STR(split("Russia agreed. China did not! Why? Nobody knows."),
              "Russia agreed. | China did not! | Why? | Nobody knows.");
    CHECK_STR(split(""), "");
    CHECK_STR(split("   "), "");
    CHECK_STR(split("No final punctuation"), "No final punctuation");
    CHECK_STR(split("  Leading and trailing space.  "), "Leading and trailing space.");
}

TEST(sentence_abbreviations)
{
    CHECK_STR(split("Lavrov met U.S. officials in Phnom Penh. He left."),
              "Lavrov met U.S. officials in Phnom Penh. | He left.");
    CHECK_STR(split("The U.N. Security Council met. Gen. Smith spoke to Mr. Jones on Jan. 5."),
              "The U.N. Security Council met. | Gen. Smith spoke to Mr. Jones on Jan. 5.");
    CHECK_STR(split("Resolution No. 2042 passed. It was the first."),
              "Resolution No. 2042 passed. | It was the first.");
    CHECK_STR(split("Russian companies face problems in the U.S. The minister said so."),
              "Russian companies face problems in the U.S. | The minister said so.");
    CHECK_STR(split("He studied at St. Antony's and worked for Acme Inc. in Paris."),
              "He studied at St. Antony's and worked for Acme Inc. in Paris.");
    CHECK_STR(split("Talks e.g. on trade resumed."), "Talks e.g. on trade resumed.");
}

TEST(sentence_initials_and_numbers)
{
    CHECK_STR(split("John F. Kennedy visited Berlin. The crowd cheered."),
              "John F. Kennedy visited Berlin. | The crowd cheered.");
    CHECK_STR(split("Growth was 3.5 percent in 2012. Exports rose."),
              "Growth was 3.5 percent in 2012. | Exports rose.");
    CHECK_STR(split("Visit azernews.az for more. Thanks."), "Visit azernews.az for more. | Thanks.");
    CHECK_STR(split("The talks began at 9 a.m. Monday in Geneva."),
              "The talks began at 9 a.m. Monday in Geneva.");
}

TEST(sentence_quotes)
{
    CHECK_STR(split("\"There is no common ground yet,\" Lavrov said. He left."),
              "\"There is no common ground yet,\" Lavrov said. | He left.");
    CHECK_STR(split("\"We refuse.\" The minister then left."),
              "\"We refuse.\" | The minister then left.");
    CHECK_STR(split("\"Will you come?\" he asked. She nodded."),
              "\"Will you come?\" he asked. | She nodded.");
    CHECK_STR(split("He spoke of \"some ultimatums.\" Clinton disagreed."),
              "He spoke of \"some ultimatums.\" | Clinton disagreed.");
    CHECK_STR(split("\xE2\x80\x9CWe agree.\xE2\x80\x9D Then they signed."),
              "\xE2\x80\x9CWe agree.\xE2\x80\x9D | Then they signed.");
    CHECK_STR(split("(The vote was close.) Russia abstained."),
              "(The vote was close.) | Russia abstained.");
}

TEST(sentence_ellipses)
{
    CHECK_STR(split("We hope... but we doubt it. Time will tell."),
              "We hope... but we doubt it. | Time will tell.");
    CHECK_STR(split("He paused... Then he spoke."), "He paused... | Then he spoke.");
    CHECK_STR(split("He paused\xE2\x80\xA6 Then he spoke."),
              "He paused\xE2\x80\xA6 | Then he spoke.");
}

TEST(sentence_headlines_and_breaks)
{
    CHECK_STR(split("Lavrov: Russia has not yet agreed with U.S. on Syria\nRussia and the "
                    "United States have not agreed."),
              "Lavrov: Russia has not yet agreed with U.S. on Syria | Russia and the United "
              "States have not agreed.");
    CHECK_STR(split("First paragraph without stop\n\nsecond paragraph."),
              "First paragraph without stop | second paragraph.");
    /* a hard-wrapped sentence is not split at its line breaks */
    CHECK_STR(split("The ministers of the two countries met in Geneva on Tuesday and agreed\n"
                    "to continue the talks.\n"),
              "The ministers of the two countries met in Geneva on Tuesday and agreed\nto "
              "continue the talks.");
}

TEST(sentence_spans_and_max)
{
    const char *t = "One. Two. Three.";
    parley_span sp[2];
    size_t n = parley_split_sentences(t, strlen(t), sp, 2);
    CHECK_INT(n, 3);
    CHECK_INT(sp[0].start, 0);
    CHECK_INT(sp[0].end, 4);
    CHECK_INT(sp[1].start, 5);
    CHECK_INT(sp[1].end, 9);
    CHECK_INT(parley_split_sentences(t, strlen(t), NULL, 0), 3);
    CHECK_INT(parley_split_sentences(NULL, 0, NULL, 0), 0);
}
