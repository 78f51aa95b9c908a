package dev.ferry.ingest;

import dev.ferry.ingest.ImportDefinition.CsvSettings;
import dev.ferry.integration.Catalog;
import dev.ferry.integration.Fields;
import dev.ferry.integration.S3Settings;
import dev.ferry.integration.Secrets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads import definitions from settings maps (a {@code ferry.yaml} entry or a REST body) and
 * writes them back, with secrets masked or kept for the store.
 */
public final class ImportDefinitions {
  /** Reads and writes import definitions for the store. */
  static final Catalog.Codec<ImportDefinition> CODEC =
      new Catalog.Codec<>() {
        @Override
        public ImportDefinition read(String path, Map<String, ?> settings) {
          return ImportDefinitions.read(path, settings);
        }

        @Override
        public Map<String, Object> write(ImportDefinition definition, Secrets secrets) {
          return toSettings(definition, secrets);
        }

        @Override
        public String name(ImportDefinition definition) {
          return definition.name();
        }
      };

  private ImportDefinitions() {}

  /**
   * Reads one definition.
   *
   * @param path how errors name the entry, e.g. {@code imports[2].}; empty for a REST body
   */
  public static ImportDefinition read(String path, Map<String, ?> settings) {
    Fields fields = new Fields(path, settings);
    ImportDefinition definition =
        new ImportDefinition(
            fields.requiredText("name"),
            S3Settings.bucket(fields, "bucket"),
            S3Settings.prefix(fields, "folder"),
            baseFilename(fields),
            fields.duration(
                "every",
                ImportDefinition.DEFAULT_EVERY,
                Duration.ofMinutes(1),
                Duration.ofDays(30)),
            (int) fields.number("files-per-run", 1, 1, 10_000),
            fields.duration(
                "time-budget",
                ImportDefinition.DEFAULT_TIME_BUDGET,
                Duration.ofSeconds(1),
                Duration.ofHours(24)),
            csv(fields),
            S3Settings.connection(fields.section("s3")));
    fields.rejectUnknown();
    return definition;
  }

  private static String baseFilename(Fields fields) {
    String base = fields.requiredText("base-filename");
    if (base.contains("/") || !base.endsWith(".csv") || base.length() == ".csv".length()) {
      throw fields.invalid(
          "base-filename", base, "expected a file name ending in .csv, e.g. accounts.csv");
    }
    return base;
  }

  private static CsvSettings csv(Fields fields) {
    String zone = fields.text("timezone").orElse(CsvSettings.DEFAULT.timezone());
    try {
      ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw fields.invalid("timezone", zone, "not a time zone such as UTC or Europe/Paris");
    }
    return new CsvSettings(
        fields.text("timestamp-format").orElse(CsvSettings.DEFAULT.timestampFormat()),
        zone,
        delimiter(fields),
        columns(fields.section("columns")),
        fields.list("ignore-columns"));
  }

  private static String delimiter(Fields fields) {
    String delimiter = fields.text("delimiter").orElse(",");
    String resolved = delimiter.equals("\\t") || delimiter.equals("tab") ? "\t" : delimiter;
    if (resolved.length() != 1 || resolved.charAt(0) > 127 || "\"\r\n".contains(resolved)) {
      throw fields.invalid(
          "delimiter", delimiter, "expected one ASCII character such as , ; | or tab");
    }
    return resolved;
  }

  private static Map<String, String> columns(Fields section) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String role : List.of("identity", "timestamp", "event", "alias")) {
      section.text(role).ifPresent(column -> columns.put(role, column));
    }
    section.rejectUnknown();
    return columns;
  }

  /** The definition as a settings map, the shape {@link #read} accepts. */
  public static Map<String, Object> toSettings(ImportDefinition definition, Secrets secrets) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("name", definition.name());
    settings.put("bucket", definition.bucket());
    settings.put("folder", definition.folder());
    settings.put("base-filename", definition.baseFilename());
    settings.put("every", Fields.show(definition.every()));
    settings.put("files-per-run", definition.filesPerRun());
    settings.put("time-budget", Fields.show(definition.timeBudget()));
    settings.put("timestamp-format", definition.csv().timestampFormat());
    settings.put("timezone", definition.csv().timezone());
    settings.put(
        "delimiter",
        definition.csv().delimiter().equals("\t") ? "tab" : definition.csv().delimiter());
    settings.put("columns", definition.csv().columns());
    settings.put("ignore-columns", definition.csv().ignoreColumns());
    definition.connection().ifPresent(c -> settings.put("s3", S3Settings.toSettings(c, secrets)));
    return settings;
  }
}
