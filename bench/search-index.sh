#!/usr/bin/env bash
# JMH: one search's CPU cost inside the node, without HTTP (issue 10, point 7), by kind of query, one thread, over an
# index of N tickets built from banking77 as bench/search.sh builds it. Prints JMH's table (microseconds per search).
#   bench/search-index.sh [tickets, default 200000] [JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
tickets=${1:-200000}
shift || true
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME=$java_home
./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
cp="target/classes:$(cat target/bench-cp.txt)"
out=target/bench-classes
rm -rf "$out" && mkdir -p "$out"
"$java_home/bin/javac" --release 21 -cp "$cp" -processorpath "$cp" -d "$out" bench/jmh/*.java
echo "== Search inside the node: $tickets tickets, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $("$java_home/bin/java" -version 2>&1 | head -1)"
"$java_home/bin/java" -cp "$out:$cp" org.openjdk.jmh.Main -rf text -rff target/bench-search-index.txt \
  -p tickets="$tickets" "$@" SearchIndexBenchmark
