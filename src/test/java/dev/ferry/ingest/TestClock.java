package dev.ferry.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, or that moves by a step each time it is read. */
final class TestClock extends Clock {
  private Instant now;
  private Duration step = Duration.ZERO;

  TestClock(Instant start) {
    this.now = start;
  }

  synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** From now on every read returns the current time, then moves it on by {@code each}. */
  synchronized void stepEachRead(Duration each) {
    step = each;
  }

  @Override
  public synchronized Instant instant() {
    Instant current = now;
    now = now.plus(step);
    return current;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("Tests use UTC");
  }
}
