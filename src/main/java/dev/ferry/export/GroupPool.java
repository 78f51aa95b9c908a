package dev.ferry.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task per group on a few threads and gathers their results in the groups' order, so the
 * outcome does not depend on which thread finished first. The first failure stops the rest.
 */
final class GroupPool {
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  private final int threads;

  /** A task over one group. */
  interface Task<G, R> {
    List<R> run(G group) throws IOException;
  }

  GroupPool(int threads) {
    this.threads = threads;
  }

  <G, R> List<R> run(List<G> groups, Task<G, R> task) {
    ExecutorService executor = Executors.newFixedThreadPool(threads, GroupPool::thread);
    try {
      List<Future<List<R>>> futures = new ArrayList<>();
      for (G group : groups) {
        futures.add(executor.submit(() -> task.run(group)));
      }
      List<R> results = new ArrayList<>();
      for (Future<List<R>> future : futures) {
        results.addAll(await(future));
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }

  private static <R> List<R> await(Future<List<R>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while exporting", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io.getMessage(), io);
      }
      throw new IllegalStateException(cause);
    }
  }

  private static Thread thread(Runnable runnable) {
    Thread thread = new Thread(runnable, "ferry-event-export-" + THREAD_NUMBER.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
