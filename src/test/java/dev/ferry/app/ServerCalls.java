package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

/** What the crash tests do to a server process: REST calls, run waits, data directory copies. */
final class ServerCalls {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ServerCalls() {}

  static HttpResponse<String> post(URI uri, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode get(URI uri) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
    return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  /** Starts a run; if the scheduler or the restart got there first, follows that run instead. */
  static long startRun(URI api, String collection, String name) throws Exception {
    HttpResponse<String> started =
        post(api.resolve("/api/" + collection + "/" + name + "/runs"), "");
    if (started.statusCode() == 202) {
      return JSON.readTree(started.body()).get("runId").asLong();
    }
    assertThat(started.statusCode()).as(started.body()).isEqualTo(409);
    return get(api.resolve("/api/runs?integration=" + name + "&limit=1")).get(0).get("id").asLong();
  }

  /** Waits for the end of integration {@code name}'s latest run, if one is under way. */
  static void awaitIdle(URI api, String name, Duration wait) throws Exception {
    JsonNode latest = get(api.resolve("/api/runs?integration=" + name + "&limit=1"));
    if (!latest.isEmpty()) {
      awaitEnd(api, latest.get(0).get("id").asLong(), wait);
    }
  }

  static void awaitEnd(URI api, long runId, Duration wait) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    while (get(api.resolve("/api/runs/" + runId)).get("status").asText().equals("running")) {
      assertThat(System.nanoTime()).as("run %d still running", runId).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** Copies a stopped server's data directory, without its lock file. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else if (!path.getFileName().toString().equals("ferry.lock")) {
          copyFile(path, target);
        }
      }
    }
  }

  private static void copyFile(Path path, Path target) {
    try {
      Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
