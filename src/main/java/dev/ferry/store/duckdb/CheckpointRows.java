package dev.ferry.store.duckdb;

import dev.ferry.store.Checkpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes rows of the {@code checkpoints} table, keyed by object version. */
final class CheckpointRows {
  private static final String COLUMNS =
      "integration, object_key, etag, size, record_index, byte_offset, done";

  private CheckpointRows() {}

  static void upsert(Connection connection, Checkpoint checkpoint, Instant now)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO checkpoints VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (integration, object_key, etag, size) DO UPDATE SET"
                + " record_index = excluded.record_index, byte_offset = excluded.byte_offset,"
                + " done = excluded.done, updated_at = excluded.updated_at")) {
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

  static Optional<Checkpoint> find(
      Connection connection, String integration, String objectKey, String etag, long size)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM checkpoints"
                + " WHERE integration = ? AND object_key = ? AND etag = ? AND size = ?")) {
      statement.setString(1, integration);
      statement.setString(2, objectKey);
      statement.setString(3, etag);
      statement.setLong(4, size);
      return read(statement).stream().findFirst();
    }
  }

  static List<Checkpoint> list(Connection connection, String integration) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM checkpoints WHERE integration = ? ORDER BY object_key, etag, size")) {
      statement.setString(1, integration);
      return read(statement);
    }
  }

  private static List<Checkpoint> read(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      var checkpoints = new ArrayList<Checkpoint>();
      while (rows.next()) {
        checkpoints.add(
            new Checkpoint(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getLong(4),
                rows.getLong(5),
                rows.getLong(6),
                rows.getBoolean(7)));
      }
      return checkpoints;
    }
  }
}
