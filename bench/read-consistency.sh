#!/usr/bin/env bash
# Read consistency under concurrent writes: one client rewrites a visit and its cooperation areas in
# a loop (one mutation, one transaction, all carrying the same tag) while another reads both in one
# query. Prints how many answers mixed two writes (TORN_READS). See the README's "Limits".
#
#   bench/read-consistency.sh [reads]             # default 1500 reads, embedded H2
#   BENCH_DB=postgresql bench/read-consistency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
READS=${1:-1500}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
BENCH_SERVICE_ENV="DIPLOGRAPH_SEED_ENABLED=true ${BENCH_SERVICE_ENV:-}"
. bench/lib.sh
start "$WORK" consistency
python3 - "$PORT" "$TOKEN" "$READS" <<'PY'
import json, sys, threading, urllib.request
port, token, reads = sys.argv[1], sys.argv[2], int(sys.argv[3])
url = "http://localhost:%s/graphql" % port
def post(query, variables=None, auth=False):
    headers = {"Content-Type": "application/json"}
    if auth:
        headers["Authorization"] = "Bearer " + token
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    return json.load(urllib.request.urlopen(urllib.request.Request(url, body, headers)))
write = "mutation($i: VisitInput!) { upsertVisit(input: $i) { key } }"
visit = {"key": "consistency-probe", "leader": "lee-jae-myung", "hostCountry": "TR", "startDate": "2026-01-01"}
done, writes = threading.Event(), [0]
def writer():
    while not done.is_set():
        writes[0] += 1
        tag = "write %d" % writes[0]
        answer = post(write, {"i": dict(visit, summary=tag, sectors=[{"sector": s, "summary": tag}
                      for s in ("biohealth", "nuclear-power", "defense-industry")])}, auth=True)
        assert "errors" not in answer, answer
post(write, {"i": dict(visit, summary="write 0", sectors=[])}, auth=True)
thread = threading.Thread(target=writer)
thread.start()
torn = split_areas = 0
try:
    for _ in range(reads):
        answer = post('{ visit(key: "consistency-probe") { summary sectors { summary } } }')
        assert "errors" not in answer, answer
        found = answer["data"]["visit"]
        areas = {area["summary"] for area in found["sectors"]}
        split_areas += len(areas) > 1  # one statement reads them: this would be a half-visible write
        tags = {found["summary"]} | areas
        if len(tags) > 1:
            torn += 1
            if torn <= 3:
                print("mixed answer:", found)
finally:
    done.set()
    thread.join()
print("reads %d, writes meanwhile %d" % (reads, writes[0]))
print("TORN_READS %d of %d (areas disagreeing among themselves: %d)" % (torn, reads, split_areas))
PY
stop $PID
