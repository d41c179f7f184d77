/* cli.h — shared pieces of the parley command-line program.
 *
 * The CLI is a thin layer over the public header (include/parley.h): it is
 * compiled without access to src/.  Each subcommand lives in cli/cmd_*.c as
 * `int cmd_NAME(int argc, char **argv)` (argv[0] is the subcommand name) and
 * returns the process exit status:
 *   0  everything was read/coded/stored
 *   1  some inputs or records were skipped (each reported on stderr)
 *   2  usage error (bad option, unknown actor code, bad date ...)
 *   3  fatal error (cannot open the database, out of memory ...) */
#ifndef PARLEY_CLI_H
#define PARLEY_CLI_H

#include "parley.h"

#include <stdio.h>

enum { EXIT_READ_ALL = 0, EXIT_SKIPPED = 1, EXIT_USAGE = 2, EXIT_FATAL = 3 };

/* Diagnostic callback that prints "parley: file:line: ..." to stderr and
 * counts errors/warnings in the cli_diag_counts passed as ctx (may be NULL). */
typedef struct cli_diag_counts {
    size_t errors, warnings;
    int quiet;                 /* 1: do not print warnings */
} cli_diag_counts;
void cli_print_diag(void *ctx, const parley_diag *d);

/* Prints "parley CMD: message" to stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Matches "--name VALUE" or "--name=VALUE" at argv[*i]; on a match sets
 * *value, advances *i past the value and returns 1.  Returns -1 when the
 * option is present but its value is missing. */
int cli_opt(int argc, char **argv, int *i, const char *name, const char **value);

/* Subcommands (defined in cli/cmd_*.c). */
int cmd_read(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_dyad(int argc, char **argv);
int cmd_network(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_dict(int argc, char **argv);

#endif
