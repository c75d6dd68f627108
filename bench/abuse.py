#!/usr/bin/env python3
"""Times the refusals of hostile GraphQL requests against a running service, p50 of N runs each:
the gate's own time from the Server-Timing header (body received → refusal), and the total on
localhost from sending the request to the end of the response (upload included). Then checks that a
normal query still answers.

  bench/abuse.py [port] [runs]
"""
import http.client
import json
import statistics
import sys
import time

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
conn = http.client.HTTPConnection("localhost", PORT, timeout=60)


def query(text):
    return json.dumps({"query": text})


bomb = "{ leaders { edges { node { ...F40 } } } }\nfragment F0 on Leader { name slug }\n" + "".join(
    "fragment F%d on Leader { ...F%d ...F%d }\n" % (i, i - 1, i - 1) for i in range(1, 41))
CASES = [
    ("1 MB document, 200,000 tokens", query("{ sectors { " + "slug " * 199_990 + "} }")),
    ("fragment bomb (2^40 fields)", query(bomb)),
    ("depth 40", query("{ leader(slug: \"x\") { " + "visits { leader { " * 20 + "name" + " } }" * 20 + " } }")),
    ("5,000 aliases (~100 KB)", query("{ " + " ".join("a%d: __typename" % i for i in range(5000)) + " }")),
    ("JSON batch of 1,000 operations", json.dumps([{"query": "{ sectors { slug } }"}] * 1000)),
    ("1.5 MB body (over the cap)", query("{ sectors { slug } }" + " " * 1_500_000)),
]


def send(body):
    start = time.perf_counter()
    conn.request("POST", "/graphql", body, {"Content-Type": "application/json",
                                            "Accept": "application/graphql-response+json"})
    response = conn.getresponse()
    payload = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    timing = response.getheader("Server-Timing") or ""
    gate = float(timing.split("dur=")[1]) if "dur=" in timing else float("nan")
    return elapsed, gate, response.status, json.loads(payload) if payload else {}


print("%-36s %9s %9s %9s %6s  %s" % ("request", "bytes", "gate p50", "total p50", "status", "code"))
for name, body in CASES:
    times, gates = [], []
    for i in range(RUNS + 3):
        elapsed, gate, status, answer = send(body)
        if i >= 3:
            times.append(elapsed)
            gates.append(gate)
        if status == 413:  # the server closes the connection after refusing a body it did not read
            conn.close()
    code = answer.get("errors", [{}])[0].get("extensions", {}).get("code")
    print("%-36s %9d %9.2f %9.1f %6d  %s" % (name, len(body), statistics.median(gates), statistics.median(times),
                                            status, code))
    print("REFUSAL_P50_MS[%s] gate %.2f total %.1f" % (name, statistics.median(gates), statistics.median(times)))
normal = []
for _ in range(10):
    elapsed, gate, status, answer = send(query('{ leader(slug: "lee-jae-myung") { name visits(first: 1) { key } } }'))
    assert status == 200 and answer["data"]["leader"]["name"] == "Lee Jae Myung", answer
    normal.append(elapsed)
print("normal query afterwards: HTTP 200, p50 %.1f ms over 10 (first %.1f ms)" % (statistics.median(normal), normal[0]))
