#!/usr/bin/env bash
# The revision export benchmark (README "Benchmarks").
#   bench/export.sh                  both cases, 2M records: revisions of 100k (5-minute windows)
#                                    and of 1M (the default maximum); Ferry vs DuckDB COPY + upload
#   bench/export.sh windows|max|all [RECORDS]
# The benchmark JVM gets the JVM's default heap, as `./ferry server` does; BENCH_HEAP=1g sets -Xmx.
# Data goes under target/bench/export/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
heap=()
if [[ -n "${BENCH_HEAP:-}" ]]; then heap=(-Xmx"$BENCH_HEAP"); fi
exec java "${heap[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.ferry.export.RevisionExportBenchmark "$@"
