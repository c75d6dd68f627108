#!/usr/bin/env bash
# The playground in a real browser: installs Debian's Chromium if missing, starts the packaged service
# on a fresh embedded database, and runs src/test/js/playground.mjs (playwright-core) against
# /q/graphql-ui. The screenshot goes to target/playground.png.
#   bash .ci/playground.sh     (needs target/quarkus-app and Node.js 18+)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18183}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ ! -x /usr/bin/chromium ]; then
  apt-get install -y -q chromium > /dev/null 2>&1 \
    || (apt-get update -q > /dev/null && apt-get install -y -q chromium > /dev/null)
fi
(cd src/test/js && npm ci --no-audit --no-fund --silent)
DIPLOGRAPH_DATA_DIR="$WORK" QUARKUS_HTTP_PORT=$PORT DIPLOGRAPH_EDITOR_TOKEN=playground \
  java -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 0.5; done
node src/test/js/playground.mjs "http://localhost:$PORT" target/playground.png playground
