#!/usr/bin/env bash
# Import benchmark: generates a visits-dataset/1 document, starts the packaged service on a fresh
# embedded H2 file with a small heap (to show the import streams with bounded memory), posts the
# document to /api/datasets and prints the import rate. Then exports, re-imports the export into a
# second fresh database and checks the two exports are byte-identical.
#
#   bench/import.sh [statements] [heap]      # defaults: 120000 statements, -Xmx256m
set -euo pipefail
cd "$(dirname "$0")/.."
STATEMENTS=${1:-120000}
HEAP=${2:-256m}
PORT=${PORT:-18080}
WORK=$(mktemp -d)
TOKEN=bench-token
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

start() { # data dir, log
  DIPLOGRAPH_DATA_DIR="$1" DIPLOGRAPH_EDITOR_TOKEN=$TOKEN DIPLOGRAPH_SEED_ENABLED=false QUARKUS_HTTP_PORT=$PORT \
    java -Xmx$HEAP -jar target/quarkus-app/quarkus-run.jar > "$2" 2>&1 &
  for _ in $(seq 1 120); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && return; sleep 0.5; done
  echo "service did not start"; cat "$2"; exit 1
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

python3 bench/generate-dataset.py --statements "$STATEMENTS" > "$WORK/dataset.json"
echo "dataset: $(wc -c < "$WORK/dataset.json") bytes, $STATEMENTS statements; service heap -Xmx$HEAP; $(nproc) cores"

start "$WORK/db1" "$WORK/service1.log"; PID=$!
START=$(date +%s.%N)
curl -sf -X POST "localhost:$PORT/api/datasets" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/dataset.json" > "$WORK/report.json"
END=$(date +%s.%N)
RSS=$(ps -o rss= -p $PID)
python3 - "$WORK/report.json" "$START" "$END" "$RSS" <<'PY'
import json, sys
report = json.load(open(sys.argv[1])); wall = float(sys.argv[3]) - float(sys.argv[2])
statements = report["records"]["statements"]["created"] + report["records"]["statements"]["updated"]
print("import: %d statements, server %.2f s before commit, request %.2f s incl. upload and commit" % (statements, report["elapsedMillis"] / 1000, wall))
print("IMPORT_RATE %.0f statements/s (whole request)" % (statements / wall))
print("service RSS after import: %d MiB" % (int(sys.argv[4]) // 1024))
PY
curl -sf "localhost:$PORT/api/datasets" > "$WORK/export1.json"
stop $PID

start "$WORK/db2" "$WORK/service2.log"; PID=$!
curl -sf -X POST "localhost:$PORT/api/datasets" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/export1.json" > /dev/null
curl -sf "localhost:$PORT/api/datasets" > "$WORK/export2.json"
stop $PID
if cmp -s "$WORK/export1.json" "$WORK/export2.json"; then
  echo "ROUND_TRIP identical ($(wc -c < "$WORK/export1.json") bytes)"
else
  echo "ROUND_TRIP DIFFERS"; exit 1
fi
