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
 * <p>The SELECT is the simplest one that gives a Kissmetrics-like line per record: the fixed
 * columns renamed, each property the user knows of taken out of the JSON text with {@code ->>}.
 * DuckDB's JSON writer writes the absent ones as {@code null} (Ferry leaves them out), and it
 * writes aliases' {@code _p2} on every line; so its file is a little larger than Ferry's. It has no
 * {@code ORDER BY sequence}: DuckDB keeps a table's insertion order, which is sequence order, so
 * the lines come out in the same order, and the sort would make the COPY 3–5 times slower. (Writing
 * the properties as one nested object, {@code properties::JSON}, is faster still, but that is not
 * the Kissmetrics format.)
 */
final class ExportBenchmarkReference {
  static final String SELECT =
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
    Files.deleteIfExists(file);
    long start = System.nanoTime();
    try (Connection connection = store.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("COPY (" + SELECT + ") TO '" + file.toAbsolutePath() + "' (FORMAT json)");
    }
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
