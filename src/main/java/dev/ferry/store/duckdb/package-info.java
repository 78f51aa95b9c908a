/**
 * The store on one DuckDB file ({@link dev.ferry.store.duckdb.DuckDbStore}).
 *
 * <ul>
 *   <li>Schema: versioned migrations {@code db/duckdb/V<n>__<name>.sql}, listed in {@code
 *       Migrations.DUCKDB}, each applied once in its own transaction and recorded in {@code
 *       schema_version}.
 *   <li>Batches of 256 records or more go in through a batch file: the store writes the rows to a
 *       temporary control-character-delimited file beside the database ({@code BatchFile}, {@code
 *       RowBuffer}: hand-written UTF-8 and JSON, no Jackson per row) and loads it with {@code
 *       INSERT INTO records SELECT … FROM read_csv(…)} in the append's transaction, so DuckDB
 *       parses it in parallel. Smaller batches, and batches holding text the file cannot carry (a
 *       NUL character), go through DuckDB's appender. Either way the revision rows and the
 *       checkpoint are written in the same transaction and a failure anywhere rolls back all of it.
 *       {@code records} has no primary-key index (V4): the store assigns sequences under its lock,
 *       and the index cost bulk loads a large share of their time. {@code AppendBenchmark} (a test
 *       {@code main}) measures the path against a native {@code read_csv} load.
 *   <li>Profiles ({@code DuckDbProfiles}) are computed, not stored: the alias groups by a
 *       union-find in Java over the alias records (memory bounded by the aliased identities,
 *       written to a temporary table), then one SQL statement builds a temporary snapshot table,
 *       one row per profile numbered in identity order, that the cursor reads a page at a time and
 *       drops when closed or exhausted.
 *   <li>Text is stored as UTF-8: an unpaired surrogate in an identity or name cannot be stored and
 *       comes back as {@code ?}.
 *   <li>One connection, guarded by a lock, serves the store; {@code dataSource()} hands out
 *       duplicates of it for other JDBC users, because only one process may open the file.
 *   <li>db-scheduler 16.12 runs on {@code dataSource()} with plain {@code
 *       Scheduler.create(dataSource, tasks).build()}: it detects "DuckDB", falls back to its
 *       default JDBC customization (fetch-then-lock, no {@code SKIP LOCKED}), and stores instants
 *       correctly in the {@code TIMESTAMP WITH TIME ZONE} columns whatever the JVM's time zone. Its
 *       start-up warning about zone-less columns does not apply. Stop the scheduler before closing
 *       the store.
 * </ul>
 */
package dev.ferry.store.duckdb;
