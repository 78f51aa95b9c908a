package dev.ferry.tables;

import static dev.ferry.testing.BenchmarkMachine.fresh;
import static dev.ferry.testing.BenchmarkMachine.load;
import static dev.ferry.testing.BenchmarkMachine.processCpuNanos;

import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.MutableClock;
import dev.ferry.store.ReplicatedTables;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.duckdb.DuckDbStore;
import dev.ferry.testing.RawS3;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The table replication benchmark (run by {@code bench/tables.sh}, see README "Benchmarks").
 *
 * <p>{@code [rows]}: 2,000,000 unless given. Two versions of a CSV file with a primary key are
 * written to local disk ({@code id, name, email, city, amount, created_at, status, country, phone,
 * note}; about 120 bytes a row): the second has the same ids in the same order and new values in
 * every other field. Both are uploaded once to the embedded S3 (not timed), under {@code v1/} and
 * {@code v2/}. Each round then, on a fresh store, syncs the first version (every row inserted) and
 * then the second (every row updated) through {@link TableSync}, the real S3 adapter and the DuckDB
 * store, with primary key {@code id}, {@code created_at} a datetime field and {@code infer-types}
 * on (so {@code id} and {@code amount} are numbers, as in the reference); each sync is timed end to
 * end and checked with plain SQL on the store's data source (row count, every row equal to the
 * file's, joined with DuckDB's {@code read_csv} of the local file, and a sample of rows equal to
 * the values generated in Java). Then, in the same round, the reference: a fresh DuckDB database
 * file (default threads), {@code CREATE TABLE t (..., PRIMARY KEY (id))} and, for each version,
 * {@code INSERT INTO t SELECT * FROM read_csv('local file', ...) ON CONFLICT DO UPDATE SET} every
 * other column.
 *
 * <p>ratio = reference seconds / Ferry seconds, per load; the issue requires at least 0.5 on both.
 * One warm-up round ({@code -Dbench.warm-up=N}) and three rounds ({@code -Dbench.rounds=N}); the
 * median ratio of each load is printed. Ferry's time is split by timing the store's {@code add}
 * (staging) and {@code commit} calls; the rest is reading the object, parsing and mapping. Data
 * goes under {@code target/bench/tables/}.
 */
public final class TableSyncBenchmark {
  private static final Path ROOT = Path.of("target", "bench", "tables");
  private static final String BUCKET = "incoming";
  private static final String INTEGRATION = "bench";
  private static final String TABLE = "customers";
  private static final double REQUIRED = 0.5;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String[] FIRST = {
    "Anna", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
    "Karin", "Luca", "Mona", "Nils", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara"
  };
  private static final String[] LAST = {
    "Adler", "Berger", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanov",
    "Jansen", "Keller", "Larsen", "Moreau", "Novak", "Olsen", "Petrov", "Rossi", "Schmidt"
  };
  private static final String[] CITIES = {
    "Amsterdam",
    "Berlin",
    "Copenhagen",
    "Dublin",
    "Edinburgh",
    "Florence",
    "Geneva",
    "Hamburg",
    "Istanbul",
    "Krakow",
    "Lisbon",
    "Madrid",
    "Nantes",
    "Oslo",
    "Prague",
    "Rome",
    "Vienna"
  };
  private static final String[] STATUSES = {"active", "paused", "closed", "pending", "trial"};
  private static final String[] COUNTRIES = {"NL", "DE", "DK", "IE", "GB", "IT", "CH", "FR", "ES"};
  private static final String[] COLUMNS = {
    "id", "name", "email", "city", "amount", "created_at", "status", "country", "phone", "note"
  };

  private TableSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
    int rounds = Integer.getInteger("bench.rounds", 3);
    int warmUp = Integer.getInteger("bench.warm-up", 1);
    System.out.printf(
        "JVM max heap: %d MB, %d processors%n",
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    Path dir = fresh(ROOT);
    Path first = dir.resolve("customers-v1.csv");
    Path second = dir.resolve("customers-v2.csv");
    long start = System.nanoTime();
    write(first, rows, 1);
    write(second, rows, 2);
    System.out.printf(
        "wrote %,d rows twice: %.1f MB (%.0f bytes a row) and %.1f MB in %.1f s%n",
        rows,
        Files.size(first) / 1e6,
        (double) Files.size(first) / rows,
        Files.size(second) / 1e6,
        (System.nanoTime() - start) / 1e9);
    try (EmbeddedS3 s3 =
            EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, EmbeddedS3.generateKeys());
        S3Client raw = RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey())) {
      raw.createBucket(b -> b.bucket(BUCKET));
      start = System.nanoTime();
      raw.putObject(b -> b.bucket(BUCKET).key("v1/customers.csv"), RequestBody.fromFile(first));
      raw.putObject(b -> b.bucket(BUCKET).key("v2/customers.csv"), RequestBody.fromFile(second));
      System.out.printf(
          "uploaded both to the embedded S3 in %.1f s (not timed below)%n",
          (System.nanoTime() - start) / 1e9);
      var bench = new Bench(s3, dir, rows, first, second);
      List<double[]> ratios = new ArrayList<>();
      for (int round = 1 - warmUp; round <= rounds; round++) {
        System.out.printf(
            "-- %s (load average %s)%n",
            round < 1 ? "warm-up round, not counted" : "round " + round + " of " + rounds, load());
        double[] ratio = bench.round();
        System.out.printf(
            "ratio reference / Ferry: first load %.2f, second load %.2f%n", ratio[0], ratio[1]);
        if (round >= 1) {
          ratios.add(ratio);
        }
      }
      System.out.println("== summary");
      summary("first load (every row inserted)", ratios, 0);
      summary("second load (every row updated)", ratios, 1);
    }
  }

  private static void summary(String what, List<double[]> ratios, int load) {
    List<Double> each = ratios.stream().map(r -> r[load]).toList();
    double median = each.stream().sorted().toList().get(each.size() / 2);
    System.out.printf(
        "%s: ratio per round %s; median %.2f; required %.1f %s%n",
        what,
        each.stream().map(r -> String.format("%.2f", r)).toList(),
        median,
        REQUIRED,
        median >= REQUIRED ? "met" : "NOT met");
  }

  private static final class Bench {
    private final EmbeddedS3 s3;
    private final Path dir;
    private final long rows;
    private final Path first;
    private final Path second;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

    Bench(EmbeddedS3 s3, Path dir, long rows, Path first, Path second) {
      this.s3 = s3;
      this.dir = dir;
      this.rows = rows;
      this.first = first;
      this.second = second;
    }

    /** One round; returns the ratio of each load. */
    double[] round() throws Exception {
      Path storeDir = fresh(dir.resolve("store"));
      double[] ferry = new double[2];
      DuckDbStore store =
          DuckDbStore.open(storeDir.resolve("ferry.duckdb"), clock, RevisionPolicy.DEFAULT);
      try (ObjectStore objects = S3ObjectStore.connect(s3.connection())) {
        ferry[0] = sync(store, objects, "v1/", first, 1, rows, 0);
        ferry[1] = sync(store, objects, "v2/", second, 2, 0, rows);
      } finally {
        store.close();
      }
      double[] reference = reference();
      return new double[] {reference[0] / ferry[0], reference[1] / ferry[1]};
    }

    /** Syncs the file under {@code prefix}, checks the table; returns the seconds. */
    private double sync(
        DuckDbStore store,
        ObjectStore objects,
        String prefix,
        Path local,
        int version,
        long inserted,
        long updated)
        throws SQLException {
      clock.advance(Duration.ofMinutes(1));
      TableSpec spec =
          new TableSpec(
              TABLE,
              prefix,
              Pattern.compile("\\.csv$"),
              List.of("id"),
              List.of("created_at"),
              ',',
              List.of(),
              true);
      var integration =
          new TableIntegration(
              INTEGRATION,
              BUCKET,
              Instant.parse("2020-01-01T00:00:00Z"),
              TableIntegration.DEFAULT_EVERY,
              Optional.empty(),
              List.of(spec),
              Optional.empty());
      var timed = new TimedTables(store.tables());
      var threads = ManagementFactory.getThreadMXBean();
      long cpu = processCpuNanos();
      long mainCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      TableReport report = new TableSync(timed, clock).run(integration, objects).get(0);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
      double mainSeconds = (threads.getCurrentThreadCpuTime() - mainCpu) / 1e9;
      if (report.filesLoaded() != 1
          || !report.filesFailed().isEmpty()
          || report.rowsInserted() != inserted
          || report.rowsUpdated() != updated
          || report.rowsRejected() != 0) {
        throw new IllegalStateException("FAILED: sync of " + prefix + ": " + report);
      }
      String what =
          version == 1 ? "Ferry first load (insert)" : "Ferry second load (update every row)";
      System.out.printf(
          "%s: %.2f s, %,.0f rows/s, %.1f MB/s%n",
          what, seconds, rows / seconds, size(local) / 1e6 / seconds);
      double commit = timed.commitNanos / 1e9;
      double stage = timed.addNanos / 1e9;
      System.out.printf(
          "  read S3 + parse + map %.2f s, stage (batch file) %.2f s, commit %.2f s"
              + " (of which CPU %.1f s); CPU time %.1f s (main thread %.1f s), %.1f cores busy%n",
          seconds - commit - stage,
          stage,
          commit,
          timed.commitCpuNanos / 1e9,
          cpuSeconds,
          mainSeconds,
          cpuSeconds / seconds);
      long checkStart = System.nanoTime();
      check(store, local, version);
      System.out.printf(
          "  checked: %,d rows, every one equal to the file, sample equal (%.1f s)%n",
          rows, (System.nanoTime() - checkStart) / 1e9);
      return seconds;
    }

    /** Checks the table against {@code local} with plain SQL on the store's data source. */
    private void check(DuckDbStore store, Path local, int version) throws SQLException {
      String table = "t_" + INTEGRATION + "." + TABLE;
      try (Connection connection = store.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        long count = single(statement, "SELECT count(*) FROM " + table);
        long distinct = single(statement, "SELECT count(DISTINCT id) FROM " + table);
        if (count != rows || distinct != rows) {
          throw new IllegalStateException(
              "FAILED: the table holds " + count + " rows, " + distinct + " ids, not " + rows);
        }
        StringBuilder same = new StringBuilder();
        for (String column : COLUMNS) {
          if (!column.equals("id")) {
            same.append(" AND t.").append(column).append(" = f.").append(column);
          }
        }
        long equal =
            single(
                statement,
                "SELECT count(*) FROM "
                    + table
                    + " AS t JOIN "
                    + readCsv(local)
                    + " AS f ON t.id = f.id"
                    + same
                    + " AND t._ferry_source_key = 'v"
                    + version
                    + "/customers.csv'");
        if (equal != rows) {
          throw new IllegalStateException(
              "FAILED: " + (rows - equal) + " rows differ from " + local + " (version " + version);
        }
        for (long id = 1; id <= rows; id += Math.max(1, rows / 25)) {
          try (ResultSet row =
              statement.executeQuery(
                  "SELECT id, name, email, city, amount, CAST(created_at AS VARCHAR), status,"
                      + " country, phone, note FROM "
                      + table
                      + " WHERE id = "
                      + id)) {
            if (!row.next()) {
              throw new IllegalStateException("FAILED: no row with id " + id);
            }
            List<String> expected = List.of(line(id, version).split(",", -1));
            for (int i = 0; i < COLUMNS.length; i++) {
              String actual = row.getString(i + 1);
              boolean ok =
                  COLUMNS[i].equals("amount")
                      ? Double.parseDouble(actual) == Double.parseDouble(expected.get(i))
                      : actual.equals(expected.get(i));
              if (!ok) {
                throw new IllegalStateException(
                    "FAILED: row "
                        + id
                        + " has "
                        + COLUMNS[i]
                        + " = "
                        + actual
                        + ", the file "
                        + expected.get(i));
              }
            }
          }
        }
      }
    }

    /** Both loads of the reference into a fresh database file; returns their seconds. */
    private double[] reference() throws Exception {
      Path referenceDir = fresh(dir.resolve("reference"));
      double[] seconds = new double[2];
      try (Connection duck =
              DriverManager.getConnection(
                  "jdbc:duckdb:" + referenceDir.resolve("reference.duckdb").toAbsolutePath());
          Statement statement = duck.createStatement()) {
        statement.execute(
            "CREATE TABLE t (id BIGINT, name VARCHAR, email VARCHAR, city VARCHAR, amount DOUBLE,"
                + " created_at TIMESTAMP, status VARCHAR, country VARCHAR, phone VARCHAR,"
                + " note VARCHAR, PRIMARY KEY (id))");
        StringBuilder set = new StringBuilder();
        for (String column : COLUMNS) {
          if (!column.equals("id")) {
            set.append(set.length() == 0 ? "" : ", ")
                .append(column)
                .append(" = excluded.")
                .append(column);
          }
        }
        String threads = single(statement, "SELECT current_setting('threads')") + "";
        Path[] files = {first, second};
        for (int i = 0; i < 2; i++) {
          long start = System.nanoTime();
          statement.executeUpdate(
              "INSERT INTO t SELECT * FROM "
                  + readCsv(files[i])
                  + " ON CONFLICT (id) DO UPDATE SET "
                  + set);
          seconds[i] = (System.nanoTime() - start) / 1e9;
          long count = single(statement, "SELECT count(*) FROM t");
          if (count != rows) {
            throw new IllegalStateException("FAILED: the reference holds " + count + " rows");
          }
          System.out.printf(
              "reference DuckDB INSERT ... ON CONFLICT DO UPDATE, %s load: %.2f s, %,.0f rows/s,"
                  + " %.1f MB/s (threads = %s)%n",
              i == 0 ? "first" : "second",
              seconds[i],
              rows / seconds[i],
              size(files[i]) / 1e6 / seconds[i],
              threads);
        }
      }
      return seconds;
    }
  }

  /** The store, with the time spent in its loads' {@code add} and {@code commit} calls. */
  private static final class TimedTables implements ReplicatedTables {
    private final ReplicatedTables tables;
    long addNanos;
    long commitNanos;
    long commitCpuNanos;

    TimedTables(ReplicatedTables tables) {
      this.tables = tables;
    }

    @Override
    public TableLoad begin(FileLoad file) {
      TableLoad load = tables.begin(file);
      return new TableLoad() {
        @Override
        public void add(List<String> values) {
          long start = System.nanoTime();
          load.add(values);
          addNanos += System.nanoTime() - start;
        }

        @Override
        public LoadCounts commit() {
          long cpu = processCpuNanos();
          long start = System.nanoTime();
          try {
            return load.commit();
          } finally {
            commitNanos += System.nanoTime() - start;
            commitCpuNanos += processCpuNanos() - cpu;
          }
        }

        @Override
        public void close() {
          load.close();
        }
      };
    }

    @Override
    public Map<String, LoadedFile> ledger(String integration, String table) {
      return tables.ledger(integration, table);
    }

    @Override
    public List<TableColumn> columns(String integration, String table) {
      return tables.columns(integration, table);
    }

    @Override
    public List<String> tables(String integration) {
      return tables.tables(integration);
    }

    @Override
    public List<Map<String, Object>> rows(String integration, String table, int limit) {
      return tables.rows(integration, table, limit);
    }

    @Override
    public void drop(String integration) {
      tables.drop(integration);
    }
  }

  private static String readCsv(Path file) {
    return "read_csv('"
        + file.toAbsolutePath()
        + "', header = true, columns = {'id': 'BIGINT', 'name': 'VARCHAR', 'email': 'VARCHAR',"
        + " 'city': 'VARCHAR', 'amount': 'DOUBLE', 'created_at': 'TIMESTAMP', 'status':"
        + " 'VARCHAR', 'country': 'VARCHAR', 'phone': 'VARCHAR', 'note': 'VARCHAR'})";
  }

  private static void write(Path file, long rows, int version) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", COLUMNS));
      out.write('\n');
      for (long id = 1; id <= rows; id++) {
        out.write(line(id, version));
        out.write('\n');
      }
    }
  }

  /** The fields of row {@code id} in version {@code version} of the file, comma-separated. */
  static String line(long id, int version) {
    long v = version;
    String first = FIRST[(int) ((id * 7 + v * 3) % FIRST.length)];
    String last = LAST[(int) ((id * 13 + v * 5) % LAST.length)];
    long cents = (id * 7919 + v * 104_729) % 1_000_000;
    LocalDateTime created = EPOCH.plusSeconds((id * 97 + v * 86_413) % 63_072_000);
    return id
        + ","
        + first
        + " "
        + last
        + ","
        + first.toLowerCase(java.util.Locale.ROOT)
        + "."
        + last.toLowerCase(java.util.Locale.ROOT)
        + id
        + "@example"
        + v
        + ".com,"
        + CITIES[(int) ((id + v * 3) % CITIES.length)]
        + ","
        + cents / 100
        + "."
        + String.format("%02d", cents % 100)
        + ","
        + DATETIME.format(created)
        + ","
        + STATUSES[(int) ((id + v) % STATUSES.length)]
        + ","
        + COUNTRIES[(int) ((id * 3 + v) % COUNTRIES.length)]
        + ",+31 6 "
        + (10_000_000 + (id * 31 + v * 7) % 89_999_999)
        + ",customer since "
        + created.getYear()
        + " revision "
        + v
        + " tier "
        + (char) ('A' + (id + v) % 5);
  }

  private static long single(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
