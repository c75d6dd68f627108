#!/usr/bin/env bash
# The article extractor on hostile texts at the ingestion limit (200,000 characters): prints the time
# of each text, three rounds (the first includes JIT warm-up). Needs the compiled classes; the
# extractor uses nothing but the JDK.
#   ./mvnw -q compile && bash bench/extract/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
java -Xmx512m -cp target/classes bench/extract/HostileArticles.java
