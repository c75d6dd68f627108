"""Shared by the Python benchmarks: times one GraphQL request over a keep-alive connection."""
import http.client
import json
import sys
import time


class TimedGraphQL:
    """POSTs queries to /graphql on localhost:PORT over one connection; exits on any GraphQL error."""

    def __init__(self, port, timeout):
        self.conn = http.client.HTTPConnection("localhost", port, timeout=timeout)

    def run(self, query):
        """Milliseconds from sending the query to having read its whole answer."""
        body = json.dumps({"query": query})
        start = time.perf_counter()
        self.conn.request("POST", "/graphql", body, {"Content-Type": "application/json"})
        response = json.loads(self.conn.getresponse().read())
        elapsed = (time.perf_counter() - start) * 1000
        if response.get("errors"):
            sys.exit("error for %r: %s" % (query, response["errors"]))
        return elapsed
