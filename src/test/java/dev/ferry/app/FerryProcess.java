package dev.ferry.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A Ferry command run in its own JVM, as a user runs it, with its output captured by line. */
final class FerryProcess implements AutoCloseable {
  private static final String EOF = "\u0000EOF";

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> outLines = new LinkedBlockingQueue<>();

  private FerryProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), out, outLines);
    pump(process.getErrorStream(), err, new LinkedBlockingQueue<>());
  }

  static FerryProcess start(Path workDir, Map<String, String> env, String... args) {
    return start(workDir, env, List.of(), args);
  }

  /** Starts with extra JVM options, e.g. {@code -Dferry.crash-at=after-copy}. */
  static FerryProcess start(
      Path workDir, Map<String, String> env, List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().putAll(env);
    try {
      return new FerryProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a standard-output line that matches; fails if the process ends first. */
  String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = outLines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(EOF)) {
        throw new AssertionError(
            "No matching line before " + (line == null ? "timeout" : "exit") + "; " + output());
      }
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("Still running after " + timeout + "; " + output());
    }
    return process.exitValue();
  }

  /** kill -9: the JVM gets no chance to clean up. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  List<String> out() {
    return List.copyOf(out);
  }

  List<String> err() {
    return List.copyOf(err);
  }

  String output() {
    return "stdout=" + out + " stderr=" + err;
  }

  /** Stops the process (SIGTERM, then SIGKILL after 20 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill9();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void pump(InputStream stream, List<String> lines, BlockingQueue<String> queue) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader
                    .lines()
                    .forEach(
                        line -> {
                          lines.add(line);
                          queue.add(line);
                        });
              } catch (IOException | UncheckedIOException e) {
                lines.add("(reading failed: " + e + ")");
              } finally {
                queue.add(EOF);
              }
            });
    thread.setDaemon(true);
    thread.start();
  }
}
