package dev.ferry.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.store.ExportActivity;
import dev.ferry.store.ExportActivity.Entry;
import dev.ferry.store.ExportActivity.ExportedFile;
import dev.ferry.store.ExportActivity.Status;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Store;
import dev.ferry.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbExportActivityTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-01T06:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-01T12:00:00Z");

  @TempDir Path directory;
  private Store store;
  private ExportActivity activity;

  @BeforeEach
  void open() {
    store =
        DuckDbStore.open(
            directory.resolve("ferry.duckdb"), new MutableClock(T0), RevisionPolicy.DEFAULT);
    activity = store.activity();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aWindowGoesFromPendingThroughRunningToDoneWithItsFiles() {
    activity.add(Entry.pending("daily", T0, T1, 0, 40));
    assertThat(activity.latest("daily").orElseThrow().status()).isEqualTo(Status.PENDING);

    activity.running("daily", T1, T1.plusSeconds(1));
    List<ExportedFile> files =
        List.of(
            new ExportedFile("a-0.json.gz", 30, 700, false),
            new ExportedFile("a-1.json.gz", 10, 300, false),
            new ExportedFile("manifest.json", 0, 99, true));
    activity.done("daily", T1, files, T1.plusSeconds(5));

    Entry entry = activity.latest("daily").orElseThrow();
    assertThat(entry)
        .isEqualTo(
            new Entry(
                "daily",
                T0,
                T1,
                0,
                40,
                Status.DONE,
                files,
                Optional.of(T1.plusSeconds(1)),
                Optional.of(T1.plusSeconds(5)),
                Optional.empty()));
    assertThat(entry.rows()).isEqualTo(40);
    assertThat(entry.bytes()).isEqualTo(1099);
  }

  @Test
  void windowsAreListedLatestFirstPerRequest() {
    activity.add(Entry.pending("daily", T0, T1, 0, 40));
    activity.add(Entry.pending("daily", T1, T2, 40, 90));
    activity.add(Entry.pending("other", T0, T2, 0, 90));

    assertThat(activity.list("daily", 10)).extracting(Entry::windowEnd).containsExactly(T2, T1);
    assertThat(activity.list("daily", 1)).extracting(Entry::afterSequence).containsExactly(40L);

    activity.forget("daily");
    assertThat(activity.list("daily", 10)).isEmpty();
    assertThat(activity.list("other", 10)).hasSize(1);
  }

  @Test
  void aWindowIsAddedOnceAndOnlyKnownWindowsChange() {
    activity.add(Entry.pending("daily", T0, T1, 0, 40));

    assertThatThrownBy(() -> activity.add(Entry.pending("daily", T0, T1, 0, 41)))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> activity.running("daily", T2, T2))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no window");
  }

  @Test
  void runningWindowsCutOffByAStopAreFailedAndCanRunAgain() {
    activity.add(Entry.pending("daily", T0, T1, 0, 40));
    activity.running("daily", T1, T1);
    activity.add(Entry.pending("other", T0, T1, 0, 40));

    assertThat(activity.failRunning("interrupted by a stop", T2)).isEqualTo(1);
    Entry failed = activity.latest("daily").orElseThrow();
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.error()).contains("interrupted by a stop");
    assertThat(activity.latest("other").orElseThrow().status()).isEqualTo(Status.PENDING);

    activity.running("daily", T1, T2);
    Entry again = activity.latest("daily").orElseThrow();
    assertThat(again.status()).isEqualTo(Status.RUNNING);
    assertThat(again.error()).isEmpty();
    assertThat(again.endedAt()).isEmpty();
  }
}
