package dev.ferry.store.duckdb;

import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Kind;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import dev.ferry.store.Source;
import dev.ferry.store.SourcedRecord;
import dev.ferry.store.StoredRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.duckdb.DuckDBAppender;

/** Maps records to rows of the {@code records} table and back. */
final class RecordRows {
  private static final String[] KIND_NAMES =
      java.util.Arrays.stream(Kind.values())
          .map(kind -> kind.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  /** The columns read back, in the order {@link #read(ResultSet)} expects. */
  static final String COLUMNS =
      "sequence, kind, identity, second_identity, event_name, epoch_ms(ts), properties,"
          + " epoch_ms(received_at), revision, source_integration, source_run, source_key,"
          + " source_line";

  private RecordRows() {}

  static void append(
      DuckDBAppender appender,
      long sequence,
      SourcedRecord sourced,
      Instant receivedAt,
      long revision)
      throws SQLException {
    Record record = sourced.record();
    appender.beginRow();
    appender.append(sequence);
    appender.append(name(record.kind()));
    appender.append(record.identity());
    appendNullable(appender, record instanceof Alias alias ? alias.secondIdentity() : null);
    appendNullable(appender, record instanceof Event event ? event.name() : null);
    appender.append(utc(record.timestamp()));
    appendNullable(appender, properties(record));
    appender.append(utc(receivedAt));
    appender.append(revision);
    appendSource(appender, sourced.source());
    appender.endRow();
  }

  private static void appendSource(DuckDBAppender appender, Source source) throws SQLException {
    appender.append(source.integration());
    appender.append(source.runId());
    appender.append(source.objectKey());
    appender.append(source.line());
  }

  private static void appendNullable(DuckDBAppender appender, String value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else {
      appender.append(value);
    }
  }

  private static String properties(Record record) {
    if (record instanceof Event event) {
      return Json.write(event.properties());
    }
    if (record instanceof SetProperties set) {
      return Json.write(set.properties());
    }
    return null;
  }

  static String name(Kind kind) {
    return KIND_NAMES[kind.ordinal()];
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static StoredRecord read(ResultSet row) throws SQLException {
    var source =
        new Source(row.getString(10), row.getString(11), row.getString(12), row.getLong(13));
    return new StoredRecord(
        row.getLong(1), Instant.ofEpochMilli(row.getLong(8)), row.getLong(9), source, record(row));
  }

  private static Record record(ResultSet row) throws SQLException {
    var identity = row.getString(3);
    var timestamp = Instant.ofEpochMilli(row.getLong(6));
    return switch (Kind.valueOf(row.getString(2).toUpperCase(Locale.ROOT))) {
      case EVENT ->
          new Event(identity, timestamp, row.getString(5), Json.stringMap(row.getString(7)));
      case PROPERTIES -> new SetProperties(identity, timestamp, Json.stringMap(row.getString(7)));
      case ALIAS -> new Alias(identity, row.getString(4), timestamp);
    };
  }
}
