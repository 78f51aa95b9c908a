package dev.ferry.export;

import dev.ferry.event.Record;
import dev.ferry.export.RevisionExportDefinition.Cutoff;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Source;
import dev.ferry.store.duckdb.DuckDbStore;
import dev.ferry.testing.RawS3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real embedded S3, a real DuckDB store with a clock the test moves, and a revision exporter over
 * them; the raw SDK client is the independent reader of the bucket.
 */
final class ExportFixture implements AutoCloseable {
  static final String BUCKET = "exports";
  static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final EmbeddedS3 s3;
  final S3Client raw;
  DuckDbStore store;
  private final Path dir;
  private final RevisionPolicy policy;
  final Path spool;
  private final Function<S3Connection, S3Connection> route;

  ExportFixture(Path dir, RevisionPolicy policy) {
    this(dir, policy, Function.identity());
  }

  /**
   * @param route how the exporter reaches the embedded S3, e.g. through a faulty proxy; the raw
   *     client always talks to it directly
   */
  ExportFixture(Path dir, RevisionPolicy policy, Function<S3Connection, S3Connection> route) {
    this.route = route;
    this.dir = dir;
    this.policy = policy;
    s3 = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, EmbeddedS3.generateKeys());
    raw = RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey());
    raw.createBucket(b -> b.bucket(BUCKET));
    store = DuckDbStore.open(dir.resolve("ferry.duckdb"), clock, policy);
    spool = dir.resolve("spool");
    try {
      Files.createDirectories(spool);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RevisionExportDefinition definition(String prefix, Cutoff cutoff, boolean dedupe) {
    return new RevisionExportDefinition(
        "km",
        BUCKET,
        prefix,
        RevisionExportDefinition.DEFAULT_EVERY,
        RevisionExportDefinition.DEFAULT_TIME_BUDGET,
        cutoff,
        dedupe,
        Optional.empty());
  }

  /** Appends records received now; the clock then moves on by {@code after}. */
  void append(List<? extends Record> records, Duration after) {
    store.records().append(records, Source.api("test"));
    clock.advance(after);
  }

  ExportOutcome run(RevisionExportDefinition definition) {
    return run(definition, clock, Instant.MAX);
  }

  ExportOutcome run(RevisionExportDefinition definition, Clock exporterClock, Instant deadline) {
    var exporter =
        new RevisionExporter(
            store.records(), store.revisions(), store.exports(), spool, exporterClock);
    try (ObjectStore objects = S3ObjectStore.connect(route.apply(s3.connection()))) {
      return exporter.run(definition, objects, deadline, new ExportProgress());
    }
  }

  /** Closes the store and opens it again from its file, as a server restart does. */
  void restartStore() {
    store.close();
    store = DuckDbStore.open(dir.resolve("ferry.duckdb"), clock, policy);
  }

  /** The database id the fixture's event exporter writes into file names. */
  static final String DATABASE_ID = "db1";

  /** An event export of {@code type} as {@code format}, recurring every 4h, 100 MB chunks. */
  static EventExportDefinition events(
      String name, EventExportDefinition.Type type, EventExportDefinition.Format format) {
    return events(
        name,
        type,
        List.of(),
        format,
        new EventExportDefinition.Recurring(Duration.ofHours(4)),
        EventExportDefinition.DEFAULT_CHUNK_SIZE);
  }

  static EventExportDefinition events(
      String name,
      EventExportDefinition.Type type,
      List<String> events,
      EventExportDefinition.Format format,
      EventExportDefinition.Frequency frequency,
      long chunkSize) {
    return new EventExportDefinition(
        name, BUCKET, "", type, events, format, frequency, chunkSize, true, 6, Optional.empty());
  }

  /** Runs the event exporter once, on the fixture's clock. */
  ExportOutcome run(EventExportDefinition definition) {
    var exporter = EventExporter.over(store, spool, DATABASE_ID, clock);
    try (ObjectStore objects = S3ObjectStore.connect(route.apply(s3.connection()))) {
      return exporter.run(definition, objects, new ExportProgress());
    }
  }

  byte[] bytes(String key) {
    return raw.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  /** Every key in the bucket with its ETag. */
  Map<String, String> etags() {
    Map<String, String> etags = new TreeMap<>();
    raw.listObjectsV2Paginator(b -> b.bucket(BUCKET))
        .contents()
        .forEach(object -> etags.put(object.key(), object.eTag()));
    return etags;
  }

  List<String> keys() {
    return raw.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  String read(String key) {
    return raw.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
  }

  void delete(String key) {
    raw.deleteObject(b -> b.bucket(BUCKET).key(key));
  }

  @Override
  public void close() {
    store.close();
    raw.close();
    s3.close();
  }
}
