#!/usr/bin/env bash
# The repeat-contact threshold on labelled banking77 pairs: precision and recall of MiniLM cosine and of tf-idf
# cosine, tuned on one half of the messages and reported on the other. Prints the table docs/benchmarks.md records.
#   bench/repeat.sh [corpus.csv] [pairs per kind]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jvm.sh
bench_classpath
echo "== $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $("$java" -version 2>&1 | head -1)"
"$java" -cp "$cp" bench/RepeatPairs.java "$@"
