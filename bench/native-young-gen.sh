#!/usr/bin/env bash
# Throughput of the native executable on the seed traversal for several young-generation sizes, and
# its RSS under that load: the trade-off behind the native section of docs/benchmarks.md.
#
#   bench/native-young-gen.sh [executable] [sizes...]   # defaults: target/*-runner, "default 16m 64m 128m"
#   NATIVE_ARGS=-Xmx256m bench/native-young-gen.sh       # extra arguments for every run
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/diplograph-0.1.0-SNAPSHOT-runner}
shift || true
SIZES=${*:-default 16m 64m 128m}
PORT=${PORT:-18112}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
command -v wrk > /dev/null || apt-get install -y -q wrk > /dev/null
echo '{"query":"{ leader(slug: \"lee-jae-myung\") { name visits { startDate hostCountry { name } sectors { status sector { name } quotes { text kind source { outlet } speaker { name } } } } } }"}' > "$WORK/query.json"
for size in $SIZES; do
  # shellcheck disable=SC2206
  args=(${NATIVE_ARGS:-})
  [ "$size" = default ] || args+=("-Xmn$size")
  rm -rf "$WORK/data"
  DIPLOGRAPH_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT=$PORT "$BIN" "${args[@]}" > "$WORK/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 0.1; done
  BODY_FILE="$WORK/query.json" wrk -t2 -c8 -d5s -s bench/wrk/post.lua "http://localhost:$PORT/graphql" > /dev/null
  result=$(BODY_FILE="$WORK/query.json" wrk -t2 -c8 -d15s -s bench/wrk/post.lua "http://localhost:$PORT/graphql" | sed -n 's/^WRK_RESULT //p')
  rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "young generation $size ${NATIVE_ARGS:-}: $result; RSS under load ${rss} MiB"
done
