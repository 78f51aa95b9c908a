package dev.ferry.testing;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the benchmarks read of the machine and do to their data directories. */
public final class BenchmarkMachine {
  private BenchmarkMachine() {}

  /** The 1-minute load average, to tell a busy machine from a slow engine. */
  public static String load() {
    return String.format(
        "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** The CPU time this process has used, all threads; 0 where the JVM does not say. */
  public static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** {@code dir}, emptied (created if missing). */
  public static Path fresh(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    return Files.createDirectories(dir);
  }
}
