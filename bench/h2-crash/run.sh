#!/usr/bin/env bash
# Does a kill -9 leave an H2 transaction half in the file? Runs H2CrashCheck (H2 alone, no service)
# in both modes: six writers side by side, then the same six taking turns (as the service's writes do
# on H2, see dev.diplograph.persistence.Transactions). Prints one H2CRASH line per mode.
#   bench/h2-crash/run.sh [ROUNDS]      (default 150 rounds per mode, about 6 minutes each)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-150}"
. bench/h2-crash/h2-jar.sh
jar=$(h2_jar)
echo "$(basename "$jar" .jar), $rounds rounds per mode"
for mode in concurrent one-writer; do
  java -cp "$jar" bench/h2-crash/H2CrashCheck.java "$mode" "$rounds"
done
