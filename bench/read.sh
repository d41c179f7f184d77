#!/usr/bin/env bash
# read.sh — throughput of `parley read` on a large generated corpus.
#
# Builds bench/out/read/ (git-ignored) by replicating the bundled sample
# stories with variations (names, numbers, paragraph order, page shapes),
# about BENCH_MB megabytes of plain-text page dumps (default 200) plus the
# same articles as one JSON Lines file, then times `parley read` on each and
# prints MB/s (wall clock and per CPU-second: the reader is single-threaded,
# so the latter is the per-core figure), articles/s and peak RSS.
# Env: PARLEY (binary), BENCH_MB.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
PARLEY=${PARLEY:-$root/build/parley}
MB=${BENCH_MB:-200}
out="$here/out/read"
[ -x "$PARLEY" ] || { echo "read.sh: no binary at $PARLEY (make first)"; exit 1; }
python3 - "$root/samples" "$out" "$MB" <<'PY'
import json, os, random, sys
samples, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
stamp = os.path.join(out, "STAMP")
if os.path.exists(stamp) and open(stamp).read() == "v2 %d" % mb:
    sys.exit(0)
import shutil
shutil.rmtree(out, ignore_errors=True)
os.makedirs(os.path.join(out, "text"))
rnd = random.Random(42)
pages = []
for name in sorted(os.listdir(os.path.join(samples, "text"))):
    pages.append(open(os.path.join(samples, "text", name), encoding="utf-8").read())
paras = []
for p in pages:
    blocks = [b.strip() for b in p.split("\n\n")]
    paras += [b.replace("\n", " ") for b in blocks if len(b.split()) >= 12]
with open(os.path.join(samples, "jsonl", os.listdir(os.path.join(samples, "jsonl"))[0])) as f:
    for line in f:
        paras += [b for b in json.loads(line)["text"].split("\n\n") if len(b.split()) >= 12]
names = ["Petrov", "Aydin", "Karimi", "Marek", "Dror", "Hale", "Solberg", "Molina", "Tesfaye", "Ishida"]
countries = ["Russia", "Turkey", "Iran", "France", "Egypt", "Japan", "Brazil", "Kenya", "Poland", "India"]
months = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
shapes = [
    "{site}.Com\n\n{weekday} {month} {day2} 2024\n\n{head}\n\n{day} {month} {year} {hh}:{mm} (UTC+0{tz}:00)\n{head}\n\nBy {author}\n\n{body}\n\nLoading...\nLatest See more\n",
    "{head}\n\n{mon}. {day}, {year} {h12}:{mm} PM EST\n\nBy {author}\n\nWASHINGTON (Reuters) - {body}\n\nReporting by {author}; Editing by Paul Grant\n© {year} Thomson Reuters. All rights reserved.\n",
    "Home > World > Europe\n{site}\n\n{head}\n\nPublished: Tue, {day} {mon} {year} {hh}:{mm}:00 +0200\n\n{body}\n\nShare on Twitter\nTags: {country}\n",
]
total, i, target = 0, 0, mb * 1000 * 1000
jl = open(os.path.join(out, "articles.jsonl"), "w", encoding="utf-8")
while total < target:
    k = rnd.randint(14, 28)          # 600-1200 words, as a typical news story
    body = rnd.sample(paras, min(k, len(paras)))
    a, b = rnd.sample(countries, 2)
    body = "\n\n".join(p.replace("Russia", a).replace("Turkey", b) for p in body)
    body = body.replace("Lavrov", rnd.choice(names)).replace("200", str(rnd.randint(2, 900)))
    head = "%s and %s %s talks on %s" % (a, b, rnd.choice(["resume", "suspend", "hold", "reject"]),
                                          rnd.choice(["trade", "security", "gas", "borders"]))
    m = rnd.randint(1, 12)
    f = dict(site=rnd.choice(["Caspianpost", "Meridian", "Balkanwire"]), head=head, body=body,
             weekday="Saturday", month=months[m - 1], mon=months[m - 1][:3], day=rnd.randint(1, 28),
             day2=rnd.randint(1, 28), year=rnd.randint(2005, 2020), hh="%02d" % rnd.randint(0, 23),
             h12=rnd.randint(1, 12), mm="%02d" % rnd.randint(0, 59), tz=rnd.randint(1, 5),
             author=rnd.choice(["Rena Aliyeva", "Daniel Reyes", "Marta Kowalska"]), country=a)
    page = shapes[i % len(shapes)].format(**f)
    d = os.path.join(out, "text", "%03d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "page-%06d.txt" % i), "w", encoding="utf-8") as fh:
        fh.write(page)
    jl.write(json.dumps({"id": "a%06d" % i, "text": page}) + "\n")
    total += len(page.encode())
    i += 1
jl.close()
open(stamp, "w").write("v2 %d" % mb)
PY
measure() {   # measure LABEL ARGS... : runs parley read ARGS, prints figures
    local label=$1
    shift
    python3 - "$label" "$PARLEY" "$@" <<'PY'
import os, subprocess, sys, time
label, parley, args = sys.argv[1], sys.argv[2], sys.argv[3:]
def size(p):
    if os.path.isfile(p): return os.path.getsize(p)
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(p) for f in fs if f != "STAMP")
nbytes = sum(size(a) for a in args if not a.startswith("-"))
best = None
for run in range(2):                      # the first run warms the page cache
    t0 = time.perf_counter()
    p = subprocess.Popen([parley, "read"] + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    n = 0
    for chunk in iter(lambda: p.stdout.read(1 << 20), b""):
        n += chunk.count(b"\n")
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    cpu = ru.ru_utime + ru.ru_stime
    if best is None or cpu < best[1]:
        best = (wall, cpu, n, ru.ru_maxrss, status)
wall, cpu, n, rss, status = best
print("%-6s %7.1f MB in %6d articles: %7.1f MB/s wall, %7.1f MB/s per core (CPU time), "
      "%8.0f articles/s, peak RSS %.1f MB%s" % (label, nbytes / 1e6, n, nbytes / 1e6 / wall,
      nbytes / 1e6 / cpu, n / wall, rss / 1024.0, "" if status == 0 else " (exit %d)" % (status >> 8)))
PY
}
measure text "$out/text"
measure jsonl "$out/articles.jsonl"
