/* embedded.h — data files compiled into the library.
 *
 * The bundled dictionaries and tables under data/ are turned into C arrays at
 * build time by tools/embed.c, so that the parley binary works from any
 * folder.  Setting PARLEY_DATA=DIR makes the library read DIR/<name> from
 * disk instead (for editing dictionaries without rebuilding). */
#ifndef PL_EMBEDDED_H
#define PL_EMBEDDED_H

#include <stddef.h>

typedef struct pl_embedded_file {
    const char *name;              /* path relative to data/, e.g. "dict/verbs.txt" */
    const unsigned char *data;     /* NUL-terminated */
    size_t len;
} pl_embedded_file;

extern const pl_embedded_file pl_embedded_files[];
extern const size_t pl_embedded_count;

/* Returns the contents of a bundled data file, or NULL.  When PARLEY_DATA is
 * set and DIR/name exists, that file is read instead (the result is then
 * cached for the life of the process). */
const char *pl_data_file(const char *name, size_t *len);

#endif
