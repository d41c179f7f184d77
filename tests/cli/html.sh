#!/usr/bin/env bash
# html.sh — HTML and WARC input through the binary: the case files of
# tests/cases/html (same expectations as tests/unit/test_html.c) read with
# `parley read --input html`, format sniffing for a folder of pages, and WARC
# archives (plain, per-record gzip, one corrupt member) built on the fly.
# Env: PARLEY (binary), PARLEY_TEST_DIR (tests/).  Last line: "html: N passed, M failed".
set -u
PARLEY=${PARLEY:-build/parley}
DIR=${PARLEY_TEST_DIR:-tests}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL html.sh: $*"; }

# --- case files ----------------------------------------------------------
check_case() {
    python3 - "$1" "$2" <<'PY'
import json, sys
exp_path, out_path = sys.argv[1], sys.argv[2]
lines = [l for l in open(out_path, encoding="utf-8") if l.strip()]
if not lines:
    print("no output"); sys.exit(1)
a = json.loads(lines[0])
paras = a.get("paragraphs") or []
body = "\n\n".join(paras)
fails = []
for raw in open(exp_path, encoding="utf-8"):
    raw = raw.rstrip("\n")
    if not raw or raw.startswith("#") or ":" not in raw:
        continue
    key, want = raw.split(":", 1)
    want = want[1:] if want.startswith(" ") else want
    if key == "body-has":
        ok = want in body
    elif key == "body-lacks":
        ok = want not in body
    elif key == "warning":
        ok = any(want in w for w in a.get("warnings", []))
    elif key == "paragraphs":
        ok = str(len(paras)) == want
    elif key == "authors":
        ok = str(len(a.get("authors") or [])) == want
    elif key.startswith("paragraph["):
        i = int(key[10:-1])
        ok = i < len(paras) and paras[i] == want
    else:
        ok = str(a.get(key, "")) == want
    if not ok:
        got = a.get(key, "?") if not key.startswith("body") else "(body)"
        fails.append(f"{key}: got {got!r}, want {want!r}")
if fails:
    print("; ".join(fails)); sys.exit(1)
PY
}

for exp in "$DIR"/cases/html/*.expect; do
    name=$(basename "$exp" .expect)
    page="$DIR/cases/html/$name.html"
    if ! "$PARLEY" read --input html "$page" >"$tmp/out" 2>"$tmp/err"; then
        bad "case $name: exit $? ($(head -c 300 "$tmp/err"))"
        continue
    fi
    if msg=$(check_case "$exp" "$tmp/out"); then ok; else bad "case $name: $msg"; fi
done

# --- sniffing: a folder of pages, one gzipped, no --input -----------------
mkdir -p "$tmp/pages"
cp "$DIR/cases/html/news_jsonld.html" "$tmp/pages/a.html"
gzip -c "$DIR/cases/html/og_meta.html" >"$tmp/pages/b.html.gz"
cp "$DIR/cases/html/density.html" "$tmp/pages/c.htm"
if "$PARLEY" read "$tmp/pages" >"$tmp/out" 2>"$tmp/err" &&
    [ "$(grep -c '"format":"html"' "$tmp/out")" -eq 3 ]; then ok; else
    bad "folder of pages: $(head -c 300 "$tmp/err") $(head -c 200 "$tmp/out")"
fi

# --- WARC ------------------------------------------------------------------
python3 - "$DIR/cases/html" "$tmp" <<'PY'
import gzip, sys, os
src, out = sys.argv[1], sys.argv[2]
def rec(typ, uri, block, ctype, n):
    h = (f"WARC/1.1\r\nWARC-Type: {typ}\r\nWARC-Target-URI: {uri}\r\n"
         f"WARC-Date: 2022-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:r{n}>\r\n"
         f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n")
    return h.encode() + block + b"\r\n\r\n"
http = "application/http; msgtype=response"
recs = [rec("warcinfo", "", b"software: html.sh\r\n", "application/warc-fields", 0)]
for i, name in enumerate(["news_jsonld", "og_meta", "density", "latin1"]):
    page = open(os.path.join(src, name + ".html"), "rb").read()
    cs = "; charset=iso-8859-1" if name == "latin1" else ""
    block = f"HTTP/1.1 200 OK\r\nContent-Type: text/html{cs}\r\n\r\n".encode() + page
    recs.append(rec("request", f"https://x.example/{name}", b"GET / HTTP/1.1\r\n\r\n",
                    "application/http; msgtype=request", 10 + i))
    recs.append(rec("response", f"https://x.example/{name}", block, http, i + 1))
open(os.path.join(out, "a.warc"), "wb").write(b"".join(recs))
members = [gzip.compress(r) for r in recs]
open(os.path.join(out, "a.warc.gz"), "wb").write(b"".join(members))
# corrupt the member of the 3rd response (after more than 4 KiB of data)
m = bytearray(members[6])
for k in range(40, 80):
    m[k] ^= 0x5A
members[6] = bytes(m)
open(os.path.join(out, "bad.warc.gz"), "wb").write(b"".join(members))
PY

for f in a.warc a.warc.gz; do
    if "$PARLEY" read "$tmp/$f" >"$tmp/out" 2>"$tmp/err" &&
        [ "$(grep -c '"format":"warc"' "$tmp/out")" -eq 4 ] &&
        grep -q '"crawled":"2022-01-02T03:04:05+00:00"' "$tmp/out" &&
        grep -q '"url":"https://x.example/latin1"' "$tmp/out" &&
        grep -q 'Café culture' "$tmp/out"; then ok; else
        bad "$f: $(head -c 300 "$tmp/err") $(head -c 300 "$tmp/out")"
    fi
done
"$PARLEY" read --input warc "$tmp/bad.warc.gz" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && [ "$(grep -c '"format":"warc"' "$tmp/out")" -eq 3 ] &&
    grep -qE 'corrupt gzip member at byte [0-9]+' "$tmp/err"; then ok; else
    bad "bad.warc.gz: exit $rc, $(head -c 300 "$tmp/err")"
fi

echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
