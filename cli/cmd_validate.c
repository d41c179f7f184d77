/* cmd_validate.c — `parley validate FILE [--dict DIR] [--verbose] [--only ID]`:
 * runs a PETRARCH XML or TABARI .project validation suite and prints one
 * line per record (PASS id, FAIL id with expected and produced events, SKIP
 * id (reason)), then one line "N passed, M failed, K skipped".
 * Exit status: 0 nothing failed, 1 some record failed, 2 usage error or a
 * suite/dictionary that cannot be read, 3 fatal. */
#include "cli.h"

#include <string.h>

static void help(FILE *out)
{
    fputs("usage: parley validate FILE [--dict DIR] [--verbose] [--only ID]\n"
          "\n"
          "Runs a validation suite and compares the coder's events with the expected ones.\n"
          "FILE is a PETRARCH XML records file (dictionaries named in <Environment>) or a\n"
          "TABARI .project file (naming .actors/.verbs/.options and the .text records).\n"
          "\n"
          "  --dict DIR    look for the dictionaries in DIR first (default: beside FILE)\n"
          "  --verbose     also show sentence and events of passing records\n"
          "  --only ID     run only the record with this id\n"
          "  --quiet       do not print warnings about the suite or dictionaries\n"
          "\n"
          "Prints PASS id / FAIL id (with expected and produced events) / SKIP id (reason)\n"
          "per record and ends with \"N passed, M failed, K skipped\".\n"
          "Exit status 0 when no record failed, 1 when some did, 2 on usage errors.\n",
          out);
}

int cmd_validate(int argc, char **argv)
{
    parley_validate_options opt;
    memset(&opt, 0, sizeof opt);
    cli_diag_counts counts = {0, 0, 0};
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            help(stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v")) {
            opt.verbose = 1;
        } else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
            counts.quiet = 1;
        } else if ((r = cli_opt(argc, argv, &i, "--dict", &v)) != 0) {
            if (r < 0 || !*v) return cli_usage_error("validate", "--dict needs a folder");
            opt.dict_dir = v;
        } else if ((r = cli_opt(argc, argv, &i, "--only", &v)) != 0) {
            if (r < 0 || !*v) return cli_usage_error("validate", "--only needs a record id");
            opt.only = v;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("validate", "unknown option '%s' (see parley validate --help)",
                                   argv[i]);
        } else if (file) {
            return cli_usage_error("validate", "one suite file at a time ('%s' and '%s')", file,
                                   argv[i]);
        } else {
            file = argv[i];
        }
    }
    if (!file) {
        help(stderr);
        return EXIT_USAGE;
    }
    FILE *probe = fopen(file, "rb");
    if (!probe) return cli_usage_error("validate", "%s: cannot open the suite file", file);
    fclose(probe);

    opt.diag = cli_print_diag;
    opt.diag_ctx = &counts;
    parley_validate_result res;
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_status st = parley_validate_ex(file, &opt, stdout, &res, &err);
    fflush(stdout);
    if (st != PARLEY_OK) {
        fprintf(stderr, "parley validate: %s%s%s\n", err.file[0] ? err.file : "",
                err.file[0] ? ": " : "", err.message[0] ? err.message : parley_status_str(st));
        return st == PARLEY_ERR_NOMEM ? EXIT_FATAL : EXIT_USAGE;
    }
    if (res.events_expected || res.events_produced)
        printf("events: %zu expected, %zu produced, %zu matched\n", res.events_expected,
               res.events_produced, res.events_matched);
    if (res.differ_passed + res.differ_failed)
        printf("text/parse differ: %zu records (%zu passed, %zu failed) whose expected events "
               "follow the <Parse>, not the <Text>\n",
               res.differ_passed + res.differ_failed, res.differ_passed, res.differ_failed);
    printf("%zu passed, %zu failed, %zu skipped\n", res.passed, res.failed, res.skipped);
    return res.failed ? 1 : 0;
}
