package dev.ferry.objectstore;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a call again, with exponential backoff, while its {@link ObjectStoreException} says a retry
 * can help and attempts remain.
 */
final class Retrier {

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final Sleeper REAL_SLEEP = duration -> Thread.sleep(duration.toMillis());

  private final int maxAttempts;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final Sleeper sleeper;

  Retrier(int maxAttempts, Duration firstDelay, Duration maxDelay, Sleeper sleeper) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("Attempts must be at least 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.sleeper = sleeper;
  }

  /**
   * 8 attempts, backoff from 200 ms doubling to at most 5 s (about 16 s of waiting in all). With 4
   * attempts a call fails for good with probability 10^-4 when 10 % of requests fail, so a job of a
   * thousand calls failed about one time in ten; with 8 the odds are 10^-8 per call.
   */
  static Retrier standard() {
    return new Retrier(8, Duration.ofMillis(200), Duration.ofSeconds(5), REAL_SLEEP);
  }

  int maxAttempts() {
    return maxAttempts;
  }

  <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ObjectStoreException e) {
        if (!e.canRetryHelp() || attempt >= maxAttempts) {
          throw e;
        }
        pause(delayBefore(attempt + 1), e);
      }
    }
  }

  void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
  }

  Duration delayBefore(int attempt) {
    long factor = 1L << Math.min(attempt - 2, 20);
    Duration delay = firstDelay.multipliedBy(factor);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private void pause(Duration delay, ObjectStoreException failure) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      throw failure;
    }
  }
}
