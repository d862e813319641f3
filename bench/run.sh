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
data=$(mktemp -d)
jar=$(ls target/rapport-*.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || { JAVA_HOME=$java_home ./mvnw -q -DskipTests package; jar=$(ls target/rapport-*.jar | head -1); }

env_db=()
if [ "$db" = postgresql ]; then
  name="rapport_bench_$$"
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $name"
  trap 'kill $pid 2>/dev/null; sleep 2; psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"; rm -rf "$data"' EXIT
  env_db=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$name" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=)
else
  trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
fi

env "${env_db[@]}" SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$port RAPPORT_DATA_DIR="$data" \
  RAPPORT_ADMIN_EMAIL=admin@bench.rapport.io RAPPORT_ADMIN_PASSWORD=bench-password-1 \
  "$java" -Xmx2g -jar "$jar" --logging.level.root=WARN > "$data/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done

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
