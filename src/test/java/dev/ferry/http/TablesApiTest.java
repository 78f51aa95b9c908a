package dev.ferry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3Connection;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code /api/tables}: table integrations over HTTP, against the real embedded S3 and DuckDB. */
class TablesApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUCKET = "analytics";

  @TempDir Path dir;
  private EmbeddedS3 s3;
  private DuckDbStore store;
  private ApiServer.Jobs jobs;
  private ApiServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  /** When set, a run waits for it before it opens its bucket: the run stays "running". */
  private volatile CountDownLatch gate;

  @BeforeEach
  void start() {
    s3 = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, EmbeddedS3.generateKeys());
    try (S3Client raw = raw()) {
      raw.createBucket(b -> b.bucket(BUCKET));
      put(raw, "crm/customers-1.csv", "id,name,updated_at\n1,Ann,2026-03-01 10:00:00\n2,Bob,\n");
    }
    store =
        DuckDbStore.open(dir.resolve("ferry.duckdb"), Clock.systemUTC(), RevisionPolicy.DEFAULT);
    jobs = TestJobs.over(store, this::connect, dir.resolve("spool"));
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
    open();
    server.close();
    TestJobs.close(jobs);
    store.close();
    s3.close();
  }

  @Test
  void aPatternThatMatchesNoFileIsRefusedNamingThePatternAndThePrefix() throws Exception {
    ObjectNode settings = settings();
    ((ObjectNode) settings.get("tables").get(0)).put("search-pattern", "orders.*");

    HttpResponse<String> refused = send("POST", "/api/tables", settings);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(error(refused))
        .isEqualTo(
            "Invalid setting tables[0].search-pattern = 'orders.*': no file under"
                + " s3://analytics/crm/ matches it");
    assertThat(json(send("GET", "/api/tables", null))).isEmpty();
  }

  @Test
  void aBucketThatDoesNotExistIsNamed() throws Exception {
    HttpResponse<String> refused = send("POST", "/api/tables", settings().put("bucket", "nope"));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(error(refused))
        .startsWith("Ferry cannot use bucket nope: s3:ListBucket (")
        .endsWith("See `ferry policy --bucket nope --for tables`.");
  }

  @Test
  void anInvalidSettingIsRefusedNamingItsTable() throws Exception {
    ObjectNode settings = settings();
    ((ObjectNode) settings.get("tables").get(0)).put("search-pattern", "customers(");

    HttpResponse<String> refused = send("POST", "/api/tables", settings);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(error(refused))
        .isEqualTo(
            "Invalid setting tables[0].search-pattern = 'customers(': not a valid regular"
                + " expression: Unclosed group");
  }

  @Test
  void aPrimaryKeyFieldMissingFromTheFirstFileIsRefused() throws Exception {
    ObjectNode settings = settings();
    ((ObjectNode) settings.get("tables").get(0)).putArray("primary-key").add("customer_id");

    HttpResponse<String> refused = send("POST", "/api/tables", settings);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(error(refused))
        .isEqualTo(
            "Invalid setting tables[0].primary-key = '[customer_id]': the primary-key field"
                + " 'customer_id' is not in the file's header (crm/customers-1.csv)");
  }

  @Test
  void createShowListReplaceAndDeleteWithTheSecretMasked() throws Exception {
    ObjectNode settings = settings();
    settings
        .putObject("s3")
        .put("endpoint", s3.endpoint().toString())
        .put("access-key", s3.keys().accessKey())
        .put("secret-key", s3.keys().secretKey());

    HttpResponse<String> created = send("POST", "/api/tables", settings);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(s3.keys().secretKey());
    JsonNode shown = json(send("GET", "/api/tables/crm", null));
    assertThat(shown.at("/s3/secret-key").asText()).isEqualTo("****");
    assertThat(shown.at("/tables/0/table").asText()).isEqualTo("customers");
    assertThat(shown.get("every").asText()).isEqualTo("30m");
    assertThat(json(send("GET", "/api/tables", null))).containsExactly(shown);

    ((ObjectNode) shown).put("every", "1h");
    HttpResponse<String> replaced = send("PUT", "/api/tables/crm", shown);
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(json(replaced).get("every").asText()).isEqualTo("1h");
    assertThat(store.integrations().find("crm").orElseThrow().json())
        .as("a masked secret sent back keeps the stored one")
        .contains(s3.keys().secretKey());

    assertThat(send("DELETE", "/api/tables/crm", null).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = send("GET", "/api/tables/crm", null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(error(gone)).isEqualTo("No table integration named 'crm'");
  }

  @Test
  void aRunLoadsRowsShownByTheRowsEndpointAndReportsPerTable() throws Exception {
    assertThat(send("POST", "/api/tables", settings()).statusCode()).isEqualTo(201);

    HttpResponse<String> started = send("POST", "/api/tables/crm/runs", null);

    assertThat(started.statusCode()).isEqualTo(202);
    JsonNode run = awaitEnd(json(started).get("runId").asLong());
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(run.get("kind").asText()).isEqualTo("table-sync");
    JsonNode report = run.at("/details/tables/0");
    assertThat(report.get("table").asText()).isEqualTo("customers");
    assertThat(report.get("filesConsidered").asLong()).isEqualTo(1);
    assertThat(report.get("filesLoaded").asLong()).isEqualTo(1);
    assertThat(report.get("rowsRead").asLong()).isEqualTo(2);
    assertThat(report.get("rowsInserted").asLong()).isEqualTo(2);

    JsonNode rows = json(send("GET", "/api/tables/crm/customers/rows", null));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("id").asText()).isEqualTo("1");
    assertThat(rows.get(0).get("name").asText()).isEqualTo("Ann");
    assertThat(rows.get(0).get("updated_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(rows.get(1).get("updated_at").isNull()).isTrue();
    assertThat(rows.get(1).get("_ferry_source_key").asText()).isEqualTo("crm/customers-1.csv");
    assertThat(json(send("GET", "/api/tables/crm/customers/rows?limit=1", null))).hasSize(1);
    assertThat(json(send("GET", "/api/runs?integration=crm", null))).hasSize(1);
  }

  @Test
  void aRejectedRowIsReportedWithItsLineAndReason() throws Exception {
    try (S3Client raw = raw()) {
      put(raw, "crm/customers-2.csv", "id,name,updated_at\n3,Cy,not a time\n");
    }
    send("POST", "/api/tables", settings());

    JsonNode run = awaitEnd(json(send("POST", "/api/tables/crm/runs", null)).get("runId").asLong());

    JsonNode report = run.at("/details/tables/0");
    assertThat(report.get("rowsRejected").asLong()).isEqualTo(1);
    assertThat(report.at("/rejected/0/key").asText()).isEqualTo("crm/customers-2.csv");
    assertThat(report.at("/rejected/0/line").asLong()).isEqualTo(2);
    assertThat(report.at("/rejected/0/reason").asText()).contains("updated_at", "not a time");
  }

  @Test
  void aSecondRunWhileOneGoesOnIsRefused() throws Exception {
    send("POST", "/api/tables", settings());
    gate = new CountDownLatch(1);

    long runId = json(send("POST", "/api/tables/crm/runs", null)).get("runId").asLong();
    HttpResponse<String> second = send("POST", "/api/tables/crm/runs", null);
    HttpResponse<String> delete = send("DELETE", "/api/tables/crm", null);

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(error(second)).isEqualTo("Table integration 'crm' is running (run " + runId + ")");
    assertThat(delete.statusCode()).isEqualTo(409);
    open();
    assertThat(awaitEnd(runId).get("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void discoverShowsEachColumnWithHowItWouldLoad() throws Exception {
    try (S3Client raw = raw()) {
      put(raw, "crm/customers-2.csv", "id,Name,E-mail\n3,Cy,cy@example.com\n");
    }
    send("POST", "/api/tables", settings());

    JsonNode found = json(send("GET", "/api/tables/crm/discover", null));

    assertThat(found).hasSize(1);
    assertThat(found.at("/0/table").asText()).isEqualTo("customers");
    assertThat(found.at("/0/files")).hasSize(2);
    assertThat(found.at("/0/columns").toString())
        .isEqualTo(
            "[{\"name\":\"id\",\"kind\":\"string\",\"primaryKey\":true},"
                + "{\"name\":\"name\",\"kind\":\"string\",\"primaryKey\":false},"
                + "{\"name\":\"e_mail\",\"kind\":\"string\",\"primaryKey\":false},"
                + "{\"name\":\"updated_at\",\"kind\":\"timestamp\",\"primaryKey\":false}]");
    assertThat(found.at("/0/problems")).isEmpty();
  }

  @Test
  void deletingAnIntegrationDropsItsTables() throws Exception {
    send("POST", "/api/tables", settings());
    awaitEnd(json(send("POST", "/api/tables/crm/runs", null)).get("runId").asLong());
    assertThat(store.tables().tables("crm")).containsExactly("customers");

    send("DELETE", "/api/tables/crm", null);

    assertThat(store.tables().tables("crm")).isEmpty();
  }

  @Test
  void unknownTablesAndBadLimitsAreNamed() throws Exception {
    send("POST", "/api/tables", settings());

    HttpResponse<String> unknown = send("GET", "/api/tables/crm/orders/rows", null);
    HttpResponse<String> tooMany = send("GET", "/api/tables/crm/customers/rows?limit=10001", null);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(error(unknown)).isEqualTo("No table 'orders' in table integration 'crm'");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(error(tooMany)).isEqualTo("Invalid limit '10001': expected 1 to 10000");
  }

  private static ObjectNode settings() {
    ObjectNode settings =
        JSON.createObjectNode()
            .put("name", "crm")
            .put("bucket", BUCKET)
            .put("start-date", "2020-01-01");
    ObjectNode table =
        settings
            .putArray("tables")
            .addObject()
            .put("table", "Customers")
            .put("search-prefix", "crm/")
            .put("search-pattern", "customers-\\d+\\.csv$");
    table.putArray("primary-key").add("id");
    table.putArray("datetime-fields").add("updated_at");
    return settings;
  }

  private ObjectStore connect(Optional<S3Connection> connection) {
    CountDownLatch waiting = gate;
    if (waiting != null) {
      try {
        waiting.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return S3ObjectStore.connect(connection.orElse(s3.connection()));
  }

  private void open() {
    CountDownLatch waiting = gate;
    gate = null;
    if (waiting != null) {
      waiting.countDown();
    }
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

  private static void put(S3Client raw, String key, String text) {
    raw.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text));
  }

  private HttpResponse<String> send(String method, String path, Object body) throws Exception {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, publisher)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String error(HttpResponse<String> response) throws Exception {
    return json(response).path("error").asText();
  }

  private S3Client raw() {
    return RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey());
  }
}
