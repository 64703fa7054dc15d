#!/usr/bin/env bash
# Archives and index benchmark (see BENCHMARKS.md, "Archives and index").
#
#   bench/archive/run.sh [SIZE_MIB] [REPEAT]      defaults: 1024 MiB, 3 runs per measurement
#   BENCH_PARTS=list bench/archive/run.sh          only part 2 (BENCH_PARTS=archive: only part 1)
#
# 1. Builds a recording of SIZE_MIB MiB (half trace.json-like text, the rest random trace.bin and
#    rr/ payloads, 3000 source files), then exports and imports it with codetracer and zips and
#    unzips the same folder with zip -r / unzip, alternating, REPEAT times each: wall time, CPU time
#    and peak RSS (/usr/bin/time). A quarter-size export shows whether memory grows with size.
# 2. Fills an index with 100,000 recordings and times `codetracer list` (whole process, via
#    bin/codetracer and via java -jar) and the query alone inside one JVM.
# Work files go to bench/results/archive/ (git-ignored); the summary is printed and saved there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
size="${1:-1024}"
repeat="${2:-3}"
jar="$root/codetracer-cli/target/codetracer.jar"
work="${BENCH_WORK:-$root/bench/results/archive}"
# bin/codetracer builds the jar when it is missing or stale, and prepares its start-up (AppCDS,
# sqlite library); the measurements then use it without rebuilding, even if sources change
"$root/bin/codetracer" --version >/dev/null
export CODETRACER_SKIP_BUILD=1
ct=("$root/bin/codetracer")

rm -rf "$work"
mkdir -p "$work"
export HOME="$work/home" XDG_DATA_HOME="$work/xdg"
# plain java -jar, with bin/codetracer's JIT and GC options but without its start-up preparations
JAVA_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xshare:auto)
summary="$work/summary.md"
times="$work/times.txt"
: > "$times"

say() { echo "$*" | tee -a "$summary"; }

# measure NAME COMMAND...: one run; appends "NAME wall cpu maxrss_kb"
measure() {
  local name="$1"; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null 2>"$work/stderr"
  read -r wall user sys rss < "$work/t"
  echo "$name $wall $(echo "$user + $sys" | bc) $rss" >> "$times"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
stat_of() { awk -v n="$1" -v c="$2" '$1==n {print $c}' "$times" | median; }

parts="${BENCH_PARTS:-archive list}"
if [[ " $parts " == *" archive "* ]]; then
echo "== making a ${size} MiB recording"
java -cp "$jar" "$root/bench/archive/MakeRecording.java" "$work/rec" "$size"
rec_bytes=$(du -sb "$work/rec" | cut -f1)

ct_export() { rm -f "$work/ct.zip"; measure ct-export "${ct[@]}" export "$work/rec" -o "$work/ct.zip"; }
zip_export() { rm -f "$work/zip.zip"; (cd "$work/rec" && measure zip-r zip -q -r -X "$work/zip.zip" .); }
ct_import() { rm -rf "$work/ct-out" "$work/xdg"; measure ct-import "${ct[@]}" import "$work/ct.zip" "$work/ct-out"; }
zip_import() { rm -rf "$work/zip-out"; measure unzip unzip -q "$work/zip.zip" -d "$work/zip-out"; }

for i in $(seq "$repeat"); do
  echo "== round $i of $repeat"
  ct_export; zip_export; ct_import; zip_import
done
cmp <(cd "$work/rec" && find . -type f -exec sha256sum {} + | sort -k2) <(cd "$work/ct-out" && find . -type f -exec sha256sum {} + | sort -k2) \
  || { echo "imported files differ from the recording" >&2; exit 1; }

echo "== quarter-size export, for memory growth"
rm -rf "$work/rec" "$work/ct-out" "$work/zip-out"
java -cp "$jar" "$root/bench/archive/MakeRecording.java" "$work/rec" "$((size / 4))"
rm -f "$work/small.zip"
measure ct-export-quarter "${ct[@]}" export "$work/rec" -o "$work/small.zip"
rm -rf "$work/ct-out" "$work/xdg"
measure ct-import-quarter "${ct[@]}" import "$work/small.zip" "$work/ct-out"

{
  echo
  echo "### Export and import of a ${size} MiB recording ($(printf "%'d" "$rec_bytes") bytes), median of $repeat"
  echo
  echo "| operation | wall s | CPU s | peak RSS MiB | archive MiB |"
  echo "|---|---:|---:|---:|---:|"
  for op in ct-export zip-r ct-import unzip ct-export-quarter ct-import-quarter; do
    archive=""
    case $op in ct-export) archive=$(( $(stat -c %s "$work/ct.zip") >> 20 ));; zip-r) archive=$(( $(stat -c %s "$work/zip.zip") >> 20 ));; esac
    echo "| $op | $(stat_of "$op" 2) | $(stat_of "$op" 3) | $(( $(stat_of "$op" 4) / 1024 )) | $archive |"
  done
  echo
  echo "time ratio codetracer/zip: export $(echo "scale=2; $(stat_of ct-export 2) / $(stat_of zip-r 2)" | bc)," \
    "import $(echo "scale=2; $(stat_of ct-import 2) / $(stat_of unzip 2)" | bc) (wall)"
} | tee -a "$summary"
rm -rf "$work/rec" "$work/ct-out" "$work/zip-out" "$work"/*.zip
fi

if [[ " $parts " == *" list "* ]]; then

echo "== an index of 100,000 recordings"
list_data="$work/list/xdg"
mkdir -p "$list_data/codetracer"
java -cp "$jar" "$root/bench/archive/MakeIndex.java" "$list_data/codetracer" 100000
list_run() {
  local name="$1"; shift
  for i in $(seq 10); do
    XDG_DATA_HOME="$list_data" measure "$name" "$@"
  done
}
list_run java-version java "${JAVA_FLAGS[@]}" -version
list_run jar-version java "${JAVA_FLAGS[@]}" -jar "$jar" --version
list_run jar-list java "${JAVA_FLAGS[@]}" -jar "$jar" list
list_run bin-version "${ct[@]}" --version
list_run bin-list "${ct[@]}" list
list_run bin-list-json "${ct[@]}" list --json
query=$(XDG_DATA_HOME="$list_data" java -cp "$jar" "$root/bench/archive/ListQuery.java" "$list_data/codetracer")
{
  echo
  echo "### \`codetracer list\` over 100,000 recordings, median of 10 runs"
  echo
  echo "| command | wall ms | CPU ms | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  for op in java-version jar-version jar-list bin-version bin-list bin-list-json; do
    echo "| $op | $(echo "$(stat_of "$op" 2) * 1000 / 1" | bc) | $(echo "$(stat_of "$op" 3) * 1000 / 1" | bc) | $(( $(stat_of "$op" 4) / 1024 )) |"
  done
  echo
  echo "query inside one JVM: $query"
  echo
  echo "machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$summary"
fi
