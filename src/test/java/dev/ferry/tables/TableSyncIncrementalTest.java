package dev.ferry.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Incremental sync by the file ledger (SPEC §3), against the real embedded S3; tables are read with
 * plain SQL and modification times with the raw SDK client.
 */
class TableSyncIncrementalTest {
  @TempDir Path dir;
  private TablesFixture fixture;

  @BeforeEach
  void start() {
    fixture = new TablesFixture(dir);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void filesSharingOneModificationSecondAreAllLoadedEvenAcrossRuns() throws Exception {
    awaitStartOfASecond();
    fixture.put("c-1.csv", csv("id,v\n1,a\n"));
    fixture.put("c-2.csv", csv("id,v\n2,b\n"));
    TableReport first = sync(keyed("id")).get(0);
    fixture.put("c-3.csv", csv("id,v\n3,c\n"));
    assertThat(modificationSeconds()).as("precondition: one second").hasSize(1);

    TableReport second = sync(keyed("id")).get(0);

    assertThat(first.filesLoaded()).isEqualTo(2);
    assertThat(second.filesLoaded()).isEqualTo(1);
    assertThat(second.filesSkipped()).isEqualTo(2);
    assertThat(ids()).containsExactly("1", "2", "3");
  }

  @Test
  void aFileArrivingLateWithAnOlderModificationTimeIsLoaded() throws Exception {
    fixture.put("c-new.csv", csv("id,v\n1,a\n"));
    sync(keyed("id"));
    fixture.put("c-old.csv", csv("id,v\n2,b\n"));
    Path stored = dir.resolve("s3").resolve(TablesFixture.BUCKET).resolve("c-old.csv");
    Files.setLastModifiedTime(stored, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
    assertThat(modified("c-old.csv")).isBefore(modified("c-new.csv"));

    TableReport report = sync(keyed("id")).get(0);

    assertThat(report.filesLoaded()).isEqualTo(1);
    assertThat(ids()).containsExactly("1", "2");
  }

  @Test
  void aChangedFileIsUpsertedAgainWithAKey() {
    fixture.put("c.csv", csv("id,v\n1,a\n2,b\n"));
    sync(keyed("id"));
    fixture.put("c.csv", csv("id,v\n2,B\n3,C\n"));

    TableReport report = sync(keyed("id")).get(0);

    assertThat(report.rowsUpdated()).isEqualTo(1);
    assertThat(report.rowsInserted()).isEqualTo(1);
    assertThat(fixture.query("SELECT id, v FROM t_sync.items ORDER BY id"))
        .containsExactly(List.of("1", "a"), List.of("2", "B"), List.of("3", "C"));
  }

  @Test
  void aChangedFileIsAppendedAgainWithoutAKey() {
    fixture.put("c.csv", csv("id,v\n1,a\n"));
    sync(keyed());
    fixture.put("c.csv", csv("id,v\n1,a2\n"));

    TableReport report = sync(keyed()).get(0);

    assertThat(report.rowsInserted()).isEqualTo(1);
    assertThat(fixture.query("SELECT id, v FROM t_sync.items ORDER BY v"))
        .containsExactly(List.of("1", "a"), List.of("1", "a2"));
  }

  @Test
  void aStartDateInTheFutureLoadsNothingAndSaysSo() {
    fixture.put("c.csv", csv("id,v\n1,a\n"));
    Instant future = fixture.clock.instant().plus(Duration.ofDays(3));

    TableReport report = fixture.sync(integration(future, keyed("id"))).get(0);

    assertThat(report.filesLoaded()).isZero();
    assertThat(report.filesSkipped()).isEqualTo(1);
    assertThat(report.note())
        .isEqualTo("the start date " + future + " is in the future: no file loads before then");
    assertThat(tables()).isEmpty();
  }

  @Test
  void filesModifiedBeforeTheStartDateAreSkipped() {
    fixture.put("c.csv", csv("id,v\n1,a\n"));
    Instant later = modified("c.csv").plusSeconds(1);
    fixture.clock.set(later.plus(Duration.ofMinutes(1)));

    TableReport report = fixture.sync(integration(later, keyed("id"))).get(0);

    assertThat(report.filesSkipped()).isEqualTo(1);
    assertThat(report.note()).isEmpty();
    assertThat(tables()).isEmpty();
  }

  @Test
  void aSecondRunWithNothingNewLoadsNothing() {
    fixture.put("c-1.csv", csv("id,v\n1,a\n"));
    fixture.put("c-2.csv", csv("id,v\n2,b\n"));
    sync(keyed());

    TableReport report = sync(keyed()).get(0);

    assertThat(report.filesConsidered()).isEqualTo(2);
    assertThat(report.filesLoaded()).isZero();
    assertThat(report.filesSkipped()).isEqualTo(2);
    assertThat(report.rowsRead()).isZero();
    assertThat(fixture.query("SELECT count(*) FROM t_sync.items")).containsExactly(List.of("2"));
  }

  private List<TableReport> sync(TableSpec spec) {
    return fixture.sync(integration(Instant.parse("2020-01-01T00:00:00Z"), spec));
  }

  private static TableIntegration integration(Instant startDate, TableSpec spec) {
    return new TableIntegration(
        "sync",
        TablesFixture.BUCKET,
        startDate,
        TableIntegration.DEFAULT_EVERY,
        Optional.empty(),
        List.of(spec),
        Optional.empty());
  }

  private static TableSpec keyed(String... key) {
    return new TableSpec(
        "items",
        "",
        Pattern.compile("^c.*\\.csv$"),
        List.of(key),
        List.of(),
        ',',
        List.of(),
        false);
  }

  private List<String> ids() {
    return fixture.query("SELECT id FROM t_sync.items ORDER BY id").stream()
        .map(r -> r.get(0))
        .toList();
  }

  private List<List<String>> tables() {
    return fixture.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 't_sync'");
  }

  private List<Instant> modificationSeconds() {
    return fixture.raw.listObjectsV2(b -> b.bucket(TablesFixture.BUCKET)).contents().stream()
        .map(S3Object::lastModified)
        .map(t -> t.truncatedTo(ChronoUnit.SECONDS))
        .distinct()
        .toList();
  }

  private Instant modified(String key) {
    return fixture.raw.headObject(b -> b.bucket(TablesFixture.BUCKET).key(key)).lastModified();
  }

  private static void awaitStartOfASecond() throws InterruptedException {
    long millis = System.currentTimeMillis() % 1000;
    Thread.sleep(1000 - millis + 20);
  }

  private static byte[] csv(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
