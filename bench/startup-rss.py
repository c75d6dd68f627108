#!/usr/bin/env python3
"""Start-up time and memory of the packaged service, native and JVM, measured the same way.

For each mode it reports the executable's size, the time from exec to the first successful GraphQL
response (median and range of N starts on an already seeded H2 file, plus the very first start that
seeds it), and the resident set size after 1,000 GraphQL requests.

  bench/startup-rss.py [--runs 10] [--native target/diplograph-0.1.0-SNAPSHOT-runner] [--jar target/quarkus-app/quarkus-run.jar]
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request

QUERY = json.dumps({"query": '{ leader(slug: "lee-jae-myung") { name visits { startDate hostCountry { name } '
                             'sectors { status sector { name } quotes { text kind source { outlet } } } } } }'}).encode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask(port, timeout=1.0):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=QUERY,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = json.load(response)
        return response.status == 200 and body.get("data", {}).get("leader") is not None


def start(command, data_dir, port):
    env = dict(os.environ, DIPLOGRAPH_DATA_DIR=data_dir, QUARKUS_HTTP_PORT=str(port))
    begin = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        if process.poll() is not None:
            raise SystemExit(f"{command[0]} exited with {process.returncode}")
        try:
            if ask(port, timeout=0.5):
                return process, time.perf_counter() - begin
        except OSError:
            pass
        time.sleep(0.002)
        if time.perf_counter() - begin > 120:
            process.kill()
            raise SystemExit("no answer within 120 s")


def stop(process):
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure(name, command, size_path, runs):
    work = tempfile.mkdtemp(prefix=f"diplograph-{name}-")
    try:
        port = free_port()
        process, first = start(command, work, port)  # seeds the database
        stop(process)
        times = []
        for _ in range(runs):
            port = free_port()
            process, elapsed = start(command, work, port)
            times.append(elapsed)
            stop(process)
        port = free_port()
        process, _ = start(command, work, port)
        for _ in range(1000):
            ask(port, timeout=5)
        rss = rss_mib(process.pid)
        stop(process)
        size = os.path.getsize(size_path) if os.path.isfile(size_path) else sum(
            os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(size_path) for f in fs)
        print(f"{name}: size {size / 1024 / 1024:.1f} MiB; first start (seeding) {first * 1000:.0f} ms; "
              f"start to first GraphQL answer: median {statistics.median(times) * 1000:.0f} ms "
              f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {runs} starts); "
              f"RSS after 1,000 requests {rss:.0f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--native", default="target/diplograph-0.1.0-SNAPSHOT-runner")
    parser.add_argument("--jar", default="target/quarkus-app/quarkus-run.jar")
    parser.add_argument("--java", default=shutil.which("java"))
    parser.add_argument("--native-args", default="", help="extra arguments for the executable, e.g. -Xmx64m")
    parser.add_argument("--jvm-args", default="", help="extra JVM arguments, e.g. -Xmx128m")
    parser.add_argument("--only", choices=["native", "jvm"], help="measure one mode only")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; {args.runs} starts per mode")
    if args.only != "jvm" and os.path.isfile(args.native):
        measure("native", [os.path.abspath(args.native)] + args.native_args.split(), args.native, args.runs)
    elif args.only != "jvm":
        print(f"native: no executable at {args.native} (build it with ./mvnw package -Dnative)")
    if args.only != "native" and os.path.isfile(args.jar):
        measure("jvm", [args.java] + args.jvm_args.split() + ["-jar", os.path.abspath(args.jar)],
                os.path.dirname(args.jar), args.runs)
    elif args.only != "native":
        print(f"jvm: no jar at {args.jar} (build it with ./mvnw package)")


if __name__ == "__main__":
    main()
