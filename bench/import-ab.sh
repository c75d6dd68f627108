#!/usr/bin/env bash
# Cold imports of one document under two or more JVM option sets, alternating, ROUNDS times: on a
# machine whose speed drifts by 20-35 % within an hour, only runs interleaved this way compare. Each
# run starts the packaged service on a fresh database, posts the document once and prints the rate
# and the service process's CPU time during the request (user + system, from /proc); the summary
# gives each variant's median of both. The variants' options come after the round count; "" is none.
#
#   bench/import-ab.sh 5 "" "-XX:+UseParallelGC"
#   BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/import-ab.sh 5 "-XX:+UseParallelGC" \
#       "-XX:+UseParallelGC -XX:AOTCache=/tmp/import.aot"        # see bench/aot-train.sh
#   STATEMENTS=120000 HEAP=1g (defaults 120000 and 256m); BENCH_DB, BENCH_SERVICE_ENV as in bench/lib.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:?rounds}; shift
[ $# -ge 2 ] || { echo "give at least two option sets"; exit 2; }
STATEMENTS=${STATEMENTS:-120000}
HEAP=${HEAP:-256m}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
. bench/lib.sh

python3 bench/generate-dataset.py --statements "$STATEMENTS" > "$WORK/dataset.json"
echo "dataset: $STATEMENTS statements; database $BENCH_DB; -Xmx$HEAP; runtime $("${BENCH_JAVA:-java}" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'); $(nproc) cores"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime of the process, in clock ticks
TICKS=$(getconf CLK_TCK)
for round in $(seq 1 "$ROUNDS"); do
  variant=0
  for opts in "$@"; do
    variant=$((variant + 1))
    BENCH_JVM_OPTS="$opts" start "$WORK" "r${round}v${variant}" -Xmx$HEAP
    c0=$(cpu_ticks $PID); t0=$(date +%s.%N)
    import_file "$WORK/dataset.json" > "$WORK/report.json"
    t1=$(date +%s.%N); c1=$(cpu_ticks $PID)
    stop $PID
    rm -rf "${WORK:?}/r${round}v${variant}"
    python3 - "$WORK/report.json" "$round" "$variant" "$opts" "$t0" "$t1" "$c0" "$c1" "$TICKS" <<'PY' | tee -a "$WORK/results"
import json, sys
report = json.load(open(sys.argv[1])); round_, variant, opts = sys.argv[2:5]
t0, t1, c0, c1, ticks = map(float, sys.argv[5:10])
statements = report["records"]["statements"]["created"] + report["records"]["statements"]["updated"]
print("RUN round %s variant %s rate %.0f statements/s wall %.2f s cpu %.2f s  [%s]"
      % (round_, variant, statements / (t1 - t0), t1 - t0, (c1 - c0) / ticks, opts or "no options"))
PY
  done
done
python3 - "$WORK/results" "$@" <<'PY'
import statistics, sys
runs = [line.split() for line in open(sys.argv[1])]
for variant, opts in enumerate(sys.argv[2:], 1):
    mine = [r for r in runs if r[4] == str(variant)]
    rates = [float(r[6]) for r in mine]; cpus = [float(r[12]) for r in mine]
    print("IMPORT_AB variant %d median %.0f statements/s (%s), median cpu %.2f s  [%s]"
          % (variant, statistics.median(rates), ", ".join("%.0f" % r for r in rates), statistics.median(cpus),
             opts or "no options"))
PY
