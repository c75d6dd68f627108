#!/usr/bin/env python3
"""Durability check: starts the packaged service (embedded H2 file, or PostgreSQL when the
QUARKUS_DATASOURCE_* variables are set), drives mutations from several concurrent clients, kills the
process with SIGKILL once enough of them have been acknowledged, restarts it on the same database and
verifies that every acknowledged write is there and that no write is half-applied.

Each mutation writes one visit with three cooperation areas and three cities in one transaction, so a
half-applied write would show as a visit with fewer areas or cities.

  bench/durability.py [--acked 1000] [--clients 6]      (run from the project root after ./mvnw package)
Exit status 0 when nothing acknowledged was lost and nothing is half-applied.
"""
import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

TOKEN = "durability-token"
SECTORS = ["artificial-intelligence", "biohealth", "defense-industry"]


def start(port, data_dir, log, token=TOKEN, extra_env=None):
    """Starts the packaged service on data_dir (and the database of extra_env, if any); waits until it is ready."""
    env = dict(os.environ, DIPLOGRAPH_DATA_DIR=data_dir, DIPLOGRAPH_EDITOR_TOKEN=token, QUARKUS_HTTP_PORT=str(port),
               **(extra_env or {}))
    process = subprocess.Popen(["java", "-jar", "target/quarkus-app/quarkus-run.jar"], env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    for _ in range(240):
        try:
            conn = http.client.HTTPConnection("localhost", port, timeout=2)
            conn.request("GET", "/q/health/ready")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit("service did not start; see " + log.name)


def graphql(conn, query, variables=None):
    conn.request("POST", "/graphql", json.dumps({"query": query, "variables": variables or {}}),
                 {"Content-Type": "application/json", "Authorization": "Bearer " + TOKEN})
    response = conn.getresponse()
    return response.status, json.loads(response.read())


UPSERT = """mutation($key: String!) { upsertVisit(input: {key: $key, leader: "lee-jae-myung", hostCountry: "TR",
  startDate: "2030-01-01", cities: ["Ankara", "Istanbul", "Sinop"],
  sectors: [{sector: "artificial-intelligence", status: ACTIVE}, {sector: "biohealth", status: AGREED},
            {sector: "defense-industry", status: PROPOSED}]}) { key } }"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--acked", type=int, default=1000, help="acknowledged writes before the kill")
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--port", type=int, default=18282)
    args = parser.parse_args()
    database = "PostgreSQL" if os.environ.get("QUARKUS_DATASOURCE_JDBC_URL") else "embedded H2"
    work = tempfile.mkdtemp(prefix="durability-")
    log = open(os.path.join(work, "service.log"), "w")
    process = start(args.port, work, log)
    run = "d%d" % int(time.time())
    acked, attempted, lock, stop = [], [], threading.Lock(), threading.Event()

    def client(n):
        conn = http.client.HTTPConnection("localhost", args.port, timeout=10)
        i = 0
        while not stop.is_set():
            key = "%s-%d-%d" % (run, n, i)
            i += 1
            with lock:
                attempted.append(key)
            try:
                status, body = graphql(conn, UPSERT, {"key": key})
            except (OSError, http.client.HTTPException, ValueError):
                return  # the service is gone
            if status == 200 and not body.get("errors") and body["data"]["upsertVisit"]["key"] == key:
                with lock:
                    acked.append(key)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    started = time.time()
    for t in threads:
        t.start()
    while len(acked) < args.acked and time.time() - started < 300:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)  # mid-stream: the clients are still sending
    process.wait()
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.time() - started
    print("%s: %d writes acknowledged, %d attempted, in %.1f s by %d clients; then SIGKILL"
          % (database, len(acked), len(attempted), elapsed, args.clients))

    process = start(args.port, work, log)
    conn = http.client.HTTPConnection("localhost", args.port, timeout=30)
    lost, half, present = [], [], 0
    query = "query($key: String!) { visit(key: $key) { key cities sectors { sector { slug } } } }"
    acked_set = set(acked)
    for key in attempted:
        status, body = graphql(conn, query, {"key": key})
        visit = body.get("data", {}).get("visit")
        if visit is None:
            if key in acked_set:
                lost.append(key)
            continue
        present += 1
        slugs = sorted(area["sector"]["slug"] for area in visit["sectors"])
        if slugs != SECTORS or visit["cities"] != ["Ankara", "Istanbul", "Sinop"]:
            half.append(key)
    process.terminate()
    process.wait()
    log.close()
    print("after restart: %d of %d attempted writes present; acknowledged but lost: %d; half-applied: %d"
          % (present, len(attempted), len(lost), len(half)))
    print("DURABILITY %s lost=%d half_applied=%d acked=%d" % (database.replace(" ", "_"), len(lost), len(half), len(acked)))
    ok = not lost and not half and len(acked) >= args.acked
    if ok:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print("kept for inspection: " + work)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
