package dev.ferry.export.format;

import dev.ferry.event.Event;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CleverTap's JSON event file (SPEC §5), UTF-8, each line ended by {@code \n}: first, unless {@link
 * HeaderLine#NONE}, the file's event name (line breaks in it become spaces, so it stays one line);
 * then one object per event:
 *
 * <pre>{@code {"profile":{"identity":"john"},"ts":20171109000015,"eventProps":{"plan":"pro"}}}
 * </pre>
 *
 * <p>{@code ts} is the event's UTC time as the number {@code yyyyMMddHHmmss} (milliseconds
 * dropped); {@code eventProps} holds the properties in the order received, every value a JSON
 * string. Strings are escaped as in the revision export ({@link KmJsonLine}): control characters
 * and unpaired surrogates as escapes, everything else as it is.
 */
public final class JsonEventWriter implements EventWriter {

  /** Whether the file starts with the event name, as CleverTap's files do. */
  public enum HeaderLine {
    /**
     * The first line is the event name, {@code profiles} in a profile file ({@code
     * json-header-line: true}, the default).
     */
    EVENT_NAME,
    /** Plain JSON lines ({@code json-header-line: false}). */
    NONE
  }

  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);

  /**
   * A writer of the events named {@code eventName} to {@code out}.
   *
   * @throws IOException if the header line cannot be written
   */
  public JsonEventWriter(OutputStream out, String eventName, HeaderLine headerLine)
      throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.out.write(header(eventName, headerLine));
  }

  /** The file's first line with its line break, or nothing for {@link HeaderLine#NONE}. */
  static String header(String eventName, HeaderLine headerLine) {
    return headerLine == HeaderLine.EVENT_NAME
        ? Text.withoutUnpairedSurrogates(eventName).replaceAll("\r\n|[\r\n]", " ") + "\n"
        : "";
  }

  @Override
  public void write(Event event, List<String> identities) throws IOException {
    line.setLength(0);
    line.append("{\"profile\":{\"identity\":");
    KmJsonLine.string(line, event.identity());
    line.append("},\"ts\":").append(Timestamps.number(event.timestamp()));
    line.append(",\"eventProps\":");
    KmJsonLine.object(line, event.properties());
    line.append("}\n");
    out.append(line);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
