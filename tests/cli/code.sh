#!/usr/bin/env bash
# code.sh — `parley code` and `parley dict` through the binary: the case files
# of tests/cases/code (the same ones tests/unit/test_coder.c runs through the
# library) coded with `parley code --sentences --format tsv`, the JSON and
# table formats, exit codes, and dictionary reports.
# Env: PARLEY (binary), PARLEY_TEST_DIR (tests/).  Last line: "code: N passed, M failed".
set -u
PARLEY=${PARLEY:-build/parley}
DIR=${PARLEY_TEST_DIR:-tests}
CASES="$DIR/cases/code"
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL code.sh: $*"; }

if ! "$PARLEY" code --help >/dev/null 2>&1; then
    echo "code.sh: '$PARLEY code' is not available: skipped"
    echo "code: 0 passed, 0 failed"
    exit 0
fi

# --- case files ------------------------------------------------------------
# Options the CLI has no flag for (require_dyad, comma_*) are library-only cases.
for f in "$CASES"/*.txt; do
    name=$(basename "$f")
    if grep '^option ' "$f" | grep -qv '^option all_modes$'; then continue; fi
    dict=$(sed -n 's/^dict //p' "$f" | head -n 1); dict=${dict:-dict}
    date=$(sed -n 's/^date //p' "$f" | head -n 1)
    args=(code --sentences --story --format tsv --dict "$CASES/$dict")
    [ -n "$date" ] && args+=(--date "$date")
    grep -q '^option all_modes' "$f" && args+=(--all-modes)
    sed -n 's/^text //p' "$f" > "$tmp/in.txt"
    "$PARLEY" "${args[@]}" "$tmp/in.txt" > "$tmp/out.tsv" 2> "$tmp/err.txt"
    rc=$?
    if [ "$rc" -ne 0 ]; then bad "$name: exit $rc: $(head -c 300 "$tmp/err.txt")"; continue; fi
    # produced "SRC TGT CODE[ MODE]" lines, sorted
    tail -n +2 "$tmp/out.tsv" | awk -F'\t' '{ m = ($11 != "") ? " " $11 : ""; print $4 " " $5 " " $6 m }' \
        | sort > "$tmp/got.txt"
    if grep -q '^expect discard' "$f" || grep -q '^expect none' "$f"; then
        : > "$tmp/want.txt"
    else
        sed -n 's/^expect //p' "$f" | sort > "$tmp/want.txt"
    fi
    if cmp -s "$tmp/got.txt" "$tmp/want.txt"; then ok; else
        bad "$name: expected [$(tr '\n' ';' < "$tmp/want.txt")] got [$(tr '\n' ';' < "$tmp/got.txt")]"
    fi
done

# --- formats -----------------------------------------------------------------
echo "Varland attacked Ostmark on Tuesday." > "$tmp/one.txt"
"$PARLEY" code --sentences --dict "$CASES/dict" --date 2012-11-20 "$tmp/one.txt" > "$tmp/one.json"
if python3 - "$tmp/one.json" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
need = ["doc", "sent", "date", "source", "target", "code", "root", "quad", "goldstein", "plover",
        "mode", "source_text", "target_text", "verb_text", "sentence", "evidence", "issues"]
assert len(rows) == 1, rows
r = rows[0]
for k in need:
    assert k in r, k
assert r["source"] == "VAR" and r["target"] == "OST" and r["code"] == "190", r
assert r["date"] == "2012-11-20" and r["sent"] == 1, r
assert r["source_text"] == "Varland" and r["target_text"] == "Ostmark", r
assert "verbs.txt:" in r["evidence"] and "actors.txt:" in r["evidence"], r["evidence"]
PY
then ok; else bad "JSON Lines output"; fi

"$PARLEY" code --sentences --dict "$CASES/dict" --format tsv "$tmp/one.txt" > "$tmp/one.tsv"
if [ "$(head -n 1 "$tmp/one.tsv" | cut -f1-6)" = "$(printf 'doc\tsent\tdate\tsource\ttarget\tcode')" ] &&
   [ "$(wc -l < "$tmp/one.tsv")" -eq 2 ]; then ok; else bad "TSV header and row"; fi

"$PARLEY" code --sentences --dict "$CASES/dict" --format table "$tmp/one.txt" > "$tmp/one.tab"
if grep -q 'source' "$tmp/one.tab" && grep -q 'VAR .*OST .*190' "$tmp/one.tab"; then ok; else
    bad "table output: $(cat "$tmp/one.tab")"; fi

# stdin, several files and the sentence number
printf 'Nothing happens here.\nKesh shelled Varland.\n' | "$PARLEY" code --sentences --dict "$CASES/dict" --format tsv - > "$tmp/stdin.tsv"
if [ "$(tail -n 1 "$tmp/stdin.tsv" | cut -f2,4,5,6)" = "$(printf '2\tKSH\tVAR\t190')" ]; then ok; else
    bad "stdin / sentence numbers: $(cat "$tmp/stdin.tsv")"; fi

# single dictionary files instead of a folder
"$PARLEY" code --sentences --verbs "$CASES/dict/verbs.txt" --actors "$CASES/dict/actors.txt" \
    --agents "$CASES/dict/agents.txt" --format tsv "$tmp/one.txt" > "$tmp/files.tsv"
if [ "$(tail -n 1 "$tmp/files.tsv" | cut -f4,5,6)" = "$(printf 'VAR\tOST\t190')" ]; then ok; else
    bad "--verbs/--actors/--agents"; fi

# --- exit codes ----------------------------------------------------------------
"$PARLEY" code --bogus > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] && ok || bad "unknown option exits $rc, not 2"
"$PARLEY" code --format xml --dict "$CASES/dict" "$tmp/one.txt" > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] && ok || bad "bad format exits $rc, not 2"
"$PARLEY" code --dict /nonexistent/dicts "$tmp/one.txt" > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] && ok || bad "missing dictionary folder exits $rc, not 2"
"$PARLEY" code --date 2012-13-45 --dict "$CASES/dict" "$tmp/one.txt" > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] && ok || bad "bad date exits $rc, not 2"
"$PARLEY" code --sentences --dict "$CASES/dict" /nonexistent/input.txt > /dev/null 2>&1; rc=$?
[ "$rc" -eq 1 ] && ok || bad "missing input exits $rc, not 1"

# --- parley dict -----------------------------------------------------------------
"$PARLEY" dict --dict "$CASES/dict" > "$tmp/dict.txt" 2>&1; rc=$?
if [ "$rc" -eq 0 ] && grep -q '^actors ' "$tmp/dict.txt" && grep -q '^load time' "$tmp/dict.txt" &&
   grep -q '^warnings *0' "$tmp/dict.txt"; then ok; else bad "parley dict: exit $rc: $(cat "$tmp/dict.txt")"; fi
"$PARLEY" dict --dict "$CASES/dict-bad" > "$tmp/bad.txt" 2> "$tmp/bad.err"; rc=$?
if [ "$rc" -eq 1 ] && grep -q 'dict-bad/verbs.txt:5: .*pattern without' "$tmp/bad.err"; then ok; else
    bad "parley dict on malformed files: exit $rc: $(head -c 400 "$tmp/bad.err")"; fi
"$PARLEY" dict --bogus > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] && ok || bad "parley dict --bogus exits $rc, not 2"

echo "code: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
