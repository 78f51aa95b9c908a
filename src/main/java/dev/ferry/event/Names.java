package dev.ferry.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/** Validation shared by the record types. */
final class Names {
  /** Longest identity, event name or property name accepted, in characters. */
  static final int MAX_LENGTH = 255;

  private static final int PREFIX_LENGTH = 40;

  private Names() {}

  static String require(String what, String value) {
    Objects.requireNonNull(value, what + " must not be null");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          what
              + " is "
              + value.length()
              + " characters, over the limit of "
              + MAX_LENGTH
              + ": \""
              + value.substring(0, PREFIX_LENGTH)
              + "…\"");
    }
    return value;
  }

  static Instant timestamp(Instant timestamp) {
    Objects.requireNonNull(timestamp, "timestamp must not be null");
    return timestamp.truncatedTo(ChronoUnit.MILLIS);
  }

  static Map<String, String> properties(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties must not be null");
    return OrderedProperties.copyOf(properties);
  }
}
