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
