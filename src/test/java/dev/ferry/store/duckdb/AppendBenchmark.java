package dev.ferry.store.duckdb;

import dev.ferry.event.Event;
import dev.ferry.store.Checkpoint;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Source;
import dev.ferry.store.SourcedRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Measures {@code append(batch, checkpoint)} against DuckDB's native {@code read_csv} loading the
 * same records, as a Kissmetrics CSV on local disk, into a table with the same schema.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.ferry.store.duckdb.AppendBenchmark [rows] [batch]
 * </pre>
 */
public final class AppendBenchmark {
  private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");
  private static final String[] NAMES = {"Campaign Source", "Plan", "Browser", "URL"};
  private static final Source SOURCE = new Source("km-import", "run-1", "in/events.csv", 0);

  private AppendBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path directory = Files.createTempDirectory("ferry-append-benchmark");
    var policy = new RevisionPolicy(java.time.Duration.ofMinutes(5), 1_000_000);
    try (var store =
        DuckDbStore.open(directory.resolve("ferry.duckdb"), Clock.systemUTC(), policy)) {
      double append = appendSeconds(store, rows, batchSize);
      Path csv = writeCsv(directory.resolve("events.csv"), rows);
      double reference = referenceSeconds(store, csv);
      report(rows, batchSize, append, reference, Files.size(csv));
    }
  }

  private static double appendSeconds(DuckDbStore store, int rows, int batchSize) {
    long elapsed = 0;
    for (int start = 0; start < rows; start += batchSize) {
      var batch = batch(start, Math.min(rows, start + batchSize));
      var checkpoint =
          new Checkpoint(
              "km-import", "in/events.csv", "etag", 1L << 40, start, start * 100L, false);
      long before = System.nanoTime();
      store.records().append(batch, checkpoint);
      elapsed += System.nanoTime() - before;
    }
    return elapsed / 1e9;
  }

  private static List<SourcedRecord> batch(int from, int to) {
    var batch = new ArrayList<SourcedRecord>(to - from);
    for (int i = from; i < to; i++) {
      var properties = new LinkedHashMap<String, String>();
      String[] values = values(i);
      for (int p = 0; p < NAMES.length; p++) {
        properties.put(NAMES[p], values[p]);
      }
      var event = new Event(identity(i), timestamp(i), eventName(i), properties);
      batch.add(new SourcedRecord(event, SOURCE.atLine(i + 2L)));
    }
    return batch;
  }

  private static String identity(int i) {
    return "user" + (i % 50_000) + "@example.com";
  }

  private static Instant timestamp(int i) {
    return FIRST.plusSeconds(i);
  }

  private static String eventName(int i) {
    return "Viewed Page " + (i % 25);
  }

  private static String[] values(int i) {
    return new String[] {
      "google-" + (i % 100), "plan-" + (i % 3), "Firefox " + (i % 40), "https://example.com/p/" + i
    };
  }

  private static Path writeCsv(Path file, int rows) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("Identity,Timestamp,Event," + String.join(",", NAMES) + "\n");
      for (int i = 0; i < rows; i++) {
        out.write(identity(i) + "," + timestamp(i).getEpochSecond() + "," + eventName(i) + ",");
        out.write(String.join(",", values(i)) + "\n");
      }
    }
    return file;
  }

  private static double referenceSeconds(DuckDbStore store, Path csv) throws SQLException {
    try (Connection connection = store.dataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.execute(sameSchema(connection));
      long before = System.nanoTime();
      statement.execute(referenceInsert(csv));
      return (System.nanoTime() - before) / 1e9;
    }
  }

  private static String sameSchema(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var row =
            statement.executeQuery(
                "SELECT sql FROM duckdb_tables() WHERE table_name = 'records'")) {
      row.next();
      return row.getString(1).replaceFirst("(?i)CREATE TABLE records", "CREATE TABLE records_ref");
    }
  }

  private static String referenceInsert(Path csv) {
    return "INSERT INTO records_ref SELECT row_number() OVER () AS sequence, 'event', Identity,"
        + " NULL, Event, to_timestamp(Timestamp)::TIMESTAMP, json_object('Campaign Source',"
        + " \"Campaign Source\", 'Plan', Plan, 'Browser', Browser, 'URL', URL),"
        + " current_timestamp::TIMESTAMP, 1, 'km-import', 'run-1', 'in/events.csv',"
        + " row_number() OVER () + 1 FROM read_csv('"
        + csv.toAbsolutePath()
        + "', header = true, columns = {'Identity': 'VARCHAR', 'Timestamp': 'BIGINT',"
        + " 'Event': 'VARCHAR', 'Campaign Source': 'VARCHAR', 'Plan': 'VARCHAR',"
        + " 'Browser': 'VARCHAR', 'URL': 'VARCHAR'})";
  }

  private static void report(
      int rows, int batchSize, double append, double reference, long csvBytes) {
    System.out.printf(
        "append(batch, checkpoint): %d rows in %d-row batches, %.2f s, %.0f rows/s%n",
        rows, batchSize, append, rows / append);
    System.out.printf(
        "native read_csv (%d MB file): %.2f s, %.0f rows/s%n",
        csvBytes >> 20, reference, rows / reference);
    System.out.printf("ratio append / native: %.2f%n", reference / append);
  }
}
