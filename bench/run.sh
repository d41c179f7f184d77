#!/usr/bin/env bash
# run.sh [BUILD] — runs every benchmark script bench/*.sh (except this one)
# with PARLEY set to BUILD/parley.  Each script prints its own figures.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-build}
export PARLEY=${PARLEY:-$root/$build/parley}
status=0
for b in "$here"/*.sh; do
    [ "$(basename "$b")" = run.sh ] && continue
    echo "== $(basename "$b" .sh)"
    bash "$b" || status=1
done
exit $status
