package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.config.ConfigLoader;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.duckdb.DuckDbStore;
import dev.ferry.tables.TableService;
import dev.ferry.testing.RawS3;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A server started in-process from a {@code ferry.yaml} with a table integration, and {@code ferry
 * tables ...} run against it through {@link Main#run}, as the launcher runs it.
 */
class TablesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private FerryServer server;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    Path config = dir.resolve("ferry.yaml");
    Files.writeString(
        config,
        """
        tables:
          - name: crm
            bucket: analytics
            start-date: 2020-01-01
            every: 1h
            tables:
              - table: customers
                search-prefix: crm/
                search-pattern: customers.*\\.csv
                primary-key: [id]
        """);
    server = startServer();
    EmbeddedS3 s3 = server.embeddedS3().orElseThrow();
    try (S3Client raw = RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey())) {
      raw.createBucket(b -> b.bucket("analytics"));
    }
    awaitFirstRunOf("crm");
    try (S3Client raw = RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey())) {
      raw.putObject(
          b -> b.bucket("analytics").key("crm/customers-1.csv"),
          RequestBody.fromString("id,name\n1,Ann\n2,Bob\n1,Ann Lee\n"));
    }
  }

  private FerryServer startServer() {
    return FerryServer.start(
        ConfigLoader.load(
            Optional.of(dir.resolve("ferry.yaml")),
            Map.of(
                "server.data-dir", dir.resolve("data").toString(),
                "server.port", "0",
                "s3.port", "0")),
        Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aDeclaredIntegrationRunsAndItsRowsAreShown() throws Exception {
    assertThat(cli("tables", "list")).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("crm +analytics +1h +customers");

    assertThat(cli("tables", "run", "crm", "--wait")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Run ", " of crm: succeeded")
        .contains("customers: files 1 considered, 1 loaded, 0 skipped, 0 failed")
        .contains("rows 3 read, 2 inserted");

    assertThat(cli("tables", "rows", "crm", "customers")).as(err.toString()).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines[0]).startsWith("id\tname\t_ferry_source_key");
    assertThat(lines).hasSize(3);
    assertThat(out.toString()).contains("1\tAnn Lee\tcrm/customers-1.csv", "2\tBob\t");

    assertThat(cli("tables", "rows", "crm", "customers", "--limit", "1", "--json")).isZero();
    assertThat(JSON.readTree(out.toString())).hasSize(1);
  }

  @Test
  void createDiscoverShowAndDeleteFromTheCommandLine() throws Exception {
    int created =
        cli(
            "tables",
            "create",
            "--name",
            "people",
            "--bucket",
            "analytics",
            "--start-date",
            "2026-01-01",
            "--table",
            "People",
            "--search-pattern",
            "^crm/customers",
            "--primary-key",
            "id");
    assertThat(created).as(err.toString()).isZero();
    JsonNode settings = JSON.readTree(out.toString());
    assertThat(settings.at("/tables/0/table").asText()).isEqualTo("people");

    assertThat(cli("tables", "discover", "people")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("people (1 files read)")
        .containsPattern("id +string +primary key")
        .containsPattern("name +string");

    assertThat(cli("tables", "show", "people")).isZero();
    assertThat(JSON.readTree(out.toString()).get("start-date").asText())
        .isEqualTo("2026-01-01T00:00:00Z");

    assertThat(cli("tables", "delete", "people")).isZero();
    assertThat(cli("tables", "show", "people")).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("ferry: GET /api/tables/people: No table integration named 'people'\n");
  }

  @Test
  void aPatternThatMatchesNothingIsRefusedInOneLine() {
    int refused =
        cli(
            "tables",
            "create",
            "--name",
            "orders",
            "--bucket",
            "analytics",
            "--start-date",
            "2026-01-01",
            "--table",
            "orders",
            "--search-pattern",
            "orders.*");

    assertThat(refused).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "ferry: POST /api/tables: Invalid setting tables[0].search-pattern = 'orders.*': no"
                + " file under s3://analytics/ matches it\n");
  }

  @Test
  void aSyncCutOffByAStopStartsAgainAtTheNextStart() throws Exception {
    server.close();
    long interrupted;
    try (DuckDbStore store =
        DuckDbStore.open(
            dir.resolve("data").resolve(FerryServer.STORE_FILE),
            Clock.systemUTC(),
            RevisionPolicy.DEFAULT)) {
      interrupted = store.runs().start("crm", TableService.RUN_KIND);
    }

    server = startServer();

    awaitFirstRunOf("crm");
    assertThat(cli("runs", "crm", "--json")).as(err.toString()).isZero();
    JsonNode runs = JSON.readTree(out.toString());
    assertThat(runs.get(0).get("id").asLong()).isGreaterThan(interrupted);
    assertThat(runs.get(0).get("status").asText()).isEqualTo("succeeded");
    assertThat(runs.get(0).at("/details/tables/0/filesLoaded").asLong()).isEqualTo(1);
    JsonNode cutOff = runs.get(1);
    assertThat(cutOff.get("id").asLong()).isEqualTo(interrupted);
    assertThat(cutOff.get("status").asText()).isEqualTo("failed");
    assertThat(cutOff.get("errors").get(0).asText()).startsWith("Interrupted");
  }

  /**
   * The scheduler starts a declared integration that never ran at once; waits for that run to start
   * and end before the test puts its files, so the run the test starts is the one that loads them.
   */
  private void awaitFirstRunOf(String name) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.apiUrl() + "/api/runs?integration=" + name))
            .build();
    while (true) {
      String runs =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
      if (runs.contains("\"id\"") && !runs.contains("\"running\"")) {
        return;
      }
      Thread.sleep(50);
    }
  }

  /** Runs one command line against the server; its output replaces the previous one's. */
  private int cli(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    String[] withUrl =
        Stream.concat(Stream.of(args), Stream.of("--url", server.apiUrl())).toArray(String[]::new);
    return Main.run(withUrl, new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
