package dev.ferry.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the jobs up on a fixed tick, with db-scheduler persisted in the store's {@code
 * scheduled_tasks} table. Each job decides on every tick which of its integrations are due (from
 * its run records), so schedules survive restarts and a slot missed while the server was down runs
 * once after start, not once per missed slot.
 */
public final class JobScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
  private static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);

  private final Scheduler scheduler;

  private JobScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** A job to wake up: its name and what to run on each tick. */
  public record Tick(String name, Runnable action) {}

  /** Starts ticking every {@code interval}. */
  public static JobScheduler start(DataSource dataSource, Duration interval, List<Tick> ticks) {
    List<RecurringTask<Void>> tasks =
        ticks.stream()
            .map(
                tick ->
                    Tasks.recurring(tick.name(), FixedDelay.of(interval))
                        .execute((instance, context) -> run(tick)))
            .toList();
    Scheduler scheduler =
        Scheduler.create(dataSource)
            .startTasks(tasks)
            .pollingInterval(POLLING_INTERVAL)
            .threads(2)
            .build();
    scheduler.start();
    return new JobScheduler(scheduler);
  }

  private static void run(Tick tick) {
    try {
      tick.action().run();
    } catch (RuntimeException e) {
      LOG.warn("Scheduled {} failed: {}", tick.name(), e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
