package dev.ferry.export.format;

import dev.ferry.event.Event;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * CleverTap's CSV event file (SPEC §5), UTF-8: the header {@code ts,identity,eventName} followed by
 * one column per property name given up front (in the order given; the engine passes the names seen
 * in the file's events, sorted), then one row per event. {@code ts} is the UTC time as {@code
 * yyyyMMddHHmmss}; a property the event lacks is an empty field, so a missing property and an empty
 * value read back the same.
 *
 * <p>A property named like a fixed column ({@code ts}, {@code identity}, {@code eventName}) or
 * starting with {@code prop_} has its column headed {@code prop_} followed by its name ({@code
 * prop_ts}); a reader gets the name back by removing one leading {@code prop_}. The profile file
 * ({@link CsvProfileWriter}) follows the same rule.
 *
 * <p>Quoting follows RFC 4180: a field holding a comma, a double quote, a carriage return or a line
 * feed is enclosed in double quotes, a double quote inside doubled; other fields are written as
 * they are. Rows end with {@code \n} (LF), not RFC 4180's CRLF: Unix tools, DuckDB, Spark and
 * pandas read both, and CR inside a quoted value stays unambiguous. Unpaired surrogates become
 * U+FFFD.
 */
public final class CsvEventWriter implements EventWriter {
  private static final List<String> FIXED_COLUMNS = List.of("ts", "identity", "eventName");

  private final CsvTable table;

  /**
   * A writer of rows with the property columns {@code propertyNames}; the header is written at
   * once.
   *
   * @throws IllegalArgumentException if a name is given twice
   * @throws IOException if the header cannot be written
   */
  public CsvEventWriter(OutputStream out, List<String> propertyNames) throws IOException {
    table = new CsvTable(out, FIXED_COLUMNS, propertyNames);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the event has a property that is not one of the columns
   */
  @Override
  public void write(Event event, List<String> identities) throws IOException {
    table.fixed(0, Long.toString(Timestamps.number(event.timestamp())));
    table.fixed(1, event.identity());
    table.fixed(2, event.name());
    table.properties(event.properties());
    table.writeRow();
  }

  @Override
  public void flush() throws IOException {
    table.flush();
  }

  @Override
  public void close() throws IOException {
    table.close();
  }
}
