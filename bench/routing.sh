#!/usr/bin/env bash
# JMH: assignment decisions with 1,000 agents, one thread (decisions per second per core). Prints JMH's table.
#   bench/routing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jvm.sh
run_jmh routing "Routing" "${@:-RouterBenchmark}"
