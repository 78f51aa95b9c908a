package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A server importing a multi-batch file is killed with kill -9 at a named point, then restarted;
 * the store and the bucket must end exactly as after an uninterrupted run: no record twice, none
 * missing, every file where it belongs.
 */
class ImportCrashTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Outcome uninterrupted;

  @TempDir Path work;

  /** What an import left behind: records (without receive times) and the bucket's files. */
  record Outcome(List<String> records, Map<String, String> bucket) {}

  @BeforeAll
  static void runWithoutCrash(@TempDir Path reference) throws Exception {
    uninterrupted = new ImportCrashTest().importKilledAt(reference, null);
    assertThat(uninterrupted.records()).hasSize(17);
    assertThat(uninterrupted.bucket()).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "run-started",
        "row-read:4",
        "before-commit:1",
        "mid-transaction:1",
        "after-commit:1",
        "mid-transaction:3",
        "after-commit:3",
        "before-move:1",
        "after-report-file:1",
        "after-copy:1",
        "after-delete:1",
        "after-moved:1",
        "before-commit:6",
        "before-run-finish:1"
      })
  void endsAsAnUninterruptedRun(String point) throws Exception {
    assertThat(importKilledAt(work, point)).isEqualTo(uninterrupted);
  }

  @org.junit.jupiter.api.Test
  void restartedServerResumesTheInterruptedImportByItself() throws Exception {
    assertThat(importKilledAt(work, "after-commit:2", Recovery.SERVER_ALONE))
        .isEqualTo(uninterrupted);
  }

  /** After the restart: the test starts runs until the files are gone, or only waits. */
  private enum Recovery {
    TEST_STARTS_RUNS,
    SERVER_ALONE
  }

  private Outcome importKilledAt(Path dir, String point) throws Exception {
    return importKilledAt(dir, point, Recovery.TEST_STARTS_RUNS);
  }

  private Outcome importKilledAt(Path dir, String point, Recovery recovery) throws Exception {
    Files.writeString(
        dir.resolve("ferry.yaml"), "server:\n  data-dir: data\ningest:\n  batch-records: 3\n");
    if (point != null) {
      try (FerryProcess server = start(dir, List.of("-Dferry.crash-at=" + point))) {
        RunningServer running = RunningServer.awaitStart(server);
        prepare(running);
        startRun(running.api());
        server.awaitLine(line -> line.equals("CRASHPOINT " + point.split(":")[0]), WAIT);
        server.kill9();
      }
    }
    Map<String, String> bucket;
    try (FerryProcess server = start(dir, List.of())) {
      RunningServer running = RunningServer.awaitStart(server);
      if (point == null) {
        prepare(running);
      }
      try (S3Client s3 = running.rawS3()) {
        if (recovery == Recovery.SERVER_ALONE) {
          awaitNoIncoming(s3);
          awaitEnd(running.api(), latestRun(running.api()));
        }
        for (int run = 0; run < 6 && hasIncoming(s3); run++) {
          awaitEnd(running.api(), startRun(running.api()));
        }
        bucket = contents(s3);
      }
    }
    return new Outcome(records(dir.resolve("data/ferry.duckdb")), bucket);
  }

  private static FerryProcess start(Path dir, List<String> jvmOptions) {
    return FerryProcess.start(dir, Map.of(), jvmOptions, "server", "--port", "0", "--s3-port", "0");
  }

  private static void prepare(RunningServer running) throws Exception {
    try (S3Client s3 = running.rawS3()) {
      s3.createBucket(b -> b.bucket("demo"));
      s3.putObject(
          b -> b.bucket("demo").key("in/accounts_1.csv"), RequestBody.fromString(firstFile()));
      s3.putObject(
          b -> b.bucket("demo").key("in/accounts_2.csv.gz"), RequestBody.fromBytes(secondFile()));
    }
    String settings =
        "{\"name\":\"accounts\",\"bucket\":\"demo\",\"folder\":\"in\","
            + "\"base-filename\":\"accounts.csv\",\"files-per-run\":5}";
    HttpResponse<String> created = post(running.api().resolve("/api/imports"), settings);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static String firstFile() {
    StringBuilder csv = new StringBuilder("Identity,Timestamp,Event,Alias,Note\n");
    for (int i = 1; i <= 12; i++) {
      String identity = i == 7 ? "" : "user" + i;
      String alias = i == 5 ? "user5@example.com" : "";
      csv.append(identity).append(',').append(1_700_000_000 + i).append(",Visited,");
      csv.append(alias).append(",\"note ").append(i).append(",\nsecond line é\"\n");
    }
    return csv.toString();
  }

  private static byte[] secondFile() throws IOException {
    StringBuilder csv = new StringBuilder("Person,Time,Prop:Plan\n");
    for (int i = 1; i <= 5; i++) {
      csv.append("payer")
          .append(i)
          .append(',')
          .append(1_700_100_000 + i)
          .append(",plan")
          .append(i)
          .append('\n');
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** Starts a run; if the scheduler got there first, follows that run instead. */
  private static long startRun(URI api) throws Exception {
    HttpResponse<String> started = post(api.resolve("/api/imports/accounts/runs"), "");
    if (started.statusCode() == 202) {
      return JSON.readTree(started.body()).get("runId").asLong();
    }
    assertThat(started.statusCode()).as(started.body()).isEqualTo(409);
    return latestRun(api);
  }

  private static long latestRun(URI api) throws Exception {
    return get(api.resolve("/api/runs?integration=accounts&limit=1")).get(0).get("id").asLong();
  }

  private static void awaitNoIncoming(S3Client s3) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (hasIncoming(s3)) {
      assertThat(System.nanoTime()).as("files still waiting in in/").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static void awaitEnd(URI api, long runId) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (get(api.resolve("/api/runs/" + runId)).get("status").asText().equals("running")) {
      assertThat(System.nanoTime()).as("run %d still running", runId).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static boolean hasIncoming(S3Client s3) {
    return !s3.listObjectsV2(b -> b.bucket("demo").prefix("in/")).contents().isEmpty();
  }

  private static Map<String, String> contents(S3Client s3) {
    Map<String, String> contents = new TreeMap<>();
    for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket("demo")).contents()) {
      byte[] bytes = s3.getObjectAsBytes(b -> b.bucket("demo").key(object.key())).asByteArray();
      contents.put(
          object.key(),
          object.key().endsWith(".gz")
              ? "gzip " + bytes.length
              : new String(bytes, StandardCharsets.UTF_8));
    }
    return contents;
  }

  private static List<String> records(Path database) throws SQLException {
    List<String> records = new ArrayList<>();
    String sql =
        "SELECT kind, identity, coalesce(event_name, ''), coalesce(second_identity, ''),"
            + " epoch_ms(ts), coalesce(CAST(properties AS VARCHAR), ''), source_key, source_line"
            + " FROM records ORDER BY sequence";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        List<String> fields = new ArrayList<>();
        for (int column = 1; column <= 8; column++) {
          fields.add(result.getString(column));
        }
        records.add(String.join("|", fields));
      }
    }
    return records;
  }

  private static HttpResponse<String> post(URI uri, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode get(URI uri) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
    return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }
}
