#!/usr/bin/env bash
# Similar solved tickets on banking77 (issue 10, points 4 and 5; ADR 31): words (MoreLikeThis) against meaning
# (all-MiniLM-L6-v2 vectors, exact and through the index's HNSW graph) and the two fused, in the product's own index.
# Prints the table docs/benchmarks.md records.
#   bench/similar.sh [corpus.csv] [new tickets]
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME=$java_home
./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
cp="target/classes:$(cat target/bench-cp.txt)"
echo "== $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $("$java_home/bin/java" -version 2>&1 | head -1)"
"$java_home/bin/java" ${RAPPORT_JAVA_OPTS:-} -cp "$cp" bench/SimilarTickets.java "$@"
