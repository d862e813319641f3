-- wrk script: POST /api/v1/tickets with a bearer token from the environment (RAPPORT_TOKEN), 5,000 distinct customers.
local token = os.getenv("RAPPORT_TOKEN")
local queries = {
  "My card payment was declined at the shop today.", "I am still waiting on my card, it has been two weeks.",
  "Why was I charged an extra fee for my transfer?", "The ATM did not give me my cash but charged my account.",
  "How do I change my PIN?", "My top-up has not arrived in my account yet."
}
local counter = 0
request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  local body = '{"subject":"' .. q .. '","body":"' .. q .. ' (' .. counter .. ')","customer":{"email":"wrk-'
    .. (counter % 5000) .. '@example.com","name":"Wrk Customer"},"priority":"normal","tags":["bench"]}'
  return wrk.format("POST", "/api/v1/tickets",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("%-52s n=%6d  %8.1f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d\n",
    "create tickets (wrk, " .. (os.getenv("RAPPORT_CONNECTIONS") or "?") .. " connections)", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
