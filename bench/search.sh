#!/usr/bin/env bash
# Text search benchmark: imports a generated dataset (default 1,000,000 statements) into a fresh
# database, waits until the H2 term indexer has caught up, then times the searches of
# bench/search.py (p50/p95 of 30 runs each).
#
#   bench/search.sh [statements]                     # embedded H2
#   BENCH_DB=postgresql bench/search.sh [statements] # the local PostgreSQL
#   DURING_INDEXING=1 bench/search.sh 200000         # H2: also 5 runs each right after the import,
#                                                    # while most statements still wait for the indexer
#   INDEXER_OFF=1 bench/search.sh 200000             # H2: only 5 runs each with the indexer off, so
#                                                    # every imported statement waits (the worst case)
set -euo pipefail
cd "$(dirname "$0")/.."
STATEMENTS=${1:-1000000}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
. bench/lib.sh
# How many statements wait for H2's term indexer (the service's gauge).
if [ -n "${INDEXER_OFF:-}" ]; then
  BENCH_SERVICE_ENV="DIPLOGRAPH_SEARCH_INDEX_INTERVAL=0 ${BENCH_SERVICE_ENV:-}"
fi

python3 bench/generate-dataset.py --statements "$STATEMENTS" > "$WORK/dataset.json"
echo "dataset: $(wc -c < "$WORK/dataset.json") bytes, $STATEMENTS statements; database $BENCH_DB; $(nproc) cores"
start "$WORK" search -Xmx768m
START=$(date +%s)
import_file "$WORK/dataset.json" > /dev/null
echo "imported in $(( $(date +%s) - START )) s"
rm "$WORK/dataset.json"
if [ "$BENCH_DB" = h2 ] && [ -n "${INDEXER_OFF:-}" ]; then
  echo "indexer off: $(pending) statements wait"
  python3 bench/search.py "$PORT" 5 --count-errors
  stop $PID
  exit 0
fi
if [ "$BENCH_DB" = h2 ] && [ -n "${DURING_INDEXING:-}" ]; then
  echo "during indexing: $(pending) statements wait for the indexer"
  python3 bench/search.py "$PORT" 5 --count-errors
  echo "after those searches: $(pending) still wait"
fi
if [ "$BENCH_DB" = h2 ]; then
  while true; do
    PENDING=$(pending)
    [ "${PENDING:-1}" = 0 ] && break
    sleep 2
  done
  echo "term index complete $(( $(date +%s) - START )) s after the import started"
fi
python3 bench/search.py "$PORT" 30
echo "service RSS: $(( $(ps -o rss= -p $PID) / 1024 )) MiB"
stop $PID
