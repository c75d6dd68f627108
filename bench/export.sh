#!/usr/bin/env bash
# Export benchmark: imports a generated document once into a fresh H2 database, waits for the term
# indexer, then for each checkout given (default: this one) starts its packaged service on a copy of
# that database and times four exports (GET /api/datasets), so builds compare on the same data.
#
#   bench/export.sh [statements] [checkout...]     # defaults: 120000 statements, this checkout
#   bench/export.sh 120000 /tmp/old . /tmp/old .    # alternating with an older build's worktree
set -euo pipefail
cd "$(dirname "$0")/.."
STATEMENTS=${1:-120000}
shift || true
[ $# -gt 0 ] || set -- .
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
. bench/lib.sh

python3 bench/generate-dataset.py --statements "$STATEMENTS" > "$WORK/dataset.json"
start "$WORK" base -Xmx256m
import_file "$WORK/dataset.json" > /dev/null
wait_indexed
stop $PID
for checkout in "$@"; do
  rm -rf "$WORK/run"
  cp -r "$WORK/base" "$WORK/run"
  env DIPLOGRAPH_DATA_DIR="$WORK/run" DIPLOGRAPH_EDITOR_TOKEN=$TOKEN DIPLOGRAPH_SEED_ENABLED=false QUARKUS_HTTP_PORT=$PORT \
    "${BENCH_JAVA:-java}" -Xmx256m -jar "$checkout/target/quarkus-app/quarkus-run.jar" > "$WORK/run.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 0.5; done
  for i in 1 2 3 4; do
    curl -sf -o /dev/null -w '%{time_total} %{size_download}\n' "localhost:$PORT/api/datasets" \
      | awk -v c="$checkout" -v i="$i" '{ printf "EXPORT %s #%d: %d bytes in %.2f s (%.0f MB/s)\n", c, i, $2, $1, $2 / $1 / 1e6 }'
  done
  stop $PID
done
