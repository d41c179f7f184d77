/* diag.c — status strings and diagnostic formatting (public API). */
#include "diag.h"

#include <stdio.h>

const char *parley_status_str(parley_status s)
{
    switch (s) {
    case PARLEY_OK: return "ok";
    case PARLEY_END: return "end of input";
    case PARLEY_ERR_IO: return "input/output error";
    case PARLEY_ERR_FORMAT: return "bad input format";
    case PARLEY_ERR_NOMEM: return "out of memory";
    case PARLEY_ERR_USAGE: return "bad argument";
    case PARLEY_ERR_DB: return "database error";
    case PARLEY_ERR_LIMIT: return "input exceeds a limit";
    }
    return "unknown status";
}

void parley_diag_format(const parley_diag *d, char *out, size_t n)
{
    static const char *sev[] = {"info", "warning", "error"};
    const char *s = (unsigned)d->severity < 3 ? sev[d->severity] : "error";
    char where[64] = "";
    if (d->line > 0 && d->byte >= 0)
        snprintf(where, sizeof where, ":%ld: byte %lld", d->line, d->byte);
    else if (d->line > 0)
        snprintf(where, sizeof where, ":%ld", d->line);
    else if (d->byte >= 0)
        snprintf(where, sizeof where, ": byte %lld", d->byte);
    if (d->record && *d->record)
        snprintf(out, n, "%s%s: %s: [%s] %s", d->file, where, s, d->record, d->message);
    else
        snprintf(out, n, "%s%s: %s: %s", d->file, where, s, d->message);
}

void pl_vdiag(parley_diag_fn fn, void *ctx, parley_severity sev, const char *file, long line,
              long long byte, const char *record, const char *fmt, va_list ap)
{
    if (!fn) return;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    parley_diag d = {sev, file ? file : "-", line, byte, record, msg};
    fn(ctx, &d);
}
