#!/usr/bin/env bash
# What H2's extra index per foreign key costs a bulk import (H2 alone, no service): ForeignKeyIndexes
# with and without the statement tables' five foreign keys, alternating, ROUNDS times each.
#   bench/h2-fk/run.sh [ROUNDS] [STATEMENTS]      defaults: 2 rounds of 120,000 statements
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/h2-crash/h2-jar.sh
jar="$(h2_jar)"
for _ in $(seq "${1:-2}"); do
  for variant in fk nofk; do
    java -Xmx256m -cp "$jar" bench/h2-fk/ForeignKeyIndexes.java "$variant" "${2:-120000}"
  done
done
