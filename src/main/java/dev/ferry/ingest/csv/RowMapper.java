package dev.ferry.ingest.csv;

import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.OrderedProperties;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Turns one parsed row into records, or into the reason it is rejected. */
final class RowMapper {
  private final HeaderMapping mapping;
  private final ImportFormat format;
  private final String[] names;
  private final String[] values;

  RowMapper(HeaderMapping mapping, ImportFormat format) {
    this.mapping = mapping;
    this.format = format;
    this.names = new String[mapping.propertyCount()];
    this.values = new String[mapping.propertyCount()];
  }

  ParsedRow map(RowParser row) {
    if (row.problem() != null) {
      return rejected(row, row.problem(), ParsedRow.Cause.CONTENT);
    }
    if (row.fieldCount() != mapping.columnCount()) {
      return rejected(row, fieldCountReason(row), ParsedRow.Cause.CONTENT);
    }
    try {
      return new ParsedRow.Accepted(row.rowLine(), records(row), row.offset());
    } catch (CharacterCodingException e) {
      String reason = "not valid UTF-8 at byte offset " + row.firstMalformedOffset();
      return rejected(row, reason, ParsedRow.Cause.ENCODING);
    } catch (IllegalArgumentException e) {
      return rejected(row, e.getMessage(), ParsedRow.Cause.CONTENT);
    }
  }

  private String fieldCountReason(RowParser row) {
    return "row has " + row.fieldCount() + " fields, header has " + mapping.columnCount();
  }

  private static ParsedRow rejected(RowParser row, String reason, ParsedRow.Cause cause) {
    return new ParsedRow.Rejected(row.rowLine(), reason, row.rawText(), row.offset(), cause);
  }

  private List<Record> records(RowParser row) throws CharacterCodingException {
    String identity = cell(row, Role.IDENTITY);
    if (identity.isEmpty()) {
      throw new IllegalArgumentException("missing identity");
    }
    Instant timestamp = timestamp(row);
    String alias = cell(row, Role.ALIAS);
    String event = cell(row, Role.EVENT);
    Map<String, String> properties = properties(row);
    Alias aliasRecord = alias.isEmpty() ? null : new Alias(identity, alias, timestamp);
    Record main = mainRecord(identity, timestamp, event, properties);
    if (aliasRecord == null && main == null) {
      throw new IllegalArgumentException("row has no event, alias or property");
    }
    if (aliasRecord == null) {
      return List.of(main);
    }
    return main == null ? List.of(aliasRecord) : List.of(aliasRecord, main);
  }

  /** The row's event, or its properties record, or null when it has neither. */
  private static Record mainRecord(
      String identity, Instant timestamp, String event, Map<String, String> properties) {
    if (!event.isEmpty()) {
      return new Event(identity, timestamp, event, properties);
    }
    return properties.isEmpty() ? null : new SetProperties(identity, timestamp, properties);
  }

  private Instant timestamp(RowParser row) throws CharacterCodingException {
    if (mapping.index(Role.TIMESTAMP) < 0) {
      return Instant.EPOCH;
    }
    String text = cell(row, Role.TIMESTAMP).strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("missing timestamp");
    }
    return format.timestampFormat().toInstant(text, format.zone());
  }

  private static String cellAt(RowParser row, int column) throws CharacterCodingException {
    return column < 0 || row.isEmpty(column) ? "" : row.field(column);
  }

  private String cell(RowParser row, Role role) throws CharacterCodingException {
    return cellAt(row, mapping.index(role));
  }

  private Map<String, String> properties(RowParser row) throws CharacterCodingException {
    int count = 0;
    for (int i = 0; i < mapping.propertyCount(); i++) {
      String value = cellAt(row, mapping.propertyColumn(i));
      if (!value.isEmpty()) {
        names[count] = mapping.propertyName(i);
        values[count++] = value;
      }
    }
    return OrderedProperties.of(names, values, count);
  }
}
