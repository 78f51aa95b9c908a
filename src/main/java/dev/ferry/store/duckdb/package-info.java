/**
 * The store on one DuckDB file ({@link dev.ferry.store.duckdb.DuckDbStore}).
 *
 * <ul>
 *   <li>Schema: versioned migrations {@code db/duckdb/V<n>__<name>.sql}, listed in {@code
 *       Migrations.DUCKDB}, each applied once in its own transaction and recorded in {@code
 *       schema_version}.
 *   <li>Records go in through DuckDB's appender (about 100k rows/s per thread with the primary key
 *       on {@code sequence}; JDBC batches manage a few thousand). The appender takes part in the
 *       connection's transaction: it is flushed and closed before the revision rows and the
 *       checkpoint are written and the transaction commits, so a failure anywhere rolls back all of
 *       it.
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
