package dev.ferry.event;

import java.time.Instant;

/**
 * One entry of the store's log: an {@link Event}, a {@link SetProperties} or an {@link Alias}.
 * Every record names a person ({@link #identity()}) and a moment ({@link #timestamp()}, UTC,
 * millisecond precision).
 */
public sealed interface Record permits Event, SetProperties, Alias {

  /** The person the record is about, 1 to 255 characters. */
  String identity();

  /** When it happened, truncated to milliseconds. */
  Instant timestamp();

  /** Which of the three kinds this record is. */
  Kind kind();
}
