package dev.ferry.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * The connected components of the alias graph, found with a union-find over the alias records in
 * Java: memory grows with the number of aliased identities, not with the number of records. The
 * result goes to the temporary table {@code profile_alias_groups(id, grp)}, one row per aliased
 * identity, {@code grp} being one identity of its group; identities without aliases have no row.
 */
final class AliasGroups {
  static final String TABLE = "temp.main.profile_alias_groups";

  private final Map<String, String> parents = new HashMap<>();

  private AliasGroups() {}

  /** Writes the groups of the aliases with sequence {@code <= upToSequence} to {@link #TABLE}. */
  static void write(Connection connection, long upToSequence) throws SQLException {
    var groups = new AliasGroups();
    groups.read(connection, upToSequence);
    groups.store(connection);
  }

  /** Drops {@link #TABLE}. */
  static void drop(Connection connection) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + TABLE);
    }
  }

  private void read(Connection connection, long upToSequence) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT identity, second_identity FROM records"
                + " WHERE kind = 'alias' AND sequence <= ?")) {
      statement.setLong(1, upToSequence);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          link(rows.getString(1), rows.getString(2));
        }
      }
    }
  }

  private void link(String first, String second) {
    String a = root(first);
    String b = root(second);
    if (!a.equals(b)) {
      parents.put(a, b);
    }
  }

  private String root(String identity) {
    String current = parents.computeIfAbsent(identity, self -> self);
    while (true) {
      String parent = parents.get(current);
      if (parent.equals(current)) {
        return current;
      }
      String grandparent = parents.get(parent);
      parents.put(current, grandparent);
      current = grandparent;
    }
  }

  private void store(Connection connection) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(
          "CREATE OR REPLACE TEMP TABLE profile_alias_groups (id VARCHAR, grp VARCHAR)");
    }
    var duck = connection.unwrap(DuckDBConnection.class);
    try (var appender = duck.createAppender("temp", "main", "profile_alias_groups")) {
      for (String identity : parents.keySet()) {
        appender.beginRow();
        appender.append(identity);
        appender.append(root(identity));
        appender.endRow();
      }
    }
  }
}
