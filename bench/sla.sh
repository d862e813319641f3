#!/usr/bin/env bash
# JMH: SLA due dates on a business-hours calendar, one thread (due dates per second per core). Prints JMH's table.
#   bench/sla.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jvm.sh
run_jmh sla "SLA calendar" "${@:-BusinessCalendarBenchmark}"
