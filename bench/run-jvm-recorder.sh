#!/usr/bin/env bash
# The JVM recorder's benchmark (figures in ../BENCHMARKS.md, "JVM recorder").
# Builds the agent and core, compiles the workloads (with -g, as a debug build would) and the
# harness, then runs each workload as real JVM processes with and without the agent.
#   bench/run-jvm-recorder.sh [RUNS]       (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
out=bench/target/jvm-recorder
mkdir -p "$out"
# Build from a private copy of the sources: other builds may be rewriting this checkout's target/.
build="$out/build"
rm -rf "$build" && mkdir -p "$build"
tar --exclude='*/target' --exclude='.git' -cf - pom.xml */pom.xml codetracer-core codetracer-agent | tar -xf - -C "$build"
mvn -q -o -f "$build/pom.xml" -pl codetracer-agent -am package -DskipTests
mvn -q -o -f "$build/pom.xml" -pl codetracer-core dependency:build-classpath -Dmdep.outputFile="$PWD/$out/core.classpath" >/dev/null
cp="$build/codetracer-core/target/classes:$(cat "$out/core.classpath")"
rm -rf "$out/workloads" "$out/harness"
javac -g -d "$out/workloads" bench/workloads/bench/*.java
javac -d "$out/harness" -cp "$cp" bench/src/dev/codetracer/bench/RecorderBenchmark.java
cp "$build/codetracer-agent/target/codetracer-agent-0.1.0-SNAPSHOT.jar" "$out/codetracer-agent.jar"
java -cp "$out/harness:$cp" dev.codetracer.bench.RecorderBenchmark "$out/codetracer-agent.jar" "$out/workloads" "$out/runs" "$runs"
