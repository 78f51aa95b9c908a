package dev.ferry.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs integrations' tasks with db-scheduler, persisted in the store's {@code scheduled_tasks}
 * table, so schedules survive restarts and a slot missed while the server was down runs once after
 * start. Jobs register their tasks here as they are built.
 */
public final class JobScheduler implements AutoCloseable {
  private static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);

  private final Scheduler scheduler;

  private JobScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Starts polling {@code dataSource} for due executions of {@code tasks}. */
  public static JobScheduler start(DataSource dataSource, List<Task<?>> tasks) {
    Scheduler scheduler =
        Scheduler.create(dataSource, tasks).pollingInterval(POLLING_INTERVAL).threads(2).build();
    scheduler.start();
    return new JobScheduler(scheduler);
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
