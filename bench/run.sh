#!/usr/bin/env bash
# Server benchmark: starts Rapport on H2 or PostgreSQL (127.0.0.1 only), seeds tickets through the API,
# then measures ticket creation at concurrency 1 and 8 and the agent views. Prints the figures.
#   bench/run.sh h2|postgresql [tickets to seed, default 100000]
# PostgreSQL: uses RAPPORT_BENCH_PG (default jdbc:postgresql://127.0.0.1:5432/) and creates a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
seed=${2:-100000}
port=${RAPPORT_BENCH_PORT:-18080}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$java_home/bin/java"
jar=$(ls target/rapport-*.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || { JAVA_HOME=$java_home ./mvnw -q -DskipTests package; jar=$(ls target/rapport-*.jar | head -1); }

. bench/server.sh
start_rapport

client=("$java" bench/LoadClient.java --base "http://127.0.0.1:$port")
echo "== Rapport server benchmark: $db, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "-- seeding $seed tickets through the API"
"${client[@]}" --mode seed --count "$seed" --concurrency 8 --seconds 900
if [ "$db" = postgresql ]; then
  # A live desk's tables are vacuumed and analyzed by autovacuum; a table seeded a minute ago may not be yet.
  psql -q -h 127.0.0.1 -U postgres -d "$name" -c "VACUUM ANALYZE"
fi
echo "-- measurements with $(curl -s -u admin@bench.rapport.io:bench-password-1 "http://127.0.0.1:$port/api/v1/tickets?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/') tickets stored"
if command -v wrk >/dev/null; then
  # wrk leaves the two cores to the server and the database; the JDK client below would take a share itself
  token=$(curl -s -u admin@bench.rapport.io:bench-password-1 -H 'Content-Type: application/json' \
    -d '{"name":"wrk"}' "http://127.0.0.1:$port/api/v1/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')
  for c in 1 8; do
    RAPPORT_TOKEN=$token RAPPORT_CONNECTIONS=$c wrk -t1 -c$c -d20s -s bench/create.lua "http://127.0.0.1:$port" | tail -1
  done
else
  "${client[@]}" --mode create --count 2000 --concurrency 1 --seconds 60
  "${client[@]}" --mode create --count 10000 --concurrency 8 --seconds 60
fi
"${client[@]}" --mode views --count 3000 --concurrency 8 --seconds 60
"${client[@]}" --mode views --count 1000 --concurrency 1 --seconds 60 | grep -v warm-up
