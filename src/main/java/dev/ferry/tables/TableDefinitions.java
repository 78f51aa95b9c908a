package dev.ferry.tables;

import dev.ferry.integration.Catalog;
import dev.ferry.integration.Fields;
import dev.ferry.integration.IntegrationName;
import dev.ferry.integration.S3Settings;
import dev.ferry.integration.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the settings of a table integration (SPEC §3) from a settings map (a {@code ferry.yaml}
 * entry or a REST body) and writes them back, with secrets masked or kept for the store. Every
 * setting that cannot work is refused with one message naming it, e.g. {@code
 * tables[1].search-pattern}.
 */
public final class TableDefinitions {
  /** The shortest interval between runs. */
  public static final Duration MIN_EVERY = Duration.ofMinutes(5);

  /** The longest interval between runs. */
  public static final Duration MAX_EVERY = Duration.ofHours(24);

  private static final DateTimeFormatter ANCHOR = DateTimeFormatter.ofPattern("HH:mm");

  /** Reads and writes table integrations for the store. */
  static final Catalog.Codec<TableIntegration> CODEC =
      new Catalog.Codec<>() {
        @Override
        public TableIntegration read(String path, Map<String, ?> settings) {
          return TableDefinitions.read(path, settings);
        }

        @Override
        public Map<String, Object> write(TableIntegration definition, Secrets secrets) {
          return toSettings(definition, secrets);
        }

        @Override
        public String name(TableIntegration definition) {
          return definition.name();
        }
      };

  private TableDefinitions() {}

  /**
   * Reads one definition.
   *
   * @param path how errors name the entry, e.g. {@code tables[2].}; empty for a REST body
   * @throws dev.ferry.integration.DefinitionException naming the setting and the value
   */
  public static TableIntegration read(String path, Map<String, ?> settings) {
    Fields fields = new Fields(path, settings);
    TableIntegration integration =
        new TableIntegration(
            IntegrationName.check(fields.requiredText("name")),
            S3Settings.bucket(fields, "bucket"),
            startDate(fields),
            fields.duration("every", TableIntegration.DEFAULT_EVERY, MIN_EVERY, MAX_EVERY),
            anchor(fields),
            tables(fields),
            S3Settings.connection(fields.section("s3")));
    fields.rejectUnknown();
    return integration;
  }

  private static Instant startDate(Fields fields) {
    String text = fields.requiredText("start-date");
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw fields.invalid(
          "start-date", text, "expected a date such as 2026-01-31 or a UTC time with Z");
    }
  }

  private static Optional<LocalTime> anchor(Fields fields) {
    return fields
        .text("anchor")
        .map(
            text -> {
              try {
                return LocalTime.parse(text, ANCHOR);
              } catch (DateTimeParseException e) {
                throw fields.invalid("anchor", text, "expected a UTC time of day such as 02:30");
              }
            });
  }

  private static List<TableSpec> tables(Fields fields) {
    List<Fields> sections = fields.sections("tables");
    if (sections.isEmpty()) {
      throw fields.missing("tables");
    }
    List<TableSpec> tables = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Fields section : sections) {
      TableSpec table = TableSettings.read(section);
      if (!names.add(table.table())) {
        throw section.invalid(
            "table", table.table(), "another table of this integration has this name");
      }
      tables.add(table);
    }
    return tables;
  }

  /** The definition as a settings map, the shape {@link #read} accepts. */
  public static Map<String, Object> toSettings(TableIntegration definition, Secrets secrets) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("name", definition.name());
    settings.put("bucket", definition.bucket());
    settings.put("start-date", definition.startDate().toString());
    settings.put("every", Fields.show(definition.every()));
    definition.anchor().ifPresent(anchor -> settings.put("anchor", ANCHOR.format(anchor)));
    settings.put("tables", definition.tables().stream().map(TableSettings::toSettings).toList());
    definition.connection().ifPresent(c -> settings.put("s3", S3Settings.toSettings(c, secrets)));
    return settings;
  }

  /** The settings of one entry of {@code tables:}. */
  private static final class TableSettings {
    private TableSettings() {}

    static TableSpec read(Fields fields) {
      TableSpec table =
          new TableSpec(
              table(fields),
              fields.text("search-prefix").orElse(""),
              pattern(fields),
              names(fields, "primary-key"),
              names(fields, "datetime-fields"),
              delimiter(fields),
              names(fields, "columns"),
              fields.flag("infer-types", false));
      fields.rejectUnknown();
      return table;
    }

    private static String table(Fields fields) {
      String given = fields.requiredText("table");
      String name = Names.sanitize(given);
      if (given.length() > Names.MAX) {
        throw fields.invalid("table", given, "at most " + Names.MAX + " characters");
      }
      if (name.isEmpty()) {
        throw fields.invalid(
            "table", given, "needs at least one letter or digit (names keep a-z, 0-9 and _)");
      }
      return name;
    }

    private static Pattern pattern(Fields fields) {
      String text = fields.requiredText("search-pattern");
      try {
        return Pattern.compile(text);
      } catch (PatternSyntaxException e) {
        throw fields.invalid(
            "search-pattern", text, "not a valid regular expression: " + e.getDescription());
      }
    }

    private static List<String> names(Fields fields, String key) {
      List<String> names = fields.list(key);
      if (names.stream().anyMatch(name -> Names.sanitize(name).isEmpty())) {
        throw fields.invalid(key, names, "every field needs at least one letter or digit");
      }
      return names.stream().distinct().toList();
    }

    private static char delimiter(Fields fields) {
      String delimiter = fields.text("delimiter").orElse(",");
      String resolved = delimiter.equals("\\t") || delimiter.equals("tab") ? "\t" : delimiter;
      if (resolved.length() != 1 || resolved.charAt(0) > 127 || "\"\r\n".contains(resolved)) {
        throw fields.invalid(
            "delimiter", delimiter, "expected one ASCII character such as , ; | or tab");
      }
      return resolved.charAt(0);
    }

    static Map<String, Object> toSettings(TableSpec table) {
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("table", table.table());
      settings.put("search-prefix", table.searchPrefix());
      settings.put("search-pattern", table.searchPattern().pattern());
      settings.put("primary-key", table.primaryKey());
      settings.put("datetime-fields", table.datetimeFields());
      settings.put(
          "delimiter", table.delimiter() == '\t' ? "tab" : String.valueOf(table.delimiter()));
      settings.put("columns", table.columns());
      settings.put("infer-types", table.inferTypes());
      return settings;
    }
  }
}
