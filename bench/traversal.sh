#!/usr/bin/env bash
# The deep traversal (one leader, 20 visits x 6 areas x 5 quotes, with sources and speakers) run by
# the GraphQL engine in the service's JVM against plain JDBC reading the same rows in the same JVM;
# prints both times, the SQL statement count and the ratio. On the test fixture (in-memory H2), or on
# PostgreSQL with BENCH_DB=postgresql. PROFILE=1 also records a JFR profile of the run into
# target/traversal.jfr and prints its hottest frames.
# RUNS and WARMUP set the measured and warm-up runs (300 each by default).
#   bash bench/traversal.sh            BENCH_DB=postgresql bash bench/traversal.sh
#   RUNS=800 WARMUP=500 bash bench/traversal.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS=(-Dtest=TraversalCostBench -Dbench.traversal=true -Dsurefire.failIfNoSpecifiedTests=false
      "-Dbench.runs=${RUNS:-300}" "-Dbench.warmup=${WARMUP:-300}")
if [ "${BENCH_DB:-h2}" = postgresql ]; then
  eval "$(bash .ci/postgres.sh bench_traversal)"
fi
if [ "${PROFILE:-0}" = 1 ]; then
  ARGS+=("-DargLine=-XX:FlightRecorderOptions=stackdepth=1024 -XX:StartFlightRecording=filename=$PWD/target/traversal.jfr,settings=profile")
fi
OUT=$(mktemp)
if ! ./mvnw -B -q -ntp test "${ARGS[@]}" > "$OUT" 2>&1; then tail -40 "$OUT"; exit 1; fi
grep '^BENCH' "$OUT" | sed 's/^BENCH //'
rm -f "$OUT"
if [ "${PROFILE:-0}" = 1 ]; then
  python3 bench/jfr-top.py target/traversal.jfr 25 ExecutionService.executeSync   # the engine's side only
fi
