#!/usr/bin/env bash
# Search benchmark (issue 10, point 7): Rapport on a fresh PostgreSQL database (127.0.0.1 only) with N tickets loaded
# by bench/BulkLoad.java, then the search index rebuilt from the database (the rate is the index build figure), its
# size on disk and the heap after it, and then searches at concurrency 20 and suggestions, through the API: from the
# Java client of bench/LoadClient.java, then the same searches from wrk (bench/search-mix.lua), which leaves the two
# cores to the server.
#   bench/search.sh [tickets, default 1000000] [search requests, default 4000]
set -euo pipefail
cd "$(dirname "$0")/.."
db=postgresql
tickets=${1:-1000000}
requests=${2:-4000}
port=${RAPPORT_BENCH_PORT:-18082}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$java_home/bin/java"
. bench/server.sh
find_jar
start_rapport ${RAPPORT_BENCH_ENV:-}
echo "== Rapport search benchmark: $tickets tickets on PostgreSQL, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
setup_desk
bulk_load "$tickets"

heap() { # the heap in use after a full collection, in MB
  "$java_home/bin/jcmd" "$pid" GC.run >/dev/null
  "$java_home/bin/jcmd" "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9 | awk '{printf "%d", $1/1024}'
}
echo "-- heap before the index is built: $(heap) MB (-Xmx2g)"
start=$(date +%s.%N)
curl -sf "${auth[@]}" -X POST "$api/search/rebuild" >/dev/null
while :; do
  sleep 2
  status=$(curl -sf "${auth[@]}" "$api/search/status")
  case "$status" in *'"rebuilding":false'*) break ;; esac
done
end=$(date +%s.%N)
documents=$(echo "$status" | grep -o '"documents":[0-9]*' | cut -d: -f2)
awk -v s="$start" -v e="$end" -v d="$documents" -v t="$tickets" \
  'BEGIN { printf "-- index built: %d documents (%d tickets and their customers) in %.1f s: %.0f tickets/s, %.0f documents/s\n", d, t, e - s, t / (e - s), d / (e - s) }'
echo "-- index on disk: $(du -sm "$data/search" | cut -f1) MB; heap after the build: $(heap) MB"
# a fresh index goes on merging its segments in the background for a while: searches are timed once the server is
# idle (under 5 % of a core in two 3 s windows running, after at least 10 s), as a desk's index is between rebuilds
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
sleep 10
waited=10
quiet=0
while [ "$waited" -lt 300 ] && [ "$quiet" -lt 2 ]; do
  before=$(ticks); sleep 3; waited=$((waited + 3))
  if [ $(( $(ticks) - before )) -lt $(( $(getconf CLK_TCK) * 3 / 20 )) ]; then quiet=$((quiet + 1)); else quiet=0; fi
done
echo "-- server idle after the build (background merges done) after $waited s more"
"$java" bench/LoadClient.java --base "http://127.0.0.1:$port" --user admin@bench.rapport.io --password bench-password-1 \
  --mode search --count "$requests" --concurrency 20 --tickets "$tickets" | grep -v warm-up
# the same mix and one word again from wrk, a small C client: the Java client above takes a third of the two cores
# it shares with the server (bench/search-mix.lua); warmed up by the runs above, 30 s each. The mix's list (60,000
# searches drawn as the Java client draws them) is longer than 30 s of searches, so it is not sent round again
if command -v wrk >/dev/null; then
  paths=$(mktemp)
  "$java" bench/LoadClient.java --mode search-paths --count 60000 --tickets "$tickets" > "$paths"
  TOKEN=$(curl -sf "${auth[@]}" -d '{"name":"wrk"}' "$api/tokens" | grep -o '"secret":"[^"]*"' | cut -d'"' -f4)
  export TOKEN
  SEARCH_PATHS=$paths THREADS=2 TITLE="search, wrk (concurrency 20)" wrk -t2 -c20 -d30s -s bench/search-mix.lua \
    "http://127.0.0.1:$port" | tail -1
  "$java" bench/LoadClient.java --mode search-paths --kind words --count 20 > "$paths.words"
  SEARCH_PATHS=$paths.words THREADS=2 TITLE="search, one word, wrk (concurrency 20)" wrk -t2 -c20 -d30s \
    -s bench/search-mix.lua "http://127.0.0.1:$port" | tail -1
  rm -f "$paths" "$paths.words"
else
  echo "-- wrk is not installed (apt-get install wrk): the figures from a lean client are left out"
fi
echo "-- heap after the searches: $(heap) MB"
