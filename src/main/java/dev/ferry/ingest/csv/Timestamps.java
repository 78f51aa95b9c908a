package dev.ferry.ingest.csv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/** Helpers shared by the timestamp formats. */
final class Timestamps {
  private static final int SHOWN = 40;

  private Timestamps() {}

  static IllegalArgumentException unparseable(String text, String expected) {
    String shown = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    return new IllegalArgumentException(
        "unparseable timestamp '" + shown + "' (expected " + expected + ")");
  }

  static Instant toInstant(TemporalAccessor parsed, ZoneId zone) {
    if (parsed instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (parsed instanceof LocalDateTime local) {
      return local.atZone(zone).toInstant();
    }
    return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
  }

  /** An optional minus, digits, and (if allowed) one dot followed by digits. */
  static boolean isNumber(String text, boolean fractionAllowed) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = 0;
    int dot = -1;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' && fractionAllowed && dot < 0) {
        dot = i;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else {
        return false;
      }
    }
    return digits > 0 && dot != start && dot != text.length() - 1;
  }
}
