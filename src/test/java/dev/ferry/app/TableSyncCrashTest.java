package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A server syncing a table integration (SPEC §3) is killed with kill -9 at a named point, then
 * restarted: the table must end as after an uninterrupted sync of the same files. Both start from
 * copies of one data directory whose embedded S3 holds the files; the table is read from the store
 * file with plain SQL after the server stopped.
 */
class TableSyncCrashTest {
  private static final String BUCKET = "incoming";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static Path seed;
  private static List<String> uninterrupted;

  @TempDir Path work;

  @BeforeAll
  static void seedAndSyncWithoutCrash(@TempDir Path seedDir, @TempDir Path reference)
      throws Exception {
    seed = seedDir;
    Files.writeString(seed.resolve("ferry.yaml"), "server:\n  data-dir: data\n");
    try (FerryProcess server = ExportKill.start(seed, List.of())) {
      RunningServer running = RunningServer.awaitStart(server);
      try (S3Client s3 = running.rawS3()) {
        s3.createBucket(b -> b.bucket(BUCKET));
        for (int file = 1; file <= 3; file++) {
          String body = csv(file);
          String key = "customers-" + file + ".csv";
          s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body));
        }
      }
    }
    uninterrupted = syncKilledAt(reference, null);
    assertThat(uninterrupted).hasSize(100 + 150);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "table-sync-mid-file:1",
        "table-sync-mid-file:2",
        "table-sync-before-commit:2",
        "table-sync-after-commit:1"
      })
  void endsAsAnUninterruptedSync(String point) throws Exception {
    assertThat(syncKilledAt(work, point)).isEqualTo(uninterrupted);
  }

  private static List<String> syncKilledAt(Path dir, String point) throws Exception {
    ServerCalls.copy(seed, dir);
    if (point != null) {
      try (FerryProcess server = ExportKill.start(dir, List.of("-Dferry.crash-at=" + point))) {
        RunningServer running = RunningServer.awaitStart(server);
        create(running.api());
        ServerCalls.startRun(running.api(), "tables", "shop");
        server.awaitLine(line -> line.equals("CRASHPOINT " + point.split(":")[0]), WAIT);
        server.kill9();
      }
    }
    try (FerryProcess server = ExportKill.start(dir, List.of())) {
      RunningServer running = RunningServer.awaitStart(server);
      if (point == null) {
        create(running.api());
      } else {
        ServerCalls.awaitIdle(running.api(), "shop", WAIT);
      }
      ServerCalls.awaitEnd(
          running.api(), ServerCalls.startRun(running.api(), "tables", "shop"), WAIT);
    }
    return table(dir.resolve("data/ferry.duckdb"));
  }

  /** 50 customers a file; each file updates 25 customers of the one before and adds 25. */
  private static String csv(int file) {
    StringBuilder csv = new StringBuilder("id,name,city\n");
    for (int i = 25 * (file - 1); i < 25 * (file - 1) + 50; i++) {
      csv.append(i).append(",name ").append(i).append(" v").append(file).append(",city ");
      csv.append(i % 7).append('\n');
    }
    return csv.toString();
  }

  private static void create(URI api) throws Exception {
    String settings =
        "{\"name\":\"shop\",\"bucket\":\""
            + BUCKET
            + "\",\"start-date\":\"2020-01-01\",\"tables\":[{\"table\":\"customers\","
            + "\"search-pattern\":\"^customers-.*\\\\.csv$\",\"primary-key\":[\"id\"]},"
            + "{\"table\":\"visits\",\"search-pattern\":\"^customers-.*\\\\.csv$\"}]}";
    HttpResponse<String> created = ServerCalls.post(api.resolve("/api/tables"), settings);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  /** Both tables' rows, loaded-at left out, sorted. */
  private static List<String> table(Path database) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
        Statement statement = connection.createStatement()) {
      for (String table : List.of("customers", "visits")) {
        try (ResultSet result =
            statement.executeQuery(
                "SELECT * EXCLUDE (_ferry_loaded_at) FROM t_shop." + table + " ORDER BY ALL")) {
          int width = result.getMetaData().getColumnCount();
          while (result.next()) {
            StringBuilder row = new StringBuilder(table);
            for (int i = 1; i <= width; i++) {
              row.append('|').append(result.getString(i));
            }
            rows.add(row.toString());
          }
        }
      }
    }
    return rows;
  }
}
