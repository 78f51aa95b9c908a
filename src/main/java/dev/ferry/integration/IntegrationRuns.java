package dev.ferry.integration;

import dev.ferry.store.RunRecords;
import dev.ferry.store.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of one kind of named integration. Each run gets a run record, goes on its own thread and
 * finishes the record with its result, or as failed with the message of what it threw. Two runs of
 * one name never overlap. While a run goes on, its progress object can be looked up by run id.
 *
 * @param <P> the live progress of a run
 */
public final class IntegrationRuns<P> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IntegrationRuns.class);

  private final String noun;
  private final String runKind;
  private final RunRecords runs;
  private final Clock clock;
  private final Map<String, Long> running = new ConcurrentHashMap<>();
  private final Map<Long, P> live = new ConcurrentHashMap<>();
  private final ExecutorService executor;

  /** What one run does: returns how it ended, or throws and the run fails with the message. */
  @FunctionalInterface
  public interface Job<P> {
    RunResult run(long runId, P progress);
  }

  /** An integration's name and how often it runs. */
  public record Schedule(String name, Duration every) {}

  /**
   * @param noun what the integrations are called in messages and logs, e.g. {@code import}
   * @param runKind the kind written in their run records
   */
  public IntegrationRuns(String noun, String runKind, RunRecords runs, Clock clock) {
    this.noun = noun;
    this.runKind = runKind;
    this.runs = runs;
    this.clock = clock;
    this.executor = Executors.newCachedThreadPool(this::thread);
  }

  /**
   * Records a run of {@code name} and starts {@code job} on its own thread; returns the run id.
   *
   * @throws IntegrationException with {@link IntegrationException.Reason#ALREADY_RUNNING} when a
   *     run of {@code name} is going on
   */
  public long start(String name, P progress, Job<P> job) {
    synchronized (running) {
      requireIdle(name);
      long runId = runs.start(name, runKind);
      running.put(name, runId);
      live.put(runId, progress);
      submit(name, runId, () -> execute(name, runId, progress, job));
      return runId;
    }
  }

  /** Starts a run and waits for its end; returns the run id. */
  public long runAndWait(String name, P progress, Job<P> job) throws InterruptedException {
    long runId = start(name, progress, job);
    synchronized (running) {
      while (Long.valueOf(runId).equals(running.get(name))) {
        running.wait();
      }
    }
    return runId;
  }

  /**
   * Does {@code action} while no run of {@code name} goes on; none starts until it ends.
   *
   * @throws IntegrationException with {@link IntegrationException.Reason#ALREADY_RUNNING} when a
   *     run of {@code name} is going on
   */
  public void whileIdle(String name, Runnable action) {
    synchronized (running) {
      requireIdle(name);
      action.run();
    }
  }

  private void requireIdle(String name) {
    Long runId = running.get(name);
    if (runId != null) {
      throw new IntegrationException(
          IntegrationException.Reason.ALREADY_RUNNING,
          label() + " '" + name + "' is running (run " + runId + ")");
    }
  }

  /** The live progress of run {@code runId} while it goes on. */
  public Optional<P> progress(long runId) {
    return Optional.ofNullable(live.get(runId));
  }

  /**
   * Starts, through {@code start}, every integration whose interval has passed since its last run
   * started, or that never ran: once, however late.
   */
  public void runDue(List<Schedule> schedules, Consumer<String> start) {
    for (Schedule schedule : schedules) {
      if (due(schedule) && !running.containsKey(schedule.name())) {
        try {
          start.accept(schedule.name());
        } catch (IntegrationException e) {
          LOG.debug("Not starting {}: {}", schedule.name(), e.getMessage());
        }
      }
    }
  }

  private boolean due(Schedule schedule) {
    Optional<Instant> last =
        runs.list(schedule.name(), 1).stream().findFirst().map(r -> r.startedAt());
    return last.map(t -> !t.plus(schedule.every()).isAfter(clock.instant())).orElse(true);
  }

  private void submit(String name, long runId, Runnable run) {
    try {
      executor.execute(run);
    } catch (RejectedExecutionException e) {
      ended(name, runId);
      runs.finish(runId, RunStatus.FAILED, "{}", List.of("The server is stopping"));
      throw e;
    }
  }

  private void execute(String name, long runId, P progress, Job<P> job) {
    try {
      RunResult result = result(job, runId, progress);
      runs.finish(runId, result.status(), result.details(), result.errors());
      log(name, runId, result);
    } catch (RuntimeException e) {
      LOG.warn(
          "{} {} run {}: failed to finish its run record: {}", label(), name, runId, e.toString());
    } finally {
      ended(name, runId);
    }
  }

  private static <P> RunResult result(Job<P> job, long runId, P progress) {
    try {
      return job.run(runId, progress);
    } catch (RuntimeException e) {
      return new RunResult(RunStatus.FAILED, "{}", List.of(message(e)));
    }
  }

  /** The message of a failure, or its type when it has none. */
  public static String message(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private void log(String name, long runId, RunResult result) {
    if (result.status() == RunStatus.FAILED) {
      LOG.warn("{} {} run {} failed: {}", label(), name, runId, String.join("; ", result.errors()));
    } else {
      LOG.info("{} {} run {} finished: {}", label(), name, runId, result.status());
    }
  }

  private void ended(String name, long runId) {
    live.remove(runId);
    synchronized (running) {
      running.remove(name);
      running.notifyAll();
    }
  }

  private String label() {
    return noun.substring(0, 1).toUpperCase(Locale.ROOT) + noun.substring(1);
  }

  private Thread thread(Runnable runnable) {
    Thread thread = new Thread(runnable, "ferry-" + noun);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
