#!/usr/bin/env bash
# store.sh — the store commands end to end through the binary: ingest
# (idempotent, changed articles replaced), a REAL `kill -9` of a running
# ingest followed by a rerun (every article exactly once, with all its events
# or none, compared with an uninterrupted reference run), events/dyad/network
# queries and their agreement with each other, exports (CSV read back,
# Phoenix column count, GDELT header, PLOVER and JSON Lines parsed), SVG
# plots checked as well-formed XML, and bad arguments (exit 2).
# Env: PARLEY (binary), PARLEY_TEST_DIR (tests/).  Last line: "store: N passed, M failed".
set -u
PARLEY=${PARLEY:-build/parley}
case $PARLEY in /*) ;; *) PARLEY=$(cd "$(dirname "$PARLEY")" && pwd)/$(basename "$PARLEY") ;; esac
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL store.sh: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
not() { ! "$@"; }

if ! "$PARLEY" ingest --help >/dev/null 2>&1; then
    echo "store.sh: '$PARLEY ingest' is not available: skipped"
    echo "store: 0 passed, 0 failed"
    exit 0
fi

# SQL on a store file, with the sqlite3 shell or Python's sqlite3 module.
if command -v sqlite3 >/dev/null 2>&1; then
    sql() { sqlite3 -batch -noheader "$1" "$2"; }
elif command -v python3 >/dev/null 2>&1; then
    sql() { python3 -c 'import sqlite3,sys
c = sqlite3.connect(sys.argv[1], timeout=10)
for r in c.execute(sys.argv[2]): print("|".join("" if v is None else str(v) for v in r))' "$1" "$2"; }
else
    echo "store.sh: neither sqlite3 nor python3 is installed: skipped"
    echo "store: 0 passed, 0 failed"
    exit 0
fi
have_py=0
command -v python3 >/dev/null 2>&1 && have_py=1

# Generated news: N JSON Lines articles with sentences every CAMEO coder
# codes (meetings, accusations, attacks between countries), dated 2014.
gen() {
    awk -v n="$1" -v seed="${2:-7}" 'BEGIN { srand(seed)
        split("Russia,the United States,China,Iran,Israel,France,Germany,Turkey,Syria,Ukraine", C, ",")
        split("met,criticized,accused,praised,attacked,condemned,signed an agreement with,threatened,urged", V, ",")
        for (i = 1; i <= n; i++) {
            a = C[int(rand() * 10) + 1]; b = C[int(rand() * 10) + 1]; v = V[int(rand() * 9) + 1]
            c = C[int(rand() * 10) + 1]; d = C[int(rand() * 10) + 1]; w = V[int(rand() * 9) + 1]
            printf("{\"id\":\"gen-%d\",\"url\":\"https://example.org/gen/%d\",\"source\":\"Outlet %d\",", i, i, i % 5)
            printf("\"date\":\"2014-%02d-%02d\",\"title\":\"Story %d\",", (i % 12) + 1, (i % 28) + 1, i)
            printf("\"text\":\"Officials said %s %s %s on Monday. The president of %s %s %s in a statement.", a, v, b, c, w, d)
            printf(" Talks continued late into the night in story %d.\"}\n", i)
        } }'
}

# ---- ingest: idempotent, changed articles replaced ---------------------
gen 60 > "$tmp/a.jsonl"
db="$tmp/a.db"
"$PARLEY" ingest --db "$db" "$tmp/a.jsonl" 2> "$tmp/err1"; rc=$?
check "first ingest exits 0 (got $rc: $(cat "$tmp/err1"))" test "$rc" = 0
check "first ingest stores 60 articles" test "$(sql "$db" 'SELECT count(*) FROM articles')" = 60
ev1=$(sql "$db" 'SELECT count(*) FROM events')
check "the generated articles give events ($ev1)" test "$ev1" -gt 0
check "the store is in WAL mode" test "$(sql "$db" 'PRAGMA journal_mode')" = wal
check "schema version 1" test "$(sql "$db" 'PRAGMA user_version')" = 1
"$PARLEY" ingest --db "$db" "$tmp/a.jsonl" 2> "$tmp/err2"; rc=$?
check "second ingest exits 0" test "$rc" = 0
check "second ingest reports 60 unchanged ($(cat "$tmp/err2"))" grep -q '0 new, 0 changed, 60 unchanged' "$tmp/err2"
check "same article again changes nothing (articles)" test "$(sql "$db" 'SELECT count(*) FROM articles')" = 60
check "same article again changes nothing (events)" test "$(sql "$db" 'SELECT count(*) FROM events')" = "$ev1"
# article 5 gets a new text: re-coded, old events replaced
sed 's/"Officials said [^.]*\. The president of [^.]*\. Talks continued late into the night in story 5\."/"Officials said Germany met France on Monday."/' \
    "$tmp/a.jsonl" > "$tmp/a2.jsonl"
check "test input changed" not cmp -s "$tmp/a.jsonl" "$tmp/a2.jsonl"
"$PARLEY" ingest --db "$db" "$tmp/a2.jsonl" 2> "$tmp/err3"
check "changed article is re-coded ($(cat "$tmp/err3"))" grep -q '0 new, 1 changed, 59 unchanged' "$tmp/err3"
check "changed article: still 60 articles" test "$(sql "$db" 'SELECT count(*) FROM articles')" = 60
check "changed article: its events are the new ones" \
    test "$(sql "$db" "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE a.doc = 'gen-5' AND e.sentence_id NOT IN (SELECT id FROM sentences WHERE text LIKE '%Germany met France%')")" = 0
check "changed article: no orphan sentences" \
    test "$(sql "$db" 'SELECT count(*) FROM sentences WHERE id NOT IN (SELECT sentence_id FROM events)')" = 0
check "full-text index consistent" sql "$db" "INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')"

# ---- kill -9 in the middle of an ingest, then rerun --------------------
# Reference: the same input ingested without interruption.
n=2500
gen "$n" 11 > "$tmp/big.jsonl"
ref="$tmp/ref.db"
t0=$(date +%s%N)
"$PARLEY" ingest --db "$ref" --batch 25 "$tmp/big.jsonl" 2>/dev/null
t1=$(date +%s%N)
check "reference ingest stores $n articles" test "$(sql "$ref" 'SELECT count(*) FROM articles')" = "$n"
kdb="$tmp/kill.db"
"$PARLEY" ingest --db "$kdb" --batch 25 "$tmp/big.jsonl" 2>/dev/null &
pid=$!
# wait until some batches are committed (readers see them: WAL), then kill
stored=0
for _ in $(seq 1 400); do
    stored=$(sql "$kdb" 'SELECT count(*) FROM articles' 2>/dev/null || echo 0)
    [ "${stored:-0}" -ge 100 ] 2>/dev/null && break
    sleep 0.01
done
if kill -9 "$pid" 2>/dev/null; then killed=1; else killed=0; fi
wait "$pid" 2>/dev/null
check "ingest was killed while running (reference took $(( (t1 - t0) / 1000000 )) ms)" test "$killed" = 1
before=$(sql "$kdb" 'SELECT count(*) FROM articles')
check "killed mid-way: some but not all articles stored ($before of $n)" test "$before" -gt 0 -a "$before" -lt "$n"
check "after the kill every stored article has all its events" \
    test "$(sql "$kdb" 'SELECT count(*) FROM articles a WHERE n_events <> (SELECT count(*) FROM events e WHERE e.article_id = a.id)')" = 0
"$PARLEY" ingest --db "$kdb" --batch 25 "$tmp/big.jsonl" 2> "$tmp/err4"; rc=$?
check "rerun exits 0" test "$rc" = 0
check "rerun skips the $before stored articles ($(cat "$tmp/err4"))" grep -q "$((n - before)) new, 0 changed, $before unchanged" "$tmp/err4"
check "after the rerun every article exactly once" \
    test "$(sql "$kdb" 'SELECT count(*), count(DISTINCT key) FROM articles')" = "$n|$n"
check "after the rerun the same events as the reference run" \
    test "$(sql "$kdb" 'SELECT count(*) FROM events')" = "$(sql "$ref" 'SELECT count(*) FROM events')"
per_article() { sql "$1" "SELECT a.key || ':' || count(e.id) FROM articles a LEFT JOIN events e ON e.article_id = a.id GROUP BY a.id ORDER BY a.key"; }
per_article "$ref" > "$tmp/ref.counts"
per_article "$kdb" > "$tmp/kill.counts"
check "after the rerun each article has exactly the reference's events" cmp -s "$tmp/ref.counts" "$tmp/kill.counts"
check "after the rerun the full-text index is consistent" sql "$kdb" "INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')"

# ---- queries -------------------------------------------------------------
"$PARLEY" events --db "$ref" > "$tmp/ev.jsonl"; rc=$?
check "events exits 0" test "$rc" = 0
check "events prints JSON Lines when stdout is not a terminal" \
    test "$(wc -l < "$tmp/ev.jsonl")" = "$(sql "$ref" 'SELECT count(*) FROM events WHERE modal = 0')"
# pick the most frequent dyad, by country, from the store itself
pair=$(sql "$ref" "SELECT substr(s.code,1,3) || ' ' || substr(t.code,1,3) FROM events e JOIN actors s ON s.id = e.src_id JOIN actors t ON t.id = e.tgt_id WHERE e.modal = 0 AND length(s.code) >= 3 AND length(t.code) >= 3 AND s.code NOT LIKE '-%' AND t.code NOT LIKE '-%' AND substr(s.code,1,3) <> substr(t.code,1,3) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
A=${pair% *} B=${pair#* }
if [ -n "$pair" ]; then
    nab=$("$PARLEY" events --db "$ref" --dyad "$A,$B" | wc -l)
    nsrc=$("$PARLEY" events --db "$ref" --source "$A" --target "$B" | wc -l)
    nrev=$("$PARLEY" events --db "$ref" --source "$B" --target "$A" | wc -l)
    check "dyad $A,$B = $A->$B + $B->$A ($nab = $nsrc + $nrev)" test "$nab" = $((nsrc + nrev))
    check "dyad $A,$B has events" test "$nab" -gt 0
    nact=$("$PARLEY" events --db "$ref" --actor "$A" | wc -l)
    check "--actor $A includes both directions of the dyad" test "$nact" -ge "$nab"
    dsum=$("$PARLEY" dyad "$A" "$B" --db "$ref" --by year --dedup none --format csv | awk -F, 'NR > 1 { s += $4 } END { print s + 0 }')
    check "dyad --by year sums to the events of the dyad ($dsum)" test "$dsum" = "$nab"
    qsum=$("$PARLEY" dyad "$A" "$B" --db "$ref" --by month --dedup none --format csv | awk -F, 'NR > 1 { s += $5 + $6 + $7 + $8 } END { print s + 0 }')
    check "dyad quad counts add up ($qsum)" test "$qsum" = "$nab"
    rows=$("$PARLEY" dyad "$A" "$B" --db "$ref" --by month --format csv | wc -l)
    # every month from the dyad's first to its last event (story dates may
    # shift an event out of 2014: "said Tuesday" in a story of 1 January)
    span=$(sql "$ref" "SELECT (max(day)/10000*12 + max(day)/100%100) - (min(day)/10000*12 + min(day)/100%100) + 1 FROM events e JOIN actors s ON s.id = e.src_id JOIN actors t ON t.id = e.tgt_id WHERE e.modal = 0 AND ((s.code LIKE '$A%' AND t.code LIKE '$B%') OR (s.code LIKE '$B%' AND t.code LIKE '$A%'))")
    check "dyad --by month has every month of the dyad x 2 directions + header ($rows, $span months)" test "$rows" = $((2 * span + 1))
    "$PARLEY" dyad "$A" "$B" --db "$ref" --by week --format jsonl > "$tmp/dy.jsonl"
    check "dyad --by week periods start on Mondays" \
        awk -F'"' '{ split($4, d, "-"); t = mktime(d[1] " " d[2] " " d[3] " 12 00 00"); if (strftime("%u", t) != 1) exit 1 }' "$tmp/dy.jsonl"
    ntext=$("$PARLEY" events --db "$ref" --text "statement" | wc -l)
    check "--text finds sentences (FTS5)" test "$ntext" -gt 0
    nlim=$("$PARLEY" events --db "$ref" --limit 3 | wc -l)
    check "--limit 3" test "$nlim" = 3
    nday=$("$PARLEY" events --db "$ref" --from 2014-03-01 --to 2014-03-31 | wc -l)
    ndb=$(sql "$ref" 'SELECT count(*) FROM events WHERE modal = 0 AND day BETWEEN 20140301 AND 20140331')
    check "--from/--to ($nday = $ndb)" test "$nday" = "$ndb"
    nmonth=$("$PARLEY" events --db "$ref" --from 2014-03 --to 2014-03 | wc -l)
    check "--from/--to by month" test "$nmonth" = "$ndb"
    nq=$(sql "$ref" 'SELECT count(*) FROM events WHERE modal = 0 AND quad = 4')
    check "--quad 4" test "$("$PARLEY" events --db "$ref" --quad 4 | wc -l)" = "$nq"
    code=$(sql "$ref" 'SELECT code FROM events WHERE modal = 0 GROUP BY code ORDER BY count(*) DESC LIMIT 1')
    check "--code $code" test "$("$PARLEY" events --db "$ref" --code "$code" | wc -l)" = "$(sql "$ref" "SELECT count(*) FROM events WHERE modal = 0 AND code = '$code'")"
    check "--root" test "$("$PARLEY" events --db "$ref" --root "${code:0:2}" | wc -l)" = "$(sql "$ref" "SELECT count(*) FROM events WHERE modal = 0 AND root = '${code:0:2}'")"
    nd=$("$PARLEY" events --db "$ref" --dedup daily | wc -l)
    check "--dedup daily merges repeated (date, source, target, code) ($nd)" \
        test "$nd" = "$(sql "$ref" 'SELECT count(*) FROM (SELECT 1 FROM events WHERE modal = 0 GROUP BY day, src_id, tgt_id, code)')"
    # network
    "$PARLEY" network --db "$ref" --from 2014-01-01 --to 2014-12-31 --format json --dedup none > "$tmp/net.json"
    if [ "$have_py" = 1 ]; then
        check "network JSON: edge weights add up to the events between actors" python3 - "$tmp/net.json" "$(sql "$ref" "SELECT count(*) FROM events e JOIN actors s ON s.id = e.src_id JOIN actors t ON t.id = e.tgt_id WHERE e.modal = 0 AND e.day BETWEEN 20140101 AND 20141231 AND s.code <> '---' AND t.code <> '---'")" <<'PY'
import json, sys
n = json.load(open(sys.argv[1]))
tot = sum(e["events"] for e in n["edges"])
ok = tot == int(sys.argv[2]) and all(e["cooperation"] + e["conflict"] <= e["events"] for e in n["edges"])
sys.exit(0 if ok else 1)
PY
    fi
    nmin=$("$PARLEY" network --db "$ref" --from 2014 --to 2014 --min 30 --format dot | grep -c -- '->')
    nall=$("$PARLEY" network --db "$ref" --from 2014 --to 2014 --format dot | grep -c -- '->')
    check "--min 30 keeps fewer edges ($nmin < $nall)" test "$nmin" -lt "$nall"
    check "--min 30 keeps some edges" test "$nmin" -gt 0
    check "network DOT is a digraph" sh -c "'$PARLEY' network --db '$ref' --from 2014 --to 2014 --format dot | head -n 1 | grep -q '^digraph'"
    "$PARLEY" network --db "$ref" --from 2014 --to 2014 --format graphml > "$tmp/net.graphml"
    "$PARLEY" plot dyad "$A" "$B" --db "$ref" --by month -o "$tmp/dyad.svg"; rc=$?
    check "plot dyad exits 0" test "$rc" = 0
    "$PARLEY" plot network --db "$ref" --from 2014-01 --to 2014-06 -o "$tmp/net.svg"; rc=$?
    check "plot network exits 0" test "$rc" = 0
    check "network plot has labels" grep -q ">$A" "$tmp/net.svg"
    # well-formed XML
    xmlok() {
        if command -v xmllint >/dev/null 2>&1; then xmllint --noout "$1" 2>/dev/null
        elif [ "$have_py" = 1 ]; then python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$1" 2>/dev/null
        else return 0; fi
    }
    if command -v xmllint >/dev/null 2>&1 || [ "$have_py" = 1 ]; then
        for f in dyad.svg net.svg net.graphml; do check "$f is well-formed XML" xmlok "$tmp/$f"; done
        printf '<svg><text>a & b</text></svg>' > "$tmp/broken.svg"
        check "the XML check rejects a broken file" not xmlok "$tmp/broken.svg"
    else
        echo "store.sh: neither xmllint nor python3: XML checks skipped"
    fi
else
    bad "no dyad between two countries in the generated store"
fi

# ---- exports -------------------------------------------------------------
nev=$(sql "$ref" 'SELECT count(*) FROM events WHERE modal = 0')
"$PARLEY" export --db "$ref" --format csv -o "$tmp/ev.csv"; rc=$?
check "export csv exits 0" test "$rc" = 0
if [ "$have_py" = 1 ]; then
    check "CSV reads back with Python's csv module, one row per event" python3 - "$tmp/ev.csv" "$nev" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
ok = rows[0][:5] == ["event_id", "date", "source", "target", "code"] and len(rows) - 1 == int(sys.argv[2])
ok = ok and all(len(r) == len(rows[0]) for r in rows)
sys.exit(0 if ok else 1)
PY
    "$PARLEY" export --db "$ref" --format plover -o "$tmp/ev.plover"
    check "PLOVER export is JSON Lines with event, actor, recipient" python3 - "$tmp/ev.plover" "$nev" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ok = len(rows) == int(sys.argv[2]) and all({"event", "actor", "recipient", "date", "source"} <= r.keys() for r in rows)
sys.exit(0 if ok else 1)
PY
    check "events JSON Lines parse" python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/ev.jsonl"
fi
"$PARLEY" export --db "$ref" --format phoenix > "$tmp/ev.phoenix"
check "Phoenix export: one line per event" test "$(wc -l < "$tmp/ev.phoenix")" = "$nev"
check "Phoenix export: 26 tab-separated columns" awk -F'\t' 'NF != 26 { exit 1 }' "$tmp/ev.phoenix"
"$PARLEY" export --db "$ref" --format gdelt > "$tmp/ev.gdelt"
check "GDELT-like export has its header" sh -c "head -n 1 '$tmp/ev.gdelt' | grep -q '^GLOBALEVENTID	SQLDATE	'"
check "GDELT-like export: header + one line per event" test "$(wc -l < "$tmp/ev.gdelt")" = $((nev + 1))

# ---- bad arguments: clear message, exit 2 ------------------------------
expect2() {
    local what=$1; shift
    "$@" > /dev/null 2> "$tmp/err"; local rc=$?
    if [ "$rc" = 2 ] && [ -s "$tmp/err" ]; then ok; else bad "$what: exit $rc, message '$(cat "$tmp/err")'"; fi
}
expect2 "unknown actor" "$PARLEY" events --db "$ref" --actor ZZZ
check "unknown actor message names it" grep -q "unknown actor 'ZZZ'" "$tmp/err"
expect2 "bad date" "$PARLEY" events --db "$ref" --from 2014-02-30
check "bad date message names it" grep -q "bad date '2014-02-30'" "$tmp/err"
expect2 "unknown format" "$PARLEY" events --db "$ref" --format xml
expect2 "unknown export format" "$PARLEY" export --db "$ref" --format xls
expect2 "export without format" "$PARLEY" export --db "$ref"
expect2 "dyad with an unknown actor" "$PARLEY" dyad "${A:-USA}" ZZZ --db "$ref"
expect2 "dyad with one actor" "$PARLEY" dyad "${A:-USA}" --db "$ref"
expect2 "dyad --by fortnight" "$PARLEY" dyad "${A:-USA}" "${B:-RUS}" --db "$ref" --by fortnight
expect2 "network bad format" "$PARLEY" network --db "$ref" --format gexf
expect2 "network bad date" "$PARLEY" network --db "$ref" --from 2014-13
expect2 "network bad --min" "$PARLEY" network --db "$ref" --min many
expect2 "plot without kind" "$PARLEY" plot --db "$ref" -o "$tmp/x.svg"
expect2 "plot unknown kind" "$PARLEY" plot pie --db "$ref"
expect2 "--quad 7" "$PARLEY" events --db "$ref" --quad 7
expect2 "--limit 0" "$PARLEY" events --db "$ref" --limit 0
expect2 "bad text query" "$PARLEY" events --db "$ref" --text '"unbalanced'
expect2 "--dyad without comma" "$PARLEY" events --db "$ref" --dyad USA
expect2 "missing store" "$PARLEY" events --db "$tmp/none.db"
check "missing store is not created" test ! -e "$tmp/none.db"
expect2 "unknown option" "$PARLEY" events --db "$ref" --colour red
expect2 "ingest unknown option" "$PARLEY" ingest --db "$tmp/x.db" --fast
expect2 "ingest bad --batch" "$PARLEY" ingest --db "$tmp/x.db" --batch -3
# --db default: parley.db in the current folder
(cd "$tmp" && "$PARLEY" ingest "$tmp/a.jsonl" 2>/dev/null)
check "default store is ./parley.db" test -s "$tmp/parley.db"
(cd "$tmp" && "$PARLEY" events --limit 1 > "$tmp/one.jsonl")
check "query commands use ./parley.db by default" test "$(wc -l < "$tmp/one.jsonl")" = 1

echo "store: $pass passed, $fail failed"
[ "$fail" = 0 ]
