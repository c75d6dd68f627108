#!/usr/bin/env python3
"""Times quote text searches against a running service: p50 and p95 of N runs per query, over one
keep-alive connection, after a few warm-up runs.

  bench/search.py [port] [runs] [--count-errors]

With --count-errors an answer with errors (such as TIMEOUT) is counted and timed instead of ending
the run; the error codes are printed per search.
"""
import http.client
import json
import statistics
import sys
import time

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
PORT = int(ARGS[0]) if len(ARGS) > 0 else 18080
RUNS = int(ARGS[1]) if len(ARGS) > 1 else 30
COUNT_ERRORS = "--count-errors" in sys.argv
PAGE = "query($t: String) { quotes(first: 20, filter: {text: $t}) { edges { node { key } } } }"
COUNTED = "query($t: String) { quotes(first: 20, filter: {text: $t}) { totalCount edges { node { key } } } }"
WORDS = ("cooperation partnership defense energy nuclear trade investment technology industry "
         "security stability growth innovation supply chain infrastructure culture exchange "
         "tourism education health digital renewable future strategic mutual trust").split()


def rare(i):
    return "topic%05d" % ((i * 7919) % 20000)


# Every run searches for other words, so no database answers from a cache of the same query.
CASES = [
    ("rare word, page + totalCount", COUNTED, lambda i: rare(i)),
    ("rare + common word, page + totalCount", COUNTED, lambda i: rare(i) + " " + WORDS[i % len(WORDS)]),
    ("two rare words, page + totalCount", COUNTED, lambda i: rare(i) + " " + rare(i + 1)),
    ("common word, first page only", PAGE, lambda i: WORDS[i % len(WORDS)]),
    ("two common words, first page only", PAGE, lambda i: WORDS[i % len(WORDS)] + " " + WORDS[(i + 5) % len(WORDS)]),
    ("common word, page + totalCount (~half the table)", COUNTED, lambda i: WORDS[i % len(WORDS)]),
]

conn = http.client.HTTPConnection("localhost", PORT, timeout=120)


def run(query, text):
    body = json.dumps({"query": query, "variables": {"t": text}})
    start = time.perf_counter()
    conn.request("POST", "/graphql", body, {"Content-Type": "application/json"})
    response = json.loads(conn.getresponse().read())
    elapsed = (time.perf_counter() - start) * 1000
    if response.get("errors"):
        if not COUNT_ERRORS:
            sys.exit("error for %r: %s" % (text, response["errors"]))
        return elapsed, None, [e.get("extensions", {}).get("code") for e in response["errors"]]
    return elapsed, response["data"]["quotes"], []


print("%-50s %8s %8s %12s" % ("query (%d runs each)" % RUNS, "p50 ms", "p95 ms", "matches p50"))
for name, query, text in CASES:
    for i in range(1 if COUNT_ERRORS else 3):
        run(query, text(1000 + i))
    times, matches, errors = [], [], []
    for i in range(RUNS):
        elapsed, data, codes = run(query, text(i))
        times.append(elapsed)
        errors += codes
        if data is not None:
            matches.append(data.get("totalCount", len(data["edges"])))
    times.sort()
    print("%-50s %8.1f %8.1f %12s%s" % (name, statistics.median(times), times[int(len(times) * 0.95) - 1],
                                        "%d" % statistics.median(matches) if matches else "-",
                                        "  errors: " + ", ".join(errors) if errors else ""))
    print("SEARCH_P50_MS[%s] %.1f" % (name, statistics.median(times)))
