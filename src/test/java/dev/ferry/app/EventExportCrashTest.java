package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A server running a one-time event export (SPEC §5) in small chunks is killed with kill -9 at a
 * named point, then restarted: the bucket must end with the same keys and bytes as after an
 * uninterrupted export from the same data, and right after the kill no manifest may be there (it
 * comes only after all its files).
 */
class EventExportCrashTest {
  private static final String BUCKET = "exports";
  private static Path seed;
  private static String definition;
  private static Map<String, String> uninterrupted;

  @TempDir Path work;

  @BeforeAll
  static void seedAndRunWithoutCrash(@TempDir Path seedDir, @TempDir Path reference)
      throws Exception {
    seed = seedDir;
    Files.writeString(seed.resolve("ferry.yaml"), "server:\n  data-dir: data\n");
    Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    try (FerryProcess server = ExportKill.start(seed, List.of())) {
      RunningServer running = RunningServer.awaitStart(server);
      try (S3Client s3 = running.rawS3()) {
        s3.createBucket(b -> b.bucket(BUCKET));
      }
      HttpResponse<String> stored =
          ServerCalls.post(running.api().resolve("/api/records"), records());
      assertThat(stored.statusCode()).as(stored.body()).isLessThan(300);
    }
    Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), to).toMillis() + 50));
    definition =
        "{\"name\":\"ct\",\"kind\":\"events\",\"bucket\":\""
            + BUCKET
            + "\",\"format\":\"json\",\"frequency\":\"once\",\"from\":\""
            + from
            + "\",\"to\":\""
            + to
            + "\",\"chunk-size\":\"1KB\"}";
    uninterrupted = new EventExportCrashTest().exportKilledAt(reference, null);
    assertThat(uninterrupted.keySet()).filteredOn(k -> k.endsWith("-manifest.json")).hasSize(1);
    assertThat(uninterrupted.keySet())
        .filteredOn(k -> k.contains("-Visited-"))
        .hasSizeGreaterThan(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "event-export-uploaded:1",
        "event-export-uploaded:5",
        "event-export-before-manifest:1"
      })
  void endsAsAnUninterruptedExport(String point) throws Exception {
    assertThat(exportKilledAt(work, point)).isEqualTo(uninterrupted);
  }

  private Map<String, String> exportKilledAt(Path dir, String point) throws Exception {
    return new ExportKill(
            "ct",
            BUCKET,
            EventExportCrashTest::create,
            EventExportCrashTest::assertNoManifest,
            contents -> contents.keySet().stream().anyMatch(k -> k.endsWith("-manifest.json")),
            bytes -> Base64.getEncoder().encodeToString(bytes))
        .run(seed, dir, point);
  }

  /** Read from the embedded S3's files while no server runs. */
  private static void assertNoManifest(Path bucket) throws Exception {
    if (!Files.exists(bucket)) {
      return;
    }
    try (Stream<Path> files = Files.list(bucket)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(name -> name.endsWith("-manifest.json"));
    }
  }

  private static String records() {
    StringBuilder json = new StringBuilder("[");
    String[] names = {"Visited", "Signed Up", "Bought"};
    for (int i = 1; i <= 240; i++) {
      json.append(i > 1 ? "," : "")
          .append("{\"_p\":\"user")
          .append(i % 17)
          .append("\",\"_t\":")
          .append(1_700_000_000 + i * 600)
          .append(",\"_n\":\"")
          .append(names[i % 5 == 0 ? 1 : i % 7 == 0 ? 2 : 0])
          .append("\",\"page\":\"/p/")
          .append(i)
          .append(" é\",\"ref\":\"r")
          .append(i * 7919 % 1000)
          .append("\"}");
    }
    return json.append(']').toString();
  }

  private static void create(URI api) throws Exception {
    HttpResponse<String> created = ServerCalls.post(api.resolve("/api/exports"), definition);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }
}
