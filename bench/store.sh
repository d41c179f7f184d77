#!/usr/bin/env bash
# store.sh — benchmarks of the SQLite store (see docs/store.md):
#   1. ingest throughput into SQLite, pre-made articles and events through
#      the store API (separate from coding speed); target >= 50,000 events/s
#   2. a synthetic store of 10 million events over 2010-2019 (realistic actor
#      and code skew, 15% republished wire stories), then `dyad A B --by month`
#      for one pair and `network` for one month; target < 1 s each
# Usage: bench/store.sh [BUILD] [EVENTS]      (defaults: build, 10000000)
#        STORE_BENCH_DIR=/big/disk bench/store.sh   (the 10M store needs ~6 GB)
# The bench program is built here with cc against BUILD/libparley.a.
set -eu
build=${1:-build}
events=${2:-10000000}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
make -s BUILD="$build" "$build/libparley.a"
bin="$build/bench_store"
cc -std=c17 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Iinclude bench/bench_store.c "$build/libparley.a" \
    -lsqlite3 -lgumbo -ljansson -lz -lm -lpthread -o "$bin"
if [ -n "${STORE_BENCH_DIR:-}" ]; then
    dir=$STORE_BENCH_DIR; mkdir -p "$dir"          # kept for inspection
else
    dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT     # removed at the end
fi
echo "== 1. ingest throughput (50,000 articles, 200,000 events, pre-made) =="
rm -f "$dir/ingest.db" "$dir/ingest.db-wal" "$dir/ingest.db-shm"
"$bin" ingest "$dir/ingest.db" 50000
echo "== 2. $events-event synthetic store =="
rm -f "$dir/big.db" "$dir/big.db-wal" "$dir/big.db-shm"
/usr/bin/env time -v "$bin" build "$dir/big.db" "$events" 2> "$dir/build.time" || cat "$dir/build.time"
grep -E 'Maximum resident|Elapsed' "$dir/build.time" || true
ls -l "$dir/big.db"
echo "== queries (each run 3 times; first run has cold statement caches) =="
"$bin" query "$dir/big.db" USA RUS 2015-06
[ -n "${STORE_BENCH_DIR:-}" ] && echo "(stores kept in $dir)"
exit 0
