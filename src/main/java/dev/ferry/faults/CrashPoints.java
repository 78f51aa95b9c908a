package dev.ferry.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points in the import's life where a crash test stops the process. Off unless the system
 * property {@code ferry.crash-at} names a point, optionally with the hit to stop at ({@code
 * after-commit:2}). On that hit the thread prints {@code CRASHPOINT <name>} on standard output and
 * waits forever, so the test can kill the process with {@code kill -9} at exactly that point.
 */
public final class CrashPoints {
  private static final String SPEC = System.getProperty("ferry.crash-at", "");
  private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();

  private CrashPoints() {}

  /** Marks that the code has reached {@code point}. */
  public static void reach(String point) {
    if (SPEC.isEmpty() || !SPEC.startsWith(point)) {
      return;
    }
    int hit = HITS.computeIfAbsent(point, name -> new AtomicInteger()).incrementAndGet();
    if (SPEC.equals(point) && hit == 1 || SPEC.equals(point + ":" + hit)) {
      halt(point);
    }
  }

  private static void halt(String point) {
    System.out.println("CRASHPOINT " + point);
    System.out.flush();
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
