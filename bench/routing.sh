#!/usr/bin/env bash
# JMH: assignment decisions with 1,000 agents, one thread (decisions per second per core). Prints JMH's table.
#   bench/routing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME=$java_home
./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
cp="target/classes:$(cat target/bench-cp.txt)"
out=target/bench-classes
rm -rf "$out" && mkdir -p "$out"
"$java_home/bin/javac" --release 21 -cp "$cp" -processorpath "$cp" -d "$out" bench/jmh/*.java
echo "== Routing: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $("$java_home/bin/java" -version 2>&1 | head -1)"
"$java_home/bin/java" -cp "$out:$cp" org.openjdk.jmh.Main -rf text -rff target/bench-routing.txt "${@:-RouterBenchmark}"
