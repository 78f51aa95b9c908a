package dev.ferry.export;

import dev.ferry.export.RevisionExportDefinition.Cutoff;
import dev.ferry.integration.Catalog;
import dev.ferry.integration.Fields;
import dev.ferry.integration.IntegrationName;
import dev.ferry.integration.S3Settings;
import dev.ferry.integration.Secrets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads export definitions from settings maps (a {@code ferry.yaml} entry or a REST body) and
 * writes them back, with secrets masked or kept for the store. Every export has a {@code kind}:
 * {@code revisions} (SPEC §4) or {@code events} (SPEC §5, {@link EventExportDefinitions}).
 */
public final class ExportDefinitions {
  /** The kind of a revision export. */
  public static final String REVISIONS = "revisions";

  /** The kind of an event or profile export. */
  public static final String EVENTS = EventExportDefinitions.KIND;

  /** Reads and writes export definitions for the store. */
  static final Catalog.Codec<ExportDefinition> CODEC =
      new Catalog.Codec<>() {
        @Override
        public ExportDefinition read(String path, Map<String, ?> settings) {
          return ExportDefinitions.read(path, settings);
        }

        @Override
        public Map<String, Object> write(ExportDefinition definition, Secrets secrets) {
          return toSettings(definition, secrets);
        }

        @Override
        public String name(ExportDefinition definition) {
          return definition.name();
        }
      };

  private ExportDefinitions() {}

  /**
   * Reads one definition.
   *
   * @param path how errors name the entry, e.g. {@code exports[2].}; empty for a REST body
   */
  public static ExportDefinition read(String path, Map<String, ?> settings) {
    Fields fields = new Fields(path, settings);
    String name = IntegrationName.check(fields.requiredText("name"));
    ExportDefinition definition =
        kind(fields).equals(EVENTS)
            ? EventExportDefinitions.read(fields, name)
            : revisions(fields, name);
    fields.rejectUnknown();
    return definition;
  }

  private static RevisionExportDefinition revisions(Fields fields, String name) {
    return new RevisionExportDefinition(
        name,
        S3Settings.bucket(fields, "bucket"),
        S3Settings.prefix(fields, "prefix"),
        fields.duration(
            "every",
            RevisionExportDefinition.DEFAULT_EVERY,
            Duration.ofMinutes(1),
            Duration.ofDays(30)),
        fields.duration(
            "time-budget",
            RevisionExportDefinition.DEFAULT_TIME_BUDGET,
            Duration.ofSeconds(1),
            Duration.ofHours(24)),
        cutoff(fields),
        fields.flag("dedupe", false),
        S3Settings.connection(fields.section("s3")));
  }

  private static String kind(Fields fields) {
    String kind = fields.requiredText("kind").toLowerCase(Locale.ROOT);
    if (!kind.equals(REVISIONS) && !kind.equals(EVENTS)) {
      throw fields.invalid("kind", kind, "expected " + REVISIONS + " or " + EVENTS);
    }
    return kind;
  }

  private static Cutoff cutoff(Fields fields) {
    String text = fields.text("cutoff").orElse(shown(Cutoff.YESTERDAY));
    return Arrays.stream(Cutoff.values())
        .filter(cutoff -> shown(cutoff).equals(text.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                fields.invalid(
                    "cutoff",
                    text,
                    "expected "
                        + Arrays.stream(Cutoff.values())
                            .map(ExportDefinitions::shown)
                            .collect(Collectors.joining(" or "))));
  }

  private static String shown(Cutoff cutoff) {
    return cutoff.name().toLowerCase(Locale.ROOT);
  }

  /** The definition as a settings map, the shape {@link #read} accepts. */
  public static Map<String, Object> toSettings(ExportDefinition definition, Secrets secrets) {
    return definition instanceof EventExportDefinition events
        ? EventExportDefinitions.toSettings(events, secrets)
        : toSettings((RevisionExportDefinition) definition, secrets);
  }

  private static Map<String, Object> toSettings(
      RevisionExportDefinition definition, Secrets secrets) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("name", definition.name());
    settings.put("kind", REVISIONS);
    settings.put("bucket", definition.bucket());
    settings.put("prefix", definition.prefix());
    settings.put("every", Fields.show(definition.every()));
    settings.put("time-budget", Fields.show(definition.timeBudget()));
    settings.put("cutoff", shown(definition.cutoff()));
    settings.put("dedupe", definition.dedupe());
    definition.connection().ifPresent(c -> settings.put("s3", S3Settings.toSettings(c, secrets)));
    return settings;
  }
}
