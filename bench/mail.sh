#!/usr/bin/env bash
# Mail, IMAP to ticket end to end: starts Rapport on H2 or PostgreSQL (127.0.0.1 only), puts N mails into an
# in-process GreenMail IMAP mailbox (bench/MailLoad.java), adds the mailbox and times until every mail is applied,
# after a warm-up of 10,000 mails through another mailbox whose replies are all sent (RAPPORT_BENCH_WARMUP=0 for a
# cold server).
#   bench/mail.sh postgresql|h2 [mails, default 10000]
# PostgreSQL: creates a fresh database on 127.0.0.1:5432 (user postgres) and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-postgresql}
count=${2:-10000}
port=${RAPPORT_BENCH_PORT:-18081}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME=$java_home
java="$java_home/bin/java"
./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
jar=$(ls target/rapport-*.jar | head -1)

. bench/server.sh
start_rapport RAPPORT_JOBS_POLLING_INTERVAL=1s RAPPORT_EMAIL_SENDER_LIMIT=1000000
imap_args=()
if [ "${RAPPORT_BENCH_IMAP:-greenmail}" = dovecot ]; then
  # a real IMAP server instead of GreenMail's (whose every command walks the whole mailbox); replies still go to
  # GreenMail's SMTP
  imap_port=${RAPPORT_BENCH_IMAP_PORT:-10143}
  . bench/dovecot.sh
  start_dovecot
  trap 'stop_dovecot; stop_rapport' EXIT
  add_dovecot_user warmup@bench.rapport.io imap-password-1
  add_dovecot_user support@bench.rapport.io imap-password-1
  imap_args=(--imap-port "$imap_port" --maildir "$dovecot_dir/mail")
fi
echo "== Rapport mail benchmark: $db, IMAP ${RAPPORT_BENCH_IMAP:-greenmail}, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $count mails"
"$java" ${RAPPORT_BENCH_LOAD_JFR:+-XX:StartFlightRecording=filename=$RAPPORT_BENCH_LOAD_JFR,settings=profile} \
  -cp "$(cat target/bench-cp.txt)" bench/MailLoad.java --base "http://127.0.0.1:$port" --count "$count" --pid "$pid" \
  ${RAPPORT_BENCH_WARMUP:+--warmup $RAPPORT_BENCH_WARMUP} "${imap_args[@]}"
if [ "$db" = postgresql ]; then
  # what the database did for the run: transactions, and the tables read by a full scan (an index missing shows here)
  psql -q -h 127.0.0.1 -U postgres -d "$name" -Atc "SELECT '-- PostgreSQL: ' || xact_commit || ' commits, ' || xact_rollback || ' rollbacks, ' || tup_inserted || ' rows inserted, ' || tup_updated || ' updated, ' || tup_fetched || ' fetched' FROM pg_stat_database WHERE datname = current_database()"
  psql -q -h 127.0.0.1 -U postgres -d "$name" -Atc "SELECT '-- outbox: ' || COUNT(*) FILTER (WHERE state = 'sent') || ' sent (' || COUNT(DISTINCT message_id) FILTER (WHERE state = 'sent') || ' Message-IDs), ' || COUNT(*) FILTER (WHERE state <> 'sent') || ' not (yet)' FROM eml_outbound"
  psql -q -h 127.0.0.1 -U postgres -d "$name" -Atc "SELECT '--   ' || relname || ': ' || seq_scan || ' full scans reading ' || seq_tup_read || ' rows, ' || COALESCE(idx_scan, 0) || ' index scans' FROM pg_stat_user_tables WHERE seq_scan > 0 ORDER BY seq_tup_read DESC LIMIT 8"
fi
