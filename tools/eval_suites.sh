#!/usr/bin/env bash
# eval_suites.sh [BUILD] — runs the peers' validation suites that live in
# ../shared/eval (never copied into the repository) with `parley validate`
# and prints pass rates:
#   PETRARCH-1 unit records  ../shared/eval/petrarch-unit/PETR.UnitTest.records.xml  (target >= 97%)
#   TABARI demo              ../shared/eval/tabari-demo/TABARI.Demo.project         (target >= 95%)
# Pass rate = passed / (passed + failed); skipped records are not scored
# (see docs/validate.md).  Full reports are kept in $EVAL_OUT (default
# /tmp/parley-eval) as petrarch.txt and tabari.txt, with a per-category
# breakdown of the PETRARCH failures.
# Skips with a message (exit 0) when ../shared/eval is absent.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) parley="$build/parley" ;; *) parley="$root/$build/parley" ;; esac
eval_dir=${EVAL_DIR:-$root/../shared/eval}
out=${EVAL_OUT:-/tmp/parley-eval}

if [ ! -d "$eval_dir" ]; then
    echo "eval_suites: $eval_dir is absent: skipping the PETRARCH and TABARI suites"
    exit 0
fi
if [ ! -x "$parley" ]; then
    echo "eval_suites: $parley not built (make BUILD=$build)" >&2
    exit 2
fi
mkdir -p "$out"

status=0
suite() {   # suite NAME FILE TARGET
    local name=$1 file=$2 target=$3
    if [ ! -f "$file" ]; then
        echo "$name: $file absent: skipped"
        return
    fi
    local t0 t1 rc last p f s rate
    t0=$(date +%s.%N)
    "$parley" validate "$file" --quiet >"$out/$name.txt" 2>"$out/$name.err"
    rc=$?
    t1=$(date +%s.%N)
    last=$(tail -n 1 "$out/$name.txt")
    if ! printf '%s\n' "$last" | grep -Eq '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'; then
        echo "$name: parley validate failed (exit $rc):"
        sed 's/^/    /' "$out/$name.err" | head -n 5
        status=1
        return
    fi
    p=$(printf '%s' "$last" | grep -oE '^[0-9]+')
    f=$(printf '%s' "$last" | grep -oE '[0-9]+ failed' | grep -oE '^[0-9]+')
    s=$(printf '%s' "$last" | grep -oE '[0-9]+ skipped' | grep -oE '^[0-9]+')
    rate=$(awk -v p="$p" -v f="$f" 'BEGIN { printf "%.1f", (p + f) ? 100 * p / (p + f) : 0 }')
    printf '%-14s %4d passed, %4d failed, %3d skipped   pass rate %5s%%  (target %s%%)  %.2fs\n' \
        "$name" "$p" "$f" "$s" "$rate" "$target" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
    grep '^events:' "$out/$name.txt" | sed 's/^/               /'
    # PETRARCH records whose <Text> and <Parse> differ: their expected events
    # follow the parse, which Parley does not read; shown apart, never hidden.
    local d dp df
    d=$(grep '^text/parse differ:' "$out/$name.txt")
    if [ -n "$d" ]; then
        dp=$(printf '%s' "$d" | grep -oE '[0-9]+ passed' | grep -oE '^[0-9]+')
        df=$(printf '%s' "$d" | grep -oE '[0-9]+ failed' | grep -oE '^[0-9]+')
        printf '               %s\n' "$d"
        awk -v p="$p" -v f="$f" -v dp="$dp" -v df="$df" 'BEGIN {
            n = p + f - dp - df
            printf "               pass rate without them: %d/%d = %.1f%%\n", p - dp, n, n ? 100 * (p - dp) / n : 0 }'
    fi
}

suite petrarch "$eval_dir/petrarch-unit/PETR.UnitTest.records.xml" 97
suite tabari "$eval_dir/tabari-demo/TABARI.Demo.project" 95

# PETRARCH failures by category (the "record FILE:LINE category X" line of each FAIL).
if [ -s "$out/petrarch.txt" ] && grep -q '^FAIL ' "$out/petrarch.txt"; then
    awk '/^FAIL /{id=$2; want=1; next}
         want && /^    record /{cat=$NF; n[cat]++; if (n[cat] <= 6) ex[cat]=(ex[cat] ? ex[cat] " " : "") id; want=0}
         END { for (c in n) printf "    %-10s %3d  %s\n", c, n[c], ex[c] }' "$out/petrarch.txt" |
        sort -k2,2nr > "$out/petrarch-categories.txt"
    echo "petrarch failures by category (count, first ids):"
    cat "$out/petrarch-categories.txt"
fi
echo "reports: $out/petrarch.txt $out/tabari.txt"
exit $status
