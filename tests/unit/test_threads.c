/* One compiled dictionary shared by several threads, each with its own
 * coder (per-thread scratch): every thread must produce exactly the events
 * a single thread produces. */
#include "test.h"
#include "parley.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static const char *sentences[] = {
    "Russian Foreign Minister Sergei Lavrov met US Secretary of State Hillary Clinton in Phnom Penh on Tuesday.",
    "North Korea rejected calls by South Korea to resume talks.",
    "Japan and the United States condemned the missile launch.",
    "Turkish troops shelled Kurdish rebel positions in northern Iraq.",
    "The European Union imposed new sanctions on Iran over its nuclear program.",
    "Egypt urged Israel and Hamas to agree to a ceasefire.",
};

typedef struct {
    const parley_dict *dict;
    char out[8192];
    size_t len;
    int rounds;
} job;

static int collect(void *ctx, const parley_event *ev)
{
    job *j = ctx;
    int n = snprintf(j->out + j->len, sizeof j->out - j->len, "%d %s %s %s|", ev->sent, ev->source,
                     ev->target, ev->code);
    if (n > 0 && (size_t)n < sizeof j->out - j->len) j->len += (size_t)n;
    return 0;
}

static void *run(void *arg)
{
    job *j = arg;
    parley_coder *c = parley_coder_new(j->dict, NULL);
    parley_datetime d = {2012, 11, 20, 0, 0, 0, 0, 0, 0};
    for (int r = 0; r < j->rounds; r++) {
        j->len = 0;
        j->out[0] = 0;
        for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++)
            parley_code_sentence(c, sentences[i], strlen(sentences[i]), &d, "t", (int)i + 1, collect, j);
    }
    parley_coder_free(c);
    return NULL;
}

TEST(threads_share_one_dictionary)
{
    parley_error err;
    parley_dict *d = parley_dict_load_default(NULL, NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    job single = {d, "", 0, 1};
    run(&single);
    CHECK(single.len > 0);   /* the sentences do code to events */
    enum { N = 4 };
    job jobs[N];
    pthread_t th[N];
    for (int i = 0; i < N; i++) {
        jobs[i] = (job){d, "", 0, 20};
        CHECK(pthread_create(&th[i], NULL, run, &jobs[i]) == 0);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(th[i], NULL);
        CHECK_STR(jobs[i].out, single.out);
    }
    parley_dict_free(d);
}
