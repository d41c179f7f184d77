#!/usr/bin/env bash
# run-all.sh BUILD — runs every test program and prints one closing line
# "N passed, M failed" with the totals.  Test programs:
#   BUILD/test_unit            unit tests and case files through the library
#   tests/cli/*.sh             CLI tests and case files through the binary
# Each prints its own "...: N passed, M failed" line last.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
export PARLEY="$root/$build/parley" PARLEY_TEST_DIR="$root/tests"
cd "$root"
total_p=0 total_f=0 status=0
run() {
    local out rc line p f
    out=$("$@" 2>&1); rc=$?
    printf '%s\n' "$out" | grep -v '^ok ' 
    line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    if [ -z "$line" ]; then
        echo "!! $* printed no summary (exit $rc)"; total_f=$((total_f + 1)); status=1; return
    fi
    p=$(printf '%s' "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
    f=$(printf '%s' "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
    total_p=$((total_p + p)); total_f=$((total_f + f))
    if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then status=1; fi
}
run "$build/test_unit"
for t in tests/cli/*.sh; do
    [ -e "$t" ] || continue
    run bash "$t"
done
echo "$total_p passed, $total_f failed"
exit $status
