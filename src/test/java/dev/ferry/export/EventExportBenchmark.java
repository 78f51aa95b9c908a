package dev.ferry.export;

import static dev.ferry.testing.BenchmarkMachine.fresh;
import static dev.ferry.testing.BenchmarkMachine.load;
import static dev.ferry.testing.BenchmarkMachine.processCpuNanos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.RunStatus;
import dev.ferry.store.duckdb.DuckDbStore;
import dev.ferry.testing.RawS3;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The event export benchmark (run by {@code bench/event-export.sh}, see README "Benchmarks").
 *
 * <p>{@code [case] [events]}: case {@code json}, {@code parquet} or {@code all} (the default);
 * 2,000,000 events unless given ({@link ExportBenchmarkData#appendEvents}: ten names, spread over
 * four times 24 hours from 08:00 UTC, so five dates and 50 groups), stored through the store's bulk
 * path into a fresh DuckDB store. The store is then closed and opened again, as after a restart of
 * the server: measured on DuckDB 2.0.0, the process that wrote a table reads its strings
 * (dictionary/FSST segments) two to three times slower when it fetches selected rows, which every
 * export group does, until the database is opened again; {@code -Dbench.same-process=true} measures
 * that state instead (README "Benchmarks" gives both). Each case runs two warm-up rounds (printed,
 * not counted: the JIT and DuckDB's caches take about two exports to settle, as a long-running
 * server's would; {@code -Dbench.warm-up=N} changes it) and three rounds ({@code
 * -Dbench.rounds=N}); each round runs Ferry's all-events export to a fresh bucket of the embedded
 * S3, timed end to end, checks the bucket against the manifest and the manifest against the store,
 * then times the reference in the same round:
 *
 * <ul>
 *   <li><b>json</b>: Ferry's files (gzip level 6, 100 MB chunks) are read back with the raw SDK
 *       client, gunzipped and concatenated into one local file; the reference is {@code gzip -6 -c
 *       FILE > FILE.gz}, an external process on one core.
 *   <li><b>parquet</b>: the reference is what a user would do by hand: one DuckDB {@code COPY} of
 *       the same rows and columns to local disk, split by event name and day with {@code
 *       PARTITION_BY} (DuckDB's default threads, no {@code ORDER BY}: the rows are stored in time
 *       order already), then a {@code putObject} of every file with the AWS SDK to the same S3.
 * </ul>
 *
 * <p>ratio = reference seconds / Ferry seconds. Data goes under {@code target/bench/event-export/}.
 */
public final class EventExportBenchmark {
  private static final Path ROOT = Path.of("target", "bench", "event-export");
  private static final Instant START = Instant.parse("2026-03-06T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROPERTIES_MAP = "'\"MAP(VARCHAR, VARCHAR)\"'";

  private EventExportBenchmark() {}

  /** The required and the goal ratio of a case (issue 5). */
  private record Case(
      String name, EventExportDefinition.Format format, double required, double goal) {}

  private static final List<Case> CASES =
      List.of(
          new Case("json", EventExportDefinition.Format.JSON, 1.2, 1.8),
          new Case("parquet", EventExportDefinition.Format.PARQUET, 0.8, 1.2));

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    long events = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
    int days = Integer.getInteger("bench.days", 4);
    List<Case> cases =
        CASES.stream().filter(c -> which.equals("all") || which.equals(c.name())).toList();
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("unknown case " + which + "; json, parquet or all");
    }
    System.out.printf(
        "JVM max heap: %d MB, %d processors%n",
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    Path dir = fresh(ROOT);
    MutableClock clock = new MutableClock(START);
    List<String> summary = new ArrayList<>();
    boolean sameProcess = Boolean.getBoolean("bench.same-process");
    try (EmbeddedS3 s3 =
            EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, EmbeddedS3.generateKeys());
        S3Client raw = RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey())) {
      DuckDbStore store = store(dir, clock);
      try {
        double seconds = ExportBenchmarkData.appendEvents(store.records(), events, days);
        clock.advance(Duration.ofMinutes(1));
        checkpoint(store);
        System.out.printf(
            "stored %,d events of 10 names over %d x 24 hours from 08:00 UTC in %.1f s"
                + " (bulk append)%n",
            events, days, seconds);
        if (!sameProcess) {
          store.close();
          store = store(dir, clock);
        }
        System.out.println(
            sameProcess
                ? "store: as the process that stored the events left it (-Dbench.same-process)"
                : "store: closed and opened again, as after a restart of the server");
        Bench bench = new Bench(store, s3, raw, clock, dir, events);
        for (Case c : cases) {
          summary.add(bench.run(c));
        }
      } finally {
        store.close();
      }
    }
    System.out.println("== summary");
    summary.forEach(System.out::println);
  }

  private static final class Bench {
    private final DuckDbStore store;
    private final EmbeddedS3 s3;
    private final S3Client raw;
    private final MutableClock clock;
    private final Path dir;
    private final long events;
    private int number;

    Bench(
        DuckDbStore store, EmbeddedS3 s3, S3Client raw, MutableClock clock, Path dir, long events) {
      this.store = store;
      this.s3 = s3;
      this.raw = raw;
      this.clock = clock;
      this.dir = dir;
      this.events = events;
    }

    /** Runs one case; returns its summary line. */
    String run(Case c) throws Exception {
      int rounds = Integer.getInteger("bench.rounds", 3);
      int warmUp = Integer.getInteger("bench.warm-up", 2);
      System.out.printf("== case %s: %,d events%n", c.name(), events);
      List<Double> ratios = new ArrayList<>();
      for (int round = 1 - warmUp; round <= rounds; round++) {
        System.out.printf(
            "-- %s, %s (load average %s)%n",
            c.name(),
            round < 1 ? "warm-up round, not counted" : "round " + round + " of " + rounds,
            load());
        double ratio = c.format() == EventExportDefinition.Format.JSON ? json() : parquet();
        System.out.printf("ratio reference / Ferry: %.2f%n", ratio);
        if (round >= 1) {
          ratios.add(ratio);
        }
      }
      List<Double> sorted = ratios.stream().sorted().toList();
      double median = sorted.get(sorted.size() / 2);
      String line =
          String.format(
              "%s: ratio per round %s; median %.2f; required %.1f %s; goal %.1f %s",
              c.name(),
              ratios.stream().map(r -> String.format("%.2f", r)).toList(),
              median,
              c.required(),
              median >= c.required() ? "met" : "NOT met",
              c.goal(),
              median >= c.goal() ? "met" : "not met");
      System.out.println(line);
      return line;
    }

    private double json() throws Exception {
      String bucket = "json-" + ++number;
      raw.createBucket(b -> b.bucket(bucket));
      double ferry = export(bucket, EventExportDefinition.Format.JSON);
      Map<String, Long> listed = manifest(bucket);
      Path plain = dir.resolve("json-uncompressed.txt");
      long compressed = 0;
      long rows = 0;
      try (OutputStream out = Files.newOutputStream(plain)) {
        for (var file : listed.entrySet()) {
          long lines;
          try (InputStream in =
              new GZIPInputStream(
                  new BufferedInputStream(
                      raw.getObject(b -> b.bucket(bucket).key(file.getKey())), 1 << 16),
                  1 << 16)) {
            lines = copyCountingLines(in, out);
          }
          compressed += size(bucket, file.getKey());
          if (lines - 1 != file.getValue()) {
            throw new IllegalStateException(
                "FAILED: " + file.getKey() + " holds " + (lines - 1) + " events, not " + file);
          }
          rows += lines - 1;
        }
      }
      check(rows, "the JSON files (read back, gunzipped, header lines not counted)");
      long bytes = Files.size(plain);
      print("Ferry JSON export (gzip -6)", bytes, ferry);
      System.out.printf(
          "  %d files, %.1f MB compressed (%.1f %% of the input), %s%n",
          listed.size(), compressed / 1e6, 100.0 * compressed / bytes, cpuBusy);
      Path gz = dir.resolve("json-uncompressed.txt.gz");
      long start = System.nanoTime();
      Process gzip =
          new ProcessBuilder("gzip", "-6", "-c", plain.toString())
              .redirectOutput(gz.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (gzip.waitFor() != 0) {
        throw new IllegalStateException("FAILED: gzip exited with " + gzip.exitValue());
      }
      double reference = (System.nanoTime() - start) / 1e9;
      print("reference gzip -6 (one core)", bytes, reference);
      System.out.printf("  %.1f MB compressed%n", Files.size(gz) / 1e6);
      Files.delete(gz);
      Files.delete(plain);
      empty(bucket);
      return reference / ferry;
    }

    private double parquet() throws Exception {
      String bucket = "parquet-" + ++number;
      raw.createBucket(b -> b.bucket(bucket));
      double ferry = export(bucket, EventExportDefinition.Format.PARQUET);
      Map<String, Long> listed = manifest(bucket);
      Path check = fresh(dir.resolve("parquet-check"));
      long bytes = 0;
      long rows = 0;
      try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
        for (var file : listed.entrySet()) {
          Path local = check.resolve("f.parquet");
          Files.deleteIfExists(local);
          raw.getObject(b -> b.bucket(bucket).key(file.getKey()), local);
          bytes += Files.size(local);
          long count = count(duck, local.toString());
          if (count != file.getValue()) {
            throw new IllegalStateException(
                "FAILED: " + file.getKey() + " holds " + count + " rows, not " + file);
          }
          rows += count;
        }
      }
      check(rows, "the Parquet files (read back, counted with read_parquet)");
      print("Ferry Parquet export", bytes, ferry);
      System.out.printf("  %d files, %s%n", listed.size(), cpuBusy);

      String referenceBucket = "reference-" + number;
      raw.createBucket(b -> b.bucket(referenceBucket));
      Path out = fresh(dir.resolve("reference-parquet"));
      Files.delete(out);
      try (Connection connection = store.dataSource().getConnection();
          Statement statement = connection.createStatement();
          var threads = statement.executeQuery("SELECT current_setting('threads')")) {
        threads.next();
        System.out.printf("  (reference COPY with DuckDB threads = %s)%n", threads.getString(1));
      }
      long start = System.nanoTime();
      try (Connection connection = store.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "COPY (SELECT ts, identity, event_name AS eventName, json_transform(properties, "
                + PROPERTIES_MAP
                + ") AS eventProps, event_name AS n, CAST(ts AS DATE) AS day FROM records"
                + " WHERE kind = 'event') TO '"
                + out.toAbsolutePath()
                + "' (FORMAT parquet, PARTITION_BY (n, day))");
      }
      long copied = System.nanoTime();
      List<Path> files;
      try (Stream<Path> walk = Files.walk(out)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      long referenceBytes = 0;
      for (Path file : files) {
        String key = out.relativize(file).toString();
        raw.putObject(b -> b.bucket(referenceBucket).key(key), RequestBody.fromFile(file));
        referenceBytes += Files.size(file);
      }
      long uploaded = System.nanoTime();
      long referenceRows;
      try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
        referenceRows = count(duck, out.toAbsolutePath() + "/**/*.parquet");
      }
      if (referenceRows != events) {
        throw new IllegalStateException(
            "FAILED: the reference wrote " + referenceRows + " rows, not " + events);
      }
      double reference = (uploaded - start) / 1e9;
      print("reference COPY + upload", referenceBytes, reference);
      System.out.printf(
          "  %d files; COPY %.2f s, upload %.2f s%n",
          files.size(), (copied - start) / 1e9, (uploaded - copied) / 1e9);
      fresh(out);
      empty(bucket);
      empty(referenceBucket);
      return reference / ferry;
    }

    private String cpuBusy = "";

    /** Runs a new all-events export to {@code bucket}; returns the seconds. */
    private double export(String bucket, EventExportDefinition.Format format) {
      clock.advance(Duration.ofSeconds(1));
      var definition =
          new EventExportDefinition(
              bucket,
              bucket,
              "",
              EventExportDefinition.Type.ALL_EVENTS,
              List.of(),
              format,
              new EventExportDefinition.Recurring(Duration.ofHours(4)),
              EventExportDefinition.DEFAULT_CHUNK_SIZE,
              true,
              6,
              Optional.empty());
      var exporter =
          new EventExporter(
              store.records(),
              store.eventExports(),
              store.profiles(),
              store.activity(),
              dir.resolve("spool"),
              "bench",
              clock);
      long cpu = processCpuNanos();
      long start = System.nanoTime();
      ExportOutcome outcome;
      try (ObjectStore objects = S3ObjectStore.connect(s3.connection())) {
        outcome = exporter.run(definition, objects, new ExportProgress());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
      if (outcome.status() != RunStatus.SUCCEEDED) {
        throw new IllegalStateException("FAILED: export " + outcome);
      }
      cpuBusy = String.format("CPU time %.1f s, %.1f cores busy", cpuSeconds, cpuSeconds / seconds);
      return seconds;
    }

    /**
     * The data files the bucket's manifest lists, with their rows; fails unless the manifest's rows
     * are every stored event and the bucket holds exactly the listed files and the manifest.
     */
    private Map<String, Long> manifest(String bucket) throws IOException {
      List<S3Object> objects =
          raw.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().toList();
      List<S3Object> manifests =
          objects.stream().filter(o -> o.key().endsWith("-manifest.json")).toList();
      if (manifests.size() != 1) {
        throw new IllegalStateException("FAILED: " + manifests.size() + " manifests in " + bucket);
      }
      JsonNode manifest =
          JSON.readTree(
              raw.getObjectAsBytes(b -> b.bucket(bucket).key(manifests.get(0).key()))
                  .asByteArray());
      check(manifest.get("rows").asLong(), "the manifest");
      Map<String, Long> files = new java.util.LinkedHashMap<>();
      Map<String, Long> sizes = new HashMap<>();
      objects.forEach(o -> sizes.put(o.key(), o.size()));
      for (JsonNode file : manifest.get("files")) {
        String key = file.get("key").asText();
        if (!Long.valueOf(file.get("bytes").asLong()).equals(sizes.get(key))) {
          throw new IllegalStateException("FAILED: " + key + " missing or of another size");
        }
        files.put(key, file.get("rows").asLong());
      }
      if (files.size() != objects.size() - 1) {
        throw new IllegalStateException(
            "FAILED: " + (objects.size() - 1) + " data files, the manifest lists " + files.size());
      }
      return files;
    }

    private long size(String bucket, String key) {
      return raw.headObject(b -> b.bucket(bucket).key(key)).contentLength();
    }

    private void check(long rows, String where) {
      if (rows != events) {
        throw new IllegalStateException(
            "FAILED: " + where + " hold(s) " + rows + " events, not " + events);
      }
    }

    private void print(String what, long bytes, double seconds) {
      System.out.printf(
          "%s: %.2f s, %,.0f rows/s, %.1f MB/s (%.1f MB%s)%n",
          what,
          seconds,
          events / seconds,
          bytes / 1e6 / seconds,
          bytes / 1e6,
          what.contains("JSON") || what.contains("gzip") ? " uncompressed" : "");
    }

    private void empty(String bucket) {
      raw.listObjectsV2Paginator(b -> b.bucket(bucket))
          .contents()
          .forEach(o -> raw.deleteObject(b -> b.bucket(bucket).key(o.key())));
    }
  }

  private static long count(Connection duck, String glob) throws SQLException {
    try (Statement statement = duck.createStatement();
        var row = statement.executeQuery("SELECT count(*) FROM read_parquet('" + glob + "')")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Copies {@code in} to {@code out}; returns the newline bytes seen. */
  private static long copyCountingLines(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long count = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          count++;
        }
      }
    }
    return count;
  }

  private static DuckDbStore store(Path dir, MutableClock clock) {
    return DuckDbStore.open(dir.resolve("ferry.duckdb"), clock, RevisionPolicy.DEFAULT);
  }

  /** Folds the write-ahead log into the database file, so neither side pays for it. */
  private static void checkpoint(DuckDbStore store) throws SQLException {
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    }
  }
}
