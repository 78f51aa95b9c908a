package dev.ferry.store.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.store.ExportActivity;
import dev.ferry.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The export activity log in the {@code export_activity} table. */
final class DuckDbExportActivity implements ExportActivity {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "request_id, epoch_ms(window_start), epoch_ms(window_end), after_sequence,"
          + " up_to_sequence, status, files, epoch_ms(started_at), epoch_ms(ended_at), error";

  private final Database database;

  DuckDbExportActivity(Database database) {
    this.database = database;
  }

  @Override
  public void add(Entry entry) {
    database.call(
        "add export window " + entry.windowEnd() + " of " + entry.requestId(),
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "INSERT INTO export_activity VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)")) {
            statement.setString(1, entry.requestId());
            statement.setObject(2, RecordRows.utc(entry.windowEnd()));
            statement.setObject(3, RecordRows.utc(entry.windowStart()));
            statement.setLong(4, entry.afterSequence());
            statement.setLong(5, entry.upToSequence());
            statement.setString(6, entry.status().shown());
            statement.setString(7, files(entry.files()));
            return statement.executeUpdate();
          }
        });
  }

  @Override
  public void running(String requestId, Instant windowEnd, Instant at) {
    update(
        requestId,
        windowEnd,
        "status = ?, files = '[]', started_at = ?, ended_at = NULL, error = NULL",
        Status.RUNNING.shown(),
        RecordRows.utc(at));
  }

  @Override
  public void done(String requestId, Instant windowEnd, List<ExportedFile> files, Instant at) {
    update(
        requestId,
        windowEnd,
        "status = ?, files = ?, ended_at = ?",
        Status.DONE.shown(),
        files(files),
        RecordRows.utc(at));
  }

  @Override
  public void failed(String requestId, Instant windowEnd, String error, Instant at) {
    update(
        requestId,
        windowEnd,
        "status = ?, error = ?, ended_at = ?",
        Status.FAILED.shown(),
        error,
        RecordRows.utc(at));
  }

  private void update(String requestId, Instant windowEnd, String set, Object... values) {
    database.call(
        "update export window " + windowEnd + " of " + requestId,
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "UPDATE export_activity SET "
                      + set
                      + " WHERE request_id = ? AND window_end = ?")) {
            for (int i = 0; i < values.length; i++) {
              statement.setObject(i + 1, values[i]);
            }
            statement.setString(values.length + 1, requestId);
            statement.setObject(values.length + 2, RecordRows.utc(windowEnd));
            if (statement.executeUpdate() != 1) {
              throw new StoreException(
                  "Export " + requestId + " has no window ending at " + windowEnd);
            }
            return null;
          }
        });
  }

  @Override
  public List<Entry> list(String requestId, int limit) {
    return database.call(
        "list the activity of export " + requestId,
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM export_activity WHERE request_id = ?"
                      + " ORDER BY window_end DESC LIMIT ?")) {
            statement.setString(1, requestId);
            statement.setInt(2, limit);
            return entries(statement.executeQuery());
          }
        });
  }

  private static List<Entry> entries(ResultSet rows) throws SQLException {
    try (rows) {
      List<Entry> entries = new ArrayList<>();
      while (rows.next()) {
        entries.add(
            new Entry(
                rows.getString(1),
                Instant.ofEpochMilli(rows.getLong(2)),
                Instant.ofEpochMilli(rows.getLong(3)),
                rows.getLong(4),
                rows.getLong(5),
                Status.of(rows.getString(6)),
                files(rows.getString(7)),
                instant(rows, 8),
                instant(rows, 9),
                Optional.ofNullable(rows.getString(10))));
      }
      return entries;
    }
  }

  private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  @Override
  public int failRunning(String error, Instant at) {
    return database.call(
        "fail the export windows cut off by a stop",
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "UPDATE export_activity SET status = ?, error = ?, ended_at = ?"
                      + " WHERE status = ?")) {
            statement.setString(1, Status.FAILED.shown());
            statement.setString(2, error);
            statement.setObject(3, RecordRows.utc(at));
            statement.setString(4, Status.RUNNING.shown());
            return statement.executeUpdate();
          }
        });
  }

  @Override
  public void forget(String requestId) {
    database.call(
        "forget the activity of export " + requestId,
        (Connection connection) -> {
          try (var statement =
              connection.prepareStatement("DELETE FROM export_activity WHERE request_id = ?")) {
            statement.setString(1, requestId);
            return statement.executeUpdate();
          }
        });
  }

  private static String files(List<ExportedFile> files) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ExportedFile file : files) {
      list.add(
          Map.of(
              "key", file.key(),
              "rows", file.rows(),
              "bytes", file.bytes(),
              "manifest", file.manifest()));
    }
    return Json.write(list);
  }

  private static List<ExportedFile> files(String json) {
    try {
      List<ExportedFile> files = new ArrayList<>();
      for (JsonNode file : JSON.readTree(json)) {
        files.add(
            new ExportedFile(
                file.get("key").asText(),
                file.get("rows").asLong(),
                file.get("bytes").asLong(),
                file.get("manifest").asBoolean()));
      }
      return files;
    } catch (JsonProcessingException e) {
      throw new StoreException("Unreadable export activity files: " + e.getOriginalMessage(), e);
    }
  }
}
