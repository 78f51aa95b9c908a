package dev.ferry.export;

import static dev.ferry.testing.BenchmarkMachine.fresh;
import static dev.ferry.testing.BenchmarkMachine.load;
import static dev.ferry.testing.BenchmarkMachine.processCpuNanos;

import dev.ferry.export.RevisionExportDefinition.Cutoff;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.MutableClock;
import dev.ferry.store.Revision;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.RunStatus;
import dev.ferry.store.duckdb.DuckDbStore;
import dev.ferry.testing.RawS3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The revision export benchmark (run by {@code bench/export.sh}, see README "Benchmarks").
 *
 * <p>{@code [case] [records]}: case {@code windows} (2,000,000 records received over 100 minutes,
 * 5-minute windows: 20 revisions of 100,000), {@code max} (the same records received within 5
 * minutes: revisions of 1,000,000, the default maximum) or {@code all} (both, the default). Each
 * case fills a fresh DuckDB store through the bulk append path, then runs a warm-up round, printed
 * but not counted, so that neither side pays for the JIT compiling its code ({@code
 * -Dbench.warm-up=0} leaves it out), and three rounds ({@code -Dbench.rounds=N}): the revision
 * export of every closed revision to a fresh bucket of the embedded S3, timed end to end, then in
 * the same round the reference ({@link ExportBenchmarkReference}): DuckDB's COPY of the same
 * records to a local JSON file and one upload of it with the AWS SDK. Prints both rates, the ratio
 * per round and the median ratio, and fails unless the bucket's revision files hold every record,
 * one line each.
 *
 * <p>Data goes under {@code target/bench/export/}, deleted at the start of each case.
 */
public final class RevisionExportBenchmark {
  private static final Path ROOT = Path.of("target", "bench", "export");
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private RevisionExportBenchmark() {}

  /** One way the records arrive: the revision policy and how far the clock moves per batch. */
  private record Case(String name, String description, RevisionPolicy policy, Duration step) {}

  private static final List<Case> CASES =
      List.of(
          new Case(
              "windows",
              "received over 100 minutes, 5-minute window: revisions of 100,000",
              new RevisionPolicy(Duration.ofMinutes(5), 1_000_000),
              Duration.ofMinutes(5)),
          new Case(
              "max",
              "received within 5 minutes: revisions of 1,000,000 (the default maximum)",
              RevisionPolicy.DEFAULT,
              Duration.ofSeconds(15)));

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    long records = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
    int rounds = Integer.getInteger("bench.rounds", 3);
    System.out.printf(
        "JVM max heap: %d MB, %d processors%n",
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    List<String> summary = new ArrayList<>();
    for (Case c : CASES) {
      if (which.equals("all") || which.equals(c.name())) {
        summary.add(c.name() + ": median ratio " + format(run(c, records, rounds)));
      }
    }
    if (summary.isEmpty()) {
      throw new IllegalArgumentException("unknown case " + which + "; windows, max or all");
    }
    summary.forEach(System.out::println);
  }

  /** Runs one case; returns its median ratio. */
  private static double run(Case c, long records, int rounds) throws Exception {
    Path dir = fresh(ROOT.resolve(c.name()));
    MutableClock clock = new MutableClock(START);
    try (EmbeddedS3 s3 =
            EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, EmbeddedS3.generateKeys());
        S3Client raw = RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey());
        DuckDbStore store = DuckDbStore.open(dir.resolve("ferry.duckdb"), clock, c.policy())) {
      System.out.printf("== case %s: %,d records %s%n", c.name(), records, c.description());
      double seconds = ExportBenchmarkData.append(store.records(), clock, records, c.step());
      clock.advance(Duration.ofMinutes(10));
      checkpoint(store);
      List<Revision> revisions = store.revisions().closed(0, 100_000);
      System.out.printf(
          "stored in %.1f s (bulk append, batches of %,d): %d closed revisions, %s%n",
          seconds, ExportBenchmarkData.BATCH, revisions.size(), sizes(revisions));
      Path spool = Files.createDirectories(dir.resolve("spool"));
      List<Double> ratios = new ArrayList<>();
      int warmUp = Integer.getInteger("bench.warm-up", 1);
      for (int round = 1 - warmUp; round <= rounds; round++) {
        System.out.printf(
            "-- %s, %s (load average %s)%n",
            c.name(),
            round < 1 ? "warm-up round, not counted" : "round " + round + " of " + rounds,
            load());
        Round r = new Round(store, s3, raw, clock, spool, dir, round + warmUp);
        double ratio = r.run(records, revisions.size());
        if (round >= 1) {
          ratios.add(ratio);
        }
      }
      List<Double> sorted = ratios.stream().sorted().toList();
      double median = sorted.get(sorted.size() / 2);
      System.out.printf(
          "%s: ratio Ferry / reference per round: %s; median %s%n",
          c.name(), ratios.stream().map(RevisionExportBenchmark::format).toList(), format(median));
      return median;
    }
  }

  /** One round: Ferry's export to a fresh bucket, then the reference to another. */
  private static final class Round {
    private final DuckDbStore store;
    private final EmbeddedS3 s3;
    private final S3Client raw;
    private final MutableClock clock;
    private final Path spool;
    private final Path dir;
    private final int number;
    private String cpuBusy = "";

    Round(
        DuckDbStore store,
        EmbeddedS3 s3,
        S3Client raw,
        MutableClock clock,
        Path spool,
        Path dir,
        int number) {
      this.store = store;
      this.s3 = s3;
      this.raw = raw;
      this.clock = clock;
      this.spool = spool;
      this.dir = dir;
      this.number = number;
    }

    double run(long records, int revisions) throws Exception {
      String bucket = "ferry-" + number;
      String referenceBucket = "reference-" + number;
      raw.createBucket(b -> b.bucket(bucket));
      raw.createBucket(b -> b.bucket(referenceBucket));
      double ferry = export(bucket);
      long[] written = linesAndBytes(bucket, revisions);
      if (written[0] != records) {
        throw new IllegalStateException(
            "FAILED: the revision files hold " + written[0] + " lines, not " + records);
      }
      print("Ferry revision export", records, written[1], ferry);
      System.out.println("  " + cpuBusy);
      ExportBenchmarkReference.Timing reference =
          ExportBenchmarkReference.run(
              store.dataSource(), dir.resolve("reference.json"), raw, referenceBucket, "all.json");
      if (reference.lines() != records) {
        throw new IllegalStateException(
            "FAILED: the reference file holds " + reference.lines() + " lines, not " + records);
      }
      print("reference COPY + upload", records, reference.bytes(), reference.seconds());
      print("  of which COPY to local file", records, reference.bytes(), reference.copySeconds());
      print("  of which upload (one PUT)", records, reference.bytes(), reference.uploadSeconds());
      double flat = ExportBenchmarkReference.copyFlat(store.dataSource(), dir.resolve("flat.json"));
      System.out.printf(
          "  (for comparison, not in the ratio: COPY with the properties flattened: %.2f s,"
              + " %,.0f records/s)%n",
          flat, records / flat);
      double ratio = reference.seconds() / ferry;
      System.out.printf("ratio Ferry / reference (records/s): %s%n", format(ratio));
      empty(bucket);
      empty(referenceBucket);
      return ratio;
    }

    /** Runs a new export of every closed revision to {@code bucket}; returns the seconds. */
    private double export(String bucket) {
      var definition =
          new RevisionExportDefinition(
              "bench-" + number,
              bucket,
              "",
              RevisionExportDefinition.DEFAULT_EVERY,
              RevisionExportDefinition.DEFAULT_TIME_BUDGET,
              Cutoff.CLOSED,
              false,
              Optional.empty());
      var exporter =
          new RevisionExporter(store.records(), store.revisions(), store.exports(), spool, clock);
      long cpu = processCpuNanos();
      long start = System.nanoTime();
      ExportOutcome outcome;
      try (ObjectStore objects = S3ObjectStore.connect(s3.connection())) {
        outcome = exporter.run(definition, objects, Instant.MAX, new ExportProgress());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
      if (outcome.status() != RunStatus.SUCCEEDED) {
        throw new IllegalStateException("FAILED: export " + outcome);
      }
      cpuBusy = String.format("CPU time %.1f s, %.1f cores busy", cpuSeconds, cpuSeconds / seconds);
      return seconds;
    }

    /** Lines and bytes of the bucket's revision files, read back with the raw client. */
    private long[] linesAndBytes(String bucket, int revisions) throws IOException {
      List<S3Object> files =
          raw.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("revisions/")).contents().stream()
              .toList();
      if (files.size() != revisions) {
        throw new IllegalStateException(
            "FAILED: " + files.size() + " revision files, not " + revisions);
      }
      long lines = 0;
      long bytes = 0;
      for (S3Object file : files) {
        try (InputStream in = raw.getObject(b -> b.bucket(bucket).key(file.key()))) {
          lines += ExportBenchmarkReference.newlines(in);
        }
        bytes += file.size();
      }
      return new long[] {lines, bytes};
    }

    private void empty(String bucket) {
      raw.listObjectsV2Paginator(b -> b.bucket(bucket))
          .contents()
          .forEach(o -> raw.deleteObject(b -> b.bucket(bucket).key(o.key())));
    }
  }

  private static String sizes(List<Revision> revisions) {
    return revisions.stream()
            .map(Revision::recordCount)
            .distinct()
            .map(n -> String.format("%,d", n))
            .toList()
        + " records each";
  }

  /** Folds the write-ahead log into the database file, so neither side pays for it. */
  private static void checkpoint(DuckDbStore store) throws SQLException {
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    }
  }

  private static void print(String what, long records, long bytes, double seconds) {
    System.out.printf(
        "%s: %.2f s, %,.0f records/s, %.1f MB/s (%.1f MB)%n",
        what, seconds, records / seconds, bytes / 1e6 / seconds, bytes / 1e6);
  }

  private static String format(double ratio) {
    return String.format("%.2f", ratio);
  }
}
