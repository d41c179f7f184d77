/* cmd_dict.c — `parley dict`: load dictionaries, report their size, the
 * problems found (file:line warnings) and the load time. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void dict_usage(FILE *out)
{
    fprintf(out,
            "usage: parley dict [--dict DIR | --verbs F --actors F[,F] --agents F --discards F\n"
            "                    --issues F --options F] [--quiet]\n"
            "Loads the dictionaries (Parley's bundled ones when none is named) and reports\n"
            "entry counts, warnings (file:line) and the load time.\n");
}

int cmd_dict(int argc, char **argv)
{
    const char *dir = NULL;
    parley_dict_files f = {0};
    cli_diag_counts counts = {0};
    int any = 0;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            dict_usage(stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
            counts.quiet = 1;
            continue;
        }
        if ((r = cli_opt(argc, argv, &i, "--dict", &v))) dir = v;
        else if ((r = cli_opt(argc, argv, &i, "--verbs", &v))) f.verbs = v, any = 1;
        else if ((r = cli_opt(argc, argv, &i, "--actors", &v))) f.actors = v, any = 1;
        else if ((r = cli_opt(argc, argv, &i, "--agents", &v))) f.agents = v, any = 1;
        else if ((r = cli_opt(argc, argv, &i, "--discards", &v))) f.discards = v, any = 1;
        else if ((r = cli_opt(argc, argv, &i, "--issues", &v))) f.issues = v, any = 1;
        else if ((r = cli_opt(argc, argv, &i, "--options", &v))) f.options = v, any = 1;
        else if (argv[i][0] == '-') return cli_usage_error("dict", "unknown option %s", argv[i]);
        else return cli_usage_error("dict", "unexpected argument %s (use --dict DIR)", argv[i]);
        if (r < 0) return cli_usage_error("dict", "option %s needs a value", argv[i]);
    }
    if (dir && any) return cli_usage_error("dict", "--dict and single files exclude each other");
    parley_error err;
    parley_dict *d;
    if (dir) d = parley_dict_load_dir(dir, cli_print_diag, &counts, &err);
    else if (any) d = parley_dict_load_files(&f, cli_print_diag, &counts, &err);
    else d = parley_dict_load_default(cli_print_diag, &counts, &err);
    if (!d) {
        fprintf(stderr, "parley dict: %s%s%s\n", err.file, err.file[0] ? ": " : "", err.message);
        return EXIT_USAGE;
    }
    parley_dict_stats st;
    parley_dict_get_stats(d, &st);
    printf("files            %zu (%zu lines)\n", st.files, st.lines);
    printf("actors           %zu (%zu names, %zu codes)\n", st.actors, st.actor_names, st.actor_codes);
    printf("agents           %zu (%zu names)\n", st.agents, st.agent_names);
    printf("verbs            %zu blocks, %zu forms, %zu patterns, %zu synonym sets\n",
           st.verb_blocks, st.verb_forms, st.patterns, st.synsets);
    if (st.transformations)
        printf("transformations  %zu (read, not applied)\n", st.transformations);
    printf("discards         %zu\n", st.discards);
    printf("issues           %zu\n", st.issues);
    printf("words            %zu distinct\n", st.words);
    printf("warnings         %zu\n", st.warnings);
    printf("load time        %.1f ms\n", st.load_seconds * 1000.0);
    parley_dict_free(d);
    return st.warnings ? EXIT_SKIPPED : 0;
}
