#!/usr/bin/env bash
# The event export benchmark (README "Benchmarks").
#   bench/event-export.sh            both cases, 2M events of 10 names over 4 UTC days: Ferry's
#                                    JSON export (gzip -6) vs `gzip -6` on one core, and Ferry's
#                                    Parquet export vs DuckDB COPY (FORMAT parquet) + upload
#   bench/event-export.sh json|parquet|all [EVENTS]
# The benchmark JVM gets the JVM's default heap, as `./ferry server` does; BENCH_HEAP=1g sets -Xmx.
# Data goes under target/bench/event-export/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
heap=()
if [[ -n "${BENCH_HEAP:-}" ]]; then heap=(-Xmx"$BENCH_HEAP"); fi
exec java "${heap[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.ferry.export.EventExportBenchmark "$@"
