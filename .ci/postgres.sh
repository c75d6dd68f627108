#!/usr/bin/env bash
# Starts the local PostgreSQL cluster (installing the server from Debian if it is missing), creates a
# login role and a fresh, empty database, and prints the QUARKUS_DATASOURCE_* settings to export.
# Usage: eval "$(bash .ci/postgres.sh <database>)"
set -euo pipefail
DB="${1:?database name}"
ROLE=diplograph
PASSWORD=diplograph-ci

if ! command -v pg_lsclusters > /dev/null; then
  (apt-get install -y -q postgresql > /dev/null 2>&1 \
    || (apt-get update -q > /dev/null && apt-get install -y -q postgresql > /dev/null)) >&2
fi
CLUSTER=$(pg_lsclusters --no-header | head -1)
VERSION=$(echo "$CLUSTER" | awk '{print $1}')
NAME=$(echo "$CLUSTER" | awk '{print $2}')
PORT=$(echo "$CLUSTER" | awk '{print $3}')
if ! echo "$CLUSTER" | grep -q online; then
  pg_ctlcluster "$VERSION" "$NAME" start >&2
fi
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -p "$PORT" "$@" >&2; }
psql_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN CREATE ROLE $ROLE LOGIN; END IF;
END \$\$" -c "ALTER ROLE $ROLE PASSWORD '$PASSWORD'"
psql_admin -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\" OWNER $ROLE"

echo "export QUARKUS_DATASOURCE_DB_KIND=postgresql"
echo "export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:$PORT/$DB"
echo "export QUARKUS_DATASOURCE_USERNAME=$ROLE"
echo "export QUARKUS_DATASOURCE_PASSWORD=$PASSWORD"
