package dev.ferry.store.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations: SQL resources named {@code V<version>__<description>.sql} in one
 * folder, applied in version order, each once, each in its own transaction together with its row in
 * {@code schema_version}.
 */
final class Migrations {
  private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");

  /** The store's migrations, in order. Add a file here and under the folder to migrate. */
  static final Migrations DUCKDB =
      new Migrations(
          "db/duckdb",
          List.of(
              "V1__records.sql",
              "V2__checkpoints_and_runs.sql",
              "V3__scheduled_tasks.sql",
              "V4__records_for_bulk_loading.sql",
              "V5__checkpoints_by_object_version.sql",
              "V6__integrations.sql",
              "V7__import_ledger.sql",
              "V8__export_ledger.sql",
              "V9__export_activity.sql",
              "V10__table_files.sql"));

  private final String folder;
  private final List<String> names;

  Migrations(String folder, List<String> names) {
    this.folder = folder;
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      if (version(names.get(i)) != i + 1) {
        throw new IllegalArgumentException(
            "migration " + names.get(i) + " must have version " + (i + 1));
      }
    }
  }

  static int version(String name) {
    var matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("migration name " + name + " is not V<n>__<name>.sql");
    }
    return Integer.parseInt(matcher.group(1));
  }

  /** Applies the migrations {@code connection}'s database lacks; returns how many it applied. */
  int apply(Connection connection) throws SQLException {
    createVersionTable(connection);
    int current = currentVersion(connection);
    for (String name : names.subList(Math.min(current, names.size()), names.size())) {
      applyOne(connection, name);
    }
    return Math.max(0, names.size() - current);
  }

  private static void createVersionTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
              + " name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)");
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        var result =
            statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      result.next();
      return result.getInt(1);
    }
  }

  private void applyOne(Connection connection, String name) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql(name));
      statement.execute(
          "INSERT INTO schema_version (version, name) VALUES ("
              + version(name)
              + ", '"
              + name
              + "')");
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw new SQLException("migration " + name + " failed: " + e.getMessage(), e);
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private String sql(String name) {
    var path = folder + "/" + name;
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("migration resource " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read migration " + path, e);
    }
  }
}
