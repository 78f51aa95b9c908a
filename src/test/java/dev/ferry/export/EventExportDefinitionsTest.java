package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.EventExportDefinition.Once;
import dev.ferry.export.EventExportDefinition.Recurring;
import dev.ferry.export.EventExportDefinition.Type;
import dev.ferry.integration.DefinitionException;
import dev.ferry.integration.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventExportDefinitionsTest {

  private static Map<String, Object> settings(Object... pairs) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("name", "daily");
    settings.put("kind", "events");
    settings.put("bucket", "exports");
    settings.put("format", "json");
    for (int i = 0; i < pairs.length; i += 2) {
      settings.put((String) pairs[i], pairs[i + 1]);
    }
    return settings;
  }

  @Test
  void defaultsAreAllEventsEvery24hIn100MbChunksAtGzipLevel6WithTheHeaderLine() {
    assertThat(ExportDefinitions.read("", settings()))
        .isEqualTo(
            new EventExportDefinition(
                "daily",
                "exports",
                "",
                Type.ALL_EVENTS,
                List.of(),
                Format.JSON,
                new Recurring(Duration.ofHours(24)),
                100_000_000L,
                true,
                6,
                Optional.empty()));
  }

  @Test
  void everySettingReadsAndWritesBackTheSame() {
    EventExportDefinition definition =
        (EventExportDefinition)
            ExportDefinitions.read(
                "",
                settings(
                    "type", "selected-events",
                    "events", List.of("Signed Up", "Purchased"),
                    "format", "CSV",
                    "frequency", "once",
                    "from", "2026-10-01",
                    "to", "2026-11-01T12:00:00Z",
                    "chunk-size", "64 MiB",
                    "json-header-line", "false",
                    "compression-level", "9",
                    "prefix", "ct/"));

    assertThat(definition.events()).containsExactly("Signed Up", "Purchased");
    assertThat(definition.frequency())
        .isEqualTo(
            new Once(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T12:00:00Z")));
    assertThat(definition.chunkSize()).isEqualTo(64L << 20);
    assertThat(definition.compressionLevel()).isEqualTo(9);
    assertThat(ExportDefinitions.read("", ExportDefinitions.toSettings(definition, Secrets.KEPT)))
        .isEqualTo(definition);
  }

  @Test
  void eachInvalidCombinationIsRefusedWithOneMessageNamingTheSetting() {
    assertRefused(settings("type", "selected-events"), "Missing setting events");
    assertRefused(
        settings("events", List.of("A")),
        "Invalid setting events = '[A]': only a selected-events export lists events, not"
            + " all-events");
    assertRefused(
        settings("format", "avro"),
        "Invalid setting format = 'avro': expected json, xml, csv, parquet");
    assertRefused(settings("format", null), "Missing setting format");
    assertRefused(
        settings("type", "people"),
        "Invalid setting type = 'people': expected all-events, selected-events, profiles");
    assertRefused(
        settings("every", "2h"), "Invalid setting every = '2h': must be between 4h and 1d");
    assertRefused(
        settings("every", "25h"), "Invalid setting every = '25h': must be between 4h and 1d");
    assertRefused(settings("frequency", "once", "to", "2026-11-01"), "Missing setting from");
    assertRefused(
        settings("frequency", "once", "from", "2026-11-01", "to", "2026-10-01"),
        "Invalid setting to = '2026-10-01T00:00:00Z': must be after from"
            + " (2026-11-01T00:00:00Z)");
    assertRefused(
        settings("frequency", "once", "from", "2026-08-01", "to", "2026-11-01"),
        "Invalid setting to = '2026-11-01T00:00:00Z': a once export covers at most 60 days"
            + " from 2026-08-01T00:00:00Z");
    assertRefused(
        settings("frequency", "once", "from", "2026-10-01", "to", "2026-10-02", "every", "4h"),
        "Invalid setting every = '4h': a once export has no interval");
    assertRefused(
        settings("from", "2026-10-01"),
        "Invalid setting from = '2026-10-01': only a once export has a window; recurring runs"
            + " join");
    assertRefused(
        settings("frequency", "weekly"),
        "Invalid setting frequency = 'weekly': expected once or recurring");
    assertRefused(
        settings("chunk-size", "12 parsecs"),
        "Invalid setting chunk-size = '12 parsecs': expected a size such as 100MB, 512KB or 1GB");
    assertRefused(
        settings("chunk-size", "100"),
        "Invalid setting chunk-size = '100': must be between 1KB and 5GB");
    assertRefused(
        settings("compression-level", "0"),
        "Invalid setting compression-level = '0': must be between 1 and 9");
    assertRefused(
        settings("format", "parquet", "compression-level", "3"),
        "Invalid setting compression-level = '3': Parquet files use Parquet's own compression,"
            + " not gzip");
    assertRefused(
        settings("kind", "people"),
        "Invalid setting kind = 'people': expected revisions or events");
  }

  @Test
  void aOnceWindowMayStartAtMost60DaysBeforeItIsCreated() {
    EventExportDefinition definition =
        (EventExportDefinition)
            ExportDefinitions.read(
                "", settings("frequency", "once", "from", "2026-09-01", "to", "2026-09-30"));
    Instant now = Instant.parse("2026-10-31T00:00:00Z");

    EventExportDefinitions.requireRecent(definition, now);
    assertThatThrownBy(
            () -> EventExportDefinitions.requireRecent(definition, now.plus(Duration.ofDays(1))))
        .isInstanceOf(DefinitionException.class)
        .hasMessage(
            "Invalid setting from = '2026-09-01T00:00:00Z': a once export reaches at most 60 days"
                + " back");
  }

  private static void assertRefused(Map<String, Object> settings, String message) {
    settings.values().removeIf(v -> v == null);
    assertThatThrownBy(() -> ExportDefinitions.read("", settings))
        .isInstanceOf(DefinitionException.class)
        .hasMessage(message);
  }
}
