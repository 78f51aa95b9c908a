package dev.ferry.export.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** CleverTap's timestamp: the UTC time as the decimal number {@code yyyyMMddHHmmss}. */
final class Timestamps {
  private Timestamps() {}

  /** {@code instant} as {@code yyyyMMddHHmmss} in UTC; milliseconds are dropped. */
  static long number(Instant instant) {
    LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    long date = time.getYear() * 10_000L + time.getMonthValue() * 100L + time.getDayOfMonth();
    return date * 1_000_000L
        + time.getHour() * 10_000L
        + time.getMinute() * 100L
        + time.getSecond();
  }
}
