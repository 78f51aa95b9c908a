package dev.ferry.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db-scheduler runs on the store's database through {@link DuckDbStore#dataSource()}. */
class SchedulerOnDuckDbTest {
  @TempDir Path directory;

  @Test
  void runsAOneTimeTaskOnTheStoresDatabase() throws Exception {
    var clock = new MutableClock(Instant.parse("2024-03-01T10:00:00Z"));
    try (var store =
        DuckDbStore.open(directory.resolve("f.duckdb"), clock, RevisionPolicy.DEFAULT)) {
      var executed = new CountDownLatch(1);
      var data = new AtomicReference<String>();
      OneTimeTask<String> task =
          Tasks.oneTime("smoke", String.class)
              .execute(
                  (instance, context) -> {
                    data.set(instance.getData());
                    executed.countDown();
                  });
      Scheduler scheduler =
          Scheduler.create(store.dataSource(), task)
              .pollingInterval(Duration.ofMillis(50))
              .threads(2)
              .build();
      scheduler.start();
      try {
        scheduler.schedule(
            task.instance("one", "payload ä"), Instant.parse("2020-01-01T00:00:00Z"));

        var later = later();
        scheduler.schedule(task.instance("later", "x"), later);
        assertThat(executionTimes(store)).contains(later.toEpochMilli());

        assertThat(executed.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(data.get()).isEqualTo("payload ä");
      } finally {
        scheduler.stop();
      }
      assertThat(executionTimes(store)).containsExactly(later().toEpochMilli());
    }
  }

  private static Instant later() {
    return Instant.parse("2999-01-01T12:34:56.789Z");
  }

  private static List<Long> executionTimes(DuckDbStore store) throws SQLException {
    try (var connection = store.dataSource().getConnection();
        var statement = connection.createStatement();
        var result =
            statement.executeQuery("SELECT epoch_ms(execution_time) FROM scheduled_tasks")) {
      var times = new ArrayList<Long>();
      while (result.next()) {
        times.add(result.getLong(1));
      }
      return times;
    }
  }
}
