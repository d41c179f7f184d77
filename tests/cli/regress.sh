#!/usr/bin/env bash
# regress.sh — regression cases with the bundled dictionaries (tests/cases/regress):
# runs tools/eval_news.sh on them and fails when any case block fails (a missed or
# a spurious event).  Env: PARLEY (binary), PARLEY_TEST_DIR (tests/).
# Last line: "regress: N passed, M failed" (N, M count case blocks).
set -u
PARLEY=${PARLEY:-build/parley}
DIR=${PARLEY_TEST_DIR:-tests}
EVAL="$DIR/../tools/eval_news.sh"
export NEWS_CASES="$DIR/cases/regress"

if ! command -v python3 >/dev/null 2>&1; then
    echo "regress.sh: python3 missing: skipped"
    echo "regress: 0 passed, 0 failed"
    exit 0
fi
if ! ls "$NEWS_CASES"/*.txt >/dev/null 2>&1; then
    echo "regress: 0 passed, 0 failed"
    exit 0
fi
out=$(PARLEY="$PARLEY" bash "$EVAL" 2>&1)
rc=$?
line=$(printf '%s\n' "$out" | grep '^overall:' | tail -n 1)
if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
    printf '%s\n' "$out" | tail -n 20
    echo "FAIL regress.sh: eval_news.sh exited $rc without figures"
    echo "regress: 0 passed, 1 failed"
    exit 1
fi
get() { printf '%s\n' "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
passed=$(get cases_passed) failed=$(get cases_failed) errs=$(get run_errors)
if [ "$failed" -ne 0 ] || [ "${errs:-0}" -ne 0 ]; then
    printf '%s\n' "$out" | sed -n '/^MISS/,$p'
    echo "FAIL regress.sh: $failed case(s) failed, $errs parley run(s) failed"
    echo "regress: $passed passed, $((failed + errs)) failed"
    exit 1
fi
echo "regress: $passed passed, 0 failed"
