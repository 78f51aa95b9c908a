package dev.ferry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.duckdb.DuckDbStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ServerStatus STATUS =
      new ServerStatus(
          "1.2.3",
          Instant.parse("2026-11-25T10:00:00Z"),
          75,
          "/tmp/ferry-data",
          4096,
          "http://127.0.0.1:9000");

  private final HttpClient client = HttpClient.newHttpClient();
  @TempDir Path dir;
  private DuckDbStore store;
  private ApiServer server;
  private ApiServer.Jobs jobs;

  @BeforeEach
  void openStore() {
    store =
        DuckDbStore.open(dir.resolve("ferry.duckdb"), Clock.systemUTC(), RevisionPolicy.DEFAULT);
  }

  @AfterEach
  void stop() {
    server.close();
    TestJobs.close(jobs);
    store.close();
  }

  @Test
  void postedRecordsAreStoredInReceiveOrder() throws Exception {
    start(Optional.empty(), () -> STATUS);

    HttpResponse<String> response =
        post(
            """
            [{"_p":"ann","_t":1700000000,"_n":"Signed Up","plan":"pro","seats":3},
             {"_p":"ann","_t":1700000001.5,"_p2":"ann@example.com"},
             {"_p":"bob","_t":1700000002,"city":"Zürich","vip":true,"none":null}]
            """);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(json(response).get("stored").asInt()).isEqualTo(3);
    assertThat(rows())
        .containsExactly(
            "event|ann|Signed Up|2023-11-14T22:13:20Z|{\"plan\":\"pro\",\"seats\":\"3\"}",
            "alias|ann|null|2023-11-14T22:13:21.500Z|null",
            "properties|bob|null|2023-11-14T22:13:22Z|{\"city\":\"Zürich\",\"vip\":\"true\"}");
  }

  @Test
  void oneInvalidRecordRejectsTheRequestNamingIt() throws Exception {
    start(Optional.empty(), () -> STATUS);

    HttpResponse<String> response =
        post("[{\"_p\":\"ann\",\"_t\":1,\"_n\":\"A\"},{\"_t\":2,\"_n\":\"B\"}]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText())
        .isEqualTo("Record 1: missing _p (identity) as a string");
    assertThat(rows()).isEmpty();
  }

  private List<String> rows() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT kind, identity, event_name, ts, properties FROM records ORDER BY sequence")) {
      while (result.next()) {
        rows.add(
            result.getString(1)
                + "|"
                + result.getString(2)
                + "|"
                + result.getString(3)
                + "|"
                + result.getTimestamp(4).toLocalDateTime().toInstant(ZoneOffset.UTC)
                + "|"
                + result.getString(5));
      }
    }
    return rows;
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/records"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAnswersOk() throws Exception {
    start(Optional.empty(), () -> STATUS);

    HttpResponse<String> response = get("/health", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void versionNamesTheBuild() throws Exception {
    start(Optional.empty(), () -> STATUS);

    JsonNode body = json(get("/api/version", Optional.empty()));

    assertThat(body.get("name").asText()).isEqualTo("ferry");
    assertThat(body.get("version").asText()).isEqualTo("1.2.3");
  }

  @Test
  void statusReportsUptimeDataDirAndStoreSize() throws Exception {
    start(Optional.empty(), () -> STATUS);

    JsonNode body = json(get("/api/status", Optional.empty()));

    assertThat(body.get("dataDir").asText()).isEqualTo("/tmp/ferry-data");
    assertThat(body.get("storeSizeBytes").asLong()).isEqualTo(4096);
    assertThat(body.get("uptimeSeconds").asLong()).isEqualTo(75);
    assertThat(body.get("startedAt").asText()).isEqualTo("2026-11-25T10:00:00Z");
  }

  @Test
  void unknownPathIsJson404() throws Exception {
    start(Optional.empty(), () -> STATUS);

    HttpResponse<String> response = get("/api/nothing-here", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").asText()).isEqualTo("Not found: GET /api/nothing-here");
  }

  @Test
  void internalErrorsHideTheirDetails() throws Exception {
    start(
        Optional.empty(),
        () -> {
          throw new IllegalStateException("secret-key=abc123 leaked");
        });

    HttpResponse<String> response = get("/api/status", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response).get("error").asText()).startsWith("Internal error (id ");
    assertThat(response.body()).doesNotContain("abc123");
  }

  @Test
  void tokenIsRequiredOnApiWhenConfigured() throws Exception {
    start(Optional.of("t0ken"), () -> STATUS);

    assertThat(get("/api/version", Optional.empty()).statusCode()).isEqualTo(401);
    assertThat(get("/api/version", Optional.of("wrong")).statusCode()).isEqualTo(401);
    assertThat(get("/api/version", Optional.of("t0ken")).statusCode()).isEqualTo(200);
    assertThat(get("/health", Optional.empty()).statusCode()).isEqualTo(200);
  }

  private void start(Optional<String> token, Supplier<ServerStatus> status) {
    jobs =
        TestJobs.over(
            store,
            connection -> {
              throw new IllegalStateException("no S3 in this test");
            },
            dir.resolve("spool"));
    server = ApiServer.start("127.0.0.1", 0, token, status, jobs);
  }

  private HttpResponse<String> get(String path, Optional<String> token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return JSON.readTree(response.body());
  }
}
