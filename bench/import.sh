#!/usr/bin/env bash
# The import benchmark (README "Benchmarks").
#   bench/import.sh                  speed: 2M-row CSV, import through the embedded S3 vs DuckDB read_csv
#   bench/import.sh speed ROWS
#   bench/import.sh memory           memory: ~2.2 GB file (20M rows) imported in a child JVM with -Xmx256m
#   bench/import.sh memory ROWS HEAP
# BENCH_HEAP sets the benchmark JVM's -Xmx (default 1g). Data goes under target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"${BENCH_HEAP:-1g}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.ferry.ingest.ImportBenchmark "$@"
