#!/usr/bin/env python3
"""Times the nested quotes lists, and the top-level list of one leader's, against a running service on a generated dataset: p50 and p95 of N
runs per query, over one keep-alive connection, after 20 warm-up runs of every query. Runs ask about other
leaders and sources in turn (the leaders list is the same first page each time).

  bench/nested.py [port] [runs] [leaders]
"""
import statistics
import sys

from timed_graphql import TimedGraphQL

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 18080
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 30
LEADERS = int(sys.argv[3]) if len(sys.argv) > 3 else 100


def leader(i):
    return "leader-%05d" % (i % LEADERS)


CASES = [
    ("one leader's first 10 quotes", lambda i: '{ leader(slug: "%s") { quotes(first: 10) { key } } }' % leader(i)),
    ("20 leaders' first 5 quotes each", lambda i: '{ leaders(first: 20) { edges { node { quotes(first: 5) { key } } } } }'),
    ("one leader's 20 visits, first 5 quotes each",
     lambda i: '{ leader(slug: "%s") { visits(first: 20) { quotes(first: 5) { key } } } }' % leader(i)),
    ("one leader's first 10 quotes, top-level list",
     lambda i: '{ quotes(first: 10, filter: {speaker: "%s"}) { edges { node { key } } } }' % leader(i)),
    ("one source's first 10 quotes", lambda i: '{ source(key: "wire-%04d") { quotes(first: 10) { key } } }' % (i % 300)),
]

run = TimedGraphQL(PORT, 120).run


# Warm-up: every query 20 times first, so the JIT has compiled their paths before any is timed.
for name, query in CASES:
    for i in range(20):
        run(query(1000 + i))
print("%-50s %8s %8s" % ("query (%d runs each)" % RUNS, "p50 ms", "p95 ms"))
for name, query in CASES:
    times = sorted(run(query(i)) for i in range(RUNS))
    print("%-50s %8.1f %8.1f" % (name, statistics.median(times), times[int(len(times) * 0.95) - 1]))
    print("NESTED_P50_MS[%s] %.1f" % (name, statistics.median(times)))
