package dev.ferry.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A numbered group of records in receive order (sequences {@code firstSequence} to {@code
 * lastSequence}). A closed revision never changes.
 *
 * @param number 1, 2, 3, … without gaps
 * @param firstSequence the sequence of its first record
 * @param lastSequence the sequence of its last record
 * @param firstReceivedAt when its first record was received (the window starts here)
 * @param lastReceivedAt when its last record was received
 * @param closedAt when it closed: the end of its window, or the time it reached the size limit;
 *     {@code null} while open
 */
public record Revision(
    long number,
    long firstSequence,
    long lastSequence,
    Instant firstReceivedAt,
    Instant lastReceivedAt,
    Instant closedAt) {

  public Revision {
    if (number < 1 || firstSequence < 1 || lastSequence < firstSequence) {
      throw new IllegalArgumentException(
          "invalid revision "
              + number
              + " with sequences "
              + firstSequence
              + " to "
              + lastSequence);
    }
    Objects.requireNonNull(firstReceivedAt, "firstReceivedAt must not be null");
    Objects.requireNonNull(lastReceivedAt, "lastReceivedAt must not be null");
  }

  /** How many records it holds. */
  public long recordCount() {
    return lastSequence - firstSequence + 1;
  }

  /** Whether it is closed (and will never change). */
  public boolean isClosed() {
    return closedAt != null;
  }

  /** When it closed, or empty while open. */
  public Optional<Instant> closed() {
    return Optional.ofNullable(closedAt);
  }
}
