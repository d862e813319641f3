# Sourced by the server benchmarks: starts Rapport from $jar on a fresh H2 or PostgreSQL database ($db), 127.0.0.1
# only, on $port, with any extra settings given as arguments (NAME=value), and removes everything on exit.
# Needs: db, port, java, jar. Sets: pid, data.
start_rapport() {
  data=$(mktemp -d)
  local env_db=()
  trap stop_rapport EXIT
  if [ "$db" = postgresql ]; then
    name="rapport_bench_$$"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $name"
    env_db=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$name" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=)
  fi
  env "${env_db[@]}" SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$port RAPPORT_DATA_DIR="$data" \
    RAPPORT_ADMIN_EMAIL=admin@bench.rapport.io RAPPORT_ADMIN_PASSWORD=bench-password-1 "$@" \
    "$java" -Xmx2g ${RAPPORT_BENCH_JFR:+-XX:StartFlightRecording=filename=$RAPPORT_BENCH_JFR,settings=profile} \
    -jar "$jar" --logging.level.root=WARN > "${RAPPORT_BENCH_LOG:-$data/server.log}" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
}

# Stops the server and removes its data (and its PostgreSQL database). The EXIT trap of start_rapport.
stop_rapport() {
  kill "$pid" 2>/dev/null || true
  if [ "$db" = postgresql ]; then
    sleep 2
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
  fi
  rm -rf "$data"
}

# The desk bulk-loaded tickets belong to, as an admin would set it up through the API: 5 teams, 40 agents,
# 5 organizations. Needs: port. Sets: auth, api (for curl), teams (comma-separated ids).
setup_desk() {
  auth=(-u admin@bench.rapport.io:bench-password-1 -H 'Content-Type: application/json')
  api="http://127.0.0.1:$port/api/v1"
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
}

# The packaged application (built when missing) and the PostgreSQL driver. Needs: java_home. Sets: jar, driver.
find_jar() {
  jar=$(ls target/rapport-*.jar 2>/dev/null | head -1 || true)
  [ -n "$jar" ] || { JAVA_HOME=$java_home ./mvnw -q -DskipTests package; jar=$(ls target/rapport-*.jar | head -1); }
  driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
}

# Writes N tickets into the server's PostgreSQL database with bench/BulkLoad.java (what the API would write, with
# COPY), then lets PostgreSQL gather its statistics. Needs: java, driver, name.
bulk_load() {
  "$java" -cp "$driver" bench/BulkLoad.java --url "jdbc:postgresql://127.0.0.1:5432/$name" --tickets "$1"
  psql -q -h 127.0.0.1 -U postgres -d "$name" -c "VACUUM ANALYZE"
}
