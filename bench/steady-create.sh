#!/usr/bin/env bash
# Steady-state ticket creation against a running server, for comparing two builds on one machine (ADR 8):
# warms the JIT with load first, then measures three 20 s windows with wrk at 8 connections.
#   bench/steady-create.sh http://127.0.0.1:18080 admin@example.com admin-password [warm-up seconds, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
base=$1 user=$2 password=$3 warm=${4:-60}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 1; }
token=$(curl -sf -u "$user:$password" -H 'Content-Type: application/json' -d '{"name":"steady-create"}' \
  "$base/api/v1/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')
RAPPORT_TOKEN=$token RAPPORT_CONNECTIONS=8 wrk -t1 -c8 -d"${warm}s" -s bench/create.lua "$base" | tail -1 | sed 's/^/warm-up: /'
for _ in 1 2 3; do
  RAPPORT_TOKEN=$token RAPPORT_CONNECTIONS=8 wrk -t1 -c8 -d20s -s bench/create.lua "$base" | tail -1
done
