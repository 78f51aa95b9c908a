package dev.ferry.store.duckdb;

import dev.ferry.store.Profile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads profiles from Java into a temporary table with DuckDB's appender, numbered in the order
 * given; the identities and properties go in as JSON text, turned into a list and a map by the
 * query that reads them.
 */
final class ProfileRows {
  private static final AtomicLong TABLES = new AtomicLong();

  private ProfileRows() {}

  /** Creates the table on {@code connection}, loads every profile and returns the table's name. */
  static String load(Connection connection, Iterator<Profile> profiles) throws SQLException {
    String table = "export_profiles_" + TABLES.incrementAndGet();
    try (var statement = connection.createStatement()) {
      statement.execute(
          "CREATE TEMP TABLE "
              + table
              + " (ordinal BIGINT, identity VARCHAR, all_identities VARCHAR,"
              + " updated TIMESTAMP, properties VARCHAR)");
    }
    var duck = connection.unwrap(DuckDBConnection.class);
    try (var appender = duck.createAppender("temp", "main", table)) {
      long ordinal = 0;
      while (profiles.hasNext()) {
        append(appender, ++ordinal, profiles.next());
      }
      appender.flush();
    }
    return "temp.main." + table;
  }

  private static void append(DuckDBAppender appender, long ordinal, Profile profile)
      throws SQLException {
    appender.beginRow();
    appender.append(ordinal);
    appender.append(profile.identity());
    appender.append(Json.write(profile.allIdentities()));
    appender.append(RecordRows.utc(profile.updated()));
    appender.append(Json.write(profile.properties()));
    appender.endRow();
  }
}
