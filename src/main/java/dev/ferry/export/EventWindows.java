package dev.ferry.export;

import dev.ferry.export.EventExportDefinition.Once;
import dev.ferry.store.ExportActivity;
import dev.ferry.store.ExportActivity.Entry;
import dev.ferry.store.ExportActivity.Status;
import dev.ferry.store.ExportSelection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the window a run of an event export covers (SPEC §5) and records it in the activity log
 * before anything is written:
 *
 * <ul>
 *   <li>a window not yet done (pending, running when a crash cut it off, or failed) is run again as
 *       it was recorded, with the same run timestamp, so its files get the same keys;
 *   <li>a recurring export's next window starts where the last one ended (by sequence, so no record
 *       is read twice or skipped, however long the server was down) and ends now, in whole seconds;
 *       the first covers everything received before it;
 *   <li>a one-time export has one window, {@code [from, to)} by receive time, read up to the last
 *       sequence when it first starts.
 * </ul>
 */
final class EventWindows {
  private final ExportActivity activity;

  EventWindows(ExportActivity activity) {
    this.activity = activity;
  }

  /**
   * The window to run now, recorded as pending if new; empty when there is none (a one-time export
   * already done or whose window has not ended yet, or a recurring one whose last window ended this
   * very second).
   *
   * @param lastSequence the store's last sequence now
   */
  Optional<Entry> next(EventExportDefinition definition, Instant now, long lastSequence) {
    Optional<Entry> latest = activity.latest(definition.name());
    if (latest.isPresent() && latest.get().status() != Status.DONE) {
      return latest;
    }
    Optional<Entry> next = fresh(definition, latest, now, lastSequence);
    next.ifPresent(activity::add);
    return next;
  }

  private static Optional<Entry> fresh(
      EventExportDefinition definition, Optional<Entry> latest, Instant now, long lastSequence) {
    if (definition.frequency() instanceof Once once) {
      return latest.isPresent() || now.isBefore(once.to())
          ? Optional.empty()
          : Optional.of(Entry.pending(definition.name(), once.from(), once.to(), 0, lastSequence));
    }
    Instant start = latest.map(Entry::windowEnd).orElse(Instant.EPOCH);
    long after = latest.map(Entry::upToSequence).orElse(0L);
    Instant end = now.truncatedTo(ChronoUnit.SECONDS);
    if (!end.isAfter(start)) {
      return Optional.empty();
    }
    return Optional.of(
        Entry.pending(definition.name(), start, end, after, Math.max(after, lastSequence)));
  }

  /** The records a window reads. */
  static ExportSelection selection(EventExportDefinition definition, Entry window) {
    ExportSelection selection =
        ExportSelection.sequences(window.afterSequence(), window.upToSequence())
            .withEventNames(Set.copyOf(definition.events()));
    return definition.frequency() instanceof Once
        ? selection.receivedBetween(window.windowStart(), window.windowEnd())
        : selection;
  }
}
