# Shared by the benchmark scripts: start and stop the packaged service on a fresh database.
# BENCH_DB=h2 (default): a fresh embedded H2 file in a temporary directory.
# BENCH_DB=postgresql: a fresh database in the local PostgreSQL cluster (see .ci/postgres.sh).
# BENCH_JAVA: the java executable that runs the service (default: java on the PATH);
# BENCH_JVM_OPTS: extra runtime options, e.g. "-XX:+UseParallelGC" (the native executable's too, e.g. "-XX:+PrintGC").
# BENCH_NATIVE: a native executable (target/*-runner) to run instead of the jar; it takes -Xmx too.
# BENCH_SERVICE_ENV: extra environment of the service, e.g. "DIPLOGRAPH_SEARCH_INDEX_INTERVAL=0".
BENCH_DB=${BENCH_DB:-h2}
PORT=${PORT:-18080}
TOKEN=bench-token

# Packages the service when the jar is missing or older than any source, so no figure comes from a stale build.
if [ -n "${BENCH_NATIVE:-}" ]; then
  [ -x "$BENCH_NATIVE" ] || { echo "BENCH_NATIVE=$BENCH_NATIVE is not an executable"; exit 1; }
elif [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi

# start <work dir> <name> [java options...]: starts the service on a fresh database called <name>;
# sets PID. Large datasets need more than the default 128M request limit, so the bench raises it.
start() {
  local work=$1 name=$2; shift 2
  local env=(DIPLOGRAPH_DATA_DIR="$work/$name" DIPLOGRAPH_EDITOR_TOKEN=$TOKEN DIPLOGRAPH_SEED_ENABLED=false
    QUARKUS_HTTP_PORT=$PORT DIPLOGRAPH_DATASETS_MAX_BODY_SIZE=2G QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=2G)
  # shellcheck disable=SC2206
  env+=(${BENCH_SERVICE_ENV:-})
  if [ "$BENCH_DB" = postgresql ]; then
    # shellcheck disable=SC2046
    env+=($(bash .ci/postgres.sh "bench_$name" | sed 's/^export //'))
  fi
  # shellcheck disable=SC2086
  if [ -n "${BENCH_NATIVE:-}" ]; then
    # shellcheck disable=SC2086
    env "${env[@]}" "$BENCH_NATIVE" ${BENCH_JVM_OPTS:-} "$@" > "$work/$name.log" 2>&1 &
  else
    env "${env[@]}" "${BENCH_JAVA:-java}" ${BENCH_JVM_OPTS:-} "$@" -jar target/quarkus-app/quarkus-run.jar > "$work/$name.log" 2>&1 &
  fi
  PID=$!
  for _ in $(seq 1 240); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && return; sleep 0.5; done
  echo "service did not start"; cat "$work/$name.log"; exit 1
}

stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

# gc_pauses <log>: the collections a service logged (-XX:+PrintGC, or -Xlog:gc on the JVM) and their pauses.
gc_pauses() {
  { grep -a 'Pause' "$1" || true; } | { grep -aoE '(Full|[0-9.]+ms$)' || true; } | awk '
    /^Full$/ { full = 1; next }
    /ms$/ { ms = $1 + 0; if (full) { nf++; tf += ms } else { ni++; ti += ms }; full = 0 }
    END { if (nf + ni > 0) printf "GC_PAUSES %d full in %.0f ms, %d others in %.0f ms\n", nf, tf, ni, ti }'
}

# import_file <file>: posts a dataset as the editor; prints the import report. A file ending in .gz
# is sent as it is, with Content-Encoding: gzip.
import_file() {
  local encoding=()
  [[ "$1" == *.gz ]] && encoding=(-H 'Content-Encoding: gzip')
  curl -sf -X POST "localhost:$PORT/api/datasets" -H 'Content-Type: application/json' "${encoding[@]}" \
    -H "Authorization: Bearer $TOKEN" --data-binary @"$1"
}

# body <query> <name>: writes the GraphQL request body for <query> to $WORK/<name>.json.
body() { python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$1" > "$WORK/$2.json"; }

# pending: how many statements wait for the H2 term indexer (empty when the scrape gave no answer within 10 s).
pending() { curl -sf -m 10 "localhost:$PORT/q/metrics" | awk '/^diplograph_search_pending_statements/ {print int($2)}'; }

# wait_indexed: on H2, waits until the term indexer has caught up, so it takes no CPU from the figures.
wait_indexed() {
  if [ "$BENCH_DB" = h2 ]; then
    while [ "$(pending)" != 0 ]; do sleep 2; done
  fi
}
