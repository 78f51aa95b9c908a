package dev.ferry.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that tests set and step by hand, or that moves on by a step each time it is read
 * ({@link #stepEachRead}); by default it never moves by itself.
 */
public final class MutableClock extends Clock {
  private Instant now;
  private Duration step = Duration.ZERO;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  public synchronized void set(Instant instant) {
    now = instant;
  }

  /** From now on every read returns the current time, then moves it on by {@code each}. */
  public synchronized void stepEachRead(Duration each) {
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
    throw new UnsupportedOperationException("MutableClock is UTC only");
  }
}
