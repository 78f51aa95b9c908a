package dev.ferry.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.duckdb.DuckDbStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tick that wakes the jobs, persisted by db-scheduler in the real DuckDB store. */
class JobSchedulerTest {
  @TempDir Path dir;

  @Test
  void ticksRepeatAndSurviveAFailingTick() throws Exception {
    CountDownLatch ticks = new CountDownLatch(3);
    Runnable failing =
        () -> {
          ticks.countDown();
          throw new IllegalStateException("a job failed");
        };
    try (DuckDbStore store =
        DuckDbStore.open(dir.resolve("ferry.duckdb"), Clock.systemUTC(), RevisionPolicy.DEFAULT)) {
      JobScheduler scheduler =
          JobScheduler.start(
              store.dataSource(),
              Duration.ofMillis(200),
              List.of(new JobScheduler.Tick("test-tick", failing)));
      try {
        assertThat(ticks.await(30, TimeUnit.SECONDS)).as("three ticks within 30 s").isTrue();
      } finally {
        scheduler.close();
      }
    }
  }
}
