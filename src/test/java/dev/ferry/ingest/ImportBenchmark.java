package dev.ferry.ingest;

import static dev.ferry.testing.BenchmarkMachine.fresh;
import static dev.ferry.testing.BenchmarkMachine.processCpuNanos;

import dev.ferry.store.Run;
import dev.ferry.store.RunStatus;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The import benchmark (run by {@code bench/import.sh}, see README "Benchmarks").
 *
 * <ul>
 *   <li>{@code speed [rows]} (2,000,000): writes a Kissmetrics CSV to local disk, uploads it to the
 *       embedded S3, imports it end to end through {@link ImportService} and the real S3 adapter
 *       with the default batch size, then loads the same local file with DuckDB's native {@code
 *       read_csv} into a table with the same definition as {@code records}; prints both rates, the
 *       ratio and whether both tables hold the same content.
 *   <li>{@code memory [rows] [heap]} (20,000,000 rows, about 2.2 GB; 256m): generates the file
 *       straight into a multipart upload, then imports it in a child JVM started with {@code
 *       -Xmx<heap>} and checks that the store holds every row.
 * </ul>
 *
 * Data goes under {@code target/bench/}, deleted at the start of each mode.
 */
public final class ImportBenchmark {
  private static final Path ROOT = Path.of("target", "bench");

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "speed";
    switch (mode) {
      case "speed" -> speed(rowsArgument(args, 2_000_000));
      case "memory" -> memory(rowsArgument(args, 20_000_000), args.length > 2 ? args[2] : "256m");
      case "import-only" -> System.exit(importOnly(Path.of(args[1]), Long.parseLong(args[2])));
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
  }

  private static long rowsArgument(String[] args, long fallback) {
    return args.length > 1 ? Long.parseLong(args[1]) : fallback;
  }

  private static void speed(long rows) throws Exception {
    Path dir = fresh(ROOT.resolve("speed"));
    Path csv = dir.resolve("events.csv");
    long bytes = writeLocal(csv, rows);
    System.out.printf("file: %,d rows, %.1f MB, %s%n", rows, bytes / 1e6, csv);
    System.out.printf("JVM max heap: %d MB, %d processors%n", maxHeapMb(), cpus());
    int rounds = Integer.getInteger("bench.rounds", 3);
    List<Double> ratios = new java.util.ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      System.out.printf("-- round %d of %d%n", round, rounds);
      ratios.add(speedRound(fresh(dir.resolve("round-" + round)), csv, rows, bytes));
    }
    List<Double> sorted = ratios.stream().sorted().toList();
    System.out.printf(
        "ratio import / native per round: %s; median %.2f%n",
        ratios.stream().map(r -> String.format("%.2f", r)).toList(), sorted.get(sorted.size() / 2));
  }

  /** One round on a fresh store and S3: upload, import, native load; returns the ratio. */
  private static double speedRound(Path dir, Path csv, long rows, long bytes) throws Exception {
    try (BenchmarkRig rig = new BenchmarkRig(dir)) {
      long start = System.nanoTime();
      rig.upload(csv);
      System.out.printf("upload to embedded S3: %.2f s%n", seconds(start));
      System.out.printf("batch size (ingest.batch-records): %,d%n", rig.batchRecords);
      long cpu = processCpuNanos();
      double imported = timedImport(rig, rows);
      print("end-to-end import (S3 -> DuckDB)", rows, bytes, imported);
      cpu = printCpu(cpu, imported);
      double reference = Reference.load(rig, csv);
      print("native read_csv (local file)", rows, bytes, reference);
      printCpu(cpu, reference);
      System.out.printf("ratio import / native: %.2f%n", reference / imported);
      System.out.printf("same content in both tables: %s%n", Reference.sameContent(rig, rows));
      return reference / imported;
    }
  }

  private static double timedImport(BenchmarkRig rig, long rows) throws Exception {
    long start = System.nanoTime();
    Run run = rig.importFile();
    double elapsed = seconds(start);
    long stored = rig.count("records");
    if (run.status() != RunStatus.SUCCEEDED || stored != rows) {
      throw new IllegalStateException(
          "import " + run.status() + ", " + stored + " of " + rows + " rows: " + run.errors());
    }
    return elapsed;
  }

  private static void memory(long rows, String heap) throws Exception {
    Path dir = fresh(ROOT.resolve("memory"));
    long start = System.nanoTime();
    long bytes;
    try (BenchmarkRig rig = new BenchmarkRig(dir)) {
      bytes = rig.generateIntoS3(rows);
    }
    System.out.printf(
        "generated into the embedded S3: %,d rows, %.2f GB in %.1f s%n",
        rows, bytes / 1e9, seconds(start));
    int exit = child(dir, rows, heap);
    System.out.println(exit == 0 ? "memory mode: PASSED" : "memory mode: FAILED, exit " + exit);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  private static int child(Path dir, long rows, String heap) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx" + heap,
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            System.getProperty("java.class.path"),
            ImportBenchmark.class.getName(),
            "import-only",
            dir.toString(),
            Long.toString(rows));
    System.out.println("child JVM: java -Xmx" + heap + " ... import-only " + dir + " " + rows);
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  /** The child's work: imports the file already in {@code dir}'s S3; 0 when every row arrived. */
  private static int importOnly(Path dir, long rows) throws Exception {
    System.out.printf("child: JVM max heap %d MB%n", maxHeapMb());
    try (BenchmarkRig rig = new BenchmarkRig(dir)) {
      long bytes = rig.s3Size();
      double elapsed = timedImport(rig, rows);
      print("child: end-to-end import", rows, bytes, elapsed);
      System.out.printf(
          "child: store holds %,d of %,d rows; heap pools' peaks add up to %d MB (max heap %d MB)%n",
          rig.count("records"), rows, peakHeapMb(), maxHeapMb());
      return 0;
    } catch (RuntimeException | OutOfMemoryError e) {
      System.out.println("child: FAILED: " + e);
      return 1;
    }
  }

  private static long writeLocal(Path csv, long rows) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 20)) {
      return BenchmarkCsv.write(out, rows);
    }
  }

  private static void print(String what, long rows, long bytes, double seconds) {
    System.out.printf(
        "%s: %.2f s, %,.0f rows/s, %.1f MB/s%n",
        what, seconds, rows / seconds, bytes / 1e6 / seconds);
  }

  /** Prints the process's CPU time since {@code startCpuNanos}; returns the CPU time now. */
  private static long printCpu(long startCpuNanos, double wallSeconds) {
    long now = processCpuNanos();
    double cpu = (now - startCpuNanos) / 1e9;
    System.out.printf("  CPU time %.1f s (%.1f cores busy on average)%n", cpu, cpu / wallSeconds);
    return now;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static long maxHeapMb() {
    return Runtime.getRuntime().maxMemory() >> 20;
  }

  private static int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Sum of the heap pools' peaks: an upper bound of the heap the JVM ever used at once. */
  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  /** DuckDB's native load of the same file into a copy of {@code records}. */
  static final class Reference {
    private Reference() {}

    static double load(BenchmarkRig rig, Path csv) throws SQLException {
      try (Connection connection = rig.store.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(sameSchema(statement));
        long start = System.nanoTime();
        statement.execute(insert(csv));
        return seconds(start);
      }
    }

    private static String sameSchema(Statement statement) throws SQLException {
      try (var row =
          statement.executeQuery("SELECT sql FROM duckdb_tables() WHERE table_name = 'records'")) {
        row.next();
        return row.getString(1)
            .replaceFirst("(?i)CREATE TABLE records", "CREATE TABLE records_ref");
      }
    }

    private static String insert(Path csv) {
      return "INSERT INTO records_ref SELECT row_number() OVER () AS sequence, 'event', Identity,"
          + " NULL, Event, epoch_ms(Timestamp * 1000), json_object('Campaign Source',"
          + " \"Campaign Source\", 'Plan', Plan, 'Browser', Browser, 'URL', URL)::VARCHAR,"
          + " current_timestamp::TIMESTAMP, 1, 'bench', '1', 'in/events.csv',"
          + " row_number() OVER () + 1 FROM read_csv('"
          + csv.toAbsolutePath()
          + "', header = true, auto_detect = false, delim = ',', quote = '\"',"
          + " columns = {'Identity': 'VARCHAR', 'Timestamp': 'BIGINT',"
          + " 'Event': 'VARCHAR', 'Campaign Source': 'VARCHAR', 'Plan': 'VARCHAR',"
          + " 'Browser': 'VARCHAR', 'URL': 'VARCHAR'})";
    }

    /** Whether every imported row equals its reference row (by line) in every data column. */
    static String sameContent(BenchmarkRig rig, long rows) throws SQLException {
      String sql =
          "SELECT count(*) FROM records r JOIN records_ref f ON r.source_line = f.source_line"
              + " WHERE r.kind = f.kind AND r.identity = f.identity AND r.event_name = f.event_name"
              + " AND r.ts = f.ts AND r.properties = f.properties";
      try (Connection connection = rig.store.dataSource().getConnection();
          Statement statement = connection.createStatement();
          var result = statement.executeQuery(sql)) {
        result.next();
        long equal = result.getLong(1);
        return (equal == rows ? "yes" : "NO") + " (" + equal + " of " + rows + " rows equal)";
      }
    }
  }
}
