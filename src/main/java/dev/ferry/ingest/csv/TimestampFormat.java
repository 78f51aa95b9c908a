package dev.ferry.ingest.csv;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;

/**
 * How the timestamp column is written: {@link Standard#EPOCH_SECONDS} (the Kissmetrics default, a
 * fraction allowed), {@link Standard#EPOCH_MILLIS}, {@link Standard#ISO_8601} or a {@link Pattern}
 * of {@link DateTimeFormatter}. Text without an offset is read in the import's zone.
 */
public sealed interface TimestampFormat permits TimestampFormat.Standard, TimestampFormat.Pattern {

  /** Reads {@code "epoch-seconds"}, {@code "epoch-millis"}, {@code "iso-8601"} or a pattern. */
  static TimestampFormat parse(String text) {
    Objects.requireNonNull(text, "timestamp format");
    for (Standard standard : Standard.values()) {
      if (standard.configName.equalsIgnoreCase(text.strip())) {
        return standard;
      }
    }
    return new Pattern(text);
  }

  /**
   * The instant a cell names.
   *
   * @throws IllegalArgumentException "unparseable timestamp 'abc' (expected epoch seconds)"
   */
  Instant toInstant(String text, ZoneId zone);

  /** The name used in configuration: {@code epoch-seconds}, … or the pattern itself. */
  String configName();

  /** The three formats with a name. */
  enum Standard implements TimestampFormat {
    /** Unix epoch seconds, optionally with a decimal fraction: {@code 1700000000.5}. */
    EPOCH_SECONDS("epoch-seconds", "epoch seconds"),
    /** Unix epoch milliseconds, an integer. */
    EPOCH_MILLIS("epoch-millis", "epoch milliseconds"),
    /** ISO-8601 date-time with {@code Z}, an offset, or none (then the import's zone). */
    ISO_8601("iso-8601", "ISO-8601, e.g. 2024-01-31T13:45:00Z");

    private final String configName;
    private final String expected;

    Standard(String configName, String expected) {
      this.configName = configName;
      this.expected = expected;
    }

    @Override
    public String configName() {
      return configName;
    }

    @Override
    public Instant toInstant(String text, ZoneId zone) {
      try {
        return switch (this) {
          case EPOCH_SECONDS -> epochSeconds(text);
          case EPOCH_MILLIS -> Instant.ofEpochMilli(Long.parseLong(requireNumber(text, false)));
          case ISO_8601 -> iso(text, zone);
        };
      } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
        throw Timestamps.unparseable(text, expected);
      }
    }

    private static Instant epochSeconds(String text) {
      if (text.indexOf('.') < 0) {
        return Instant.ofEpochSecond(Long.parseLong(requireNumber(text, false)));
      }
      var millis = new BigDecimal(requireNumber(text, true)).movePointRight(3);
      return Instant.ofEpochMilli(
          millis.setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
    }

    private static Instant iso(String text, ZoneId zone) {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
      return Timestamps.toInstant(parsed, zone);
    }

    private static String requireNumber(String text, boolean fractionAllowed) {
      if (!Timestamps.isNumber(text, fractionAllowed)) {
        throw new NumberFormatException(text);
      }
      return text;
    }
  }

  /**
   * A {@link DateTimeFormatter} pattern such as {@code yyyy-MM-dd HH:mm:ss}; text without an offset
   * or zone is read in the import's zone, a date alone as the start of that day.
   *
   * @param pattern the pattern, validated
   */
  record Pattern(String pattern) implements TimestampFormat {
    public Pattern {
      Objects.requireNonNull(pattern, "pattern");
      try {
        DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "invalid timestamp format '" + pattern + "': " + e.getMessage(), e);
      }
    }

    @Override
    public String configName() {
      return pattern;
    }

    @Override
    public Instant toInstant(String text, ZoneId zone) {
      try {
        TemporalAccessor parsed =
            DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
                .parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
        return Timestamps.toInstant(parsed, zone);
      } catch (DateTimeException e) {
        throw Timestamps.unparseable(text, "pattern " + pattern);
      }
    }
  }
}
