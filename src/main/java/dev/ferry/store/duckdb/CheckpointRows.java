package dev.ferry.store.duckdb;

import dev.ferry.store.Checkpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Reads and writes rows of the {@code checkpoints} table. */
final class CheckpointRows {
  private CheckpointRows() {}

  static void upsert(Connection connection, Checkpoint checkpoint, Instant now)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO checkpoints VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (integration, object_key) DO UPDATE SET etag = excluded.etag,"
                + " size = excluded.size, record_index = excluded.record_index,"
                + " byte_offset = excluded.byte_offset, done = excluded.done,"
                + " updated_at = excluded.updated_at")) {
      statement.setString(1, checkpoint.integration());
      statement.setString(2, checkpoint.objectKey());
      statement.setString(3, checkpoint.etag());
      statement.setLong(4, checkpoint.size());
      statement.setLong(5, checkpoint.recordIndex());
      statement.setLong(6, checkpoint.byteOffset());
      statement.setBoolean(7, checkpoint.done());
      statement.setObject(8, RecordRows.utc(now));
      statement.executeUpdate();
    }
  }

  static Optional<Checkpoint> find(Connection connection, String integration, String objectKey)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT etag, size, record_index, byte_offset, done FROM checkpoints"
                + " WHERE integration = ? AND object_key = ?")) {
      statement.setString(1, integration);
      statement.setString(2, objectKey);
      try (var row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Checkpoint(
                integration,
                objectKey,
                row.getString(1),
                row.getLong(2),
                row.getLong(3),
                row.getLong(4),
                row.getBoolean(5)));
      }
    }
  }
}
