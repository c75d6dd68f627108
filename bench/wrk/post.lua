-- POSTs the JSON body in the file named by $BODY_FILE to /graphql (bench/load.sh checks each body
-- once for errors before timing it) and prints a machine-readable summary line.
local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
  io.write(string.format("WRK_RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f timeouts=%d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.timeout))
end
