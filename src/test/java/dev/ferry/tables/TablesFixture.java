package dev.ferry.tables;

import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.duckdb.DuckDbStore;
import dev.ferry.testing.RawS3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real embedded S3, a real DuckDB store and the sync engine; the bucket is written with the raw
 * SDK client and the tables read with plain SQL, not through the code under test.
 */
final class TablesFixture implements AutoCloseable {
  static final String BUCKET = "incoming";
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  final EmbeddedS3 s3;
  final S3Client raw;
  final DuckDbStore store;
  final ObjectStore objects;

  TablesFixture(Path dir) {
    this(dir, Function.identity());
  }

  /** With the sync's S3 connection passed through {@code route}, e.g. a failing proxy. */
  TablesFixture(Path dir, Function<S3Connection, S3Connection> route) {
    s3 = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, EmbeddedS3.generateKeys());
    raw = RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey());
    raw.createBucket(b -> b.bucket(BUCKET));
    store = DuckDbStore.open(dir.resolve("ferry.duckdb"), clock, RevisionPolicy.DEFAULT);
    objects = S3ObjectStore.connect(route.apply(s3.connection()));
  }

  void put(String key, byte[] bytes) {
    byte[] body = key.endsWith(".gz") ? gzip(bytes) : bytes;
    raw.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
  }

  List<TableReport> sync(TableIntegration integration) {
    return new TableSync(store.tables(), clock).run(integration, objects);
  }

  /** The rows of a query, every value as DuckDB renders it as text, NULL as {@code \N}. */
  List<List<String>> query(String sql) {
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<List<String>> result = new ArrayList<>();
      int width = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          String value = rows.getString(i);
          row.add(value == null ? "\\N" : value);
        }
        result.add(row);
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    objects.close();
    store.close();
    raw.close();
    s3.close();
  }
}
