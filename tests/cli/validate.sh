#!/usr/bin/env bash
# validate.sh — `parley validate` through the binary, on the suites in
# tests/cases/validate/ (our own fictional records and dictionaries).
# Verdicts of single records depend on the coder; what is checked here is
# the runner: usage, errors, SKIP reasons, one PASS/FAIL line per scored
# record, the closing summary line and the exit status that goes with it.
set -u
P=${PARLEY:-build/parley}
T=${PARLEY_TEST_DIR:-tests}
C=$T/cases/validate
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -n 20 | sed 's/^/    /'; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {   # run NAME ARGS... : stdout in $tmp/out, stderr in $tmp/err, status in $rc
    "$P" validate "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
}

# --- usage and errors (no coder needed) ---
run; [ $rc -eq 2 ] && ok "no arguments: exit 2" || bad "no arguments: exit $rc"
run --help; [ $rc -eq 0 ] && grep -q 'usage: parley validate' "$tmp/out" && ok "--help" || bad "--help" "$(cat "$tmp/out")"
run --bogus "$C/mini.petr.xml"; [ $rc -eq 2 ] && grep -q "unknown option '--bogus'" "$tmp/err" && ok "unknown option" || bad "unknown option (exit $rc)" "$(cat "$tmp/err")"
run "$C/mini.petr.xml" "$C/mini.project"; [ $rc -eq 2 ] && ok "two suites refused" || bad "two suites: exit $rc"
run "$C/mini.petr.xml" --dict; [ $rc -eq 2 ] && ok "--dict without folder" || bad "--dict without folder: exit $rc"
run "$C/no-such-suite.xml"
[ $rc -eq 2 ] && grep -q 'no-such-suite.xml' "$tmp/err" && ok "absent suite: exit 2 naming the file" || bad "absent suite (exit $rc)" "$(cat "$tmp/err")"

{
    run "$C/bad-missingdict.xml"
    [ $rc -eq 2 ] && grep -q 'no-such.verbs.txt' "$tmp/err" && ok "missing dictionary named" || bad "missing dictionary (exit $rc)" "$(cat "$tmp/err")"
    run "$C/bad-nosentences.xml"
    [ $rc -eq 2 ] && grep -q 'no <Sentence> records' "$tmp/err" && ok "suite without records" || bad "suite without records (exit $rc)" "$(cat "$tmp/err")"
    run "$C/bad-notext.project"
    [ $rc -eq 2 ] && grep -q 'textfile' "$tmp/err" && ok "project without text file" || bad "project without text file (exit $rc)" "$(cat "$tmp/err")"

    # --- a PETRARCH run ---
    run "$C/mini.petr.xml" --quiet
    out=$(cat "$tmp/out")
    last=$(tail -n 1 "$tmp/out")
    if printf '%s\n' "$last" | grep -Eq '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'; then
        ok "petrarch: summary line"
    else
        bad "petrarch: summary line" "$out"
    fi
    p=$(printf '%s' "$last" | grep -oE '^[0-9]+'); f=$(printf '%s' "$last" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
    s=$(printf '%s' "$last" | grep -oE '[0-9]+ skipped' | grep -oE '[0-9]+')
    [ "${s:-}" = 4 ] && ok "petrarch: 4 skipped" || bad "petrarch: skipped = ${s:-?}" "$out"
    [ $(( ${p:-0} + ${f:-0} )) -eq 9 ] && ok "petrarch: 9 scored" || bad "petrarch: scored = ${p:-?}+${f:-?}" "$out"
    n=$(grep -cE '^(PASS|FAIL) MINI-' "$tmp/out")
    [ "$n" -eq 9 ] && ok "petrarch: one verdict line per scored record" || bad "petrarch: $n verdict lines" "$out"
    [ "$(grep -c '^PASS' "$tmp/out")" = "${p:-x}" ] && ok "petrarch: PASS lines = passed" || bad "petrarch: PASS count" "$out"
    grep -qx 'SKIP MINI-07 (sentence="false")' "$tmp/out" && ok "petrarch: sentence=false skipped" || bad "petrarch: sentence=false" "$out"
    grep -q '^SKIP MINI-08 (category SPORTS not in <Include>)' "$tmp/out" && ok "petrarch: Include honoured" || bad "petrarch: Include" "$out"
    grep -q '^SKIP MINI-06 (error="bad_input_parse"' "$tmp/out" && ok "petrarch: bad_input_parse skipped" || bad "petrarch: bad_input_parse" "$out"
    grep -qE '^(PASS|FAIL) MINI-10$' "$tmp/out" && ok "petrarch: valid=\"true\" included" || bad "petrarch: valid" "$out"
    if [ "${f:-0}" -gt 0 ]; then
        [ $rc -eq 1 ] && ok "petrarch: exit 1 with failures" || bad "petrarch: exit $rc with $f failures"
        blk=$(awk '/^FAIL /{on=1; print; next} /^(PASS|SKIP) /{on=0} on' "$tmp/out")
        printf '%s\n' "$blk" | grep -q '^    expected' && printf '%s\n' "$blk" | grep -q '^    produced' &&
            printf '%s\n' "$blk" | grep -q '^    sentence' && ok "petrarch: failures show expected/produced/sentence" ||
            bad "petrarch: failure details" "$blk"
    else
        [ $rc -eq 0 ] && ok "petrarch: exit 0 without failures" || bad "petrarch: exit $rc without failures"
    fi
    grep -q '^text/parse differ: 1 records' "$tmp/out" && ok "petrarch: text/parse difference counted" || bad "petrarch: text/parse line" "$out"
    # warnings name file and line (self-closing <Sentence/>)
    run "$C/mini.petr.xml"
    grep -q 'mini.petr.xml:26: byte [0-9]*: warning: .*self-closing' "$tmp/err" && ok "petrarch: quirk reported with file:line" || bad "petrarch: quirk warning" "$(cat "$tmp/err")"

    # --- --only ---
    run "$C/mini.petr.xml" --only MINI-04 --quiet
    [ "$(grep -cE '^(PASS|FAIL|SKIP) ' "$tmp/out")" = 1 ] && grep -qE '^(PASS|FAIL) MINI-04$' "$tmp/out" &&
        tail -n 1 "$tmp/out" | grep -Eq '^[01] passed, [01] failed, 0 skipped$' && ok "--only runs one record" || bad "--only" "$(cat "$tmp/out")"
    run "$C/mini.petr.xml" --only NO-SUCH-ID --quiet
    [ $rc -eq 2 ] && grep -q 'NO-SUCH-ID' "$tmp/err" && ok "--only unknown id: exit 2" || bad "--only unknown id (exit $rc)" "$(cat "$tmp/err")"
    run "$C/mini.petr.xml" --only MINI-01 --verbose --quiet
    grep -q '^    sentence  Veldara denounced Ostrany on Monday.$' "$tmp/out" && ok "--verbose shows the sentence" || bad "--verbose" "$(cat "$tmp/out")"

    # --- --dict: dictionaries found in another folder ---
    mkdir -p "$tmp/suite" "$tmp/dicts"
    cp "$C/mini.petr.xml" "$tmp/suite/"
    cp "$C"/mini.*.txt "$tmp/dicts/"
    run "$tmp/suite/mini.petr.xml" --quiet
    [ $rc -eq 2 ] && grep -q 'mini.verbs.txt' "$tmp/err" && ok "--dict: missing beside the suite" || bad "--dict: missing beside (exit $rc)" "$(cat "$tmp/err")"
    run "$tmp/suite/mini.petr.xml" --dict "$tmp/dicts" --quiet
    [ $rc -le 1 ] && tail -n 1 "$tmp/out" | grep -Eq ' 4 skipped$' && ok "--dict DIR" || bad "--dict DIR (exit $rc)" "$(cat "$tmp/err")"

    # --- a TABARI run ---
    run "$C/mini.project" --quiet
    last=$(tail -n 1 "$tmp/out")
    printf '%s\n' "$last" | grep -Eq '^[0-9]+ passed, [0-9]+ failed, 1 skipped$' && ok "tabari: summary, 1 skipped" || bad "tabari: summary" "$(cat "$tmp/out" "$tmp/err")"
    grep -qx 'SKIP T-07 (no expected events)' "$tmp/out" && ok "tabari: struck-out only record skipped" || bad "tabari: T-07" "$(cat "$tmp/out")"
    [ "$(grep -cE '^(PASS|FAIL) T-' "$tmp/out")" = 8 ] && ok "tabari: 8 verdict lines" || bad "tabari: verdict lines" "$(cat "$tmp/out")"
    f=$(printf '%s' "$last" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
    if [ "${f:-0}" -gt 0 ]; then [ $rc -eq 1 ]; else [ $rc -eq 0 ]; fi && ok "tabari: exit status matches failures" || bad "tabari: exit $rc with ${f:-?} failed"
    run "$C/mini.project"
    grep -q 'mini.text:[0-9]*: byte [0-9]*: warning: \[T-08\] comment not closed' "$tmp/err" && ok "tabari: unclosed comment reported" || bad "tabari: unclosed comment warning" "$(cat "$tmp/err")"
}

echo "validate: $pass passed, $fail failed"
[ $fail -eq 0 ]
