package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Commands run in-process through {@link Main#run}, as the launcher runs them. */
class CommandLineTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString()).contains("server", "status", "import", "export", "policy", "check");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'s3:\n  prt: 9000\n'|Unknown configuration key 's3.prt' (in {file})",
        "'server:\n  port: http\n'|Invalid configuration server.port = 'http' (in {file}):"
            + " expected an integer",
        "'store:\n  revision-window: 10 minutes\n'|Invalid configuration store.revision-window ="
            + " '10 minutes' (in {file}): expected a duration such as 30s, 5m, 12h or 2d",
        "'store:\n  revision-max-records: 0\n'|Invalid configuration store.revision-max-records"
            + " = '0' (in {file}): must be between 1 and 1000000000",
        "'s3:\n  path-style: maybe\n'|Invalid configuration s3.path-style = 'maybe' (in {file}):"
            + " expected true or false",
        "'s3:\n  endpoint: ftp://example.com\n'|Invalid configuration s3.endpoint ="
            + " 'ftp://example.com' (in {file}): expected an http(s) URL",
      })
  void eachKindOfBadConfigurationFailsWithOneLine(String yaml, String message) throws IOException {
    Path file = dir.resolve("ferry.yaml");
    Files.writeString(file, yaml);

    int code =
        run("server", "--config", file.toString(), "--data-dir", dir.resolve("d").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("ferry: " + message.replace("{file}", file.toString()) + "\n");
    assertThat(dir.resolve("d")).doesNotExist();
  }

  @Test
  void badDeclaredExportStopsTheStartWithOneLine() throws IOException {
    Path file = dir.resolve("ferry.yaml");
    Files.writeString(file, "exports:\n  - name: nightly\n    kind: people\n    bucket: demo\n");

    int code =
        run(
            "server",
            "--config",
            file.toString(),
            "--data-dir",
            dir.resolve("d").toString(),
            "--port",
            "0",
            "--s3-port",
            "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "ferry: Invalid setting exports[0].kind = 'people': expected revisions or events\n");
    try (DataDirectory again = DataDirectory.lock(dir.resolve("d"))) {
      assertThat(again.root()).isEqualTo(dir.resolve("d").toAbsolutePath());
    }
  }

  @Test
  void missingConfigurationFileIsNamed() {
    int code = run("server", "--config", dir.resolve("nope.yaml").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("ferry: Configuration file " + dir.resolve("nope.yaml") + " does not exist\n");
  }

  @Test
  void badOptionValueIsNamed() {
    int code = run("server", "--data-dir", dir.toString(), "--s3-port", "-1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "ferry: Invalid configuration s3.port = '-1' (command line): must be between 0 and"
                + " 65535\n");
  }

  @Test
  void busyApiPortFailsWithOneLineAndStopsWhatStarted() throws IOException {
    try (ServerSocket busy = new ServerSocket(0)) {
      int port = busy.getLocalPort();
      String data = dir.resolve("data").toString();

      int code =
          run("server", "--data-dir", data, "--port", Integer.toString(port), "--s3-port", "0");

      assertThat(code).isEqualTo(1);
      assertThat(err.toString())
          .isEqualTo(
              "ferry: Failed to start the REST API: port "
                  + port
                  + " is in use; choose another with --port\n");
    }
    try (DataDirectory again = DataDirectory.lock(dir.resolve("data"))) {
      assertThat(again.root()).isEqualTo(dir.resolve("data").toAbsolutePath());
    }
  }

  @Test
  void policyPrintsExactlyTheActionsOfTheKind() throws IOException {
    assertThat(run("policy", "--bucket", "acme-exports", "--for", "export", "--prefix", "ferry/"))
        .isZero();

    JsonNode policy = new ObjectMapper().readTree(out.toString());
    List<String> actions = new ArrayList<>();
    policy.get("Statement").forEach(s -> s.get("Action").forEach(a -> actions.add(a.asText())));
    assertThat(actions)
        .containsExactlyInAnyOrder("s3:ListBucket", "s3:PutObject", "s3:AbortMultipartUpload");
    assertThat(out.toString()).contains("arn:aws:s3:::acme-exports/ferry/*");
  }

  @Test
  void unknownKindIsRefused() {
    assertThat(run("policy", "--bucket", "b", "--for", "backup")).isEqualTo(2);

    assertThat(err.toString()).contains("'backup' is not a kind of integration");
  }

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
