#!/usr/bin/env bash
# A JDK 25 AOT cache (JEP 483/514/515: loaded classes and method profiles) trained on a dataset import:
# starts the packaged service with -XX:AOTCacheOutput, imports a 40,000-statement document generated
# with another seed than the benchmark's (so the cache is not trained on the measured document),
# exports it, and stops the service, whose JVM then writes the cache.
#
#   ./mvnw package -DskipTests -Dquarkus.package.jar.type=aot-jar     # classes on the class path, as the cache needs
#   BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/aot-train.sh /tmp/import.aot -XX:+UseParallelGC
#   then: bench/import-ab.sh with -XX:AOTCache=/tmp/import.aot and the same options
# The options after the cache file are the JVM options of the training run; give the measured runs the same.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=${1:?cache file}; shift
rm -f "$CACHE"   # so a failed training run cannot leave an older cache looking new
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
. bench/lib.sh
python3 bench/generate-dataset.py --statements 40000 --seed 7 > "$WORK/train.json"
BENCH_JVM_OPTS="$* -XX:AOTCacheOutput=$CACHE" start "$WORK" train -Xmx1g
import_file "$WORK/train.json" > /dev/null
curl -sf "localhost:$PORT/api/datasets" > /dev/null
stop $PID
[ -s "$CACHE" ] || { echo "no cache written"; tail -20 "$WORK/train.log"; exit 1; }
echo "AOT cache: $CACHE, $(wc -c < "$CACHE") bytes"
