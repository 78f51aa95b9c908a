package dev.ferry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.integration.DefinitionException;
import dev.ferry.integration.IntegrationException;
import dev.ferry.store.Run;
import dev.ferry.store.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports against the real embedded S3 and DuckDB, checked with the raw S3 client and SQL. */
class ImportEndToEndTest {
  private static final String DAY = "completed_imports/2026/11/25/";

  @TempDir Path dir;
  private ImportFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ImportFixture(dir, 2);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void importsFilesInKeyOrderAndMovesThemWithTheirRejects() throws Exception {
    fixture.upload(
        "in/accounts_1.csv",
        "Identity,Timestamp,Event,Plan\n"
            + "ann,1700000000,Signed Up,pro\n"
            + ",1700000001,Signed Up,free\n"
            + "bob,1700000002,,team\n"
            + "cat,yesterday,Visited,\n");
    fixture.upload(
        "in/accounts_2.csv.gz",
        ImportFixture.gzip("Person,Time,_p2\ndan,1700000003,dan@example.com\n"));
    fixture.create(settings("files-per-run", 5));

    Run run = runNow();

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.records())
        .containsExactly(
            "event ann Signed Up 1700000000000 {Plan=pro} @2",
            "properties bob  1700000002000 {Plan=team} @4",
            "alias dan dan@example.com 1700000003000 {} @2");
    assertThat(fixture.keys())
        .containsExactlyInAnyOrder(
            DAY + "accounts_1.csv", DAY + "accounts_1.csv.rejected.csv", DAY + "accounts_2.csv.gz");
    assertThat(fixture.read(DAY + "accounts_1.csv.rejected.csv"))
        .isEqualTo(
            "line,reason,row\n"
                + "3,missing identity,\",1700000001,Signed Up,free\"\n"
                + "5,unparseable timestamp 'yesterday' (expected epoch seconds),\"cat,yesterday,Visited,\"\n");
    assertThat(run.details()).contains("\"rowsRejected\":2", "\"filesCompleted\":2");
  }

  @Test
  void badFileIsSetAsideWithAnExplanationAndTheQueueMovesOn() throws Exception {
    fixture.upload("in/accounts_1.csv", "Identity,Timestamp\nann,1700000000\n");
    fixture.create(settings("files-per-run", 5));
    fixture.upload("in/accounts_0.csv", "Name,When\nann,1700000000\n");

    Run run = runNow();

    assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(fixture.keys())
        .contains(
            "failed_imports/2026/11/25/accounts_0.csv",
            "failed_imports/2026/11/25/accounts_0.csv.error.txt",
            DAY + "accounts_1.csv")
        .noneMatch(key -> key.startsWith("in/"));
    assertThat(fixture.read("failed_imports/2026/11/25/accounts_0.csv.error.txt"))
        .contains("Failed to import s3://incoming/in/accounts_0.csv", "no Identity column")
        .contains("Nothing from this file was imported.");
    assertThat(run.errors()).singleElement().asString().contains("no Identity column");
  }

  @Test
  void fileCopiedBackAfterImportIsSkipped() throws Exception {
    String content = "Identity,Timestamp,Event\nann,1700000000,Signed Up\n";
    fixture.upload("in/accounts.csv", content);
    fixture.create(settings("files-per-run", 1));
    runNow();

    fixture.upload("in/accounts.csv", content);
    Run second = runNow();

    assertThat(fixture.records()).hasSize(1);
    assertThat(second.details()).contains("\"filesSkipped\":1");
    assertThat(fixture.keys())
        .containsExactlyInAnyOrder(DAY + "accounts.csv", DAY + "accounts-1.csv");
  }

  @Test
  void filesPerRunTakesOneFileAtATimeInAlphanumericOrder() throws Exception {
    fixture.upload("in/accounts_b.csv", "Identity,Timestamp,Event\nbob,1700000001,B\n");
    fixture.upload("in/accounts_a.csv", "Identity,Timestamp,Event\nann,1700000000,A\n");
    fixture.create(settings("files-per-run", 1));

    runNow();
    assertThat(fixture.records()).containsExactly("event ann A 1700000000000 {} @2");
    runNow();
    assertThat(fixture.records()).hasSize(2).last().asString().startsWith("event bob B");
  }

  @Test
  void fileUnfinishedWhenTheBudgetRunsOutResumesWithoutDuplicates() throws Exception {
    StringBuilder csv = new StringBuilder("Identity,Timestamp,Event,Note\n");
    for (int i = 0; i < 9; i++) {
      csv.append("user")
          .append(i)
          .append(",170000000")
          .append(i)
          .append(",E,\"é, \"\"")
          .append(i)
          .append("\"\"\"\n");
    }
    fixture.upload("in/accounts.csv", csv.toString());
    fixture.create(settings("time-budget", "1s"));
    fixture.clock.stepEachRead(Duration.ofMillis(600));

    Run first = runNow();
    assertThat(first.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(first.details()).contains("\"filesUnfinished\":1");
    int afterFirst = fixture.records().size();
    assertThat(afterFirst).isBetween(2, 8);
    assertThat(fixture.keys()).contains("in/accounts.csv");

    while (fixture.keys().contains("in/accounts.csv")) {
      runNow();
    }

    assertThat(fixture.records())
        .hasSize(9)
        .doesNotHaveDuplicates()
        .first()
        .asString()
        .isEqualTo("event user0 E 1700000000000 {Note=é, \"0\"} @2");
    assertThat(fixture.records().get(8)).endsWith("@10");
  }

  @Test
  void bulkBatchesResumeWithoutDuplicatesAndLeaveNoBatchFiles() throws Exception {
    Path bulkDir = java.nio.file.Files.createDirectories(dir.resolve("bulk"));
    StringBuilder csv = new StringBuilder("Identity,Timestamp,Event\n");
    for (int i = 0; i < 2000; i++) {
      csv.append("user").append(i).append(",1700000000,E\n");
    }
    try (ImportFixture bulk = new ImportFixture(bulkDir, 300)) {
      bulk.upload("in/accounts.csv", csv.toString());
      bulk.create(settings("time-budget", "1s"));
      bulk.clock.stepEachRead(Duration.ofMillis(600));
      int runs = 0;
      while (bulk.keys().contains("in/accounts.csv")) {
        bulk.store.runs().find(bulk.imports.runAndWait("accounts")).orElseThrow();
        runs++;
      }

      assertThat(runs).isGreaterThan(1);
      assertThat(bulk.records()).hasSize(2000).doesNotHaveDuplicates();
      assertThat(bulk.records().get(1999)).endsWith("@2001");
    }
    try (var files = java.nio.file.Files.list(bulkDir)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .as("batch files prepared ahead and never committed are deleted")
          .noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  @Test
  void previewShowsRecordsMappingAndErrorsAndWritesNothing() throws Exception {
    fixture.upload(
        "in/accounts.csv", "Person,Time,Prop:Plan,Event\nann,1700000000,pro,Paid\n,1,x,y\n");
    fixture.create(settings("files-per-run", 1));

    Preview preview = fixture.imports.preview("accounts", 20);

    assertThat(preview.file()).isEqualTo("in/accounts.csv");
    assertThat(preview.mapping())
        .containsEntry("Person", "identity")
        .containsEntry("Time", "timestamp")
        .containsEntry("Prop:Plan", "property Plan");
    assertThat(preview.records()).singleElement().extracting(Preview.Row::line).isEqualTo(2L);
    assertThat(preview.errors()).containsExactly(new Preview.RowError(3, "missing identity"));
    assertThat(fixture.records()).isEmpty();
    assertThat(fixture.keys()).containsExactly("in/accounts.csv");
  }

  @Test
  void creationFailsWithOnePreciseMessage() {
    assertThatThrownBy(() -> fixture.create(settings("files-per-run", 1)))
        .isInstanceOf(IntegrationException.class)
        .hasMessage("No file in s3://incoming/in/ matches accounts*.csv or accounts*.csv.gz");

    fixture.upload("in/accounts.csv", "Name\nann\n");
    assertThatThrownBy(() -> fixture.create(settings("files-per-run", 1)))
        .hasMessageStartingWith("The first file s3://incoming/in/accounts.csv cannot be imported:")
        .hasMessageContaining("no Identity column");

    assertThatThrownBy(() -> fixture.create(settings("files-per-run", 0)))
        .isInstanceOf(DefinitionException.class)
        .hasMessage("Invalid setting files-per-run = '0': must be between 1 and 10000");
  }

  @Test
  void aMissingBucketIsNamedInOneMessage() {
    assertThatThrownBy(() -> fixture.create(settings("bucket", "no-such-bucket")))
        .isInstanceOf(IntegrationException.class)
        .hasMessageStartingWith("Ferry cannot use bucket no-such-bucket: s3:ListBucket (")
        .hasMessageContaining("does not exist")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void scheduledRunsStartOncePerIntervalAndOnceAfterDowntime() throws Exception {
    fixture.upload("in/accounts.csv", "Identity,Timestamp,Event\nann,1700000000,A\n");
    fixture.create(settings("every", "1h"));

    fixture.imports.runDue();
    assertThat(awaitRuns(1)).hasSize(1);
    fixture.imports.runDue();
    fixture.clock.advance(Duration.ofMinutes(59));
    fixture.imports.runDue();
    assertThat(awaitRuns(1)).hasSize(1);

    fixture.clock.advance(Duration.ofHours(5));
    fixture.imports.runDue();
    fixture.imports.runDue();
    assertThat(awaitRuns(2)).hasSize(2);
  }

  private java.util.List<Run> awaitRuns(int count) throws InterruptedException {
    while (true) {
      java.util.List<Run> runs = fixture.store.runs().list("accounts", 10);
      if (runs.size() >= count && runs.stream().noneMatch(r -> r.status() == RunStatus.RUNNING)) {
        return runs;
      }
      Thread.sleep(20);
    }
  }

  private Run runNow() throws InterruptedException {
    long id = fixture.imports.runAndWait("accounts");
    return fixture.store.runs().find(id).orElseThrow();
  }

  private static Map<String, Object> settings(String key, Object value) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("name", "accounts");
    settings.put("bucket", ImportFixture.BUCKET);
    settings.put("folder", "in");
    settings.put("base-filename", "accounts.csv");
    settings.put(key, value);
    return settings;
  }
}
