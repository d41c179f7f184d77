/* diag.h — delivering diagnostics (parley_diag) to a caller's callback. */
#ifndef PL_DIAG_H
#define PL_DIAG_H

#include "parley.h"

#include <stdarg.h>

/* Formats fmt/ap and delivers one diagnostic to fn (nothing when fn is NULL).
 * file NULL means "-"; line 0 and byte -1 mean unknown. */
void pl_vdiag(parley_diag_fn fn, void *ctx, parley_severity sev, const char *file, long line,
              long long byte, const char *record, const char *fmt, va_list ap)
    __attribute__((format(printf, 8, 0)));

#endif
