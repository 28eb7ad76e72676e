-- One contender of LoadBenchmarkIT: the request comes from the environment, so that one script
-- drives every endpoint alike. wrk itself counts answers of 400 and above as errors.status.
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
local name = os.getenv("BENCH_HEADER_NAME")
if name and name ~= "" then
  wrk.headers[name] = os.getenv("BENCH_HEADER_VALUE")
end

-- Printed as one JSON line, which the harness parses; latencies are in microseconds.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"non2xx":%d,"socketErrors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
