#!/usr/bin/env bash
# html.sh — throughput of the HTML and WARC readers on one core.
#
#   bench/html.sh [BUILD]          (default build/)
#
# Generates N news-like pages into bench/out/html/ (head with meta tags,
# JSON-LD, an inline script and style; navigation, share bar, article of a
# dozen paragraphs, related list, comments, footer: about 60 KB each), then
# measures `parley read --input html` over them (pages per CPU-second of one
# single-threaded process),
# and builds bench/out/bench.warc (+ .warc.gz, one gzip member per record)
# with a request and a response record per page to measure WARC reading
# (MB/s of archive).  When ../shared/eval/html-trafilatura is present the
# real pages there are timed too.  bench/out is git-ignored.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
PARLEY="$root/$build/parley"
out="$root/bench/out"
N=${N:-2000}
[ -x "$PARLEY" ] || { echo "bench/html.sh: $PARLEY not built"; exit 1; }
mkdir -p "$out/html"

python3 - "$out" "$N" <<'PY'
import gzip, os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
words = ("government minister talks border security agreement council said on tuesday the "
         "and of to in a for with that president army police protest election economy trade "
         "officials reported capital region visit meeting leaders support against between "
         "after before during week month year people city country forces attack peace").split()
def sent(k=18):
    w = [rnd.choice(words) for _ in range(k)]
    return " ".join(w).capitalize() + ", " + " ".join(rnd.choice(words) for _ in range(6)) + "."
def page(i):
    head = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Story {i} about talks | Daily Example</title>"
            f"<meta property=\"og:title\" content=\"Story {i} about talks\">"
            "<meta property=\"article:published_time\" content=\"2024-02-03T10:20:00+01:00\">"
            "<meta name=\"author\" content=\"Jane Roe\"><link rel=\"canonical\" href=\"https://daily.example/s\">"
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Story "
            f"{i}\",\"datePublished\":\"2024-02-03T10:20:00+01:00\",\"author\":{{\"name\":\"Jane Roe\"}}}}</script>"
            "<script>" + ("var x=[1,2,3];function f(a){return a*2}" * 500) + "</script>"
            "<style>" + (".c{color:#333;margin:0 auto}" * 200) + "</style></head>")
    nav = "<header><nav class=\"menu\"><ul>" + "".join(
        f"<li><a href=\"/s{k}\">Section {k}</a></li>" for k in range(60)) + "</ul></nav></header>"
    share = "<div class=\"share-bar\"><a href=\"#\">Facebook</a><a href=\"#\">Twitter</a></div>"
    body = "".join(f"<p>{' '.join(sent() for _ in range(3))}</p>" for _ in range(12))
    art = (f"<main><article><h1>Story {i} about talks</h1><div class=\"byline\">By Jane Roe</div>"
           f"{share}<div class=\"article-body\">{body}</div></article>")
    related = "<aside class=\"related\"><ul>" + "".join(
        f"<li><a href=\"/r{k}\">{sent(8)}</a></li>" for k in range(15)) + "</ul></aside>"
    comments = "<section id=\"comments\">" + "".join(
        f"<div class=\"comment\"><p>{sent(12)}</p></div>" for _ in range(10)) + "</section></main>"
    foot = "<footer>" + "".join(f"<a href=\"/f{k}\">Footer link {k}</a> " for k in range(40)) + "</footer></body></html>"
    return (head + "<body>" + nav + art + related + comments + foot).encode()
pages = []
for i in range(n):
    p = page(i)
    pages.append(p)
    path = os.path.join(out, "html", f"p{i:05d}.html")
    if not os.path.exists(path):
        open(path, "wb").write(p)
def rec(typ, uri, block, ctype, k):
    h = (f"WARC/1.1\r\nWARC-Type: {typ}\r\nWARC-Target-URI: {uri}\r\n"
         f"WARC-Date: 2024-02-04T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{typ}-{k}>\r\n"
         f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n")
    return h.encode() + block + b"\r\n\r\n"
with open(os.path.join(out, "bench.warc"), "wb") as plain, open(os.path.join(out, "bench.warc.gz"), "wb") as gz:
    for i, p in enumerate(pages):
        for r in (rec("request", f"https://daily.example/{i}", b"GET / HTTP/1.1\r\n\r\n",
                      "application/http; msgtype=request", i),
                  rec("response", f"https://daily.example/{i}",
                      b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + p,
                      "application/http; msgtype=response", i)):
            plain.write(r)
            gz.write(gzip.compress(r, 6))
# the same archive with binary payloads: the reader parses and decompresses
# every record but extracts nothing (the cost of WARC reading itself)
with open(os.path.join(out, "bench-bin.warc.gz"), "wb") as gz:
    for i, p in enumerate(pages):
        r = rec("response", f"https://daily.example/{i}",
                b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n" + p,
                "application/http; msgtype=response", i)
        gz.write(gzip.compress(r, 6))
PY

# CPU seconds (user + system) of the command: the per-core cost, not
# disturbed by other processes sharing the machine.
secs() {
    python3 -c 'import sys,resource,subprocess
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{r.ru_utime + r.ru_stime:.3f}")' "$@"
}

size_mb() { python3 -c 'import os,sys; print(f"{sum(os.path.getsize(p) for p in sys.argv[1:])/1e6:.1f}")' "$@"; }

t=$(secs "$PARLEY" read --input html --quiet "$out/html")
mb=$(size_mb "$out"/html/*.html)
python3 -c "print(f'html  generated: $N pages, $mb MB, {$t:.2f} s: {$N/$t:.0f} pages/s/core, {$mb/$t:.1f} MB/s')"

for f in bench.warc bench.warc.gz; do
    t=$(secs "$PARLEY" read --quiet "$out/$f")
    mb=$(size_mb "$out/$f")
    python3 -c "print(f'warc  {\"$f\":14s} $mb MB, {$t:.2f} s: {$mb/$t:.1f} MB/s of archive, {$N/$t:.0f} pages/s/core')"
done

f=bench-bin.warc.gz
t=$(secs "$PARLEY" read --quiet "$out/$f")
mb=$(size_mb "$out/$f")
python3 -c "print(f'warc  {\"$f\":14s} $mb MB ($(size_mb "$out/bench.warc") MB decompressed), {$t:.2f} s: {$mb/$t:.1f} MB/s compressed, reading only (no HTML payloads)')"

eval_dir="$root/../shared/eval/html-trafilatura/html"
if [ -d "$eval_dir" ]; then
    n=$(ls "$eval_dir" | wc -l)
    t=$(secs "$PARLEY" read --input html --quiet "$eval_dir")
    python3 -c "print(f'html  trafilatura eval pages (real, gzipped, ~150 KB each): $n pages, {$t:.2f} s: {$n/$t:.0f} pages/s/core')"
else
    echo "html  trafilatura eval pages: ../shared/eval absent, skipped"
fi
