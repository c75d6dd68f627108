#!/usr/bin/env python3
"""Crash during an import: starts the packaged service on a fresh database, posts a generated
visits-dataset/1 document, kills the service with SIGKILL after each given delay (so, with the right
delays, while the import writes and while it commits), restarts it on the same database and checks
that the import is there completely or not at all: as many statements and visits as before it, or
as many as before plus the document's. When it is neither, the import is sent again (the client got
no answer), and the counts after that are printed too.

  bench/crash-import.py [--statements 120000] [--delays 3,6,7.5,8,8.5,9]     (embedded H2)
  bench/crash-import.py --postgresql --delays 10,20,40                    (fresh local PostgreSQL databases)
Prints one CRASH_IMPORT line per delay and a summary; exit status 0 when no import was half-applied.
Run from the project root after ./mvnw package.
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

import durability  # bench/ is on the path when this script runs

TOKEN = "crash-import-token"


def database_env(postgresql, name):
    if not postgresql:
        return {}
    out = subprocess.run(["bash", ".ci/postgres.sh", name], check=True, capture_output=True, text=True).stdout
    return dict(line[len("export "):].split("=", 1) for line in out.splitlines() if line.startswith("export "))


def counts(port):
    conn = http.client.HTTPConnection("localhost", port, timeout=60)
    conn.request("POST", "/graphql", json.dumps({"query": "{ quotes(first: 1) { totalCount } visits(first: 1) { totalCount } }"}),
                 {"Content-Type": "application/json"})
    data = json.loads(conn.getresponse().read())["data"]
    return data["quotes"]["totalCount"], data["visits"]["totalCount"]


def post_import(port, document, outcome):
    try:
        conn = http.client.HTTPConnection("localhost", port, timeout=600)
        with open(document, "rb") as body:
            conn.request("POST", "/api/datasets", body, {"Content-Type": "application/json",
                                                         "Authorization": "Bearer " + TOKEN,
                                                         "Content-Length": str(os.path.getsize(document))})
            response = conn.getresponse()
            outcome["status"] = response.status
            outcome["report"] = json.loads(response.read())
    except (OSError, http.client.HTTPException, ValueError) as e:
        outcome["status"] = "no answer (%s)" % type(e).__name__


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--statements", type=int, default=120000)
    parser.add_argument("--delays", default="3,6,7.5,8,8.5,9", help="seconds after the POST starts")
    parser.add_argument("--postgresql", action="store_true", help="a fresh local PostgreSQL database per round")
    parser.add_argument("--port", type=int, default=18383)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="crash-import-")
    document = os.path.join(work, "dataset.json")
    with open(document, "wb") as out:
        subprocess.run([sys.executable, "bench/generate-dataset.py", "--statements", str(args.statements)], stdout=out, check=True)
    with open(document) as f:
        doc = json.load(f)
    added = (len(doc["statements"]), len(doc["visits"]))
    database = "PostgreSQL" if args.postgresql else "embedded_H2"
    half = 0
    for round_number, delay in enumerate(float(d) for d in args.delays.split(",")):
        data_dir = os.path.join(work, "round%d" % round_number)
        db_env = database_env(args.postgresql, "crash_import_%d" % round_number)
        log = open(data_dir + ".log", "w")
        process = durability.start(args.port, data_dir, log, TOKEN, db_env)
        before = counts(args.port)
        outcome = {}
        poster = threading.Thread(target=post_import, args=(args.port, document, outcome))
        poster.start()
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        poster.join()
        restart = time.monotonic()
        process = durability.start(args.port, data_dir, log, TOKEN, db_env)
        restart = time.monotonic() - restart
        after = counts(args.port)
        resent = ""
        if after not in (before, (before[0] + added[0], before[1] + added[1])):
            # The client got no answer, so it sends the import again; imports are upserts by key.
            again = {}
            post_import(args.port, document, again)
            resent = "; sent again: answer %s, statements %d, visits %d" % ((again.get("status"),) + counts(args.port))
        process.terminate()
        process.wait()
        log.close()
        if after == before:
            state = "absent"
        elif after == (before[0] + added[0], before[1] + added[1]):
            state = "complete"
        else:
            state = "HALF-APPLIED"
            half += 1
        with open(data_dir + ".log", errors="replace") as written:
            # Flyway's "Retrying in N sec" lines: the database was not ready yet when the service restarted.
            retries = sum("Retrying in" in line for line in written)
        print("CRASH_IMPORT %s kill_after=%.1fs import_answer=%s statements %d -> %d visits %d -> %d: %s%s"
              " (back in %.1fs, connection retries %d)"
              % (database, delay, outcome.get("status"), before[0], after[0], before[1], after[1], state, resent,
                 restart, retries), flush=True)
    print("CRASH_IMPORT_SUMMARY %s rounds=%d half_applied=%d" % (database, len(args.delays.split(",")), half))
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if half else 0)


if __name__ == "__main__":
    main()
