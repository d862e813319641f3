#!/usr/bin/env bash
# JMH: one search's CPU cost inside the node, without HTTP (issue 10, point 7), by kind of query, one thread, over an
# index of N tickets built from banking77 as bench/search.sh builds it. Prints JMH's table (microseconds per search).
#   bench/search-index.sh [tickets, default 200000] [JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
tickets=${1:-200000}
shift || true
. bench/jvm.sh
run_jmh search-index "Search inside the node, $tickets tickets" -p tickets="$tickets" "$@" SearchIndexBenchmark
