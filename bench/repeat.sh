#!/usr/bin/env bash
# The repeat-contact threshold on labelled banking77 pairs: precision and recall of MiniLM cosine and of tf-idf
# cosine, tuned on one half of the messages and reported on the other. Prints the table docs/benchmarks.md records.
#   bench/repeat.sh [corpus.csv] [pairs per kind]
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME=$java_home
./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
cp="target/classes:$(cat target/bench-cp.txt)"
echo "== $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $("$java_home/bin/java" -version 2>&1 | head -1)"
"$java_home/bin/java" -cp "$cp" bench/RepeatPairs.java "$@"
