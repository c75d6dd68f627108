#!/usr/bin/env bash
# Import benchmark: generates a visits-dataset/1 document, starts the packaged service on a fresh
# database with a small heap (to show the import streams with bounded memory), posts the document to
# /api/datasets and prints the import rate. Then exports, re-imports the export into a second fresh
# database and checks the two exports are byte-identical. Each export's time is printed (EXPORT).
#
#   bench/import.sh [statements] [heap]      # defaults: 120000 statements, -Xmx256m, embedded H2
#   BENCH_DB=postgresql bench/import.sh      # the same against the local PostgreSQL
#   BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java BENCH_JVM_OPTS=-XX:+UseParallelGC bench/import.sh 120000 1g
#   BENCH_SERVICE_ENV=DIPLOGRAPH_SEED_ENABLED=true bench/import.sh   # into a seeded database, as a user's first import
#   BENCH_NATIVE=target/diplograph-0.1.0-SNAPSHOT-runner bench/import.sh   # the native executable, same -Xmx
#   BENCH_NATIVE=... BENCH_JVM_OPTS=-XX:+PrintGC bench/import.sh            # and the collections' pauses (GC_PAUSES)
#   BENCH_GZIP=1 bench/import.sh             # the document posted gzip-compressed (Content-Encoding: gzip)
# (bench/lib.sh starts services without the seed; the seeded case is the one that once ran 20 times slower on PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
STATEMENTS=${1:-120000}
HEAP=${2:-256m}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
. bench/lib.sh

python3 bench/generate-dataset.py --statements "$STATEMENTS" > "$WORK/dataset.json"
echo "dataset: $(wc -c < "$WORK/dataset.json") bytes, $STATEMENTS statements; database $BENCH_DB; service heap -Xmx$HEAP; $(nproc) cores"
UPLOAD="$WORK/dataset.json"
if [ "${BENCH_GZIP:-0}" = 1 ]; then   # BENCH_GZIP=1: the document is posted gzip-compressed (Content-Encoding: gzip)
  gzip -6 -c "$WORK/dataset.json" > "$WORK/dataset.json.gz"
  UPLOAD="$WORK/dataset.json.gz"
  echo "upload: gzip, $(wc -c < "$UPLOAD") bytes"
fi
if [ -n "${BENCH_NATIVE:-}" ]; then
  echo "runtime: native executable $BENCH_NATIVE ($(stat -c %s "$BENCH_NATIVE") bytes) ${BENCH_JVM_OPTS:-}"
else
  echo "runtime: $("${BENCH_JAVA:-java}" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p') ${BENCH_JVM_OPTS:-}"
fi

start "$WORK" import1 -Xmx$HEAP
START=$(date +%s.%N)
import_file "$UPLOAD" > "$WORK/report.json"
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
gc_pauses "$WORK/import1.log"   # start-up and the import; prints only when the options asked for a GC log
export_file() {   # the whole export into $1, and its time
  curl -sf -o "$1" -w '%{time_total} %{size_download}\n' "localhost:$PORT/api/datasets" \
    | awk '{ printf "EXPORT %d bytes in %.2f s (%.0f MB/s)\n", $2, $1, $2 / $1 / 1e6 }'
}
export_file "$WORK/export1.json"
export_file "$WORK/export1-again.json"   # the same snapshot once more, the code paths warm
stop $PID

start "$WORK" import2 -Xmx$HEAP
import_file "$WORK/export1.json" > /dev/null
export_file "$WORK/export2.json"
stop $PID
if cmp -s "$WORK/export1.json" "$WORK/export2.json"; then
  echo "ROUND_TRIP identical ($(wc -c < "$WORK/export1.json") bytes)"
else
  echo "ROUND_TRIP DIFFERS"; exit 1
fi
