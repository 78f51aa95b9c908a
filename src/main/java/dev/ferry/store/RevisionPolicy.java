package dev.ferry.store;

import java.time.Duration;
import java.util.Objects;

/**
 * When a revision closes: once {@code window} has passed since its first record was received, or
 * once it holds {@code maxRecords} records, whichever comes first.
 */
public record RevisionPolicy(Duration window, long maxRecords) {

  /** Five minutes, one million records. */
  public static final RevisionPolicy DEFAULT = new RevisionPolicy(Duration.ofMinutes(5), 1_000_000);

  public RevisionPolicy {
    Objects.requireNonNull(window, "window must not be null");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be 1 or more, was " + maxRecords);
    }
  }
}
