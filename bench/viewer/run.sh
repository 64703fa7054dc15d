#!/usr/bin/env bash
# The viewer's benchmark: a recording of STEPS steps (default 10 million) as trace.json and as
# trace.bin, indexed once, then opened and stepped through over HTTP. Each phase runs in a fresh
# JVM. Usage: bench/viewer/run.sh [STEPS] [WORKDIR]; SKIP_INDEX=1 reuses the indexes of a previous run.
set -euo pipefail
cd "$(dirname "$0")/../.."
STEPS="${1:-10000000}"
WORK="${2:-${TMPDIR:-/tmp}/codetracer-viewer-bench}"

mvn -q -pl codetracer-viewer -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
# a private copy of the classes: other builds in this checkout may rebuild target/ meanwhile
mkdir -p "$WORK/classes"
rm -rf "$WORK/classes/"*
cp -r codetracer-core/target/classes "$WORK/classes/core"
cp -r codetracer-viewer/target/classes "$WORK/classes/viewer"
cp -r codetracer-viewer/target/test-classes "$WORK/classes/viewer-tests"
cp bench/viewer/ViewerBenchmark.java "$WORK/classes/"
CP="$WORK/classes/core:$WORK/classes/viewer:$WORK/classes/viewer-tests:$(cat codetracer-viewer/target/bench-classpath.txt | tr ':' '\n' | grep -v '/target/' | paste -sd:)"
run() { java -Xmx1g -cp "$CP" "$WORK/classes/ViewerBenchmark.java" "$@"; }

echo "viewer benchmark: $STEPS steps, $(nproc) cores, $(java -version 2>&1 | head -1)"
for format in json bin; do
  folder="$WORK/$format-$STEPS"
  if [ ! -f "$folder/trace_metadata.json" ]; then
    rm -rf "$folder"
    run generate "$folder" "$format" "$STEPS"
  fi
  echo "== trace.$format"
  if [ -z "${SKIP_INDEX:-}" ]; then run index "$folder"; fi
  run open "$folder"
  run open "$folder" 2>/dev/null | grep "RESULT open"
done
