package dev.ferry.store.duckdb;

import dev.ferry.store.ExportLedger;
import dev.ferry.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The export ledger in the {@code published_revisions} table. */
final class DuckDbExportLedger implements ExportLedger {
  private final Database database;
  private final Clock clock;

  DuckDbExportLedger(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public List<PublishedRevision> published(String export) {
    return database.call(
        "list the revisions export " + export + " published",
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "SELECT number, object_key, records, bytes, epoch_ms(first_received_at),"
                      + " epoch_ms(last_received_at) FROM published_revisions"
                      + " WHERE export = ? ORDER BY number")) {
            statement.setString(1, export);
            try (var rows = statement.executeQuery()) {
              var published = new ArrayList<PublishedRevision>();
              while (rows.next()) {
                published.add(
                    new PublishedRevision(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getLong(3),
                        rows.getLong(4),
                        Instant.ofEpochMilli(rows.getLong(5)),
                        Instant.ofEpochMilli(rows.getLong(6))));
              }
              return published;
            }
          }
        });
  }

  @Override
  public long lastPublished(String export) {
    return database.call(
        "find the last revision export " + export + " published", c -> last(c, export));
  }

  private static long last(Connection connection, String export) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT coalesce(max(number), 0) FROM published_revisions WHERE export = ?")) {
      statement.setString(1, export);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Override
  public void publish(String export, PublishedRevision revision) {
    database.transaction(
        "record revision " + revision.number() + " as published by export " + export,
        connection -> {
          long last = last(connection, export);
          if (revision.number() != last + 1) {
            throw new StoreException(
                "Export "
                    + export
                    + " cannot publish revision "
                    + revision.number()
                    + " after "
                    + last
                    + ": revisions are published in order");
          }
          insert(connection, export, revision);
          return null;
        });
  }

  private void insert(Connection connection, String export, PublishedRevision revision)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO published_revisions VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, export);
      statement.setLong(2, revision.number());
      statement.setString(3, revision.key());
      statement.setLong(4, revision.records());
      statement.setLong(5, revision.bytes());
      statement.setObject(6, RecordRows.utc(revision.firstReceivedAt()));
      statement.setObject(7, RecordRows.utc(revision.lastReceivedAt()));
      statement.setObject(8, RecordRows.utc(clock.instant()));
      statement.executeUpdate();
    }
  }

  @Override
  public void forget(String export) {
    database.call(
        "forget what export " + export + " published",
        connection -> {
          try (var statement =
              connection.prepareStatement("DELETE FROM published_revisions WHERE export = ?")) {
            statement.setString(1, export);
            return statement.executeUpdate();
          }
        });
  }
}
