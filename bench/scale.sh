#!/usr/bin/env bash
# Scale benchmark (issue 8, point 10): Rapport on a fresh PostgreSQL database (127.0.0.1 only) with N tickets loaded
# by bench/BulkLoad.java (what the API would write, with COPY), then every built-in and custom view, the customer page
# of a customer with 10,000 tickets and a bulk change of 1,000 tickets, at concurrency 1. Prints the figures.
#   bench/scale.sh [tickets, default 1000000] [requests per view, default 100]
set -euo pipefail
cd "$(dirname "$0")/.."
db=postgresql
tickets=${1:-1000000}
requests=${2:-100}
port=${RAPPORT_BENCH_PORT:-18081}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$java_home/bin/java"
jar=$(ls target/rapport-*.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || { JAVA_HOME=$java_home ./mvnw -q -DskipTests package; jar=$(ls target/rapport-*.jar | head -1); }
driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)

. bench/server.sh
start_rapport
auth=(-u admin@bench.rapport.io:bench-password-1 -H 'Content-Type: application/json')
api="http://127.0.0.1:$port/api/v1"
echo "== Rapport scale benchmark: $tickets tickets on PostgreSQL, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
# the desk the tickets belong to: teams, agents, organizations, as an admin would set them up
for t in "Cards & Payments" "Accounts & Transfers" "Fraud" "Onboarding" "Escalations"; do
  curl -sf "${auth[@]}" -d "{\"name\":\"$t\"}" "$api/teams" >/dev/null
done
teams=$(curl -sf "${auth[@]}" "$api/teams" | grep -o '"id":[0-9]*' | cut -d: -f2 | paste -sd, -)
for i in $(seq 1 40); do
  team=$(echo "$teams" | cut -d, -f$(( (i % 5) + 1 )))
  curl -sf "${auth[@]}" -d "{\"email\":\"agent$i@bench.rapport.io\",\"name\":\"Agent $i\",\"password\":\"bench-password-1\",\"teamIds\":[$team]}" "$api/agents" >/dev/null
done
for o in Acme Globex Initech Umbrella Hooli; do
  curl -sf "${auth[@]}" -d "{\"name\":\"$o\",\"domains\":[\"$(echo $o | tr A-Z a-z).example\"]}" "$api/organizations" >/dev/null
done
"$java" -cp "$driver" bench/BulkLoad.java --url "jdbc:postgresql://127.0.0.1:5432/$name" --tickets "$tickets"
psql -q -h 127.0.0.1 -U postgres -d "$name" -c "VACUUM ANALYZE"
big=$(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT customer_id FROM tkt_ticket GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1")
bigCount=$(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT COUNT(*) FROM tkt_ticket WHERE customer_id = $big")
bigEmail=$(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT address FROM acc_customer_identity WHERE customer_id = $big LIMIT 1")
org=$(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT MIN(id) FROM acc_organization")
echo "-- measurements with $(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT COUNT(*) FROM tkt_ticket") tickets," \
  "database $(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
"$java" bench/LoadClient.java --base "http://127.0.0.1:$port" --mode scale --count "$requests" \
  --team "$(echo "$teams" | cut -d, -f1)" --org "$org" --customer-id "$big" --customer-email "$bigEmail" \
  --customer-tickets "$bigCount" | grep -v warm-up
