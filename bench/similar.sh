#!/usr/bin/env bash
# Similar solved tickets on banking77 (issue 10, points 4 and 5; ADR 31): words (MoreLikeThis) against meaning
# (all-MiniLM-L6-v2 vectors, exact and through the index's HNSW graph) and the two fused, in the product's own index.
# Prints the table docs/benchmarks.md records.
#   bench/similar.sh [corpus.csv] [new tickets]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jvm.sh
bench_classpath
echo "== $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $("$java" -version 2>&1 | head -1)"
"$java" ${RAPPORT_JAVA_OPTS:-} -cp "$cp" bench/SimilarTickets.java "$@"
