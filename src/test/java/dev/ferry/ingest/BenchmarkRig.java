package dev.ferry.ingest;

import dev.ferry.config.ConfigLoader;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3Credentials;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Run;
import dev.ferry.store.duckdb.DuckDbStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The benchmarks' set-up: an embedded S3 over {@code dir/s3} (its keys kept in {@code
 * dir/s3-keys.properties} so a child JVM can reopen it), a DuckDB store at {@code dir/ferry.duckdb}
 * and an import service over both with the server's default batch size.
 */
final class BenchmarkRig implements AutoCloseable {
  static final String BUCKET = "bench";
  static final String KEY = "in/events.csv";

  final EmbeddedS3 s3;
  final DuckDbStore store;
  final ImportService imports;
  final int batchRecords;

  BenchmarkRig(Path dir) throws IOException {
    s3 = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, keys(dir));
    store =
        DuckDbStore.open(dir.resolve("ferry.duckdb"), Clock.systemUTC(), RevisionPolicy.DEFAULT);
    batchRecords =
        Integer.getInteger(
            "bench.batch-records",
            ConfigLoader.load(Optional.empty(), Map.of()).ingest().batchRecords());
    imports =
        new ImportService(
            store.integrations(),
            store.imports(),
            store.runs(),
            connection -> S3ObjectStore.connect(connection.orElse(s3.connection())),
            Clock.systemUTC(),
            batchRecords);
  }

  /** The keys saved in {@code dir}, or new ones, saved there. */
  private static S3Credentials.StaticKeys keys(Path dir) throws IOException {
    Path file = dir.resolve("s3-keys.properties");
    Properties saved = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        saved.load(in);
      }
      return new S3Credentials.StaticKeys(
          saved.getProperty("access-key"), saved.getProperty("secret-key"));
    }
    S3Credentials.StaticKeys keys = EmbeddedS3.generateKeys();
    saved.setProperty("access-key", keys.accessKey());
    saved.setProperty("secret-key", keys.secretKey());
    Files.createDirectories(dir);
    try (OutputStream out = Files.newOutputStream(file)) {
      saved.store(out, "embedded S3 keys of the benchmark");
    }
    return keys;
  }

  /** Generates {@code rows} rows straight into a multipart upload; returns the object's bytes. */
  long generateIntoS3(long rows) throws IOException {
    try (S3ObjectStore objects = S3ObjectStore.connect(s3.connection().withPartSize(64L << 20))) {
      if (!objects.bucketExists(BUCKET)) {
        objects.createBucket(BUCKET);
      }
      try (OutputStream out = objects.create(BUCKET, KEY, ObjectStore.Upload.MULTIPART)) {
        return BenchmarkCsv.write(out, rows);
      }
    }
  }

  /** Uploads a local file in parts of 64 MiB. */
  void upload(Path file) throws IOException {
    try (S3ObjectStore objects = S3ObjectStore.connect(s3.connection().withPartSize(64L << 20))) {
      if (!objects.bucketExists(BUCKET)) {
        objects.createBucket(BUCKET);
      }
      try (OutputStream out = objects.create(BUCKET, KEY, ObjectStore.Upload.MULTIPART);
          InputStream in = Files.newInputStream(file)) {
        in.transferTo(out);
      }
    }
  }

  /** Imports the file end to end through the import service; returns the finished run. */
  Run importFile() throws InterruptedException {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("name", "bench");
    settings.put("bucket", BUCKET);
    settings.put("folder", "in");
    settings.put("base-filename", "events.csv");
    imports.create(settings);
    long runId = imports.runAndWait("bench");
    return store.runs().find(runId).orElseThrow();
  }

  /** The benchmark object's size in the embedded S3. */
  long s3Size() {
    try (S3ObjectStore objects = S3ObjectStore.connect(s3.connection())) {
      return objects.stat(BUCKET, KEY).size();
    }
  }

  long count(String table) throws SQLException {
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement();
        var result = statement.executeQuery("SELECT count(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    }
  }

  @Override
  public void close() {
    imports.close();
    store.close();
    s3.close();
  }
}
