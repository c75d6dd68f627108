#!/usr/bin/env bash
# Load benchmark with wrk (Debian's): imports a generated dataset of size S, M or L into a fresh
# database, waits for the H2 term index, then drives four requests at a fixed concurrency for a fixed
# time each, after a warm-up run of WARMUP seconds (default 5) that is not counted, and prints
# throughput, p50 and p99 (wrk's latency distribution):
#   traversal  one leader, 20 visits x 6 areas x 5 quotes with sources and speakers (600 quotes)
#   lookup     one sector by slug
#   search     a rare word in the quote texts (one the first statement has), first page
#   listing    the first page of visits
#   bench/load.sh S|M|L [seconds] [connections]        BENCH_DB=postgresql for PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-S}
SECONDS_EACH=${2:-15}
CONNECTIONS=${3:-16}
THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
. bench/lib.sh
command -v wrk > /dev/null || { apt-get install -y -q wrk > /dev/null || (apt-get update -q && apt-get install -y -q wrk); }

python3 bench/generate-dataset.py --size "$SIZE" > "$WORK/dataset.json"
read -r STATEMENTS RARE < <(python3 -c "
import json, re, sys
statements = json.load(open(sys.argv[1]))['statements']
print(len(statements), re.search(r'topic\d{5}', statements[0]['text']).group())" "$WORK/dataset.json")
JAVA_OPTS=(-Xmx768m)
if [ "${PROFILE:-0}" = 1 ]; then   # PROFILE=1: a JFR recording of the whole run into target/load-$SIZE.jfr
  JAVA_OPTS+=(-XX:FlightRecorderOptions=stackdepth=1024
    "-XX:StartFlightRecording=filename=$PWD/target/load-$SIZE.jfr,settings=profile,dumponexit=true")
fi
start "$WORK" load "${JAVA_OPTS[@]}"
import_file "$WORK/dataset.json" > /dev/null
rm "$WORK/dataset.json"
wait_indexed
echo "size $SIZE: $STATEMENTS statements, database $BENCH_DB, wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_EACH}s, $(nproc) cores"

body '{ leader(slug: "leader-00000") { name visits(first: 20) { key startDate hostCountry { code } sectors { status sector { slug } quotes(first: 5) { text kind source { outlet } speaker { slug } } } } } }' traversal
body '{ sector(slug: "sector-01") { slug name description } }' lookup
body '{ quotes(first: 20, filter: {text: "'"$RARE"'"}) { edges { node { key text } } } }' search
body '{ visits(first: 20) { edges { node { key startDate title } } pageInfo { endCursor hasNextPage } } }' listing

for name in traversal lookup search listing; do
  ANSWER=$(curl -sf "localhost:$PORT/graphql" -H 'Content-Type: application/json' --data-binary @"$WORK/$name.json")
  if [ -z "$ANSWER" ] || echo "$ANSWER" | grep -q '"errors"' || ! echo "$ANSWER" | grep -q '"key"\|"slug"'; then
    echo "$name fails or finds nothing: $ANSWER"; exit 1
  fi
  echo "$name answers $(echo "$ANSWER" | wc -c) bytes"
done

# drive <request> <seconds> <output file>: wrk posts the request's body for that long
drive() {
  BODY_FILE="$WORK/$1.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --timeout 30s -s bench/wrk/post.lua \
    "http://localhost:$PORT/graphql" > "$3" 2>&1 || true
}

printf '%-10s %10s %10s %10s %9s\n' request "req/s" "p50 ms" "p99 ms" timeouts
for name in ${REQUESTS:-traversal lookup search listing}; do
  if [ "${WARMUP:-5}" -gt 0 ]; then # the JIT compiles the request's code paths before they are timed
    drive "$name" "${WARMUP:-5}" /dev/null
    sleep 5
  fi
  drive "$name" "$SECONDS_EACH" "$WORK/$name.out"
  # non-2xx answers are reported by wrk itself
  if grep -q "Non-2xx" "$WORK/$name.out"; then cat "$WORK/$name.out"; exit 1; fi
  sleep 5 # let the service finish the requests wrk abandoned before the next type starts
  sed -n 's/^WRK_RESULT //p' "$WORK/$name.out" | awk -v n="$name" '{
    split($2, r, "="); split($3, a, "="); split($4, b, "="); split($5, t, "=");
    printf "%-10s %10.0f %10.2f %10.2f %9d\n", n, r[2], a[2], b[2], t[2]; print "LOAD[" n "] " $0 > "/dev/stderr" }'
done
echo "service RSS: $(( $(ps -o rss= -p $PID) / 1024 )) MiB"
stop $PID
