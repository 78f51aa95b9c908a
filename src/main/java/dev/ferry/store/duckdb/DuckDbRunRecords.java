package dev.ferry.store.duckdb;

import dev.ferry.store.Run;
import dev.ferry.store.RunRecords;
import dev.ferry.store.RunStatus;
import dev.ferry.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Run records on DuckDB. */
final class DuckDbRunRecords implements RunRecords {
  private static final String COLUMNS =
      "id, integration, kind, status, epoch_ms(started_at), epoch_ms(finished_at), details,"
          + " errors";

  private final Database database;
  private final Clock clock;

  DuckDbRunRecords(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public long start(String integration, String kind) {
    Objects.requireNonNull(integration, "integration must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    return database.transaction(
        "start a run of " + integration, connection -> insert(connection, integration, kind));
  }

  private long insert(Connection connection, String integration, String kind) throws SQLException {
    long id = nextId(connection);
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO runs VALUES (?, ?, ?, 'RUNNING', ?, NULL, '{}', '[]')")) {
      statement.setLong(1, id);
      statement.setString(2, integration);
      statement.setString(3, kind);
      statement.setObject(4, RecordRows.utc(now()));
      statement.executeUpdate();
    }
    return id;
  }

  private static long nextId(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var row = statement.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM runs")) {
      row.next();
      return row.getLong(1);
    }
  }

  @Override
  public void finish(long runId, RunStatus status, String details, List<String> errors) {
    if (status == RunStatus.RUNNING) {
      throw new StoreException("Failed to finish run " + runId + ": status must not be RUNNING");
    }
    Json.requireObject("details of run " + runId, details);
    var errorsJson = Json.write(List.copyOf(errors));
    int updated =
        database.transaction(
            "finish run " + runId,
            connection -> update(connection, runId, status, details, errorsJson));
    if (updated != 1) {
      throw new StoreException(
          "Failed to finish run " + runId + ": no such run, or it is already finished");
    }
  }

  private int update(
      Connection connection, long runId, RunStatus status, String details, String errors)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "UPDATE runs SET status = ?, finished_at = ?, details = ?, errors = ?"
                + " WHERE id = ? AND status = 'RUNNING'")) {
      statement.setString(1, status.name());
      statement.setObject(2, RecordRows.utc(now()));
      statement.setString(3, details);
      statement.setString(4, errors);
      statement.setLong(5, runId);
      return statement.executeUpdate();
    }
  }

  @Override
  public Optional<Run> find(long runId) {
    return database.call(
        "find run " + runId, connection -> query(connection, runId).stream().findFirst());
  }

  @Override
  public List<Run> list(Optional<String> integration, int limit) {
    Objects.requireNonNull(integration, "integration must not be null");
    return database.call(
        "list runs of " + integration.orElse("all integrations"),
        connection -> query(connection, integration, limit));
  }

  private static List<Run> query(Connection connection, Optional<String> integration, int limit)
      throws SQLException {
    var where = integration.isPresent() ? "integration = ?" : "true";
    var sql = select(where, limit);
    try (var statement = connection.prepareStatement(sql)) {
      if (integration.isPresent()) {
        statement.setString(1, integration.get());
      }
      return read(statement);
    }
  }

  private static List<Run> query(Connection connection, long id) throws SQLException {
    try (var statement = connection.prepareStatement(select("id = ?", 1))) {
      statement.setLong(1, id);
      return read(statement);
    }
  }

  private static String select(String where, int limit) {
    return "SELECT "
        + COLUMNS
        + " FROM runs WHERE "
        + where
        + " ORDER BY id DESC LIMIT "
        + Math.max(0, limit);
  }

  private static List<Run> read(java.sql.PreparedStatement statement) throws SQLException {
    try (var rows = statement.executeQuery()) {
      var runs = new ArrayList<Run>();
      while (rows.next()) {
        runs.add(read(rows));
      }
      return runs;
    }
  }

  private static Run read(ResultSet row) throws SQLException {
    long finished = row.getLong(6);
    Instant finishedAt = row.wasNull() ? null : Instant.ofEpochMilli(finished);
    return new Run(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        RunStatus.valueOf(row.getString(4)),
        Instant.ofEpochMilli(row.getLong(5)),
        finishedAt,
        row.getString(7),
        Json.stringList(row.getString(8)));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
