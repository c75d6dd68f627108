#!/usr/bin/env bash
# Subscriptions end to end with the graphql-ws client library, and the delivery latency: starts the
# packaged service on a fresh database (BENCH_DB=h2|postgresql), subscribes, commits N statements
# one after the other and checks every one arrives once, in order. Prints p50/p99 latencies.
#   bash bench/live.sh [N=1000]            BENCH_DB=postgresql bash bench/live.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
N=${1:-1000}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
(cd src/test/js && npm ci --no-audit --no-fund --silent)
start "$WORK" live
echo "database: $BENCH_DB"
node src/test/js/live-client.mjs "http://localhost:$PORT" "$TOKEN" "$N"
stop "$PID"
