#!/usr/bin/env bash
# news.sh — the news case set (tests/cases/news) through the binary with the bundled
# dictionaries: runs tools/eval_news.sh and fails when the event pass rate (correct
# events / expected events) is below tests/cases/news/THRESHOLD.
# Env: PARLEY (binary), PARLEY_TEST_DIR (tests/).  Last line: "news: N passed, M failed"
# where N and M count case blocks. While the pass rate is at or above THRESHOLD the
# failing cases are listed as tolerated and M is 0 (the goal is that every case
# passes; until then the threshold guards against regressions).
set -u
PARLEY=${PARLEY:-build/parley}
DIR=${PARLEY_TEST_DIR:-tests}
EVAL="$DIR/../tools/eval_news.sh"
export NEWS_CASES="$DIR/cases/news"

if ! "$PARLEY" code --help >/dev/null 2>&1; then
    echo "news.sh: '$PARLEY code' is not available: skipped"
    echo "news: 0 passed, 0 failed"
    exit 0
fi
if [ ! -f "$EVAL" ] || ! command -v python3 >/dev/null 2>&1; then
    echo "news.sh: $EVAL or python3 missing: skipped"
    echo "news: 0 passed, 0 failed"
    exit 0
fi
threshold=$(tr -d ' \n\t' < "$NEWS_CASES/THRESHOLD" 2>/dev/null)
case "$threshold" in
0.[0-9]*|1|1.0*) ;;
*) echo "FAIL news.sh: bad or missing $NEWS_CASES/THRESHOLD"; echo "news: 0 passed, 1 failed"; exit 1 ;;
esac
out=$(PARLEY="$PARLEY" bash "$EVAL" -q 2>&1)
rc=$?
line=$(printf '%s\n' "$out" | grep '^overall:' | tail -n 1)
if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
    printf '%s\n' "$out" | tail -n 20
    echo "FAIL news.sh: eval_news.sh exited $rc without figures"
    echo "news: 0 passed, 1 failed"
    exit 1
fi
printf '%s\n' "$out" | sed -n '/^TOTAL/p;/^event pass rate/p'
get() { printf '%s\n' "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
rate=$(get pass_rate) passed=$(get cases_passed) failed=$(get cases_failed)
errs=$(get run_errors)
status=0
if ! awk -v r="$rate" -v t="$threshold" 'BEGIN { exit !(r + 1e-9 >= t) }'; then
    echo "FAIL news.sh: event pass rate $rate is below the threshold $threshold (tools/eval_news.sh lists the misses)"
    status=1
fi
if [ "${errs:-0}" -ne 0 ]; then
    echo "FAIL news.sh: $errs parley runs failed"
    status=1
fi
# tests/run-all.sh adds up the "N passed, M failed" lines and fails the suite on any
# failure, so failing cases are reported as failed only when the pass rate is below
# the threshold; otherwise they are shown as tolerated (see README.md).
if [ "$status" -ne 0 ]; then
    echo "news: $passed passed, $failed failed"
else
    echo "news: $passed passed, 0 failed ($failed cases not yet coded right, tolerated: event pass rate $rate >= THRESHOLD $threshold)"
fi
exit $status
