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
. bench/server.sh
find_jar
start_rapport
echo "== Rapport scale benchmark: $tickets tickets on PostgreSQL, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
setup_desk
bulk_load "$tickets"
big=$(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT customer_id FROM tkt_ticket GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1")
bigCount=$(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT COUNT(*) FROM tkt_ticket WHERE customer_id = $big")
bigEmail=$(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT address FROM acc_customer_identity WHERE customer_id = $big LIMIT 1")
org=$(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT MIN(id) FROM acc_organization")
echo "-- measurements with $(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT COUNT(*) FROM tkt_ticket") tickets," \
  "database $(psql -At -h 127.0.0.1 -U postgres -d "$name" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
"$java" bench/LoadClient.java --base "http://127.0.0.1:$port" --mode scale --count "$requests" \
  --team "$(echo "$teams" | cut -d, -f1)" --org "$org" --customer-id "$big" --customer-email "$bigEmail" \
  --customer-tickets "$bigCount" | grep -v warm-up
