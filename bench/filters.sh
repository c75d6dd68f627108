#!/usr/bin/env bash
# The top-level quotes list filtered by a tag (sector, project) on a large dataset: imports a generated
# document, waits until the H2 term indexer has caught up (so it takes no CPU from the figures), then
# times bench/filters.py (pages and totalCount, each tag in turn).
#
#   bench/filters.sh [statements]                     # embedded H2, default 1,000,000 statements
#   BENCH_DB=postgresql bench/filters.sh [statements] # the local PostgreSQL (ANALYZE after the import)
set -euo pipefail
cd "$(dirname "$0")/.."
STATEMENTS=${1:-1000000}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
. bench/lib.sh

python3 bench/generate-dataset.py --statements "$STATEMENTS" > "$WORK/dataset.json"
echo "dataset: $STATEMENTS statements; database $BENCH_DB; $(nproc) cores"
start "$WORK" filters -Xmx768m
import_file "$WORK/dataset.json" > /dev/null
rm "$WORK/dataset.json"
wait_indexed
if [ "$BENCH_DB" = postgresql ]; then
  runuser -u postgres -- psql -q -d bench_filters -c ANALYZE
fi
python3 bench/filters.py "$PORT" "${RUNS:-10}"
stop $PID
