package dev.ferry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ServerStatus STATUS =
      new ServerStatus(
          "1.2.3",
          Instant.parse("2026-11-25T10:00:00Z"),
          Duration.ofSeconds(75),
          "/tmp/ferry-data",
          4096,
          "http://127.0.0.1:9000");

  private final HttpClient client = HttpClient.newHttpClient();
  private ApiServer server;

  @AfterEach
  void stop() {
    server.close();
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
    assertThat(body.get("uptime").asText()).isNotBlank();
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
    server = ApiServer.start("127.0.0.1", 0, token, status);
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
