package dev.ferry.store;

import dev.ferry.event.Record;
import java.util.Objects;

/** A record to append, with where it came from. */
public record SourcedRecord(Record record, Source source) {

  public SourcedRecord {
    Objects.requireNonNull(record, "record must not be null");
    Objects.requireNonNull(source, "source must not be null");
  }
}
