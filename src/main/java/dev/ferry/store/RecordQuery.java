package dev.ferry.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Which records {@link RecordStore#find(RecordQuery)} returns: those matching every given filter,
 * in receive order (ascending sequence), at most {@code limit}.
 *
 * @param identity only records whose identity (or, for aliases, second identity) equals this
 * @param eventName only events with this name
 * @param limit 1 to {@link #MAX_LIMIT}
 */
public record RecordQuery(Optional<String> identity, Optional<String> eventName, int limit) {

  /** The most records one query returns. */
  public static final int MAX_LIMIT = 10_000;

  public RecordQuery {
    Objects.requireNonNull(identity, "identity must not be null");
    Objects.requireNonNull(eventName, "eventName must not be null");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** Every record, oldest first, at most {@code limit}. */
  public static RecordQuery all(int limit) {
    return new RecordQuery(Optional.empty(), Optional.empty(), limit);
  }

  /** This query restricted to {@code identity}. */
  public RecordQuery withIdentity(String identity) {
    return new RecordQuery(Optional.of(identity), eventName, limit);
  }

  /** This query restricted to events named {@code eventName}. */
  public RecordQuery withEventName(String eventName) {
    return new RecordQuery(identity, Optional.of(eventName), limit);
  }
}
