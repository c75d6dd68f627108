#!/usr/bin/env python3
"""Times the top-level quotes list filtered by a tag against a running service on a dataset of
bench/generate-dataset.py (12 sectors of 67,000-92,000 statements each at a million; 50 projects that
no statement carries): p50 and max of N runs per case over one keep-alive connection, after two
warm-up runs. Each run names another sector, project or day, so no cached result answers it, except
in the cases marked "again", which ask the same total every run (the count cache keeps it).

  bench/filters.py [port] [runs]
"""
import statistics
import sys

from timed_graphql import TimedGraphQL

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 18080
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
PAGE = "{ edges { node { key } } }"

CASES = [
    ("page, a project no statement carries",
     lambda i: '{ quotes(first: 20, filter: {project: "project-0%02d"}) %s }' % (i % 50, PAGE)),
    ("count, a project no statement carries",
     lambda i: '{ quotes(filter: {project: "project-0%02d"}) { totalCount } }' % (i % 50)),
    ("page, a sector", lambda i: '{ quotes(first: 20, filter: {sector: "sector-%02d"}) %s }' % (i % 12, PAGE)),
    ("count, a sector", lambda i: '{ quotes(filter: {sector: "sector-%02d"}) { totalCount } }' % (i % 12)),
    ("page, a sector and a kind",
     lambda i: '{ quotes(first: 20, filter: {sector: "sector-%02d", kind: PARAPHRASE}) %s }' % (i % 12, PAGE)),
    ("count, a sector and a kind",
     lambda i: '{ quotes(filter: {sector: "sector-%02d", kind: DIRECT}) { totalCount } }' % (i % 12)),
    ("page, a sector and a rare word",
     lambda i: '{ quotes(first: 20, filter: {sector: "sector-%02d", text: "topic1%04d"}) %s }' % (i % 12, i, PAGE)),
    # No index counts these: each run names another day, so the count cache cannot answer...
    ("count, a kind and a start date",
     lambda i: '{ quotes(filter: {kind: DIRECT, from: "2016-01-%02d"}) { totalCount } }' % (i % 28 + 1)),
    # ...and here every run asks the same, as a client paging through the list does: kept since the warm-up.
    ("count, a kind and a start date, again",
     lambda i: '{ quotes(filter: {kind: DIRECT, from: "2016-06-01"}) { totalCount } }'),
    ("count, a sector and a kind, again",
     lambda i: '{ quotes(filter: {sector: "sector-03", kind: DIRECT}) { totalCount } }'),
]

run = TimedGraphQL(PORT, 300).run


print("%-40s %8s %8s" % ("query (%d runs each)" % RUNS, "p50 ms", "max ms"))
for name, query in CASES:
    for i in range(2):
        run(query(100 + i))
    times = sorted(run(query(i)) for i in range(RUNS))
    print("%-40s %8.1f %8.1f" % (name, statistics.median(times), times[-1]))
    print("FILTER_P50_MS[%s] %.1f" % (name, statistics.median(times)))
