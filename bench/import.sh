#!/usr/bin/env bash
# The import benchmark (README "Benchmarks").
#   bench/import.sh                  speed: 2M-row CSV, import through the embedded S3 vs DuckDB read_csv
#   bench/import.sh speed ROWS
#   bench/import.sh memory           memory: ~2.2 GB file (20M rows) imported in a child JVM with -Xmx256m
#   bench/import.sh memory ROWS HEAP
# The benchmark JVM gets the JVM's default heap, as `./ferry server` does; BENCH_HEAP=1g sets -Xmx.
# Data goes under target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
heap=()
if [[ -n "${BENCH_HEAP:-}" ]]; then heap=(-Xmx"$BENCH_HEAP"); fi
exec java "${heap[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.ferry.ingest.ImportBenchmark "$@"
