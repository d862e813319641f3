#!/usr/bin/env bash
# JMH: the mail parser over ../shared/corpora/email, one thread (messages per second per core). Prints JMH's table.
#   bench/parser.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jvm.sh
run_jmh parser "Mail parser" "${@:-MailParserBenchmark}"
