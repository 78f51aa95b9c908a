package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.event.Event;
import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.EventExportDefinition.Once;
import dev.ferry.export.EventExportDefinition.Type;
import dev.ferry.export.ExportedFiles.Row;
import dev.ferry.store.ExportActivity.Entry;
import dev.ferry.store.ExportActivity.Status;
import dev.ferry.store.RevisionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The windows of event exports (SPEC §5) with the fixture's clock: recurring windows join without
 * gap or overlap across runs, a restart and downtime; a one-time window reads what was received in
 * it.
 */
class EventExportWindowsTest {
  private static final DateTimeFormatter RUN =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final Duration EVERY = Duration.ofHours(4);

  @TempDir Path dir;
  private ExportFixture fixture;
  private int sent;

  @BeforeEach
  void start() {
    fixture = new ExportFixture(dir, RevisionPolicy.DEFAULT);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void recurringRunsCoverEveryRecordExactlyOnceAcrossRunsARestartAndDowntime() throws Exception {
    EventExportDefinition definition = ExportFixture.events("rec", Type.ALL_EVENTS, Format.JSON);
    List<String> exported = new ArrayList<>();
    List<String> runs = new ArrayList<>();
    send(3);
    for (int run = 1; run <= 10; run++) {
      send(run % 4);
      if (run == 6) {
        fixture.restartStore();
      }
      fixture.clock.advance(EVERY.minus(Duration.ofMinutes(run % 4 * 10)));
      runs.add(exportInto(definition, exported));
    }
    send(4);
    fixture.clock.advance(EVERY.multipliedBy(3).plusMinutes(7));
    send(2);
    runs.add(exportInto(definition, exported));

    List<String> all = new ArrayList<>();
    for (int i = 0; i < sent; i++) {
      all.add(Integer.toString(i));
    }
    Collections.sort(exported);
    Collections.sort(all);
    assertThat(exported).isEqualTo(all);

    List<Entry> windows = new ArrayList<>(fixture.store.activity().list("rec", 100));
    Collections.reverse(windows);
    assertThat(windows).hasSize(11).allMatch(w -> w.status() == Status.DONE);
    assertThat(windows.get(0).windowStart()).isEqualTo(Instant.EPOCH);
    for (int i = 1; i < windows.size(); i++) {
      assertThat(windows.get(i).windowStart()).isEqualTo(windows.get(i - 1).windowEnd());
      assertThat(windows.get(i).afterSequence()).isEqualTo(windows.get(i - 1).upToSequence());
    }
    assertThat(windows).extracting(w -> RUN.format(w.windowEnd())).isEqualTo(runs);
  }

  @Test
  void aRunWithNothingNewWritesAManifestWithoutFiles() throws Exception {
    EventExportDefinition definition = ExportFixture.events("rec", Type.ALL_EVENTS, Format.JSON);
    List<String> exported = new ArrayList<>();
    send(2);
    exportInto(definition, exported);
    fixture.clock.advance(EVERY);

    String run = exportInto(definition, exported);

    JsonNode manifest = ExportedFiles.JSON.readTree(fixture.read("rec-" + run + "-manifest.json"));
    assertThat(manifest.get("files")).isEmpty();
    assertThat(manifest.get("rows").asLong()).isZero();
    assertThat(exported).containsExactlyInAnyOrder("0", "1");
  }

  @Test
  void aOneTimeExportReadsTheRecordsReceivedInItsWindowOnce() throws Exception {
    send(3);
    fixture.clock.advance(Duration.ofHours(1));
    Instant from = fixture.clock.instant();
    send(4);
    fixture.clock.advance(Duration.ofHours(1));
    Instant to = fixture.clock.instant();
    send(5);
    EventExportDefinition definition =
        ExportFixture.events(
            "once",
            Type.ALL_EVENTS,
            List.of(),
            Format.JSON,
            new Once(from, to),
            EventExportDefinition.DEFAULT_CHUNK_SIZE);
    List<String> exported = new ArrayList<>();

    exportInto(definition, exported);
    fixture.clock.advance(Duration.ofDays(1));
    fixture.run(definition);

    assertThat(exported).containsExactlyInAnyOrder("3", "4", "5", "6");
    assertThat(fixture.keys())
        .filteredOn(k -> k.endsWith("manifest.json"))
        .containsExactly("once-" + RUN.format(to) + "-manifest.json");
  }

  @Test
  void aOneTimeWindowThatHasNotEndedWaits() {
    Instant now = fixture.clock.instant();
    EventExportDefinition definition =
        ExportFixture.events(
            "later",
            Type.ALL_EVENTS,
            List.of(),
            Format.JSON,
            new Once(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))),
            EventExportDefinition.DEFAULT_CHUNK_SIZE);

    fixture.run(definition);

    assertThat(fixture.keys()).isEmpty();
    assertThat(fixture.store.activity().list("later", 10)).isEmpty();
  }

  /** Sends {@code count} events numbered on from the last, two minutes apart. */
  private void send(int count) {
    for (int i = 0; i < count; i++) {
      fixture.append(
          List.of(
              new Event(
                  "user-" + (sent % 3),
                  fixture.clock.instant(),
                  sent % 2 == 0 ? "Even" : "Odd",
                  Map.of("n", Integer.toString(sent)))),
          Duration.ofMinutes(2));
      sent++;
    }
  }

  /** Runs once and adds the {@code n} of every exported row; returns the run timestamp. */
  private String exportInto(EventExportDefinition definition, List<String> exported)
      throws Exception {
    String run = RUN.format(windowEnd(definition));
    fixture.run(definition);
    JsonNode manifest =
        ExportedFiles.JSON.readTree(fixture.read(definition.name() + "-" + run + "-manifest.json"));
    for (JsonNode file : manifest.get("files")) {
      String key = file.get("key").asText();
      String name = key.contains("-Even-") ? "Even" : "Odd";
      for (Row row : ExportedFiles.json(fixture.bytes(key), name, true)) {
        exported.add(row.properties().get("n"));
      }
    }
    return run;
  }

  private Instant windowEnd(EventExportDefinition definition) {
    return definition.frequency() instanceof Once once ? once.to() : fixture.clock.instant();
  }
}
