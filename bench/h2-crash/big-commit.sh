#!/usr/bin/env bash
# Does a kill -9 during the commit of one large transaction leave part of it in an H2 file? Runs
# H2BigCommitCheck (H2 alone, no service) against the H2 version the build uses, or the ones given.
#   bench/h2-crash/big-commit.sh [ROUNDS] [H2 VERSION...]     e.g. big-commit.sh 8 2.5.252 2.3.232
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-8}"
shift || true
versions=("$@")
if [[ ${#versions[@]} -eq 0 ]]; then
  versions=("$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)")
fi
for h2 in "${versions[@]}"; do
  jar="$HOME/.m2/repository/com/h2database/h2/$h2/h2-$h2.jar"
  [[ -f "$jar" ]] || ./mvnw -q dependency:get -Dartifact="com.h2database:h2:$h2" >/dev/null
  java -cp "$jar" bench/h2-crash/H2BigCommitCheck.java run "$rounds"
done
