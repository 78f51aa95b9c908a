package dev.ferry.export.format;

import dev.ferry.event.Event;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CleverTap's CSV event file (SPEC §5), UTF-8: the header {@code ts,identity,eventName} followed by
 * one column per property name given up front (in the order given; the engine passes the names seen
 * in the file's events, sorted), then one row per event. {@code ts} is the UTC time as {@code
 * yyyyMMddHHmmss}; a property the event lacks is an empty field, so a missing property and an empty
 * value read back the same.
 *
 * <p>Quoting follows RFC 4180: a field holding a comma, a double quote, a carriage return or a line
 * feed is enclosed in double quotes, a double quote inside doubled; other fields are written as
 * they are. Rows end with {@code \n} (LF), not RFC 4180's CRLF: Unix tools, DuckDB, Spark and
 * pandas read both, and CR inside a quoted value stays unambiguous. Unpaired surrogates become
 * U+FFFD.
 */
public final class CsvEventWriter implements EventWriter {
  private static final List<String> FIXED_COLUMNS = List.of("ts", "identity", "eventName");

  private final Writer out;
  private final Map<String, Integer> columns = new HashMap<>();
  private final String[] row;

  /**
   * A writer of rows with the property columns {@code propertyNames}; the header is written at
   * once.
   *
   * @throws IllegalArgumentException if a name is given twice
   * @throws IOException if the header cannot be written
   */
  public CsvEventWriter(OutputStream out, List<String> propertyNames) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    for (String name : propertyNames) {
      if (columns.put(name, FIXED_COLUMNS.size() + columns.size()) != null) {
        throw new IllegalArgumentException("property column \"" + name + "\" is given twice");
      }
    }
    List<String> header = new ArrayList<>(FIXED_COLUMNS);
    header.addAll(propertyNames);
    row = header.toArray(new String[0]);
    writeRow();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the event has a property that is not one of the columns
   */
  @Override
  public void write(Event event, List<String> identities) throws IOException {
    Arrays.fill(row, "");
    row[0] = Long.toString(Timestamps.number(event.timestamp()));
    row[1] = event.identity();
    row[2] = event.name();
    event.properties().forEach((name, value) -> row[column(name)] = value);
    writeRow();
  }

  private int column(String name) {
    Integer index = columns.get(name);
    if (index == null) {
      throw new IllegalArgumentException(
          "property \"" + name + "\" is not one of the CSV columns " + columns.keySet());
    }
    return index;
  }

  private void writeRow() throws IOException {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      field(Text.withoutUnpairedSurrogates(row[i]));
    }
    out.write('\n');
  }

  private void field(String value) throws IOException {
    if (!needsQuotes(value)) {
      out.write(value);
      return;
    }
    out.write('"');
    out.write(value.replace("\"", "\"\""));
    out.write('"');
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
