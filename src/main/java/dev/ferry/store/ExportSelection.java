package dev.ferry.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which records one event or profile export run reads (SPEC §5): those with a sequence in {@code
 * (afterSequence, upToSequence]}, received in {@code [receivedFrom, receivedBefore)} when those are
 * given, and, for events, named one of {@code eventNames} unless that is empty.
 *
 * <p>A recurring export's windows are sequence ranges that join without gap or overlap; a one-time
 * export bounds its window by received time and {@code upToSequence} (the last sequence when the
 * run first started), so a retried run reads exactly what the first attempt read.
 *
 * @param eventNames the event names to read; empty means every event
 */
public record ExportSelection(
    long afterSequence,
    long upToSequence,
    Optional<Instant> receivedFrom,
    Optional<Instant> receivedBefore,
    Set<String> eventNames) {

  public ExportSelection {
    if (afterSequence < 0 || upToSequence < afterSequence) {
      throw new IllegalArgumentException(
          "sequence window (" + afterSequence + ", " + upToSequence + "] is not a window");
    }
    Objects.requireNonNull(receivedFrom, "receivedFrom must not be null");
    Objects.requireNonNull(receivedBefore, "receivedBefore must not be null");
    eventNames = Set.copyOf(eventNames);
  }

  /** Every record with a sequence in {@code (afterSequence, upToSequence]}. */
  public static ExportSelection sequences(long afterSequence, long upToSequence) {
    return new ExportSelection(
        afterSequence, upToSequence, Optional.empty(), Optional.empty(), Set.of());
  }

  /** This selection restricted to events named one of {@code names} (empty: every event). */
  public ExportSelection withEventNames(Set<String> names) {
    return new ExportSelection(afterSequence, upToSequence, receivedFrom, receivedBefore, names);
  }

  /** This selection restricted to records received in {@code [from, before)}. */
  public ExportSelection receivedBetween(Instant from, Instant before) {
    return new ExportSelection(
        afterSequence, upToSequence, Optional.of(from), Optional.of(before), eventNames);
  }
}
