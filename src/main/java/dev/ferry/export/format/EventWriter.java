package dev.ferry.export.format;

import dev.ferry.event.Event;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.List;

/**
 * Writes events, one record after another, to the output stream it was opened on (SPEC §5). Only
 * {@link Event}s are accepted: properties records and aliases are not exported as rows; the export
 * engine folds them into profiles and identities before it calls a writer.
 *
 * <p>Not thread-safe. {@link #close()} writes what the format needs at the end (the XML end tag),
 * flushes and closes the stream; after it nothing may be written. {@link #flush()} pushes what was
 * written so far into the stream and flushes it (for chunking by output size).
 */
public interface EventWriter extends Closeable, Flushable {

  /**
   * Writes one event.
   *
   * @param event the event
   * @param identities every identity linked to the event's person, the event's own identity
   *     included; formats that have no place for them (JSON, CSV) ignore them
   * @throws IOException if the stream cannot be written
   */
  void write(Event event, List<String> identities) throws IOException;
}
