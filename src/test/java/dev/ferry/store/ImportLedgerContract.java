package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.store.ImportLedger.FileId;
import dev.ferry.store.ImportLedger.FileProgress;
import dev.ferry.store.ImportLedger.RejectedRow;
import dev.ferry.store.ImportLedger.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ImportLedger}, run against every store. */
public abstract class ImportLedgerContract {
  private static final FileId FILE_V1 = new FileId("accounts", "in/a.csv", "etag-1", 120);
  private static final String NASTY = RecordStoreContract.NASTY;

  private Store store;

  /** Opens a new, empty store. */
  protected abstract Store open(MutableClock clock, RevisionPolicy policy);

  /** Makes the next writes of file progress fail, to test atomicity. */
  protected abstract void breakLedgerWrites(Store store);

  @BeforeEach
  void openStore() {
    store = open(new MutableClock(RecordStoreContract.START), RecordStoreContract.POLICY);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static List<SourcedRecord> events(int count, long firstLine) {
    return RecordStoreContract.events(count, firstLine);
  }

  @Test
  void unknownFileHasNoProgress() {
    assertThat(store.imports().progress(FILE_V1)).isEmpty();
  }

  @Test
  void commitKeepsRecordsRejectedRowsAndProgressTogether() {
    FileProgress progress = importing(FILE_V1, 80, 4);
    List<RejectedRow> rejected =
        List.of(new RejectedRow(4, "missing identity", ",1,x"), new RejectedRow(2, NASTY, NASTY));

    Appended appended = store.imports().commit(events(2, 1), rejected, progress);

    assertThat(appended.count()).isEqualTo(2);
    assertThat(store.records().count()).isEqualTo(2);
    assertThat(store.imports().progress(FILE_V1)).contains(progress);
    assertThat(rejectedOf(FILE_V1)).containsExactly(rejected.get(1), rejected.get(0));
  }

  @Test
  void failedCommitLeavesNeitherRecordsNorRejectedRowsNorProgress() {
    store.imports().commit(events(1, 1), List.of(), importing(FILE_V1, 10, 1));
    breakLedgerWrites(store);

    assertThatThrownBy(
            () ->
                store
                    .imports()
                    .commit(
                        events(3, 2),
                        List.of(new RejectedRow(3, "bad", "x")),
                        importing(FILE_V1, 60, 4)))
        .isInstanceOf(StoreException.class);

    assertThat(store.records().count()).isEqualTo(1);
    assertThat(rejectedOf(FILE_V1)).isEmpty();
  }

  @Test
  void progressBelongsToOneVersionOfAnObject() {
    store.imports().commit(List.of(), List.of(), importing(FILE_V1, 10, 1));

    assertThat(store.imports().progress(new FileId("accounts", "in/a.csv", "etag-2", 120)))
        .isEmpty();
    assertThat(store.imports().progress(new FileId("accounts", "in/a.csv", "etag-1", 121)))
        .isEmpty();
    assertThat(store.imports().progress(new FileId("other", "in/a.csv", "etag-1", 120))).isEmpty();
  }

  @Test
  void finishedFileKeepsItsDestinationAndError() {
    FileProgress failed =
        new FileProgress(
            FILE_V1,
            Stage.FAILED,
            0,
            0,
            1,
            0,
            0,
            Optional.of("failed_imports/2024/03/01/a.csv"),
            Optional.of("Line 1: no Identity column"));

    store.imports().commit(List.of(), List.of(), failed);

    assertThat(store.imports().progress(FILE_V1)).contains(failed);
    assertThat(store.imports().files("accounts", 10)).containsExactly(failed);
  }

  private List<RejectedRow> rejectedOf(FileId file) {
    List<RejectedRow> rows = new ArrayList<>();
    store.imports().forEachRejected(file, rows::add);
    return rows;
  }

  private static FileProgress importing(FileId file, long offset, long line) {
    return new FileProgress(
        file,
        Stage.IMPORTING,
        offset,
        line,
        line - 1,
        line - 1,
        0,
        Optional.empty(),
        Optional.empty());
  }
}
