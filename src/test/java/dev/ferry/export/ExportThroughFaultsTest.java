package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.Event;
import dev.ferry.export.RevisionExportDefinition.Cutoff;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.RunStatus;
import dev.ferry.testing.FaultyRoute;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports through a proxy that fails about 10 % of S3 requests (500, 503, resets, stalls) complete
 * and leave the bucket exactly as exports over a clean connection do.
 */
class ExportThroughFaultsTest {
  private static final int REVISIONS = 12;

  @TempDir Path clean;
  @TempDir Path faulty;

  @Test
  void faultsChangeNothingInTheBucket() {
    Map<String, String> expected = exportAll(clean, Function.identity());
    try (FaultyRoute route = new FaultyRoute(11)) {
      Map<String, String> actual = exportAll(faulty, route);
      assertThat(actual).isEqualTo(expected);
      assertThat(actual.keySet()).contains("revisions/" + REVISIONS + ".json");
      assertThat(route.proxy().injected().values().stream().filter(n -> n > 0).count())
          .as("kinds of faults injected: %s", route.proxy().injected())
          .isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void eventExportsThroughFaultsWriteTheSameObjects() {
    Map<String, String> expected = exportEvents(clean, Function.identity());
    try (FaultyRoute route = new FaultyRoute(17)) {
      Map<String, String> actual = exportEvents(faulty, route);
      assertThat(actual).isEqualTo(expected);
      assertThat(actual.keySet()).filteredOn(k -> k.endsWith("-manifest.json")).hasSize(3);
      assertThat(route.proxy().injectedTotal()).isPositive();
    }
  }

  /**
   * Three windows of a recurring event export in small chunks. A run the faults make fail is
   * retried, as the scheduler would: it must redo the same window, with the same keys.
   */
  private static Map<String, String> exportEvents(
      Path dir, Function<S3Connection, S3Connection> route) {
    try (ExportFixture fixture = new ExportFixture(dir, RevisionPolicy.DEFAULT, route)) {
      EventExportDefinition definition =
          ExportFixture.events(
              "ct",
              EventExportDefinition.Type.ALL_EVENTS,
              List.of(),
              EventExportDefinition.Format.CSV,
              new EventExportDefinition.Recurring(Duration.ofHours(4)),
              2_000);
      for (int window = 0; window < 3; window++) {
        fixture.append(events(window), Duration.ofMinutes(6));
        fixture.clock.advance(Duration.ofHours(4));
        runUntilDone(fixture, definition);
      }
      Map<String, String> bucket = new TreeMap<>();
      for (String key : fixture.keys()) {
        bucket.put(key, java.util.Base64.getEncoder().encodeToString(fixture.bytes(key)));
      }
      return bucket;
    }
  }

  private static void runUntilDone(ExportFixture fixture, EventExportDefinition definition) {
    for (int attempt = 1; ; attempt++) {
      try {
        assertThat(fixture.run(definition).status()).isEqualTo(RunStatus.SUCCEEDED);
        return;
      } catch (RuntimeException e) {
        assertThat(attempt).as("attempts, last failure: %s", e).isLessThan(10);
      }
    }
  }

  /** Three runs, with new revisions before each; every run must succeed. */
  private static Map<String, String> exportAll(
      Path dir, Function<S3Connection, S3Connection> route) {
    var policy = new RevisionPolicy(Duration.ofMinutes(5), 1000);
    try (ExportFixture fixture = new ExportFixture(dir, policy, route)) {
      var definition = ExportFixture.definition("km/", Cutoff.CLOSED, false);
      int revision = 0;
      for (int run = 0; run < 3; run++) {
        for (int i = 0; i < REVISIONS / 3; i++, revision++) {
          fixture.append(events(revision), Duration.ofMinutes(6));
        }
        assertThat(fixture.run(definition).status()).isEqualTo(RunStatus.SUCCEEDED);
      }
      Map<String, String> bucket = new TreeMap<>();
      for (String key : fixture.keys()) {
        bucket.put(key.substring("km/".length()), fixture.read(key));
      }
      return bucket;
    }
  }

  private static List<Event> events(int revision) {
    List<Event> events = new ArrayList<>();
    Instant base = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(revision * 1000L);
    for (int i = 0; i < 200; i++) {
      events.add(
          new Event(
              "user" + i,
              base.plusSeconds(i),
              "Viewed",
              Map.of("page", "/p/" + revision + "/" + i)));
    }
    return events;
  }
}
