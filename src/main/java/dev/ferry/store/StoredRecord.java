package dev.ferry.store;

import dev.ferry.event.Record;
import java.time.Instant;
import java.util.Objects;

/**
 * A record as the store holds it.
 *
 * @param sequence the store-wide position in receive order, from 1, without gaps
 * @param receivedAt when the store received it (from the store's clock, millisecond precision)
 * @param revision the revision it belongs to
 * @param source where it came from
 * @param record the record itself
 */
public record StoredRecord(
    long sequence, Instant receivedAt, long revision, Source source, Record record) {

  public StoredRecord {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
    }
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be 1 or more, was " + revision);
    }
    Objects.requireNonNull(receivedAt, "receivedAt must not be null");
    Objects.requireNonNull(source, "source must not be null");
    Objects.requireNonNull(record, "record must not be null");
  }
}
