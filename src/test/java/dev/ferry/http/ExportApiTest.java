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
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code /api/exports} and export runs over HTTP, against the real embedded S3 and DuckDB. The
 * export engine's output is not checked here, only that a run is recorded and finishes.
 */
class ExportApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUCKET = "exports";

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
  void createListShowReplaceAndDelete() throws Exception {
    HttpResponse<String> created = send("POST", "/api/exports", settings().put("prefix", "km"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created))
        .isEqualTo(
            JSON.readTree(
                "{\"name\":\"nightly\",\"kind\":\"revisions\",\"bucket\":\"exports\","
                    + "\"prefix\":\"km/\",\"every\":\"12h\",\"time-budget\":\"1h\","
                    + "\"cutoff\":\"yesterday\",\"dedupe\":false}"));
    assertThat(json(send("GET", "/api/exports/nightly", null))).isEqualTo(json(created));
    assertThat(json(send("GET", "/api/exports", null))).containsExactly(json(created));

    ObjectNode changed = settings().put("cutoff", "closed").put("every", "1h").put("dedupe", true);
    HttpResponse<String> replaced = send("PUT", "/api/exports/nightly", changed);
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    JsonNode shown = json(send("GET", "/api/exports/nightly", null));
    assertThat(shown.get("cutoff").asText()).isEqualTo("closed");
    assertThat(shown.get("every").asText()).isEqualTo("1h");
    assertThat(shown.get("dedupe").asBoolean()).isTrue();

    assertThat(send("DELETE", "/api/exports/nightly", null).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = send("GET", "/api/exports/nightly", null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(error(gone)).isEqualTo("No export named 'nightly'");
    assertThat(json(send("GET", "/api/exports", null))).isEmpty();
    assertThat(keys()).as("the bucket check leaves nothing behind").isEmpty();
  }

  /** Setting, value (empty: removed), message; one server answers them all. */
  private static final String[][] INVALID = {
    {"folder", "in", "Unknown setting 'folder'"},
    {"kind", "people", "Invalid setting kind = 'people': expected revisions or events"},
    {"kind", "", "Missing setting kind"},
    {"cutoff", "today", "Invalid setting cutoff = 'today': expected yesterday or closed"},
    {"bucket", "", "Missing setting bucket"},
    {
      "bucket",
      "Exports_2024",
      "Invalid setting bucket = 'Exports_2024': not a valid S3 bucket name"
    },
    {"every", "30s", "Invalid setting every = '30s': must be between 1m and 30d"},
    {"dedupe", "maybe", "Invalid setting dedupe = 'maybe': expected true or false"},
    {
      "name",
      "night ly",
      "Invalid setting name = 'night ly': use 1 to 64 letters, digits, '-' or '_', starting with a"
          + " letter or digit"
    },
  };

  @Test
  void eachInvalidDefinitionIsRefusedWithOneMessage() throws Exception {
    for (String[] invalid : INVALID) {
      ObjectNode settings = settings();
      if (invalid[1].isEmpty()) {
        settings.remove(invalid[0]);
      } else {
        settings.put(invalid[0], invalid[1]);
      }

      HttpResponse<String> refused = send("POST", "/api/exports", settings);

      assertThat(refused.statusCode()).as(invalid[2]).isEqualTo(400);
      assertThat(error(refused)).isEqualTo(invalid[2]);
    }
    assertThat(json(send("GET", "/api/exports", null))).isEmpty();
  }

  @Test
  void unknownS3SettingIsNamed() throws Exception {
    ObjectNode settings = settings();
    settings.putObject("s3").put("regoin", "eu-west-1");

    HttpResponse<String> refused = send("POST", "/api/exports", settings);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(error(refused)).isEqualTo("Unknown setting 's3.regoin'");
  }

  @Test
  void bucketThatDoesNotExistIsNamed() throws Exception {
    HttpResponse<String> refused = send("POST", "/api/exports", settings().put("bucket", "nope"));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(error(refused))
        .startsWith("Ferry cannot use bucket nope: s3:ListBucket (Failed to list s3://nope")
        .contains("does not exist")
        .endsWith("See `ferry policy --bucket nope --for export`.");
  }

  @Test
  void deniedBucketIsNamedAndTheSecretIsNot() throws Exception {
    ObjectNode settings = settings();
    settings
        .putObject("s3")
        .put("endpoint", s3.endpoint().toString())
        .put("access-key", s3.keys().accessKey())
        .put("secret-key", "not-the-secret-0123456789");

    HttpResponse<String> refused = send("POST", "/api/exports", settings);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(error(refused))
        .startsWith("Ferry lacks permissions on bucket exports: s3:ListBucket (")
        .contains("s3:PutObject (")
        .doesNotContain("not-the-secret-0123456789");
  }

  @Test
  void anImportAndAnExportCannotShareAName() throws Exception {
    try (S3Client raw = raw()) {
      raw.putObject(
          b -> b.bucket(BUCKET).key("in/accounts.csv"),
          RequestBody.fromString("Identity,Timestamp\nann,1700000000\n"));
    }
    String importSettings =
        "{\"name\":\"accounts\",\"bucket\":\"exports\",\"folder\":\"in\","
            + "\"base-filename\":\"accounts.csv\"}";
    assertThat(send("POST", "/api/imports", importSettings).statusCode()).isEqualTo(201);

    HttpResponse<String> taken = send("POST", "/api/exports", settings().put("name", "accounts"));

    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(error(taken)).isEqualTo("An integration named 'accounts' exists");
    assertThat(send("GET", "/api/exports/accounts", null).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", "/api/exports/accounts", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/imports/accounts", null).statusCode()).isEqualTo(200);

    send("POST", "/api/exports", settings());
    HttpResponse<String> other =
        send("POST", "/api/imports", importSettings.replace("accounts\",", "nightly\","));
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(error(other)).isEqualTo("An integration named 'nightly' exists");
  }

  @Test
  void secretsAreMaskedInEveryAnswerAndKeptInTheStore() throws Exception {
    ObjectNode settings = settings();
    settings
        .putObject("s3")
        .put("endpoint", s3.endpoint().toString())
        .put("access-key", s3.keys().accessKey())
        .put("secret-key", s3.keys().secretKey());

    HttpResponse<String> created = send("POST", "/api/exports", settings);
    HttpResponse<String> replaced = send("PUT", "/api/exports/nightly", settings);
    HttpResponse<String> shown = send("GET", "/api/exports/nightly", null);
    HttpResponse<String> listed = send("GET", "/api/exports", null);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(json(shown).at("/s3/secret-key").asText()).isEqualTo("****");
    assertThat(json(shown).at("/s3/access-key").asText()).isEqualTo(s3.keys().accessKey());
    assertThat(created.body() + replaced.body() + shown.body() + listed.body())
        .doesNotContain(s3.keys().secretKey());
    assertThat(store.integrations().find("nightly").orElseThrow().json())
        .contains(s3.keys().secretKey());
  }

  @Test
  void aDefinitionSentBackAsShownKeepsItsMaskedSecret() throws Exception {
    ObjectNode settings = settings();
    settings
        .putObject("s3")
        .put("endpoint", s3.endpoint().toString())
        .put("access-key", s3.keys().accessKey())
        .put("secret-key", s3.keys().secretKey());
    send("POST", "/api/exports", settings);
    ObjectNode shown = (ObjectNode) json(send("GET", "/api/exports/nightly", null));
    shown.put("cutoff", "closed");

    HttpResponse<String> replaced = send("PUT", "/api/exports/nightly", shown);

    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(json(replaced).get("cutoff").asText()).isEqualTo("closed");
    assertThat(store.integrations().find("nightly").orElseThrow().json())
        .contains(s3.keys().secretKey())
        .doesNotContain("****");
  }

  @Test
  void eventExportRunIsInItsActivityLogFoundByNameAndByRequestId() throws Exception {
    store
        .records()
        .append(
            java.util.List.of(
                new dev.ferry.event.Event(
                    "john", Instant.parse("2026-11-20T10:00:00Z"), "Viewed", java.util.Map.of())),
            dev.ferry.store.Source.api("test"));
    ObjectNode events =
        JSON.createObjectNode()
            .put("name", "ct")
            .put("kind", "events")
            .put("bucket", BUCKET)
            .put("format", "xml");
    assertThat(send("POST", "/api/exports", events).statusCode()).isEqualTo(201);

    JsonNode run = awaitEnd(json(send("POST", "/api/exports/ct/runs", "")).get("runId").asLong());

    assertThat(run.get("kind").asText()).isEqualTo("event-export");
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    JsonNode activity = json(send("GET", "/api/exports/ct/activity", null));
    assertThat(activity).hasSize(1);
    JsonNode window = activity.get(0);
    assertThat(window.get("requestId").asText()).isEqualTo("ct");
    assertThat(window.get("status").asText()).isEqualTo("Done");
    assertThat(window.get("rows").asLong()).isEqualTo(1);
    assertThat(window.get("windowStart").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(window.get("error").isNull()).isTrue();
    String runTimestamp = window.get("runTimestamp").asText();
    assertThat(window.get("files").findValuesAsText("key"))
        .containsExactly(
            "ct-" + runTimestamp + "-Viewed-20261120-0-test-db.xml.gz",
            "ct-" + runTimestamp + "-manifest.json");
    assertThat(keys())
        .containsExactlyInAnyOrderElementsOf(window.get("files").findValuesAsText("key"));
    long bytes = 0;
    for (JsonNode file : window.get("files")) {
      bytes += file.get("bytes").asLong();
    }
    assertThat(window.get("bytes").asLong()).isEqualTo(bytes);

    assertThat(json(send("GET", "/api/activity?request-id=ct", null))).isEqualTo(activity);
    assertThat(json(send("GET", "/api/activity?request-id=ct&run=" + runTimestamp, null)))
        .isEqualTo(activity);
    assertThat(json(send("GET", "/api/activity?request-id=ct&run=20000101000000", null))).isEmpty();
    HttpResponse<String> unknown = send("GET", "/api/activity?request-id=nope", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(error(unknown)).isEqualTo("No export named 'nope'");
    assertThat(send("GET", "/api/activity", null).statusCode()).isEqualTo(400);
  }

  @Test
  void aOneTimeExportReachingFurtherBackThan60DaysIsRefused() throws Exception {
    Instant now = Instant.now();
    ObjectNode once =
        JSON.createObjectNode()
            .put("name", "old")
            .put("kind", "events")
            .put("bucket", BUCKET)
            .put("format", "json")
            .put("frequency", "once")
            .put("from", now.minus(java.time.Duration.ofDays(61)).toString())
            .put("to", now.minus(java.time.Duration.ofDays(40)).toString());

    HttpResponse<String> refused = send("POST", "/api/exports", once);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(error(refused)).contains("a once export reaches at most 60 days back");
    assertThat(send("GET", "/api/exports/old", null).statusCode()).isEqualTo(404);
  }

  @Test
  void startedRunIsRecordedAndFinishes() throws Exception {
    send("POST", "/api/exports", settings());

    HttpResponse<String> started = send("POST", "/api/exports/nightly/runs", "");

    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    long runId = json(started).get("runId").asLong();
    JsonNode run = awaitEnd(runId);
    assertThat(run.get("integration").asText()).isEqualTo("nightly");
    assertThat(run.get("kind").asText()).isEqualTo("revision-export");
    assertThat(run.has("finishedAt")).isTrue();
    assertThat(run.has("progress")).isFalse();
    JsonNode runs = json(send("GET", "/api/exports/nightly/runs", null));
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).get("id").asLong()).isEqualTo(runId);
  }

  @Test
  void runningExportShowsProgressAndCannotBeStartedAgainOrDeleted() throws Exception {
    send("POST", "/api/exports", settings());
    gate = new CountDownLatch(1);
    long runId = json(send("POST", "/api/exports/nightly/runs", "")).get("runId").asLong();

    JsonNode running = json(send("GET", "/api/runs/" + runId, null));
    HttpResponse<String> again = send("POST", "/api/exports/nightly/runs", "");
    HttpResponse<String> delete = send("DELETE", "/api/exports/nightly", null);
    open();

    assertThat(running.get("status").asText()).isEqualTo("running");
    assertThat(running.at("/progress/revisionsPublished").asLong()).isZero();
    assertThat(running.at("/progress/revisionsTotal").isIntegralNumber()).isTrue();
    assertThat(running.at("/progress/unit").asText()).isEqualTo("revisions");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(error(again)).isEqualTo("Export 'nightly' is running (run " + runId + ")");
    assertThat(delete.statusCode()).isEqualTo(409);
    assertThat(awaitEnd(runId).get("status").asText()).isNotEqualTo("running");
    assertThat(send("DELETE", "/api/exports/nightly", null).statusCode()).isEqualTo(204);
  }

  @Test
  void unknownExportIsNotFoundEverywhere() throws Exception {
    for (String[] request :
        new String[][] {
          {"GET", "/api/exports/nope"},
          {"PUT", "/api/exports/nope"},
          {"DELETE", "/api/exports/nope"},
          {"POST", "/api/exports/nope/runs"},
          {"GET", "/api/exports/nope/runs"}
        }) {
      HttpResponse<String> answer =
          send(request[0], request[1], request[0].equals("PUT") ? settings() : null);
      assertThat(answer.statusCode()).as(request[0] + " " + request[1]).isEqualTo(404);
      assertThat(error(answer)).isEqualTo("No export named 'nope'");
    }
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

  private static ObjectNode settings() {
    return JSON.createObjectNode()
        .put("name", "nightly")
        .put("kind", "revisions")
        .put("bucket", BUCKET);
  }

  private HttpResponse<String> send(String method, String path, Object body) throws Exception {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(
                body instanceof String text ? text : JSON.writeValueAsString(body));
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

  private java.util.List<String> keys() {
    try (S3Client raw = raw()) {
      return raw.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream()
          .map(S3Object::key)
          .toList();
    }
  }

  private S3Client raw() {
    return RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey());
  }
}
