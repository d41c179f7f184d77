/* main.c — entry point of the parley command-line program: dispatches to the
 * subcommands in cli/cmd_*.c. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct command {
    const char *name;
    int (*fn)(int, char **);
    const char *help;
} command;

static const command commands[] = {
    {"read", cmd_read, "read articles (text, JSON Lines, HTML, WARC) and print clean records"},
    {"code", cmd_code, "code articles or sentences into CAMEO events"},
    {"validate", cmd_validate, "run a PETRARCH or TABARI validation suite"},
    {"ingest", cmd_ingest, "read, code and store articles in the SQLite store"},
    {"events", cmd_events, "list stored events with filters"},
    {"dyad", cmd_dyad, "relations between two actors over time"},
    {"network", cmd_network, "the actor network of a period (GraphML, DOT, JSON)"},
    {"plot", cmd_plot, "draw a dyad time series or a network as SVG"},
    {"export", cmd_export, "export stored events (Phoenix TSV, GDELT-like, PLOVER JSON, CSV)"},
    {"dict", cmd_dict, "load dictionaries and report their size and problems"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: parley COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].help);
    fprintf(out, "\nparley COMMAND --help for the options of a command.\n");
}

void cli_print_diag(void *ctx, const parley_diag *d)
{
    cli_diag_counts *c = ctx;
    if (c) {
        if (d->severity == PARLEY_ERROR) c->errors++;
        else if (d->severity == PARLEY_WARNING) c->warnings++;
        if (c->quiet && d->severity != PARLEY_ERROR) return;
    }
    char msg[1536];
    parley_diag_format(d, msg, sizeof msg);
    fprintf(stderr, "parley: %s\n", msg);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "parley %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_USAGE;
}

int cli_opt(int argc, char **argv, int *i, const char *name, const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0) return 0;
    if (a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (a[n] != 0) return 0;
    if (*i + 1 >= argc) return -1;
    *value = argv[++*i];
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("parley %s\n", PARLEY_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "parley: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
