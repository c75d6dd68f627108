#!/usr/bin/env bash
# Nested quotes lists on a large dataset: imports a generated document whose leaders each carry
# VISITS x 6 areas x QUOTES statements (default 100 x 6 x 10 = 6,000), waits until the H2 term
# indexer has caught up (so it takes no CPU from the figures), then times bench/nested.py.
#
#   bench/nested.sh [statements]                     # embedded H2, default 600,000 statements
#   BENCH_DB=postgresql bench/nested.sh [statements] # the local PostgreSQL
#   VISITS=20 QUOTES=5 bench/nested.sh 120000         # other leader sizes
set -euo pipefail
cd "$(dirname "$0")/.."
STATEMENTS=${1:-600000}
VISITS=${VISITS:-100}
QUOTES=${QUOTES:-10}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
. bench/lib.sh

python3 bench/generate-dataset.py --statements "$STATEMENTS" --visits "$VISITS" --quotes "$QUOTES" > "$WORK/dataset.json"
LEADERS=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["leaders"]))' "$WORK/dataset.json")
echo "dataset: $STATEMENTS statements, $LEADERS leaders of $((VISITS * 6 * QUOTES)) statements; database $BENCH_DB; $(nproc) cores"
start "$WORK" nested -Xmx768m
import_file "$WORK/dataset.json" > /dev/null
rm "$WORK/dataset.json"
wait_indexed
python3 bench/nested.py "$PORT" "${RUNS:-30}" "$LEADERS"
stop $PID
