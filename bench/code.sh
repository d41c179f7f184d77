#!/usr/bin/env bash
# code.sh — speed of `parley code` with the Phoenix/PETRARCH-2 production
# dictionaries (../shared/eval/phoenix, read where they lie, never copied).
#
# Corpus: BENCH_SENTENCES (default 200000) news-like sentences generated here
# from templates (subjects x verbs x objects x tails, fixed seed), coded with
# `parley code --sentences --format tsv` on one core.  Prints the dictionary
# load time (a separate figure, from `parley dict`), sentences/s per core
# (CPU time of the run minus the load), events found, and peak RSS; then the
# same for Parley's own bundled dictionaries (no --dict).
# Skips with a message when ../shared/eval is absent.  Env: PARLEY, BENCH_SENTENCES.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
PARLEY=${PARLEY:-$root/build/parley}
phoenix="$root/../shared/eval/phoenix"
if [ ! -d "$phoenix" ]; then
    echo "code.sh: $phoenix not found: benchmark skipped"
    exit 0
fi
[ -x "$PARLEY" ] || { echo "code.sh: no binary at $PARLEY (make first)"; exit 1; }
out="$here/out/code"
mkdir -p "$out"
n=${BENCH_SENTENCES:-200000}
python3 - "$n" > "$out/corpus.txt" <<'PY'
import random, sys
random.seed(20121120)
subj = ["Russia", "The United States", "Chinese President Xi Jinping", "Iranian officials",
        "The European Union", "Israeli troops", "Hamas militants", "The Afghan government",
        "French Foreign Minister Laurent Fabius", "Turkish police", "The United Nations",
        "Syrian rebels", "Pakistan", "Egyptian protesters", "NATO", "Japanese Prime Minister Abe",
        "Indian security forces", "The Kenyan army", "Ukrainian lawmakers", "Saudi Arabia"]
verb = ["condemned", "met with", "accused", "praised", "attacked", "urged", "signed an agreement with",
        "criticized", "threatened", "arrested", "rejected a proposal from", "called on", "warned",
        "expelled diplomats from", "agreed to cooperate with", "did not meet", "demanded aid from",
        "visited", "hosted", "imposed sanctions on", "held talks with", "accused", "fired on",
        "promised aid to", "denied allegations by"]
obj = ["Iran", "Israel", "the Palestinian Authority", "Syria", "Russia", "North Korea", "the Taliban",
       "Germany", "Japanese leaders", "Egypt", "Saudi Arabia", "Ukraine", "the World Bank",
       "Kenyan police", "India", "Chinese officials", "the Iraqi government", "Somali pirates"]
tail = ["on Tuesday.", "in a statement on Monday, officials said.", ", state media reported.",
        "after talks in Geneva.", "over the nuclear programme.", "amid rising tensions in the region.",
        ".", "for the second time this week.", "near the border, a spokesman said."]
for i in range(int(sys.argv[1])):
    s = f"{random.choice(subj)} {random.choice(verb)} {random.choice(obj)} {random.choice(tail)}"
    print(s.replace(" ,", ",").replace(" .", "."))
PY
echo "corpus: $(wc -l < "$out/corpus.txt") sentences, $(wc -w < "$out/corpus.txt") words"
# dictionary load alone (best of 3)
best=""
for i in 1 2 3; do
    t=$("$PARLEY" dict -q --dict "$phoenix" 2>/dev/null | sed -n 's/^load time *\([0-9.]*\) ms/\1/p')
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
done
echo "phoenix dictionaries: load time $best ms ($("$PARLEY" dict -q --dict "$phoenix" 2>/dev/null | sed -n 's/^files *//p'))"
# coding, one core
/usr/bin/time -f "%U %S %M" -o "$out/time.txt" \
    "$PARLEY" code -q --sentences --format tsv --dict "$phoenix" "$out/corpus.txt" > "$out/events.tsv"
read -r user sys rss < "$out/time.txt"
events=$(($(wc -l < "$out/events.tsv") - 1))
awk -v n="$n" -v u="$user" -v s="$sys" -v l="$best" -v e="$events" -v r="$rss" 'BEGIN {
    cpu = u + s - l / 1000.0;
    printf "coding: %d sentences in %.2f s CPU (load excluded): %.0f sentences/s per core, %d events\n", n, cpu, n / cpu, e;
    printf "peak RSS: %.1f MB\n", r / 1024.0 }'
# the same corpus with Parley's own bundled dictionaries (no --dict)
bbest=""
for i in 1 2 3; do
    t=$("$PARLEY" dict -q 2>/dev/null | sed -n 's/^load time *\([0-9.]*\) ms/\1/p')
    if [ -z "$bbest" ] || awk "BEGIN{exit !($t < $bbest)}"; then bbest=$t; fi
done
/usr/bin/time -f "%U %S %M" -o "$out/time-bundled.txt" \
    "$PARLEY" code -q --sentences --format tsv "$out/corpus.txt" > "$out/events-bundled.tsv"
read -r user sys rss < "$out/time-bundled.txt"
events=$(($(wc -l < "$out/events-bundled.tsv") - 1))
awk -v n="$n" -v u="$user" -v s="$sys" -v l="$bbest" -v e="$events" -v r="$rss" 'BEGIN {
    cpu = u + s - l / 1000.0;
    printf "bundled dictionaries: load time %.1f ms; coding %.0f sentences/s per core, %d events, peak RSS %.1f MB\n", l, n / cpu, e, r / 1024.0 }'

