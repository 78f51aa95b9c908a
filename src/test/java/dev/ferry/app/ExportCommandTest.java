package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.config.ConfigLoader;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.testing.RawS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A server started in-process from a {@code ferry.yaml} with exports, and {@code ferry export ...}
 * run against it through {@link Main#run}, as the launcher runs it.
 */
class ExportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private FerryServer server;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    Path leftover = dir.resolve("data").resolve(FerryServer.EXPORT_SPOOL).resolve("nightly");
    Files.createDirectories(leftover);
    Files.writeString(leftover.resolve("7.json"), "{\"_p\":\"half written");
    Path config = dir.resolve("ferry.yaml");
    Files.writeString(
        config,
        """
        store:
          revision-max-records: 2
        exports:
          - name: declared
            kind: revisions
            bucket: exports
            prefix: km
            cutoff: closed
        """);
    server =
        FerryServer.start(
            ConfigLoader.load(
                Optional.of(config),
                Map.of(
                    "server.data-dir", dir.resolve("data").toString(),
                    "server.port", "0",
                    "s3.port", "0")),
            Clock.systemUTC());
    EmbeddedS3 s3 = server.embeddedS3().orElseThrow();
    try (S3Client raw = RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey())) {
      raw.createBucket(b -> b.bucket("exports"));
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void serverDeclaresExportsEmptiesTheSpoolAndClosesRevisionsByItsPolicy() throws Exception {
    try (Stream<Path> spool = Files.list(dir.resolve("data").resolve(FerryServer.EXPORT_SPOOL))) {
      assertThat(spool).as("leftovers of a killed run are deleted").isEmpty();
    }
    assertThat(cli("export", "list")).isZero();
    assertThat(out.toString())
        .contains("NAME", "KIND", "DESTINATION")
        .containsPattern("declared +revisions +s3://exports/km/ +12h +cutoff closed");

    post(
        "/api/records",
        "[{\"_p\":\"a\",\"_t\":1,\"_n\":\"A\"},{\"_p\":\"b\",\"_t\":2,\"_n\":\"B\"},"
            + "{\"_p\":\"c\",\"_t\":3,\"_n\":\"C\"}]");

    JsonNode stats = get("/api/stats");
    assertThat(stats.get("revisionsClosed").asLong())
        .as("store.revision-max-records reaches the store")
        .isEqualTo(1);
    assertThat(stats.get("revisionsOpen").asLong()).isEqualTo(1);
  }

  @Test
  void createShowRunAndDeleteAnExport() throws Exception {
    assertThat(
            cli(
                "export",
                "create",
                "--name",
                "nightly",
                "--bucket",
                "exports",
                "--prefix",
                "out",
                "--every",
                "6h",
                "--dedupe"))
        .as(err.toString())
        .isZero();
    JsonNode created = JSON.readTree(out.toString());
    assertThat(created.get("kind").asText()).isEqualTo("revisions");
    assertThat(created.get("prefix").asText()).isEqualTo("out/");
    assertThat(created.get("every").asText()).isEqualTo("6h");
    assertThat(created.get("dedupe").asBoolean()).isTrue();

    assertThat(cli("export", "show", "nightly")).isZero();
    assertThat(JSON.readTree(out.toString())).isEqualTo(created);

    cli("export", "run", "nightly", "--wait");
    assertThat(out.toString()).as(err.toString()).containsPattern("^Run \\d+ of nightly: ");
    assertThat(cli("runs", "nightly")).isZero();
    assertThat(out.toString()).containsPattern("^Run \\d+ of nightly: ").doesNotContain("running");

    assertThat(cli("export", "delete", "nightly")).isZero();
    assertThat(out.toString()).isEqualTo("Deleted export nightly\n");
    assertThat(cli("export", "show", "nightly")).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("ferry: GET /api/exports/nightly: No export named 'nightly'\n");
  }

  @Test
  void eventExportIsCreatedRunAndItsActivityShown() throws Exception {
    post("/api/records", "[{\"_p\":\"a\",\"_t\":1,\"_n\":\"Signed Up\",\"plan\":\"pro\"}]");
    assertThat(
            cli(
                "export",
                "create",
                "--name",
                "ct",
                "--kind",
                "events",
                "--bucket",
                "exports",
                "--type",
                "selected-events",
                "--events",
                "Signed Up,Bought",
                "--format",
                "csv",
                "--every",
                "6h",
                "--chunk-size",
                "10MB"))
        .as(err.toString())
        .isZero();
    JsonNode created = JSON.readTree(out.toString());
    assertThat(created.get("events")).hasSize(2);
    assertThat(created.get("chunk-size").asText()).isEqualTo("10000000");

    cli("export", "run", "ct", "--wait");
    assertThat(out.toString()).as(err.toString()).containsPattern("^Run \\d+ of ct: ");
    assertThat(cli("export", "activity", "ct")).isZero();
    assertThat(out.toString())
        .contains("RUN", "STATUS", "WINDOW", "FILES", "ROWS", "BYTES")
        .containsPattern("\\d{14} +Done +1970-01-01T00:00:00Z - \\S+ +2 +1 ");
    assertThat(cli("export", "activity", "ct", "--json")).isZero();
    JsonNode activity = JSON.readTree(out.toString());
    assertThat(activity.get(0).get("files").get(0).get("key").asText())
        .matches("ct-\\d{14}-Signed_Up-19700101-0-ferry\\.csv\\.gz");

    assertThat(cli("export", "list")).isZero();
    assertThat(out.toString())
        .containsPattern("ct +events +s3://exports/ +6h +selected-events as csv");
  }

  @Test
  void createTakesAFileAndRefusesABadOneInOneLine() throws Exception {
    Path file = dir.resolve("export.yaml");
    Files.writeString(file, "name: weekly\nbucket: exports\nevery: 7d\ntime-budget: 10m\n");

    assertThat(cli("export", "create", "--file", file.toString())).as(err.toString()).isZero();
    assertThat(JSON.readTree(out.toString()).get("time-budget").asText()).isEqualTo("10m");

    Files.writeString(file, "name: monthly\nbucket: exports\ncutoff: today\n");
    assertThat(cli("export", "create", "--file", file.toString())).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "ferry: POST /api/exports: Invalid setting cutoff = 'today': expected yesterday or"
                + " closed\n");
  }

  /** Runs one command line against the server; its output replaces the previous one's. */
  private int cli(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    String[] withUrl =
        Stream.concat(Stream.of(args), Stream.of("--url", server.apiUrl())).toArray(String[]::new);
    return Main.run(withUrl, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private JsonNode get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.apiUrl() + path)).build();
    return JSON.readTree(
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  private void post(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    int status =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    assertThat(status).isEqualTo(201);
  }
}
