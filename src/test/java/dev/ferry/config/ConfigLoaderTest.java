package dev.ferry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsMatchTheDocumentedOnes() {
    FerryConfig config = ConfigLoader.load(Optional.empty(), Map.of());

    assertThat(config.server().host()).isEqualTo("127.0.0.1");
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.server().dataDir()).isEqualTo(Path.of("ferry-data"));
    assertThat(config.server().authToken()).isEmpty();
    assertThat(config.s3().port()).isEqualTo(9000);
    assertThat(config.s3().embedded()).isTrue();
    assertThat(config.s3().region()).isEqualTo("us-east-1");
    assertThat(config.s3().pathStyle()).isTrue();
    assertThat(config.store().revisionWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.store().revisionMaxRecords()).isEqualTo(1_000_000);
    assertThat(config.ingest().batchRecords()).isEqualTo(100_000);
    assertThat(config.imports()).isEmpty();
    assertThat(config.exports()).isEmpty();
    assertThat(config.tables()).isEmpty();
  }

  @Test
  void everyKeyMapsFromTheFile() throws IOException {
    Path file =
        write(
            """
            server:
              host: 0.0.0.0
              port: 8181
              data-dir: /var/lib/ferry
              auth-token: t0ken-value
            s3:
              port: 9100
              endpoint: https://s3.eu-west-1.amazonaws.com
              region: eu-west-1
              path-style: false
              access-key: AKIAEXAMPLE
              secret-key: s3cr3t-value
              role-arn: arn:aws:iam::123456789012:role/ferry
              external-id: ext-id-value
            store:
              revision-window: 10m
              revision-max-records: 5000
              database-id: eu-1
            ingest:
              batch-records: 2500
            imports:
              - name: accounts
                bucket: acme
                files-per-run: 3
            exports:
              - name: revisions
                kind: revisions
                bucket: acme-exports
                cutoff: closed
            """);

    FerryConfig config = ConfigLoader.load(Optional.of(file), Map.of());

    assertThat(config.server())
        .isEqualTo(
            new FerryConfig.Server(
                "0.0.0.0", 8181, Path.of("/var/lib/ferry"), Optional.of("t0ken-value")));
    assertThat(config.s3())
        .isEqualTo(
            new FerryConfig.S3(
                9100,
                Optional.of(URI.create("https://s3.eu-west-1.amazonaws.com")),
                "eu-west-1",
                false,
                Optional.of("AKIAEXAMPLE"),
                Optional.of("s3cr3t-value"),
                Optional.of("arn:aws:iam::123456789012:role/ferry"),
                Optional.of("ext-id-value")));
    assertThat(config.store())
        .isEqualTo(new FerryConfig.Store(Duration.ofMinutes(10), 5000, "eu-1"));
    assertThat(config.ingest()).isEqualTo(new FerryConfig.Ingest(2500));
    assertThat(config.imports())
        .containsExactly(Map.of("name", "accounts", "bucket", "acme", "files-per-run", 3));
    assertThat(config.exports())
        .containsExactly(
            Map.of(
                "name",
                "revisions",
                "kind",
                "revisions",
                "bucket",
                "acme-exports",
                "cutoff",
                "closed"));
    assertThat(config.describe()).contains("imports=1 declared", "exports=1 declared");
    assertThat(ConfigKeys.ALL).hasSize(16);
  }

  @Test
  void importsMustBeAListOfMappings() throws IOException {
    Path file = write("imports:\n  name: accounts\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid configuration imports (in " + file + "): expected a list");
  }

  @Test
  void tablesAreReadAsAListOfSettingsMaps() throws IOException {
    Path file =
        write(
            """
            tables:
              - name: crm
                bucket: analytics
                start-date: 2026-01-01
                tables:
                  - table: customers
                    search-pattern: customers.*\\.csv
                    primary-key: [id]
            """);

    FerryConfig config = ConfigLoader.load(Optional.of(file), Map.of());

    assertThat(config.tables()).hasSize(1);
    assertThat(config.tables().get(0))
        .containsEntry("name", "crm")
        .containsEntry("start-date", "2026-01-01")
        .containsEntry(
            "tables",
            java.util.List.of(
                Map.of(
                    "table",
                    "customers",
                    "search-pattern",
                    "customers.*\\.csv",
                    "primary-key",
                    java.util.List.of("id"))));
    assertThat(config.describe()).contains("tables=1 declared");
  }

  @Test
  void tablesMustBeAListOfMappings() throws IOException {
    Path list = write("tables:\n  name: crm\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(list), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid configuration tables (in " + list + "): expected a list");
  }

  @Test
  void exportsMustBeAListOfMappings() throws IOException {
    Path list = write("exports:\n  name: revisions\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(list), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid configuration exports (in " + list + "): expected a list");

    Path entry = write("exports:\n  - revisions\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(entry), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid configuration exports[0] (in " + entry + "): expected a mapping");
  }

  @Test
  void commandLineWinsOverTheFile() throws IOException {
    Path file = write("server:\n  port: 8181\n");

    FerryConfig config = ConfigLoader.load(Optional.of(file), Map.of("server.port", "8282"));

    assertThat(config.server().port()).isEqualTo(8282);
  }

  @Test
  void unknownKeyIsNamed() throws IOException {
    Path file = write("server:\n  prot: 8181\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Unknown configuration key 'server.prot' (in " + file + ")");
  }

  @Test
  void wrongTypeNamesKeyAndValue() throws IOException {
    Path file = write("server:\n  port: eighty\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid configuration server.port = 'eighty' (in " + file + "): expected an integer");
  }

  @Test
  void outOfRangeNamesKeyValueAndBounds() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("s3.port", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid configuration s3.port = '70000' (command line): must be between 0 and 65535");
  }

  @Test
  void durationsAcceptUnitsAndIso() {
    assertThat(window("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(window("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(window("PT15M")).isEqualTo(Duration.ofMinutes(15));
    assertThatThrownBy(() -> window("0s"))
        .hasMessageContaining("store.revision-window = '0s'")
        .hasMessageContaining("must be between 1s and 604800s");
    assertThatThrownBy(() -> window("soon")).hasMessageContaining("expected a duration");
  }

  @Test
  void exposedHostWithoutTokenIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("server.host", "0.0.0.0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.host = '0.0.0.0'")
        .hasMessageContaining("requires server.auth-token");
  }

  @Test
  void secretsAreMaskedEverywhereTheyAreShown() {
    FerryConfig config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(
                "s3.access-key", "AKIAEXAMPLE",
                "s3.secret-key", "s3cr3t-value",
                "s3.external-id", "ext-id-value",
                "server.auth-token", "t0ken-value"));

    assertThat(config.describe())
        .contains("s3.secret-key=****", "s3.access-key=AKIAEXAMPLE")
        .doesNotContain("s3cr3t-value", "ext-id-value", "t0ken-value");
    assertThat(config.toString()).doesNotContain("s3cr3t-value", "ext-id-value", "t0ken-value");
    assertThat(config.s3().toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void badSecretValueIsNotEchoed() {
    assertThatThrownBy(
            () -> ConfigLoader.load(Optional.empty(), Map.of("nonsense.secret-key", "abc")))
        .hasMessageContaining("nonsense.secret-key");
  }

  @Test
  void malformedYamlIsOneClearLine() throws IOException {
    Path file = write("server: [unclosed\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Failed to read configuration " + file);
  }

  private Duration window(String text) {
    return ConfigLoader.load(Optional.empty(), Map.of("store.revision-window", text))
        .store()
        .revisionWindow();
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("ferry.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
