package dev.ferry.tables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * The values of {@code datetime-fields} (SPEC §3): ISO 8601 with an offset or {@code Z} (converted
 * to UTC), ISO 8601 without one and {@code yyyy-MM-dd HH:mm:ss} (both taken as UTC), with optional
 * fractions of a second, or a bare date (midnight UTC). The store gets them as {@code yyyy-MM-dd
 * HH:mm:ss.ffffff} in UTC.
 */
final class Datetimes {
  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .toFormatter();
  private static final DateTimeFormatter OFFSET =
      new DateTimeFormatterBuilder()
          .append(LOCAL)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter();
  private static final DateTimeFormatter STORE =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
          .toFormatter()
          .withZone(ZoneOffset.UTC);

  private Datetimes() {}

  /** The instant a value names, or empty when it is none of the accepted forms. */
  static Optional<Instant> parse(String value) {
    String text = value.trim();
    try {
      var parsed = OFFSET.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime offset) {
        return Optional.of(offset.toInstant());
      }
      return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return date(text);
    }
  }

  private static Optional<Instant> date(String text) {
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A value as the store takes it ({@link #store} of {@link #parse}), or {@code null} when it is
   * none of the accepted forms. The common form {@code yyyy-MM-dd[T ]HH:mm:ss[.f{1,6}]}, already
   * UTC, is rewritten directly, without the formatters (which cost microseconds a value).
   */
  static String normalize(String value) {
    String fast = plainLocal(value);
    if (fast != null) {
      return fast;
    }
    return parse(value).map(Datetimes::store).orElse(null);
  }

  /** The store form of a plain local datetime from year 1000 on, or null to take the slow path. */
  private static String plainLocal(String text) {
    int length = text.length();
    if (length != 19 && (length < 21 || length > 26)) {
      return null;
    }
    if (text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || (text.charAt(10) != ' ' && text.charAt(10) != 'T')
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || (length > 19 && text.charAt(19) != '.')) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 1000
        || month < 1
        || month > 12
        || day < 1
        || day > java.time.YearMonth.of(year, month).lengthOfMonth()
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || (length > 19 && digits(text, 20, length) < 0)) {
      return null;
    }
    var out = new StringBuilder(26).append(text, 0, 10).append(' ').append(text, 11, 19);
    out.append('.');
    if (length > 19) {
      out.append(text, 20, length);
    }
    while (out.length() < 26) {
      out.append('0');
    }
    return out.toString();
  }

  /** The decimal number {@code text} holds from {@code from} to {@code to}, or -1. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** An instant as the store takes it. */
  static String store(Instant instant) {
    return STORE.format(instant);
  }
}
