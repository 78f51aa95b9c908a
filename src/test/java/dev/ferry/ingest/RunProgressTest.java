package dev.ferry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3ObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live counters behind {@code ferry import run --wait}'s progress bar. */
class RunProgressTest {
  @TempDir Path dir;

  @Test
  void countsEveryByteAndRowOfTheRun() throws Exception {
    StringBuilder csv = new StringBuilder("Identity,Timestamp,Event\n");
    for (int i = 0; i < 10; i++) {
      csv.append(i == 4 ? "" : "user" + i).append(",1700000000,Visited\n");
    }
    try (ImportFixture fixture = new ImportFixture(dir, 3);
        ObjectStore objects = S3ObjectStore.connect(fixture.s3.connection())) {
      fixture.upload("in/accounts.csv", csv.toString());
      ImportDefinition definition =
          fixture.create(
              Map.of(
                  "name",
                  "accounts",
                  "bucket",
                  ImportFixture.BUCKET,
                  "folder",
                  "in",
                  "base-filename",
                  "accounts.csv"));
      RunProgress progress = new RunProgress();
      ImportContext context =
          new ImportContext(
              definition,
              ImportFormats.from(definition.csv()),
              objects,
              fixture.store.imports(),
              fixture.clock,
              3,
              1,
              fixture.clock.instant().plusSeconds(3600),
              progress);
      List<FileOutcome> outcomes = new ArrayList<>();

      new ImportRun(context).run(outcomes);

      long size = csv.toString().getBytes(StandardCharsets.UTF_8).length;
      assertThat(progress.rowsRead()).isEqualTo(10);
      assertThat(progress.bytesTotal()).isEqualTo(size);
      assertThat(progress.bytesRead()).isEqualTo(size);
      assertThat(progress.currentKey()).isEqualTo("in/accounts.csv");
      assertThat(outcomes).singleElement().extracting(FileOutcome::rowsRejected).isEqualTo(1L);
    }
  }
}
