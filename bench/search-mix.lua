-- wrk script for bench/search.sh: the search mix (bench/LoadClient.java --mode search-paths writes its paths to the
-- file named by SEARCH_PATHS), each connection taking the next path in turn, with the API token in TOKEN. wrk is a
-- small C client: the Java client of LoadClient.java took a third of the two cores the server shares with it.
local paths = {}
for line in io.lines(os.getenv("SEARCH_PATHS")) do
  paths[#paths + 1] = line
end
local auth = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
local counter = 0

-- each thread starts at its own place in the list: with THREADS threads (wrk -t), the first at the start, the
-- second a THREADS-th of the way in, and so on
setup = function(thread)
  thread:set("offset", counter * math.floor(#paths / tonumber(os.getenv("THREADS") or "2")))
  counter = counter + 1
end

init = function()
  next_path = offset
end

request = function()
  next_path = next_path + 1
  return wrk.format("GET", paths[(next_path % #paths) + 1], auth)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("%-52s n=%6d  %8.1f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d\n",
    os.getenv("TITLE") or "wrk", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout + e.status))
end
