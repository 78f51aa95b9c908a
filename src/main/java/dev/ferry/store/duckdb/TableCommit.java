package dev.ferry.store.duckdb;

import dev.ferry.store.ReplicatedTables.FileLoad;
import dev.ferry.store.ReplicatedTables.LoadCounts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The work of committing a staged file, run in the caller's transaction: read the batch file into
 * the stage table, type the columns, bring the table to them, upsert and record the ledger entry.
 */
final class TableCommit {
  private final FileLoad file;
  private final Path batch;
  private final long rows;
  private final long longestRow;

  TableCommit(FileLoad file, Path batch, long rows, long longestRow) {
    this.file = file;
    this.batch = batch;
    this.rows = rows;
    this.longestRow = longestRow;
  }

  LoadCounts run(Connection connection, Instant loadedAt) throws SQLException {
    StageTable.load(connection, batch, file.columns().size(), longestRow);
    var schema = TableSchema.read(connection, file.integration(), file.table());
    List<ColumnType> types = new ColumnTyping(file.columns(), schema.types()).resolve(connection);
    schema.apply(connection, file.columns(), types);
    LoadCounts counts = new TableUpsert(file, types).apply(connection, rows);
    TableLedger.record(connection, file, loadedAt, rows);
    StageTable.drop(connection);
    return counts;
  }
}
