package dev.ferry.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.event.Event;
import dev.ferry.event.SetProperties;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Source;
import dev.ferry.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB-specific behaviour, checked through plain JDBC where it matters. */
class DuckDbStoreTest {
  private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(START);

  private Path file() {
    return directory.resolve("data/ferry.duckdb");
  }

  private DuckDbStore open() {
    return DuckDbStore.open(file(), clock, RevisionPolicy.DEFAULT);
  }

  private Connection plainJdbc() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + file());
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      var rows = new ArrayList<String>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        var row = new StringBuilder(String.valueOf(result.getObject(1)));
        for (int i = 2; i <= columns; i++) {
          row.append('|').append(result.getObject(i));
        }
        rows.add(row.toString());
      }
      return rows;
    }
  }

  @Test
  void writesRecordsAnIndependentReaderUnderstands() throws SQLException {
    try (var store = open()) {
      clock.set(Instant.parse("2024-03-01T10:00:02.5Z"));
      store
          .records()
          .append(
              List.of(
                  new Event(
                      "jöhn",
                      Instant.parse("2009-02-13T23:31:30.123Z"),
                      "Visited Site",
                      Map.of("url", "http://x/ä")),
                  new SetProperties("jöhn", START, Map.of("plan", "pro"))),
              new Source("imports", "run-9", "in/a.csv", 17));
    }
    try (var connection = plainJdbc()) {
      assertThat(
              rows(
                  connection,
                  "SELECT sequence, kind, identity, event_name, CAST(ts AS VARCHAR),"
                      + " properties->>'$.url', properties->>'$.plan',"
                      + " CAST(received_at AS VARCHAR), revision, source_integration,"
                      + " source_run, source_key, source_line FROM records ORDER BY sequence"))
          .containsExactly(
              "1|event|jöhn|Visited Site|2009-02-13 23:31:30.123|http://x/ä|null"
                  + "|2024-03-01 10:00:02.5|1|imports|run-9|in/a.csv|17",
              "2|properties|jöhn|null|2024-03-01 10:00:00|null|pro"
                  + "|2024-03-01 10:00:02.5|1|imports|run-9|in/a.csv|17");
      assertThat(rows(connection, "SELECT number, first_sequence, last_sequence FROM revisions"))
          .containsExactly("1|1|2");
    }
  }

  @Test
  void batchFilesLeftByAKilledProcessAreRemovedAtOpen() throws IOException {
    Files.createDirectories(file().getParent());
    Path stale = file().resolveSibling(file().getFileName() + ".batch-3.tmp");
    Path unrelated = file().resolveSibling("notes.tmp");
    Files.writeString(stale, "half a batch");
    Files.writeString(unrelated, "keep");

    open().close();

    assertThat(stale).doesNotExist();
    assertThat(unrelated).exists();
  }

  @Test
  void migrationsApplyOnce() throws SQLException {
    open().close();
    open().close();
    try (var connection = plainJdbc()) {
      assertThat(rows(connection, "SELECT version, name FROM schema_version ORDER BY version"))
          .containsExactly(
              "1|V1__records.sql",
              "2|V2__checkpoints_and_runs.sql",
              "3|V3__scheduled_tasks.sql",
              "4|V4__records_for_bulk_loading.sql",
              "5|V5__checkpoints_by_object_version.sql",
              "6|V6__integrations.sql",
              "7|V7__import_ledger.sql",
              "8|V8__export_ledger.sql",
              "9|V9__export_activity.sql",
              "10|V10__table_files.sql");
    }
  }

  @Test
  void newMigrationsApplyToAnExistingDatabase() throws SQLException, IOException {
    Files.createDirectories(file().getParent());
    try (var connection = plainJdbc()) {
      new Migrations("db/duckdb-test", List.of("V1__test_first.sql")).apply(connection);
      var withNewOne =
          new Migrations(
              "db/duckdb-test", List.of("V1__test_first.sql", "V2__test_only_notes.sql"));

      assertThat(withNewOne.apply(connection)).isEqualTo(1);
      assertThat(withNewOne.apply(connection)).isZero();
      assertThat(rows(connection, "SELECT note FROM test_notes")).containsExactly("migrated");
      assertThat(Migrations.currentVersion(connection)).isEqualTo(2);
    }
  }

  @Test
  void failingMigrationLeavesNoTrace() throws SQLException, IOException {
    Files.createDirectories(file().getParent());
    try (var connection = plainJdbc()) {
      var broken =
          new Migrations("db/duckdb", List.of("V1__records.sql", "V2__checkpoints_and_runs.sql"));
      broken.apply(connection);
      try (var statement = connection.createStatement()) {
        statement.execute("CREATE TABLE scheduled_tasks (x INTEGER)");
      }

      assertThatThrownBy(() -> Migrations.DUCKDB.apply(connection))
          .isInstanceOf(SQLException.class)
          .hasMessageStartingWith("migration V3__scheduled_tasks.sql failed");
      assertThat(Migrations.currentVersion(connection)).isEqualTo(2);
    }
  }

  @Test
  void migrationNamesMustBeNumberedInOrder() {
    assertThatThrownBy(() -> new Migrations("db/duckdb", List.of("V2__records.sql")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("migration V2__records.sql must have version 1");
    assertThatThrownBy(() -> new Migrations("db/duckdb", List.of("records.sql")))
        .hasMessage("migration name records.sql is not V<n>__<name>.sql");
  }

  @Test
  void openingAFileAnotherProcessHoldsFailsClearly() throws Exception {
    try (var store = open()) {
      var output = runInAnotherProcess(OpenStoreMain.class.getName(), file().toString());

      assertThat(output)
          .startsWith("Failed to open store " + file() + ": it is in use by another process");
      assertThat(store.records().count()).isZero();
    }
  }

  private static String runInAnotherProcess(String mainClass, String argument)
      throws IOException, InterruptedException {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var process =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), mainClass, argument)
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void openingAFileThatIsNotADatabaseFailsWithItsPath() throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "not a database, just text ".repeat(200));

    assertThatThrownBy(this::open)
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Failed to open store " + file() + ": ");
  }

  /** Opens the store given as the argument and prints the outcome; run in a child JVM. */
  static final class OpenStoreMain {
    private OpenStoreMain() {}

    public static void main(String[] args) {
      try (var store = DuckDbStore.open(Path.of(args[0]), clock0(), RevisionPolicy.DEFAULT)) {
        System.out.println("opened " + store.info().location());
      } catch (StoreException e) {
        System.out.println(e.getMessage());
      }
    }

    private static java.time.Clock clock0() {
      return java.time.Clock.systemUTC();
    }
  }
}
