#!/bin/sh
# Builds the runtime benchmarks (the "bench" preset: Release, build-bench/), runs them, the
# NNI-style Python baseline and the start-up measurement, and prints the ratios beside the
# targets. Results (JSON) go to build-bench/bench-results/. docs/performance.md ("Runtime").
#   bench/runtime/run.sh            from the top of the source tree
#   REPETITIONS=10 PROCESSES=5 bench/runtime/run.sh
# bench_runtime runs in PROCESSES processes (default 3): one process's times move by about 5%
# with where the loader put its code (ASLR), so the report takes the median over processes.
set -eu
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3   # Debian's, which sees python3-json-tricks
REPETITIONS=${REPETITIONS:-5}
PROCESSES=${PROCESSES:-3}
cmake --preset bench >/dev/null
cmake --build --preset bench
bin=build-bench/bench/runtime
out=build-bench/bench-results
mkdir -p "$out"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$out"/bench_runtime*.json
i=1
while [ "$i" -le "$PROCESSES" ]; do
  "$bin/bench_runtime" --benchmark_repetitions="$REPETITIONS" --benchmark_report_aggregates_only=true \
    --benchmark_out="$out/bench_runtime.$i.json" --benchmark_out_format=json
  i=$((i + 1))
done
"$bin/registry_lookup" --benchmark_repetitions="$REPETITIONS" --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/registry_lookup.json" --benchmark_out_format=json
"$bin/bench_alloc" >"$out/alloc.json"
$PY bench/runtime/python_baseline.py >"$out/python.json"
$PY bench/runtime/startup.py "$bin" 200 >"$out/startup.json"
echo
$PY bench/runtime/report.py "$out"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
