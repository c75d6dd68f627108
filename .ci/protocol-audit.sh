#!/usr/bin/env bash
# GraphQL-over-HTTP compliance: starts the packaged service on a fresh embedded database, runs the
# graphql-http server audits against /graphql and fails when any MUST or SHOULD audit fails.
#   bash .ci/protocol-audit.sh [report.md]     (needs target/quarkus-app and Node.js 18+)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18181}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

(cd src/test/js && npm ci --no-audit --no-fund --silent)
DIPLOGRAPH_DATA_DIR="$WORK" QUARKUS_HTTP_PORT=$PORT DIPLOGRAPH_EDITOR_TOKEN=audit \
  java -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 0.5; done
node src/test/js/graphql-http-audit.mjs "http://localhost:$PORT/graphql" ${1:+"$1"}
