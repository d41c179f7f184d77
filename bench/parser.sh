#!/usr/bin/env bash
# parser.sh — speed of the shallow parser (pl_parse_sentence: tokenize, tag,
# lemmatize, chunk, clauses) on news-like sentences, one core.
#
# Corpus: bench/parser_sentences.txt (written for Parley) plus the sentences
# of samples/text/*.txt (split at ". "), repeated BENCH_REPEAT times (default
# 200).  Prints lexicon load time and size, sentences/s and tokens/s, and the
# peak RSS of the run.  Env: BUILD (default build), BENCH_REPEAT.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${BUILD:-build}
out="$here/out/parser"
mkdir -p "$out"
lib="$root/$build/libparley.a"
[ -f "$lib" ] || { echo "parser.sh: no library at $lib (make first)"; exit 1; }
cc -std=c17 -D_GNU_SOURCE -O2 -I"$root/include" -I"$root/src" -I"$root/src/util" \
    "$here/bench_parser.c" "$lib" -lsqlite3 -lgumbo -ljansson -lz -lm -lpthread -o "$out/bench_parser"
corpus="$out/corpus.txt"
cp "$here/parser_sentences.txt" "$corpus"
for f in "$root"/samples/text/*.txt; do
    [ -e "$f" ] || continue
    # paragraphs of at least 12 words, split into sentences at ". "
    awk 'NF >= 12' "$f" | sed 's/\([a-z0-9]\)\. \([A-Z"]\)/\1.\n\2/g' >> "$corpus"
done
echo "corpus: $(wc -l < "$corpus") sentences, $(wc -w < "$corpus") words"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "peak RSS: %M KB" "$out/bench_parser" "$corpus" "${BENCH_REPEAT:-200}"
else
    "$out/bench_parser" "$corpus" "${BENCH_REPEAT:-200}"
fi
