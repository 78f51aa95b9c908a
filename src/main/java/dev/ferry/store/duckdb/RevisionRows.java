package dev.ferry.store.duckdb;

import dev.ferry.store.Revision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes rows of the {@code revisions} table. */
final class RevisionRows {
  private static final String COLUMNS =
      "number, first_sequence, last_sequence, epoch_ms(first_received_at),"
          + " epoch_ms(last_received_at), epoch_ms(closed_at)";

  private RevisionRows() {}

  static Optional<Revision> open(Connection connection) throws SQLException {
    return one(connection, "closed_at IS NULL", -1);
  }

  static Optional<Revision> find(Connection connection, long number) throws SQLException {
    return one(connection, "number = ?", number);
  }

  static List<Revision> closed(Connection connection, long afterNumber, int limit)
      throws SQLException {
    return query(
        connection,
        "closed_at IS NOT NULL AND number > ? ORDER BY number LIMIT " + Math.max(0, limit),
        afterNumber);
  }

  /** The highest revision number, 0 when there is none, and the last used sequence. */
  static long[] lastNumberAndSequence(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var row =
            statement.executeQuery(
                "SELECT coalesce(max(number), 0), coalesce(max(last_sequence), 0) FROM revisions")) {
      row.next();
      return new long[] {row.getLong(1), row.getLong(2)};
    }
  }

  static long lastClosedNumber(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var row =
            statement.executeQuery(
                "SELECT coalesce(max(number), 0) FROM revisions WHERE closed_at IS NOT NULL")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Inserts or replaces {@code revision}'s row. */
  static void write(Connection connection, Revision revision) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (number) DO UPDATE SET"
                + " last_sequence = excluded.last_sequence,"
                + " last_received_at = excluded.last_received_at,"
                + " closed_at = excluded.closed_at")) {
      statement.setLong(1, revision.number());
      statement.setLong(2, revision.firstSequence());
      statement.setLong(3, revision.lastSequence());
      statement.setObject(4, RecordRows.utc(revision.firstReceivedAt()));
      statement.setObject(5, RecordRows.utc(revision.lastReceivedAt()));
      statement.setObject(6, revision.closed().map(RecordRows::utc).orElse(null));
      statement.executeUpdate();
    }
  }

  private static Optional<Revision> one(Connection connection, String where, long parameter)
      throws SQLException {
    return query(connection, where, parameter).stream().findFirst();
  }

  private static List<Revision> query(Connection connection, String where, long parameter)
      throws SQLException {
    var sql = "SELECT " + COLUMNS + " FROM revisions WHERE " + where;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (where.contains("?")) {
        statement.setLong(1, parameter);
      }
      try (ResultSet rows = statement.executeQuery()) {
        var revisions = new ArrayList<Revision>();
        while (rows.next()) {
          revisions.add(read(rows));
        }
        return revisions;
      }
    }
  }

  private static Revision read(ResultSet row) throws SQLException {
    long closed = row.getLong(6);
    Instant closedAt = row.wasNull() ? null : Instant.ofEpochMilli(closed);
    return new Revision(
        row.getLong(1),
        row.getLong(2),
        row.getLong(3),
        Instant.ofEpochMilli(row.getLong(4)),
        Instant.ofEpochMilli(row.getLong(5)),
        closedAt);
  }
}
