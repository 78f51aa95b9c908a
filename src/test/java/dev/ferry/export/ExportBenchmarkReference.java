package dev.ferry.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a user would do by hand instead of a revision export: DuckDB's {@code COPY (SELECT …) TO
 * 'file.json'} of the same records to local disk, then one upload of that file with the AWS SDK.
 *
 * <p>The SELECT is the simplest one a user would write: the fixed columns renamed as in a
 * Kissmetrics line and the properties as they are stored, one JSON object ({@code ::JSON}, so
 * DuckDB writes it as an object, not as a quoted string). The lines are not quite Kissmetrics
 * lines, which hold the properties at the top level. {@link #FLAT} gives that shape by taking each
 * property the user knows of out of the JSON text; measured alone it copies about half as fast
 * (inside the benchmark the two took about the same time), so it is only timed for comparison and
 * the ratio is taken against the simpler one. Neither has {@code ORDER BY sequence}: DuckDB keeps a
 * table's insertion order, which is sequence order, so the lines come out in the same order without
 * the sort, which made the COPY about 1.5 times slower.
 */
final class ExportBenchmarkReference {
  static final String SELECT =
      "SELECT identity AS _p, CAST(floor(epoch_ms(ts) / 1000) AS BIGINT) AS _t,"
          + " event_name AS _n, second_identity AS _p2, properties::JSON AS properties"
          + " FROM records";

  /** The Kissmetrics shape: the known properties at the top level (absent ones as null). */
  static final String FLAT =
      "SELECT identity AS _p, CAST(floor(epoch_ms(ts) / 1000) AS BIGINT) AS _t,"
          + " event_name AS _n, second_identity AS _p2,"
          + " properties->>'url' AS url, properties->>'campaign' AS campaign,"
          + " properties->>'amount' AS amount, properties->>'plan' AS plan,"
          + " properties->>'company size' AS \"company size\""
          + " FROM records";

  /** How long each part took and what it wrote. */
  record Timing(double copySeconds, double uploadSeconds, long bytes, long lines) {
    double seconds() {
      return copySeconds + uploadSeconds;
    }
  }

  private ExportBenchmarkReference() {}

  /** COPY to {@code file}, then upload it as {@code bucket/key}; the file is deleted after. */
  static Timing run(DataSource store, Path file, S3Client raw, String bucket, String key)
      throws SQLException, IOException {
    long start = System.nanoTime();
    copy(store, SELECT, file);
    long copied = System.nanoTime();
    raw.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
    long uploaded = System.nanoTime();
    long bytes = Files.size(file);
    long lines;
    try (InputStream in = Files.newInputStream(file)) {
      lines = newlines(in);
    }
    Files.delete(file);
    return new Timing((copied - start) / 1e9, (uploaded - copied) / 1e9, bytes, lines);
  }

  /** Only the COPY of {@link #FLAT} to {@code file}; returns its seconds and deletes the file. */
  static double copyFlat(DataSource store, Path file) throws SQLException, IOException {
    long start = System.nanoTime();
    copy(store, FLAT, file);
    double seconds = (System.nanoTime() - start) / 1e9;
    Files.delete(file);
    return seconds;
  }

  private static void copy(DataSource store, String select, Path file)
      throws SQLException, IOException {
    Files.deleteIfExists(file);
    try (Connection connection = store.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("COPY (" + select + ") TO '" + file.toAbsolutePath() + "' (FORMAT json)");
    }
  }

  /** Counts the {@code \n} bytes of {@code in}. */
  static long newlines(InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long count = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          count++;
        }
      }
    }
    return count;
  }
}
