package dev.ferry.store.duckdb;

import dev.ferry.store.IntegrationDefinitions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Integration definitions in the {@code integrations} table. */
final class DuckDbIntegrationDefinitions implements IntegrationDefinitions {
  private static final String SELECT =
      "SELECT name, kind, CAST(definition AS VARCHAR), epoch_ms(created_at),"
          + " epoch_ms(updated_at) FROM integrations ";

  private final Database database;
  private final Clock clock;

  DuckDbIntegrationDefinitions(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public void put(String name, String kind, String definitionJson) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(definitionJson, "definitionJson must not be null");
    database.transaction(
        "store the definition of " + name,
        connection -> upsert(connection, name, kind, definitionJson));
  }

  private Integer upsert(Connection connection, String name, String kind, String json)
      throws SQLException {
    var now = RecordRows.utc(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO integrations VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                + " kind = excluded.kind, definition = excluded.definition,"
                + " updated_at = excluded.updated_at")) {
      statement.setString(1, name);
      statement.setString(2, kind);
      statement.setString(3, json);
      statement.setObject(4, now);
      statement.setObject(5, now);
      return statement.executeUpdate();
    }
  }

  @Override
  public Optional<Definition> find(String name) {
    return database.call(
        "find the definition of " + name,
        connection -> query(connection, "WHERE name = ?", name).stream().findFirst());
  }

  @Override
  public List<Definition> list(String kind) {
    return database.call(
        "list definitions of kind " + kind,
        connection -> query(connection, "WHERE kind = ? ORDER BY name", kind));
  }

  @Override
  public boolean delete(String name) {
    return database.call(
        "delete the definition of " + name,
        connection -> {
          try (var statement =
              connection.prepareStatement("DELETE FROM integrations WHERE name = ?")) {
            statement.setString(1, name);
            return statement.executeUpdate() > 0;
          }
        });
  }

  private static List<Definition> query(Connection connection, String where, String parameter)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SELECT + where)) {
      statement.setString(1, parameter);
      try (var rows = statement.executeQuery()) {
        var definitions = new ArrayList<Definition>();
        while (rows.next()) {
          definitions.add(
              new Definition(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  Instant.ofEpochMilli(rows.getLong(4)),
                  Instant.ofEpochMilli(rows.getLong(5))));
        }
        return definitions;
      }
    }
  }
}
