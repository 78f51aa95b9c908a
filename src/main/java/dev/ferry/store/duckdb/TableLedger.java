package dev.ferry.store.duckdb;

import dev.ferry.store.ReplicatedTables.FileLoad;
import dev.ferry.store.ReplicatedTables.LoadedFile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ledger of files loaded into replicated tables, in {@code table_files}. */
final class TableLedger {
  private TableLedger() {}

  /** Records {@code file} as loaded at {@code loadedAt} with {@code rows} staged rows. */
  static void record(Connection connection, FileLoad file, Instant loadedAt, long rows)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO table_files VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (integration, table_name, object_key) DO UPDATE SET"
                + " etag = excluded.etag, last_modified = excluded.last_modified,"
                + " loaded_at = excluded.loaded_at, row_count = excluded.row_count")) {
      statement.setString(1, file.integration());
      statement.setString(2, file.table());
      statement.setString(3, file.key());
      statement.setString(4, file.etag());
      statement.setObject(5, RecordRows.utc(file.lastModified()));
      statement.setObject(6, RecordRows.utc(loadedAt));
      statement.setLong(7, rows);
      statement.executeUpdate();
    }
  }

  /** The files loaded into a table, by key in key order. */
  static Map<String, LoadedFile> read(Connection connection, String integration, String table)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT object_key, etag, epoch_us(last_modified), epoch_us(loaded_at), row_count"
                + " FROM table_files WHERE integration = ? AND table_name = ?"
                + " ORDER BY object_key")) {
      statement.setString(1, integration);
      statement.setString(2, table);
      Map<String, LoadedFile> files = new LinkedHashMap<>();
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          LoadedFile file = file(result);
          files.put(file.key(), file);
        }
      }
      return files;
    }
  }

  private static LoadedFile file(ResultSet row) throws SQLException {
    return new LoadedFile(
        row.getString(1),
        row.getString(2),
        micros(row.getLong(3)),
        micros(row.getLong(4)),
        row.getLong(5));
  }

  private static Instant micros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** Forgets every file of the integration. */
  static void forget(Connection connection, String integration) throws SQLException {
    try (var statement =
        connection.prepareStatement("DELETE FROM table_files WHERE integration = ?")) {
      statement.setString(1, integration);
      statement.executeUpdate();
    }
  }
}
