package dev.ferry.export;

import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.EventExportDefinition.Frequency;
import dev.ferry.export.EventExportDefinition.Once;
import dev.ferry.export.EventExportDefinition.Recurring;
import dev.ferry.export.EventExportDefinition.Type;
import dev.ferry.export.format.Compression;
import dev.ferry.integration.Fields;
import dev.ferry.integration.S3Settings;
import dev.ferry.integration.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes the settings of an event or profile export ({@code kind: events}). Every
 * combination that cannot run is refused here with one message naming the setting; the only rule
 * that depends on the time of creation ({@code from} at most 60 days back) is checked on create.
 */
final class EventExportDefinitions {
  static final String KIND = "events";

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|kb|mb|gb|kib|mib|gib)?", Pattern.CASE_INSENSITIVE);
  private static final long MIN_CHUNK = 1_000;
  private static final long MAX_CHUNK = 5_000_000_000L;

  private EventExportDefinitions() {}

  static EventExportDefinition read(Fields fields, String name) {
    Type type = choice(fields, "type", Type.values(), Type::shown, Type.ALL_EVENTS);
    List<String> events = events(fields, type);
    EventExportDefinition definition =
        new EventExportDefinition(
            name,
            S3Settings.bucket(fields, "bucket"),
            S3Settings.prefix(fields, "prefix"),
            type,
            events,
            choice(fields, "format", Format.values(), Format::shown, null),
            frequency(fields),
            chunkSize(fields),
            fields.flag("json-header-line", true),
            (int)
                fields.number(
                    "compression-level",
                    Compression.DEFAULT_LEVEL,
                    Compression.MIN_LEVEL,
                    Compression.MAX_LEVEL),
            S3Settings.connection(fields.section("s3")));
    if (definition.format() == Format.PARQUET && fields.text("compression-level").isPresent()) {
      throw fields.invalid(
          "compression-level",
          definition.compressionLevel(),
          "Parquet files use Parquet's own compression, not gzip");
    }
    return definition;
  }

  private static List<String> events(Fields fields, Type type) {
    List<String> events = fields.list("events");
    if (type == Type.SELECTED_EVENTS && events.isEmpty()) {
      throw fields.missing("events");
    }
    if (type != Type.SELECTED_EVENTS && !events.isEmpty()) {
      throw fields.invalid(
          "events", events, "only a selected-events export lists events, not " + type.shown());
    }
    if (events.stream().anyMatch(String::isEmpty)) {
      throw fields.invalid("events", events, "an event name must not be empty");
    }
    return events.stream().distinct().toList();
  }

  private static Frequency frequency(Fields fields) {
    String frequency = fields.text("frequency").orElse("recurring").toLowerCase(Locale.ROOT);
    if (frequency.equals("once")) {
      if (fields.text("every").isPresent()) {
        throw fields.invalid("every", fields.text("every").get(), "a once export has no interval");
      }
      return once(fields);
    }
    if (!frequency.equals("recurring")) {
      throw fields.invalid("frequency", frequency, "expected once or recurring");
    }
    for (String key : List.of("from", "to")) {
      if (fields.text(key).isPresent()) {
        throw fields.invalid(
            key, fields.text(key).get(), "only a once export has a window; recurring runs join");
      }
    }
    return new Recurring(fields.duration("every", Recurring.MAX, Recurring.MIN, Recurring.MAX));
  }

  private static Once once(Fields fields) {
    Instant from = instant(fields, "from");
    Instant to = instant(fields, "to");
    if (!to.isAfter(from)) {
      throw fields.invalid("to", to, "must be after from (" + from + ")");
    }
    if (Duration.between(from, to).compareTo(EventExportDefinition.MAX_ONCE_WINDOW) > 0) {
      throw fields.invalid("to", to, "a once export covers at most 60 days from " + from);
    }
    return new Once(from, to);
  }

  private static Instant instant(Fields fields, String key) {
    String text = fields.text(key).orElseThrow(() -> fields.missing(key));
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw fields.invalid(key, text, "expected a UTC time such as 2026-10-01T00:00:00Z or a date");
    }
  }

  private static long chunkSize(Fields fields) {
    String text = fields.text("chunk-size").orElse(null);
    if (text == null) {
      return EventExportDefinition.DEFAULT_CHUNK_SIZE;
    }
    Matcher matcher = SIZE.matcher(text);
    if (!matcher.matches()) {
      throw fields.invalid("chunk-size", text, "expected a size such as 100MB, 512KB or 1GB");
    }
    long size = Long.parseLong(matcher.group(1)) * unit(matcher.group(2));
    if (size < MIN_CHUNK || size > MAX_CHUNK) {
      throw fields.invalid("chunk-size", text, "must be between 1KB and 5GB");
    }
    return size;
  }

  private static long unit(String unit) {
    if (unit == null) {
      return 1;
    }
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "kb" -> 1_000L;
      case "mb" -> 1_000_000L;
      case "gb" -> 1_000_000_000L;
      case "kib" -> 1L << 10;
      case "mib" -> 1L << 20;
      case "gib" -> 1L << 30;
      default -> 1;
    };
  }

  private static <T> T choice(
      Fields fields, String key, T[] values, Function<T, String> shown, T fallback) {
    String text = fields.text(key).orElse(null);
    if (text == null && fallback != null) {
      return fallback;
    }
    if (text == null) {
      throw fields.missing(key);
    }
    return Arrays.stream(values)
        .filter(value -> shown.apply(value).equals(text.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                fields.invalid(
                    key,
                    text,
                    "expected "
                        + Arrays.stream(values).map(shown).collect(Collectors.joining(", "))));
  }

  /** Refuses a once window that starts more than 60 days before {@code now}. */
  static void requireRecent(EventExportDefinition definition, Instant now) {
    if (definition.frequency() instanceof Once once
        && once.from().isBefore(now.minus(EventExportDefinition.MAX_ONCE_WINDOW))) {
      throw new Fields("", Map.of())
          .invalid("from", once.from(), "a once export reaches at most 60 days back");
    }
  }

  static Map<String, Object> toSettings(EventExportDefinition definition, Secrets secrets) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("name", definition.name());
    settings.put("kind", KIND);
    settings.put("bucket", definition.bucket());
    settings.put("prefix", definition.prefix());
    settings.put("type", definition.type().shown());
    if (!definition.events().isEmpty()) {
      settings.put("events", definition.events());
    }
    settings.put("format", definition.format().shown());
    frequency(settings, definition.frequency());
    settings.put("chunk-size", Long.toString(definition.chunkSize()));
    settings.put("json-header-line", definition.jsonHeaderLine());
    if (definition.format() != Format.PARQUET) {
      settings.put("compression-level", definition.compressionLevel());
    }
    definition.connection().ifPresent(c -> settings.put("s3", S3Settings.toSettings(c, secrets)));
    return settings;
  }

  private static void frequency(Map<String, Object> settings, Frequency frequency) {
    if (frequency instanceof Once once) {
      settings.put("frequency", "once");
      settings.put("from", once.from().toString());
      settings.put("to", once.to().toString());
    } else {
      settings.put("frequency", "recurring");
      settings.put("every", Fields.show(((Recurring) frequency).every()));
    }
  }
}
