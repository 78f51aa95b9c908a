package dev.ferry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.export.ExportService;
import dev.ferry.ingest.ImportService;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.duckdb.DuckDbStore;
import dev.ferry.testing.RawS3;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code /api/imports}, {@code /api/runs}, {@code /api/records}, {@code /api/stats} over HTTP. */
class ImportApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private EmbeddedS3 s3;
  private DuckDbStore store;
  private ImportService imports;
  private ExportService exports;
  private ApiServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    s3 = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, EmbeddedS3.generateKeys());
    try (S3Client raw = raw()) {
      raw.createBucket(b -> b.bucket("demo"));
      raw.putObject(
          b -> b.bucket("demo").key("in/accounts.csv"),
          RequestBody.fromString("Identity,Timestamp,Event\nann,1700000000,Paid\n,1,x\n"));
    }
    store =
        DuckDbStore.open(dir.resolve("ferry.duckdb"), Clock.systemUTC(), RevisionPolicy.DEFAULT);
    ApiServer.Jobs jobs =
        TestJobs.over(
            store,
            connection -> S3ObjectStore.connect(connection.orElse(s3.connection())),
            dir.resolve("spool"));
    imports = jobs.imports();
    exports = jobs.exports();
    server =
        ApiServer.start(
            "127.0.0.1",
            0,
            Optional.empty(),
            () -> new ServerStatus("t", Instant.EPOCH, 0, "d", 0, "s"),
            jobs);
  }

  @AfterEach
  void stop() {
    server.close();
    imports.close();
    exports.close();
    store.close();
    s3.close();
  }

  @Test
  void secretsAreMaskedInEveryAnswer() throws Exception {
    String body =
        "{\"name\":\"accounts\",\"bucket\":\"demo\",\"folder\":\"in\",\"base-filename\":\"accounts.csv\","
            + "\"s3\":{\"endpoint\":\""
            + s3.endpoint()
            + "\",\"access-key\":\""
            + s3.keys().accessKey()
            + "\",\"secret-key\":\""
            + s3.keys().secretKey()
            + "\"}}";

    HttpResponse<String> created = send("POST", "/api/imports", body);
    HttpResponse<String> shown = send("GET", "/api/imports/accounts", null);
    HttpResponse<String> listed = send("GET", "/api/imports", null);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(JSON.readTree(shown.body()).at("/s3/secret-key").asText()).isEqualTo("****");
    assertThat(created.body() + shown.body() + listed.body()).doesNotContain(s3.keys().secretKey());
  }

  @Test
  void runThroughTheApiAndReadWhatItStored() throws Exception {
    send("POST", "/api/imports", settings());

    HttpResponse<String> started = send("POST", "/api/imports/accounts/runs", "");
    assertThat(started.statusCode()).isEqualTo(202);
    long runId = JSON.readTree(started.body()).get("runId").asLong();
    JsonNode run = awaitEnd(runId);

    assertThat(run.get("status").asText()).isEqualTo("succeeded");
    assertThat(run.at("/details/recordsImported").asLong()).isEqualTo(1);
    assertThat(run.at("/details/rowsRejected").asLong()).isEqualTo(1);
    JsonNode records = json(send("GET", "/api/records?identity=ann&limit=5", null));
    assertThat(records).hasSize(1);
    assertThat(records.get(0).get("event").asText()).isEqualTo("Paid");
    assertThat(records.get(0).at("/source/line").asLong()).isEqualTo(2);
    assertThat(json(send("GET", "/api/stats", null)).get("events").asLong()).isEqualTo(1);
    assertThat(json(send("GET", "/api/runs?integration=accounts", null))).hasSize(1);
  }

  @Test
  void errorsHaveTheirStatusAndOneMessage() throws Exception {
    HttpResponse<String> missing = send("GET", "/api/imports/nope", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("error").asText()).isEqualTo("No import named 'nope'");

    HttpResponse<String> invalid =
        send("POST", "/api/imports", settings().replace("accounts.csv", "accounts.txt"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).get("error").asText())
        .isEqualTo(
            "Invalid setting base-filename = 'accounts.txt': expected a file name ending in .csv,"
                + " e.g. accounts.csv");

    HttpResponse<String> noFile =
        send("POST", "/api/imports", settings().replace("accounts.csv", "orders.csv"));
    assertThat(noFile.statusCode()).isEqualTo(422);
    assertThat(json(noFile).get("error").asText())
        .isEqualTo("No file in s3://demo/in/ matches orders*.csv or orders*.csv.gz");

    send("POST", "/api/imports", settings());
    assertThat(send("POST", "/api/imports", settings()).statusCode()).isEqualTo(409);
  }

  @Test
  void previewAnswersWithMappingRecordsAndErrors() throws Exception {
    send("POST", "/api/imports", settings());

    JsonNode preview = json(send("GET", "/api/imports/accounts/preview", null));

    assertThat(preview.get("file").asText()).isEqualTo("in/accounts.csv");
    assertThat(preview.at("/mapping/Identity").asText()).isEqualTo("identity");
    assertThat(preview.get("records")).hasSize(1);
    assertThat(preview.at("/errors/0/line").asLong()).isEqualTo(3);
    assertThat(store.stats().records()).isZero();
  }

  private JsonNode awaitEnd(long runId) throws Exception {
    while (true) {
      JsonNode run = json(send("GET", "/api/runs/" + runId, null));
      if (!run.get("status").asText().equals("running")) {
        return run;
      }
      Thread.sleep(50);
    }
  }

  private static String settings() {
    return "{\"name\":\"accounts\",\"bucket\":\"demo\",\"folder\":\"in\",\"base-filename\":\"accounts.csv\"}";
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, publisher)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private S3Client raw() {
    return RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey());
  }
}
