package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@code ferry server} run as a user runs it: in its own JVM, stopped with kill -9. */
class ServerProcessTest {
  private static final Duration EXIT = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void embeddedS3AndStoreSurviveKill9() throws Exception {
    byte[] content =
        "identity,timestamp,event\nann,1700000000,Signed Up\n".getBytes(StandardCharsets.UTF_8);
    RunningServer first;
    try (FerryProcess server = startServer()) {
      first = RunningServer.awaitStart(server);
      try (S3Client s3 = first.rawS3()) {
        s3.createBucket(b -> b.bucket("demo"));
        s3.putObject(b -> b.bucket("demo").key("in/events.csv"), RequestBody.fromBytes(content));
        assertThat(keys(s3)).containsExactly("in/events.csv");
      }
      assertThat(postRecords(first.api())).isEqualTo(201);
      server.kill9();
      assertThat(server.err()).noneMatch(line -> line.contains(first.secretKey()));
    }

    try (FerryProcess server = startServer()) {
      RunningServer second = RunningServer.awaitStart(server);
      assertThat(second.accessKey()).isEqualTo(first.accessKey());
      try (S3Client s3 = second.rawS3()) {
        assertThat(keys(s3)).containsExactly("in/events.csv");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("demo").key("in/events.csv")).asByteArray())
            .isEqualTo(content);
      }
      String status = status(second.api());
      assertThat(status)
          .contains("Data directory: " + dataDir().toRealPath())
          .contains("Store size:");
    }

    assertThat(storedIdentities()).containsExactly("ann", "ann", "bob");
    assertThat(Files.getPosixFilePermissions(dataDir().resolve(EmbeddedS3Keys.FILE)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void secondServerOnTheSameDataDirectoryExitsWithOneLine() throws Exception {
    try (FerryProcess first = startServer()) {
      RunningServer.awaitStart(first);
      try (FerryProcess second = startServer()) {
        assertThat(second.awaitExit(EXIT)).isEqualTo(1);
        assertThat(second.err())
            .containsExactly(
                "ferry: Data directory "
                    + dataDir().toRealPath()
                    + " is in use by another Ferry server; stop it or use --data-dir");
      }
    }
  }

  @Test
  void badConfigurationExitsNonZeroNamingKeyAndValue() throws Exception {
    Path config = work.resolve("ferry.yaml");
    Files.writeString(config, "server:\n  port: 99999\n");

    try (FerryProcess server = FerryProcess.start(work, Map.of(), "server")) {
      assertThat(server.awaitExit(EXIT)).isEqualTo(2);
      assertThat(server.err())
          .containsExactly(
              "ferry: Invalid configuration server.port = '99999' (in ferry.yaml): must be"
                  + " between 0 and 65535");
    }
  }

  private FerryProcess startServer() {
    return FerryProcess.start(
        work, Map.of(), "server", "--data-dir", "data", "--port", "0", "--s3-port", "0");
  }

  private Path dataDir() {
    return work.resolve("data");
  }

  private static List<String> keys(S3Client s3) {
    return s3.listObjectsV2(b -> b.bucket("demo")).contents().stream().map(S3Object::key).toList();
  }

  private static int postRecords(URI api) throws IOException, InterruptedException {
    String body =
        "[{\"_p\":\"ann\",\"_t\":1700000000,\"_n\":\"Signed Up\"},"
            + "{\"_p\":\"ann\",\"_t\":1700000001,\"plan\":\"pro\"},"
            + "{\"_p\":\"bob\",\"_t\":1700000002,\"_n\":\"Visited\"}]";
    HttpRequest request =
        HttpRequest.newBuilder(api.resolve("/api/records"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static String status(URI api) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"status", "--url", api.toString()},
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).as("status exit code; stderr: %s", err).isZero();
    return out.toString();
  }

  private List<String> storedIdentities() throws SQLException {
    String url = "jdbc:duckdb:" + dataDir().resolve(FerryServer.STORE_FILE);
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT identity FROM records ORDER BY sequence")) {
      List<String> identities = new java.util.ArrayList<>();
      while (result.next()) {
        identities.add(result.getString(1));
      }
      return identities;
    }
  }
}
