#!/usr/bin/env bash
# Does a kill -9 during the commit of one large transaction leave part of it in an H2 file? Runs
# H2BigCommitCheck (H2 alone, no service) against the H2 version the build uses, or the ones given.
#   bench/h2-crash/big-commit.sh [ROUNDS] [H2 VERSION...]     e.g. big-commit.sh 8 2.5.252 2.3.232
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/h2-crash/h2-jar.sh
rounds="${1:-8}"
shift || true
versions=("$@")
[[ ${#versions[@]} -gt 0 ]] || versions=("")
for h2 in "${versions[@]}"; do
  java -cp "$(h2_jar "$h2")" bench/h2-crash/H2BigCommitCheck.java run "$rounds"
done
