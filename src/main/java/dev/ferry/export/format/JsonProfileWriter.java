package dev.ferry.export.format;

import dev.ferry.export.format.JsonEventWriter.HeaderLine;
import dev.ferry.store.Profile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * CleverTap's JSON profile file (SPEC §5), UTF-8, each line ended by {@code \n}: first, unless
 * {@link HeaderLine#NONE}, the line {@code profiles} (the name profile files carry in place of the
 * event name); then one object per profile:
 *
 * <pre>{@code
 * {"identity":"john","all_identities":["john","john@example.com"],"updated":20171109000015,
 *  "profileProps":{"plan":"pro"}}
 * }</pre>
 *
 * (shown wrapped; written on one line). {@code updated} is the profile's latest timestamp in UTC as
 * the number {@code yyyyMMddHHmmss} (milliseconds dropped), like the events' {@code ts}; {@code
 * all_identities} lists the linked identities in first-seen order; {@code profileProps} holds the
 * properties sorted by name, every value a JSON string. Strings are escaped as the event writer
 * escapes them ({@link KmJsonLine}).
 */
public final class JsonProfileWriter implements ProfileWriter {
  /** The header line, the name profile files carry in place of an event name. */
  static final String NAME = "profiles";

  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);

  /**
   * A writer of profiles to {@code out}.
   *
   * @throws IOException if the header line cannot be written
   */
  public JsonProfileWriter(OutputStream out, HeaderLine headerLine) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    if (headerLine == HeaderLine.EVENT_NAME) {
      this.out.write(NAME + '\n');
    }
  }

  @Override
  public void write(Profile profile) throws IOException {
    line.setLength(0);
    line.append("{\"identity\":");
    KmJsonLine.string(line, profile.identity());
    line.append(",\"all_identities\":");
    KmJsonLine.array(line, profile.allIdentities());
    line.append(",\"updated\":").append(Timestamps.number(profile.updated()));
    line.append(",\"profileProps\":");
    KmJsonLine.object(line, profile.properties());
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
