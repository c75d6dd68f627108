#!/usr/bin/env python3
"""Prints the hottest frames of a JFR recording's execution samples (JDK's `jfr` tool does the
parsing): the top methods by own samples, the top methods by samples anywhere on the stack, and the
share of each library (a sample counts for the library of the frame nearest its leaf that belongs to
one of LIBRARIES, so JDK code is charged to the library that called it).
   python3 bench/jfr-top.py recording.jfr [N] [filter: a frame that must be on the stack]"""
import collections
import json
import os
import subprocess
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
only = sys.argv[3] if len(sys.argv) > 3 else None
jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"), "bin", "jfr")
if not os.path.exists(jfr):
    jfr = "jfr"
raw = subprocess.run([jfr, "print", "--json", "--stack-depth", "512", "--events", "jdk.ExecutionSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(raw)["recording"]["events"]
LIBRARIES = [("org/h2/", "H2"), ("org/postgresql/", "PostgreSQL JDBC"), ("org/hibernate/", "Hibernate ORM"),
             ("io/agroal/", "Agroal pool"), ("graphql/", "graphql-java"), ("org/dataloader/", "java-dataloader"),
             ("io/smallrye/graphql/", "SmallRye GraphQL"), ("io/smallrye/context/", "SmallRye context propagation"),
             ("io/smallrye/mutiny/", "Mutiny"), ("io/micrometer/", "Micrometer"), ("dev/diplograph/", "diplograph"),
             ("io/quarkus/", "Quarkus"), ("io/vertx/", "Vert.x"), ("io/netty/", "Netty")]
own = collections.Counter()
anywhere = collections.Counter()
libraries = collections.Counter()
total = 0
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    if not frames:
        continue
    names = []
    for f in frames:
        m = f["method"]
        names.append(m["type"]["name"] + "." + m["name"])
    if only and not any(only in n for n in names):
        continue
    total += 1
    own[names[0]] += 1
    for n in set(names):
        anywhere[n] += 1
    library = next((label for n in names for prefix, label in LIBRARIES if n.startswith(prefix)), "JDK and other")
    libraries[library] += 1
print(f"{total} execution samples" + (f" with {only} on the stack" if only else ""))
print("\nhottest methods (own samples):")
for name, n in own.most_common(top):
    print(f"  {100 * n / total:5.1f}%  {name}")
print("\nmost present on the stack (inclusive):")
for name, n in anywhere.most_common(top * 2):
    print(f"  {100 * n / total:5.1f}%  {name}")
print("\nby library (nearest library frame to the leaf):")
for name, n in libraries.most_common():
    print(f"  {100 * n / total:5.1f}%  {name}")
