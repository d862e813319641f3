# Sourced by the in-process benchmarks (JMH and source-launched ones): the JDK, the compiled product and its
# dependencies on one class path, and the JMH classes compiled against it.

# Sets java_home and java, compiles the product, and sets cp to its classes and every dependency (test scope).
bench_classpath() {
  java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  export JAVA_HOME=$java_home
  java="$java_home/bin/java"
  ./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
  cp="target/classes:$(cat target/bench-cp.txt)"
}

# bench_classpath, then bench/jmh compiled into target/bench-classes; runs JMH with the rest of the arguments, its
# results written to target/bench-<name>.txt.  Usage: run_jmh <name> <title> [JMH arguments...]
run_jmh() {
  local name=$1 title=$2
  shift 2
  bench_classpath
  local out=target/bench-classes
  rm -rf "$out" && mkdir -p "$out"
  "$java_home/bin/javac" --release 21 -cp "$cp" -processorpath "$cp" -d "$out" bench/jmh/*.java
  echo "== $title: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $("$java" -version 2>&1 | head -1)"
  "$java" -cp "$out:$cp" org.openjdk.jmh.Main -rf text -rff "target/bench-$name.txt" "$@"
}
