package dev.ferry.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.duckdb.DuckDbStore;
import dev.ferry.testing.RawS3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real embedded S3, a real DuckDB store and an import service over them; the raw SDK client and
 * plain SQL are the independent readers tests check effects with.
 */
final class ImportFixture implements AutoCloseable {
  static final String BUCKET = "incoming";
  private static final ObjectMapper JSON = new ObjectMapper();

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
  final EmbeddedS3 s3;
  final S3Client raw;
  final DuckDbStore store;
  final ImportService imports;

  ImportFixture(Path dir, int batchRecords) {
    this(dir, batchRecords, Function.identity());
  }

  /**
   * @param route how Ferry reaches the embedded S3, e.g. through a faulty proxy; the raw client
   *     always talks to it directly
   */
  ImportFixture(Path dir, int batchRecords, Function<S3Connection, S3Connection> route) {
    s3 = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, EmbeddedS3.generateKeys());
    raw = rawClient(s3);
    raw.createBucket(b -> b.bucket(BUCKET));
    store = DuckDbStore.open(dir.resolve("ferry.duckdb"), clock, RevisionPolicy.DEFAULT);
    imports =
        new ImportService(
            store.integrations(),
            store.imports(),
            store.runs(),
            connection -> S3ObjectStore.connect(route.apply(connection.orElse(s3.connection()))),
            clock,
            batchRecords);
  }

  static S3Client rawClient(EmbeddedS3 s3) {
    return RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey());
  }

  ImportDefinition create(Map<String, Object> settings) {
    return imports.create(settings);
  }

  void upload(String key, String content) {
    upload(key, content.getBytes(StandardCharsets.UTF_8));
  }

  void upload(String key, byte[] content) {
    raw.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
  }

  static byte[] gzip(String content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  List<String> keys() {
    return raw.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  String read(String key) {
    return raw.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
  }

  /**
   * Every stored record, by sequence, as "kind identity event-or-alias epoch-millis {properties}
   *
   * @line", read with plain SQL and the properties parsed by Jackson.
   */
  List<String> records() {
    List<String> rows = new ArrayList<>();
    String sql =
        "SELECT kind, identity, coalesce(event_name, second_identity, ''), "
            + "epoch_ms(ts), coalesce(CAST(properties AS VARCHAR), ''), source_line "
            + "FROM records ORDER BY sequence";
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(
            String.join(
                " ",
                result.getString(1),
                result.getString(2),
                result.getString(3),
                Long.toString(result.getLong(4)),
                properties(result.getString(5)),
                "@" + result.getLong(6)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private static String properties(String json) {
    if (json.isEmpty()) {
      return "{}";
    }
    try {
      return new TreeMap<>(JSON.readValue(json, new TypeReference<Map<String, String>>() {}))
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    imports.close();
    store.close();
    raw.close();
    s3.close();
  }
}
