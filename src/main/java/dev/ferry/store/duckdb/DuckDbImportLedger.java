package dev.ferry.store.duckdb;

import dev.ferry.faults.CrashPoints;
import dev.ferry.store.Appended;
import dev.ferry.store.ImportLedger;
import dev.ferry.store.PreparedBatch;
import dev.ferry.store.SourcedRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** The import ledger in DuckDB: {@code import_files} and {@code rejected_rows}. */
final class DuckDbImportLedger implements ImportLedger {
  private static final String FILE = "integration = ? AND object_key = ? AND etag = ? AND size = ?";
  private static final String COLUMNS =
      "integration, object_key, etag, size, stage, byte_offset, line, rows_read,"
          + " records_imported, rows_rejected, destination, error";

  private final Database database;
  private final DuckDbRecordStore records;
  private final Clock clock;

  DuckDbImportLedger(Database database, DuckDbRecordStore records, Clock clock) {
    this.database = database;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public Optional<FileProgress> progress(FileId file) {
    return database.call(
        "read the ledger of " + file.key(),
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT " + COLUMNS + " FROM import_files WHERE " + FILE)) {
            bind(statement, 1, file);
            return read(statement).stream().findFirst();
          }
        });
  }

  @Override
  public Appended commit(
      List<SourcedRecord> batch, List<RejectedRow> rejected, FileProgress progress) {
    try (DuckDbBatch prepared = records.prepare(batch)) {
      return commit(prepared, rejected, progress);
    }
  }

  @Override
  public DuckDbBatch prepare(List<SourcedRecord> batch) {
    return records.prepare(batch);
  }

  @Override
  public Appended commit(
      PreparedBatch prepared, List<RejectedRow> rejected, FileProgress progress) {
    if (!(prepared instanceof DuckDbBatch batch)) {
      throw new IllegalArgumentException("a batch prepared by another store: " + prepared);
    }
    return database.transaction(
        "commit " + batch.size() + " records of " + progress.file().key(),
        connection -> {
          Appended appended = records.appendIn(connection, batch, null);
          CrashPoints.reach("mid-transaction");
          insertRejected(connection, progress.file(), rejected);
          upsert(connection, progress);
          return appended;
        });
  }

  @Override
  public void forEachRejected(FileId file, Consumer<RejectedRow> consumer) {
    database.call(
        "read rejected rows of " + file.key(),
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT line, reason, row_text FROM rejected_rows WHERE "
                      + FILE
                      + " ORDER BY line")) {
            bind(statement, 1, file);
            try (ResultSet result = statement.executeQuery()) {
              while (result.next()) {
                consumer.accept(
                    new RejectedRow(result.getLong(1), result.getString(2), result.getString(3)));
              }
            }
          }
          return null;
        });
  }

  @Override
  public List<FileProgress> files(String integration, int limit) {
    return database.call(
        "list the ledger of " + integration,
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM import_files WHERE integration = ?"
                      + " ORDER BY updated_at DESC, object_key LIMIT ?")) {
            statement.setString(1, integration);
            statement.setInt(2, limit);
            return read(statement);
          }
        });
  }

  private static void insertRejected(Connection connection, FileId file, List<RejectedRow> rejected)
      throws SQLException {
    if (rejected.isEmpty()) {
      return;
    }
    try (PreparedStatement statement =
        connection.prepareStatement("INSERT INTO rejected_rows VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (RejectedRow row : rejected) {
        bind(statement, 1, file);
        statement.setLong(5, row.line());
        statement.setString(6, row.reason());
        statement.setString(7, row.row());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private void upsert(Connection connection, FileProgress progress) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO import_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (integration, object_key, etag, size) DO UPDATE SET"
                + " stage = excluded.stage, byte_offset = excluded.byte_offset,"
                + " line = excluded.line, rows_read = excluded.rows_read,"
                + " records_imported = excluded.records_imported,"
                + " rows_rejected = excluded.rows_rejected, destination = excluded.destination,"
                + " error = excluded.error, updated_at = excluded.updated_at")) {
      bind(statement, 1, progress.file());
      statement.setString(5, progress.stage().name().toLowerCase(Locale.ROOT));
      statement.setLong(6, progress.byteOffset());
      statement.setLong(7, progress.line());
      statement.setLong(8, progress.rowsRead());
      statement.setLong(9, progress.recordsImported());
      statement.setLong(10, progress.rowsRejected());
      statement.setString(11, progress.destination().orElse(null));
      statement.setString(12, progress.error().orElse(null));
      statement.setObject(13, RecordRows.utc(clock.instant()));
      statement.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, int first, FileId file)
      throws SQLException {
    statement.setString(first, file.integration());
    statement.setString(first + 1, file.key());
    statement.setString(first + 2, file.etag());
    statement.setLong(first + 3, file.size());
  }

  private static List<FileProgress> read(PreparedStatement statement) throws SQLException {
    List<FileProgress> files = new ArrayList<>();
    try (ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        FileId file =
            new FileId(
                result.getString(1), result.getString(2), result.getString(3), result.getLong(4));
        files.add(
            new FileProgress(
                file,
                Stage.valueOf(result.getString(5).toUpperCase(Locale.ROOT)),
                result.getLong(6),
                result.getLong(7),
                result.getLong(8),
                result.getLong(9),
                result.getLong(10),
                Optional.ofNullable(result.getString(11)),
                Optional.ofNullable(result.getString(12))));
      }
    }
    return files;
  }
}
