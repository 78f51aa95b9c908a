package dev.ferry.export.format;

import dev.ferry.store.Profile;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/**
 * Writes profiles, one after another, to the output stream it was opened on (SPEC §5, "Profiles"):
 * each profile's {@code identity}, {@code all_identities}, {@code updated} and properties.
 *
 * <p>Not thread-safe. {@link #close()} writes what the format needs at the end (the XML end tag),
 * flushes and closes the stream; after it nothing may be written. {@link #flush()} pushes what was
 * written so far into the stream and flushes it (for chunking by output size).
 */
public interface ProfileWriter extends Closeable, Flushable {

  /**
   * Writes one profile.
   *
   * @throws IOException if the stream cannot be written
   */
  void write(Profile profile) throws IOException;
}
