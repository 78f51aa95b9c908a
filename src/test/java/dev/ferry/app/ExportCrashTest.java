package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A server exporting revisions is killed with kill -9 at a named point, then restarted; the bucket
 * must end byte for byte as after an uninterrupted export, and right after the kill {@code
 * status.csv} must claim no revision that is not in the bucket.
 *
 * <p>Both runs start from copies of one data directory holding the records, so the receive times
 * (which {@code index.csv} shows) are the same. Revisions close by size (3 records) so that they
 * are the same too.
 */
class ExportCrashTest {
  private static final String BUCKET = "exports";
  private static final int REVISIONS = 4;
  private static Path seed;
  private static Map<String, String> uninterrupted;

  @TempDir Path work;

  @BeforeAll
  static void seedAndRunWithoutCrash(@TempDir Path seedDir, @TempDir Path reference)
      throws Exception {
    seed = seedDir;
    Files.writeString(
        seed.resolve("ferry.yaml"),
        "server:\n  data-dir: data\nstore:\n  revision-max-records: 3\n");
    try (FerryProcess server = ExportKill.start(seed, List.of())) {
      RunningServer running = RunningServer.awaitStart(server);
      try (S3Client s3 = running.rawS3()) {
        s3.createBucket(b -> b.bucket(BUCKET));
      }
      HttpResponse<String> stored =
          ServerCalls.post(running.api().resolve("/api/records"), records());
      assertThat(stored.statusCode()).as(stored.body()).isLessThan(300);
    }
    uninterrupted = new ExportCrashTest().exportKilledAt(reference, null);
    assertThat(uninterrupted).containsKeys("index.csv", "status.csv", "revisions/4.json");
    assertThat(uninterrupted).hasSize(REVISIONS + 2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "export-mid-revision:1",
        "export-mid-revision:3",
        "export-uploaded:1",
        "export-published:1",
        "export-published:3",
        "export-uploaded:4",
        "export-before-index:1",
        "export-before-status:1",
        "export-after-status:1"
      })
  void endsAsAnUninterruptedExport(String point) throws Exception {
    assertThat(exportKilledAt(work, point)).isEqualTo(uninterrupted);
  }

  private Map<String, String> exportKilledAt(Path dir, String point) throws Exception {
    return new ExportKill(
            "km",
            BUCKET,
            ExportCrashTest::create,
            ExportCrashTest::assertStatusClaimsOnlyWhatIsThere,
            ExportCrashTest::complete,
            bytes -> new String(bytes, StandardCharsets.UTF_8))
        .run(seed, dir, point);
  }

  /** Read from the embedded S3's files while no server runs. */
  private static void assertStatusClaimsOnlyWhatIsThere(Path bucket) throws IOException {
    Path status = bucket.resolve("status.csv");
    if (!Files.exists(status)) {
      return;
    }
    String[] row = Files.readAllLines(status).get(1).split(",", -1);
    int exported = Integer.parseInt(row[1]);
    for (int n = 1; n <= exported; n++) {
      assertThat(bucket.resolve("revisions/" + n + ".json")).exists();
    }
  }

  private static boolean complete(Map<String, String> contents) {
    return contents.containsKey("status.csv")
        && contents.get("status.csv").contains("\n" + REVISIONS + "," + REVISIONS + ",");
  }

  private static String records() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 1; i <= 3 * REVISIONS; i++) {
      json.append(i > 1 ? "," : "")
          .append("{\"_p\":\"user")
          .append(i)
          .append("\",\"_t\":")
          .append(1_700_000_000 + i)
          .append(",\"_n\":\"Visited\",\"page\":\"/p/")
          .append(i)
          .append(" é\"}");
    }
    return json.append(']').toString();
  }

  private static void create(URI api) throws Exception {
    String settings =
        "{\"name\":\"km\",\"kind\":\"revisions\",\"bucket\":\""
            + BUCKET
            + "\",\"cutoff\":\"closed\"}";
    HttpResponse<String> created = ServerCalls.post(api.resolve("/api/exports"), settings);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }
}
