package dev.ferry.export.format;

import dev.ferry.export.format.JsonEventWriter.HeaderLine;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The JSON event file of {@link JsonEventWriter} from lines the store already built (its fast path,
 * {@code EventExports#jsonLines}): the same header line, then each line as given, UTF-8, followed
 * by {@code \n}.
 */
public final class JsonLineWriter implements Closeable, Flushable {
  private final OutputStream out;

  /**
   * A writer of the lines of events named {@code eventName} to {@code out}.
   *
   * @throws IOException if the header line cannot be written
   */
  public JsonLineWriter(OutputStream out, String eventName, HeaderLine headerLine)
      throws IOException {
    this.out = new BufferedOutputStream(out, 1 << 16);
    this.out.write(JsonEventWriter.header(eventName, headerLine).getBytes(StandardCharsets.UTF_8));
  }

  /** Writes one event's line, given as UTF-8 without its line break. */
  public void write(byte[] line) throws IOException {
    out.write(line);
    out.write('\n');
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
