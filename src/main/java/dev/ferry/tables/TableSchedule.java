package dev.ferry.tables;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When an anchored table integration is due: its slots are the anchor time (UTC) of the day plus
 * whole intervals; it is due once a slot has passed that no run started at or after. Without an
 * anchor, the interval counts from the last run's start, as for the other integrations.
 */
final class TableSchedule {
  private TableSchedule() {}

  /** The latest slot at or before {@code now}. */
  static Instant latestSlot(LocalTime anchor, Duration every, Instant now) {
    Instant base =
        now.atZone(ZoneOffset.UTC).toLocalDate().atTime(anchor).toInstant(ZoneOffset.UTC);
    if (base.isAfter(now)) {
      base = base.minus(Duration.ofDays(1));
    }
    long slots = Duration.between(base, now).toMillis() / every.toMillis();
    return base.plus(every.multipliedBy(slots));
  }

  /** Whether a run is due now, given when the last one started. */
  static boolean due(LocalTime anchor, Duration every, Optional<Instant> lastStart, Instant now) {
    Instant slot = latestSlot(anchor, every, now);
    return lastStart.map(last -> last.isBefore(slot)).orElse(true);
  }
}
