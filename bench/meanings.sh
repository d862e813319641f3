#!/usr/bin/env bash
# The meanings backfill (ADR 33): Rapport on a fresh PostgreSQL database (127.0.0.1 only) with N tickets loaded by
# bench/BulkLoad.java, none with a meaning (a desk upgraded from before meanings), the index rebuilt. Then, in one
# run, alternating: searches from wrk with the backfill idle, with it running (throttled as shipped, half the time),
# and idle again; then the backfill alone, its pace and the server's CPU. Figures to compare are ratios of one run.
#   bench/meanings.sh [tickets, default 100000] [seconds per measurement, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
db=postgresql
tickets=${1:-100000}
seconds=${2:-20}
port=${RAPPORT_BENCH_PORT:-18083}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$java_home/bin/java"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
. bench/server.sh
find_jar
start_rapport ${RAPPORT_BENCH_ENV:-}
echo "== Rapport meanings backfill: $tickets tickets on PostgreSQL, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
setup_desk
bulk_load "$tickets"
curl -sf "${auth[@]}" -X POST "$api/search/rebuild" >/dev/null
sleep 2
until curl -sf "${auth[@]}" "$api/search/status" | grep -q '"rebuilding":false'; do sleep 2; done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
field() { echo "$1" | grep -o "\"$2\":[0-9]*" | cut -d: -f2; }
sleep 15 # the fresh index's background merges
paths=$(mktemp)
"$java" bench/LoadClient.java --mode search-paths --kind words --count 20 > "$paths"
TOKEN=$(curl -sf "${auth[@]}" -d '{"name":"wrk"}' "$api/tokens" | grep -o '"secret":"[^"]*"' | cut -d'"' -f4)
export TOKEN
search() { # $1 concurrency, $2 title
  SEARCH_PATHS=$paths THREADS=2 TITLE="$2" wrk -t2 -c"$1" -d"${seconds}s" -s bench/search-mix.lua \
    "http://127.0.0.1:$port" | tail -1
}
search 4 "warm-up" >/dev/null
for c in 4 20; do
  search "$c" "one word, c$c, backfill idle"
  curl -sf "${auth[@]}" -X POST "$api/search/meanings/backfill" >/dev/null
  sleep 3
  before=$(curl -sf "${auth[@]}" "$api/search/meanings")
  search "$c" "one word, c$c, backfill running"
  after=$(curl -sf "${auth[@]}" "$api/search/meanings")
  curl -sf "${auth[@]}" -X POST "$api/search/meanings/backfill/pause" >/dev/null
  echo "   meanings worked out meanwhile: $(( $(field "$after" workedOut) - $(field "$before" workedOut) )) in ${seconds} s"
  sleep 3
  search "$c" "one word, c$c, backfill idle again"
done
# the backfill alone: its pace, and how much of the machine it takes
curl -sf "${auth[@]}" -X POST "$api/search/meanings/backfill" >/dev/null
sleep 3
before=$(curl -sf "${auth[@]}" "$api/search/meanings"); t0=$(ticks); s0=$(date +%s.%N)
sleep "$seconds"
after=$(curl -sf "${auth[@]}" "$api/search/meanings"); t1=$(ticks); s1=$(date +%s.%N)
awk -v w=$(( $(field "$after" workedOut) - $(field "$before" workedOut) )) \
    -v l=$(( $(field "$after" lookedAt) - $(field "$before" lookedAt) )) \
    -v cpu=$(( t1 - t0 )) -v hz="$(getconf CLK_TCK)" -v s0="$s0" -v s1="$s1" -v n="$(nproc)" \
    -v total="$(field "$after" toLookAt)" 'BEGIN {
  d = s1 - s0
  printf "-- backfill alone: %.0f meanings worked out/s (%.0f tickets looked at/s); server CPU %.0f %% of one core (%.0f %% of %d); %d solved tickets to look at: %.1f min; a million: %.1f h\n",
    w / d, l / d, 100 * cpu / hz / d, 100 * cpu / hz / d / n, n, total, total / (l / d) / 60, 1e6 / (w / d) / 3600 }'
echo "-- status: $after"
rm -f "$paths"
