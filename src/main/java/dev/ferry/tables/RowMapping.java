package dev.ferry.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.ingest.csv.CsvRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a file's rows into staged values (SPEC §3): the loaded fields, an empty field as NULL, a
 * row shorter than the header NULL in its missing fields, values beyond the header in {@code
 * _ferry_extra} as a JSON array of strings, then the key, line and load time. A row is rejected,
 * with its line and reason, when it is malformed, a datetime field does not parse, or a primary-key
 * field is empty.
 */
final class RowMapping {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileColumns columns;
  private final String key;
  private final String loadedAt;

  RowMapping(FileColumns columns, String key, Instant loadedAt) {
    this.columns = columns;
    this.key = key;
    this.loadedAt = Datetimes.store(loadedAt);
  }

  /** A row's staged values, or why it is rejected. */
  Mapped map(CsvRows.Row row) {
    if (row.problem() != null) {
      return new Rejected(row.line(), row.problem());
    }
    List<String> values = new ArrayList<>(columns.staged().size());
    for (int position : columns.loaded()) {
      String value = field(row, position);
      if (value != null && columns.datetimePositions().contains(position)) {
        String stored = Datetimes.normalize(value);
        if (stored == null) {
          return new Rejected(row.line(), notADatetime(position, value));
        }
        value = stored;
      }
      values.add(value);
    }
    for (int position : columns.keyPositions()) {
      if (values.get(position) == null) {
        return new Rejected(
            row.line(),
            "primary-key field '" + columns.staged().get(position).name() + "' is empty");
      }
    }
    values.add(key);
    values.add(Long.toString(row.line()));
    values.add(loadedAt);
    values.add(extra(row));
    return new Staged(values);
  }

  private static String field(CsvRows.Row row, int position) {
    if (position >= row.fields().size()) {
      return null;
    }
    String value = row.fields().get(position);
    return value.isEmpty() ? null : value;
  }

  private String notADatetime(int position, String value) {
    return "datetime field '"
        + columns.header().get(position)
        + "' value '"
        + value
        + "' is not ISO 8601 or yyyy-MM-dd HH:mm:ss";
  }

  private String extra(CsvRows.Row row) {
    int width = columns.header().size();
    if (row.fields().size() <= width) {
      return null;
    }
    try {
      return JSON.writeValueAsString(row.fields().subList(width, row.fields().size()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings always serialize", e);
    }
  }

  /** A mapped row. */
  sealed interface Mapped {}

  /** Values to stage, one per staged column. */
  record Staged(List<String> values) implements Mapped {}

  /** A row left out, with its physical line and the reason. */
  record Rejected(long line, String reason) implements Mapped {}
}
