package dev.ferry.store.duckdb;

import dev.ferry.store.RecordQuery;
import dev.ferry.store.StoreStats;
import dev.ferry.store.StoredRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Queries for users looking at the data: filtered records and store statistics. */
final class RecordQueries {
  private RecordQueries() {}

  static List<StoredRecord> find(Connection connection, RecordQuery query) throws SQLException {
    var where = new ArrayList<String>(List.of("true"));
    var parameters = new ArrayList<String>();
    query
        .identity()
        .ifPresent(
            identity -> {
              where.add("(identity = ? OR second_identity = ?)");
              parameters.addAll(List.of(identity, identity));
            });
    query
        .eventName()
        .ifPresent(
            name -> {
              where.add("event_name = ?");
              parameters.add(name);
            });
    var sql =
        "SELECT "
            + RecordRows.COLUMNS
            + " FROM records WHERE "
            + String.join(" AND ", where)
            + " ORDER BY sequence LIMIT "
            + query.limit();
    return select(connection, sql, parameters);
  }

  private static List<StoredRecord> select(
      Connection connection, String sql, List<String> parameters) throws SQLException {
    try (var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setString(i + 1, parameters.get(i));
      }
      try (var rows = statement.executeQuery()) {
        var found = new ArrayList<StoredRecord>();
        while (rows.next()) {
          found.add(RecordRows.read(rows));
        }
        return found;
      }
    }
  }

  /** The statistics; the caller has closed revisions that are due in the same transaction. */
  static StoreStats stats(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var row =
            statement.executeQuery(
                "SELECT (SELECT count(*) FILTER (kind = 'event') FROM records),"
                    + " (SELECT count(*) FILTER (kind = 'properties') FROM records),"
                    + " (SELECT count(*) FILTER (kind = 'alias') FROM records),"
                    + " (SELECT count(*) FILTER (closed_at IS NULL) FROM revisions),"
                    + " (SELECT count(*) FILTER (closed_at IS NOT NULL) FROM revisions),"
                    + " (SELECT coalesce(max(last_sequence), 0) FROM revisions)")) {
      row.next();
      return new StoreStats(
          row.getLong(1),
          row.getLong(2),
          row.getLong(3),
          row.getLong(4),
          row.getLong(5),
          row.getLong(6));
    }
  }
}
