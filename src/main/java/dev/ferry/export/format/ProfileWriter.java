package dev.ferry.export.format;

import dev.ferry.store.Profile;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes profiles, one after another, to the output stream it was opened on (SPEC §5, "Profiles"):
 * each profile's {@code identity}, {@code all_identities}, {@code updated} and properties.
 *
 * <p>Not thread-safe. {@link #close()} writes what the format needs at the end (the XML end tag),
 * flushes and closes the stream; after it nothing may be written.
 */
public interface ProfileWriter extends Closeable {

  /**
   * Writes one profile.
   *
   * @throws IOException if the stream cannot be written
   */
  void write(Profile profile) throws IOException;
}
