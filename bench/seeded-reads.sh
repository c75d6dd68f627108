#!/usr/bin/env bash
# Reads right after a bulk import into a database that already served reads: does a plan the
# database cached while its tables were small (the seed) slow the reads down once they are large?
# (The import's own foreign-key checks once did, on PostgreSQL: docs/benchmarks.md.) Starts the
# service on a fresh database, by default seeded, sends the seed traversal, a search and a listing
# 60 times each over four connections, imports dataset M, then times 30 sequential requests of each
# kind at once and again 90 s later (after PostgreSQL's autovacuum has had its turn).
#   BENCH_DB=postgresql bash bench/seeded-reads.sh
#   BENCH_DB=postgresql SEED=false WARM=0 bash bench/seeded-reads.sh   # the same without the seed and the reads before
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
. bench/lib.sh
python3 bench/generate-dataset.py --size M > "$WORK/dataset.json"
RARE=$(python3 -c "
import json, re, sys
print(re.search(r'topic\d{5}', json.load(open(sys.argv[1]))['statements'][0]['text']).group())" "$WORK/dataset.json")
TRAVERSAL='name visits(first: 20) { key startDate hostCountry { code } sectors { status sector { slug } quotes(first: 5) { text kind source { outlet } speaker { slug } } } }'
body "{ leader(slug: \"leader-00000\") { $TRAVERSAL } }" traversal
body "{ leader(slug: \"lee-jae-myung\") { $TRAVERSAL } }" seed-traversal
body '{ quotes(first: 20, filter: {text: "'"$RARE"'"}) { edges { node { key text } } } }' search
body '{ quotes(first: 20, filter: {text: "cooperation"}) { edges { node { key text } } } }' seed-search
body '{ visits(first: 20) { edges { node { key startDate title } } pageInfo { endCursor hasNextPage } } }' listing
post() { curl -s -o /dev/null -w "%{time_total}\n" "localhost:$PORT/graphql" -H 'Content-Type: application/json' --data-binary @"$WORK/$1.json"; }
# timed <request> <count>: median and maximum of <count> sequential requests
timed() {
  for _ in $(seq 1 "$2"); do post "$1"; done | sort -n |
    awk -v n="$1" '{a[NR] = $1} END {printf "%-10s median %6.1f ms  max %6.1f ms\n", n, a[int((NR + 1) / 2)] * 1000, a[NR] * 1000}'
}

BENCH_SERVICE_ENV="DIPLOGRAPH_SEED_ENABLED=${SEED:-true} ${BENCH_SERVICE_ENV:-}" start "$WORK" reads -Xmx768m
echo "database $BENCH_DB, seed ${SEED:-true}, reads before the import ${WARM:-1}"
if [ "${WARM:-1}" = 1 ]; then
  for request in seed-traversal seed-search listing; do
    clients=()
    for _ in 1 2 3 4; do (for _ in $(seq 1 15); do post "$request" > /dev/null; done) & clients+=($!); done
    wait "${clients[@]}"
  done
fi
STARTED=$(date +%s.%N)
import_file "$WORK/dataset.json" > /dev/null
echo "import of M: $(python3 -c "print(round($(date +%s.%N) - $STARTED, 1))") s"
for request in traversal search listing; do timed "$request" 30; done
echo "90 s later:"
sleep 90
for request in traversal search listing; do timed "$request" 30; done
stop "$PID"
