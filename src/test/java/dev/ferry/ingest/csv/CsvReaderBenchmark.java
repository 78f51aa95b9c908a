package dev.ferry.ingest.csv;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Throughput of {@link CsvRecordReader} on a generated 2,000,000-row Kissmetrics CSV (identity,
 * timestamp, event, four properties, about 200 MB), against a reference measured in the same run on
 * the same file: the JDK's {@code BufferedReader.readLine} plus {@code String.split}, which neither
 * handles quotes nor builds records. Run with {@code java -cp target/classes: target/test-classes
 * dev.ferry.ingest.csv.CsvReaderBenchmark [rows]}.
 */
public final class CsvReaderBenchmark {
  private static final String[] EVENTS = {"Visited Site", "Signed Up", "Purchased", "Viewed Page"};
  private static final String[] COUNTRIES = {"FR", "US", "DE", "JP", "BR"};

  private CsvReaderBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    Path dir = Files.createTempDirectory("ferry-csv-bench");
    Path file = dir.resolve("events.csv");
    try {
      generate(file, rows);
      long bytes = Files.size(file);
      System.out.printf("file: %,d rows, %,d bytes%n", rows, bytes);
      for (int run = 1; run <= 3; run++) {
        double reader = time(() -> readRecords(file, rows));
        double reference = time(() -> readLines(file, rows));
        System.out.printf(
            "run %d: CsvRecordReader %,.0f rows/s %.0f MB/s | readLine+split %,.0f rows/s %.0f MB/s"
                + " | ratio %.2f%n",
            run,
            rows / reader,
            bytes / reader / 1e6,
            rows / reference,
            bytes / reference / 1e6,
            reference / reader);
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  private static void generate(Path file, int rows) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write("Identity,Timestamp,Event,Prop:Plan,Country,Page URL,Amount\n".getBytes());
      var line = new StringBuilder(160);
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        line.append("user").append(i % 50_000).append("@example.com,").append(1_700_000_000L + i);
        line.append(',')
            .append(EVENTS[i % EVENTS.length])
            .append(',')
            .append(i % 3 == 0 ? "Pro" : "Free");
        line.append(',').append(COUNTRIES[i % COUNTRIES.length]);
        line.append(",https://example.com/products/item-").append(i).append("?ref=mail");
        line.append(',').append(i % 1000).append('.').append(i % 100).append('\n');
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private interface Pass {
    long run() throws IOException;
  }

  private static double time(Pass pass) throws IOException {
    long start = System.nanoTime();
    long count = pass.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (count == 0) {
      throw new IllegalStateException("nothing read");
    }
    return seconds;
  }

  private static long readRecords(Path file, int rows) throws IOException {
    long records = 0;
    try (InputStream in = Files.newInputStream(file);
        var reader = CsvRecordReader.open(in, ImportFormat.defaults())) {
      for (ParsedRow row = reader.next(); row != null; row = reader.next()) {
        if (!(row instanceof ParsedRow.Accepted accepted)) {
          throw new IllegalStateException("rejected: " + row);
        }
        records += accepted.records().size();
      }
    }
    if (records != rows) {
      throw new IllegalStateException(records + " records for " + rows + " rows");
    }
    return records;
  }

  private static long readLines(Path file, int rows) throws IOException {
    long fields = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        fields += line.split(",", -1).length;
      }
    }
    return fields / 7 == rows ? fields : 0;
  }
}
