#include "embedded.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Files read from PARLEY_DATA are cached here so that returned pointers stay
 * valid for the life of the process. */
typedef struct cached {
    struct cached *next;
    char *name, *data;
    size_t len;
} cached;

static cached *cache;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

const char *pl_data_file(const char *name, size_t *len)
{
    const char *dir = getenv("PARLEY_DATA");
    if (dir && *dir) {
        pthread_mutex_lock(&cache_lock);
        for (cached *c = cache; c; c = c->next)
            if (strcmp(c->name, name) == 0) {
                pthread_mutex_unlock(&cache_lock);
                if (len) *len = c->len;
                return c->data;
            }
        size_t n = strlen(dir) + strlen(name) + 2;
        char *path = pl_xmalloc(n);
        snprintf(path, n, "%s/%s", dir, name);
        char *data;
        size_t dlen;
        int err = pl_read_file(path, 0, &data, &dlen);
        free(path);
        if (!err) {
            cached *c = pl_xmalloc(sizeof *c);
            c->name = pl_xstrdup(name);
            c->data = data;
            c->len = dlen;
            c->next = cache;
            cache = c;
            pthread_mutex_unlock(&cache_lock);
            if (len) *len = dlen;
            return data;
        }
        pthread_mutex_unlock(&cache_lock);
    }
    for (size_t i = 0; i < pl_embedded_count; i++)
        if (strcmp(pl_embedded_files[i].name, name) == 0) {
            if (len) *len = pl_embedded_files[i].len;
            return (const char *)pl_embedded_files[i].data;
        }
    return NULL;
}
