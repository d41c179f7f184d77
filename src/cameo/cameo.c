/* cameo.c — the CAMEO event-code table (data/cameo/cameo.tsv, embedded).
 *
 * Columns: code, root, quad_class, goldstein, plover_event, plover_mode,
 * plover_context, label; '#' lines are comments.  The table is parsed once
 * (pthread_once) into a sorted array searched with bsearch; results are
 * static for the life of the process. */
#include "embedded.h"
#include "parley.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static parley_cameo *table;
static size_t ntable;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const parley_cameo *)a)->code, ((const parley_cameo *)b)->code);
}

static char *field(char **p)
{
    char *s = *p;
    if (!s) return "";
    char *t = strchr(s, '\t');
    if (t) {
        *t = 0;
        *p = t + 1;
    } else {
        *p = NULL;
    }
    return s;
}

static void load(void)
{
    size_t len = 0;
    const char *data = pl_data_file("cameo/cameo.tsv", &len);
    if (!data) return;
    char *copy = pl_xstrndup(data, len); /* kept for the life of the process */
    size_t cap = 0;
    char *line = copy;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r') line[ll - 1] = 0;
        if (line[0] && line[0] != '#') {
            char *p = line;
            parley_cameo c;
            c.code = field(&p);
            c.root = field(&p);
            c.quad = atoi(field(&p));
            c.goldstein = atof(field(&p));
            c.plover_event = field(&p);
            c.plover_mode = field(&p);
            c.plover_context = field(&p);
            c.label = field(&p);
            if (c.code[0] && pl_isdigit((unsigned char)c.code[0])) {
                table = pl_grow(table, &cap, ntable + 1, sizeof *table);
                table[ntable++] = c;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    qsort(table, ntable, sizeof *table, cmp_code);
}

const parley_cameo *parley_cameo_lookup(const char *code)
{
    if (!code || !*code) return NULL;
    pthread_once(&once, load);
    if (!ntable) return NULL;
    parley_cameo key;
    key.code = code;
    return bsearch(&key, table, ntable, sizeof *table, cmp_code);
}
