#!/usr/bin/env bash
# The table replication benchmark (README "Benchmarks").
#   bench/tables.sh                  2M-row CSV with primary key id, synced twice by Ferry through
#                                    the embedded S3 (insert, then every row updated) vs DuckDB's
#                                    INSERT ... ON CONFLICT DO UPDATE from read_csv of the local file
#   bench/tables.sh ROWS
# Rounds: 1 warm-up + 3; JAVA_OPTS="-Dbench.rounds=N -Dbench.warm-up=N" changes them.
# The benchmark JVM gets the JVM's default heap, as `./ferry server` does; BENCH_HEAP=1g sets -Xmx.
# Data goes under target/bench/tables/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
heap=()
if [[ -n "${BENCH_HEAP:-}" ]]; then heap=(-Xmx"$BENCH_HEAP"); fi
exec java "${heap[@]}" ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.ferry.tables.TableSyncBenchmark "$@"
