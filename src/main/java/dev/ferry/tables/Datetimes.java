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

  /** An instant as the store takes it. */
  static String store(Instant instant) {
    return STORE.format(instant);
  }
}
