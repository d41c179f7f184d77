#!/usr/bin/env bash
# read.sh — `parley read` through the binary: the case files of
# tests/cases/read (same expectations as the unit tests), bad inputs
# (binary, empty, invalid UTF-8, a 100 MB line, truncated JSON, missing
# files) with their messages and exit codes, folders, stdin and gzip.
# Env: PARLEY (binary), PARLEY_TEST_DIR (tests/).  Last line: "read: N passed, M failed".
set -u
PARLEY=${PARLEY:-build/parley}
DIR=${PARLEY_TEST_DIR:-tests}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL read.sh: $*"; }

# expect_run NAME WANT_EXIT STDERR_PATTERN CMD...
expect_run() {
    local name=$1 want=$2 pat=$3
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        bad "$name: exit $rc, expected $want ($(head -c 300 "$tmp/err"))"
        return
    fi
    if [ -n "$pat" ] && ! grep -qE -- "$pat" "$tmp/err"; then
        bad "$name: stderr lacks /$pat/: $(head -c 300 "$tmp/err")"
        return
    fi
    ok
}

# --- case files ----------------------------------------------------------
check_case() {
    python3 - "$1" "$2" <<'PY'
import json, sys
exp_path, out_path = sys.argv[1], sys.argv[2]
lines = [l for l in open(out_path, encoding="utf-8") if l.strip()]
if not lines:
    print("no output"); sys.exit(1)
a = json.loads(lines[0])
body = "\n\n".join(a["paragraphs"])
fails = []
for raw in open(exp_path, encoding="utf-8"):
    raw = raw.rstrip("\n")
    if not raw or raw.startswith("#") or ":" not in raw:
        continue
    key, want = raw.split(":", 1)
    want = want[1:] if want.startswith(" ") else want
    if key == "body-lacks":
        if want in body: fails.append("body contains %r" % want)
        continue
    if key == "warning":
        if not any(want in w for w in a["warnings"]): fails.append("no warning with %r" % want)
        continue
    if key in ("paragraphs", "sentences", "authors", "warnings"):
        got = str(len(a[key]))
    elif key.startswith("paragraph["):
        i = int(key[10:-1]); got = a["paragraphs"][i] if i < len(a["paragraphs"]) else "(none)"
    elif key.startswith("sentence["):
        i = int(key[9:-1]); got = a["sentences"][i]["text"] if i < len(a["sentences"]) else "(none)"
    else:
        got = a.get(key)
    if got != want: fails.append("%s = %r, expected %r" % (key, got, want))
# spans must point at the sentence text in the body
for s in a["sentences"]:
    if body.encode()[s["start"]:s["end"]].decode("utf-8", "replace") != s["text"]:
        fails.append("span %d-%d does not match %r" % (s["start"], s["end"], s["text"][:40]))
if fails:
    print("; ".join(fails)); sys.exit(1)
PY
}
for exp in "$DIR"/cases/read/*.expect; do
    name=${exp%.expect}
    input=
    for ext in txt jsonl html warc; do [ -e "$name.$ext" ] && input="$name.$ext" && break; done
    [ -n "$input" ] || { bad "$(basename "$name"): no input"; continue; }
    "$PARLEY" read "$input" >"$tmp/case.json" 2>"$tmp/case.err"
    rc=$?
    if [ $rc -ne 0 ]; then bad "$(basename "$name"): exit $rc"; continue; fi
    if msg=$(check_case "$exp" "$tmp/case.json"); then ok; else bad "$(basename "$name"): $msg"; fi
done

# --- bad inputs ----------------------------------------------------------
printf 'GIF89a\001\000\000\000binary' >"$tmp/image.gif"
expect_run "binary file" 1 'image.gif: byte 7: error: binary file \(NUL byte at byte 7\)' "$PARLEY" read "$tmp/image.gif"
printf 'text\000more' >"$tmp/nul.txt"
expect_run "NUL in .txt" 1 'nul.txt: byte 4: error: binary data \(NUL byte at byte 4\)' "$PARLEY" read "$tmp/nul.txt"
: >"$tmp/empty.txt"
expect_run "empty file" 1 'empty.txt: error: empty file; skipped' "$PARLEY" read "$tmp/empty.txt"
printf 'Headline\n\nThe minister met his counterpart in Paris on Monday \377 and they talked.\n' >"$tmp/latin.txt"
expect_run "invalid UTF-8" 0 'latin.txt: byte 62: warning: .*invalid UTF-8 byte 0xFF' "$PARLEY" read "$tmp/latin.txt"
grep -q 'invalid UTF-8 byte 0xFF at byte 62 replaced by U+FFFD' "$tmp/out" && ok || bad "invalid UTF-8: warning not in the record"
expect_run "missing file" 1 'nope.txt: error: cannot open: No such file' "$PARLEY" read "$tmp/nope.txt"
# a 100 MB single line, generated on the fly (never stored)
start=$(date +%s)
expect_run "100 MB line (text)" 1 '^parley: -: byte 67108864: error: file is larger than the record limit' "$PARLEY" read - < <(head -c 100000000 /dev/zero | tr '\0' 'a')
expect_run "100 MB line (jsonl)" 1 '^parley: -:2: byte 49: error: line longer than the record limit of 1048576 bytes' \
    "$PARLEY" read --input jsonl --max-record-bytes 1M - < <(echo '{"id":"small","text":"Russia vetoed the draft."}'
        head -c 100000000 /dev/zero | tr '\0' 'a'; echo; echo '{"id":"after","text":"China abstained."}')
[ "$(grep -c '"id"' "$tmp/out")" = 2 ] && ok || bad "100 MB line: the records around it were not both read"
[ $(( $(date +%s) - start )) -lt 30 ] && ok || bad "100 MB lines took too long"
printf '{"id":"a","text":"Egypt hosted the talks."}\n{"id":"b","text":"Israel and Hamas agreed\n{"id":"c","text":"Qatar welcomed the truce."}\n' >"$tmp/trunc.jsonl"
expect_run "truncated JSON line" 1 'trunc.jsonl:2: byte [0-9]+: error: (truncated|invalid) JSON' "$PARLEY" read "$tmp/trunc.jsonl"
[ "$(grep -c '"id"' "$tmp/out")" = 2 ] && ok || bad "truncated JSON: the other records were not read"
printf '{"id":"a"}\n' >"$tmp/notext.jsonl"
expect_run "JSON record without text" 1 'notext.jsonl:1: byte 0: error: \[a\] record has no "text" string' "$PARLEY" read "$tmp/notext.jsonl"

# --- usage ---------------------------------------------------------------
expect_run "no input" 2 'no input' "$PARLEY" read
expect_run "bad option" 2 "unknown option '--bogus'" "$PARLEY" read --bogus x
expect_run "bad format" 2 "unknown input format 'pdf'" "$PARLEY" read --input pdf x
expect_run "bad size" 2 "bad --max-record-bytes" "$PARLEY" read --max-record-bytes -5 x
expect_run "help" 0 '' "$PARLEY" read --help
grep -q 'usage: parley read' "$tmp/out" && ok || bad "help: no usage text"

# --- folders, stdin, gzip, mixed good and bad -----------------------------
mkdir -p "$tmp/d/sub"
printf 'Second story\n\nBy Ann Lee\n\nThe ministers met in Rome on Tuesday.\n' >"$tmp/d/b.txt"
printf 'First story\n\nBy Ann Lee\n\nThe ministers met in Oslo on Monday.\n' >"$tmp/d/a.txt"
printf 'Third story\n\nBy Ann Lee\n\nThe ministers met in Bern on Friday.\n' | gzip >"$tmp/d/sub/c.txt.gz"
: >"$tmp/d/zz-empty.txt"
expect_run "folder" 1 'zz-empty.txt: error: empty file' "$PARLEY" read "$tmp/d"
heads=$(python3 -c 'import json,sys; print("|".join(json.loads(l)["headline"] for l in sys.stdin))' <"$tmp/out")
[ "$heads" = "First story|Second story|Third story" ] && ok || bad "folder order/gzip: got '$heads'"
expect_run "stdin" 0 '' "$PARLEY" read - <"$tmp/d/a.txt"
grep -q '"id":"-"' "$tmp/out" && grep -q '"headline":"First story"' "$tmp/out" && ok || bad "stdin: wrong record"
expect_run "gzip jsonl on stdin" 1 '^parley: -:2: byte' "$PARLEY" read - < <(gzip -c "$tmp/trunc.jsonl")

# --- samples -------------------------------------------------------------
expect_run "bundled samples" 0 '' "$PARLEY" read "$DIR/../samples"
n=$(wc -l <"$tmp/out")
[ "$n" -ge 10 ] && ok || bad "samples: only $n articles"

echo "read: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
