package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Talks to a running Ferry server's REST API and turns its errors into one clear line. */
final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Optional<String> token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ApiClient(URI base, Optional<String> token) {
    this.base = base;
    this.token = token;
  }

  /** GETs {@code path} and returns the JSON body. */
  JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  /** POSTs a JSON body (or none) and returns the JSON answer. */
  JsonNode post(String path, Object body) {
    return send(
        request(path).POST(publish(body)).header("Content-Type", "application/json").build());
  }

  /** PUTs a JSON body and returns the JSON answer. */
  JsonNode put(String path, Object body) {
    return send(
        request(path).PUT(publish(body)).header("Content-Type", "application/json").build());
  }

  void delete(String path) {
    send(request(path).DELETE().build());
  }

  private static HttpRequest.BodyPublisher publish(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot send " + body, e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5));
    token.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
    return builder.header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new CliException(
          "Failed to reach Ferry at "
              + base
              + ": connection refused (is `./ferry server` running?)");
    } catch (IOException e) {
      throw new CliException("Failed to reach Ferry at " + base + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("Interrupted while calling " + request.uri());
    }
    return body(request, response);
  }

  private static JsonNode body(HttpRequest request, HttpResponse<String> response) {
    JsonNode body =
        response.body().isEmpty() ? JSON.createObjectNode() : parse(request, response.body());
    if (response.statusCode() >= 300) {
      String error = body.path("error").asText("HTTP " + response.statusCode());
      throw new CliException(request.method() + " " + request.uri().getPath() + ": " + error);
    }
    return body;
  }

  private static JsonNode parse(HttpRequest request, String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CliException("Failed to read the answer to " + request.uri() + ": not JSON");
    }
  }

  static String pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
