package dev.ferry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.Record;
import dev.ferry.export.ExportProgress;
import dev.ferry.export.RevisionExportDefinition;
import dev.ferry.export.RevisionExportDefinition.Cutoff;
import dev.ferry.export.RevisionExporter;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Source;
import dev.ferry.store.duckdb.DuckDbStore;
import dev.ferry.testing.RawS3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Golden files of the revision export (SPEC §4): the Kissmetrics JSON objects in {@code
 * export/golden/input.jsonl}, received as the REST API receives them ({@link KmJson}), one group
 * (separated by a blank line) every six minutes so each group is a revision, exported with a fixed
 * clock, give byte for byte the files under {@code export/golden/expected/}.
 *
 * <p>To regenerate after a deliberate format change, run with {@code -Dferry.golden.update=true}
 * and review the diff.
 */
class RevisionExportGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/export/golden");
  private static final String BUCKET = "golden";

  @TempDir Path dir;

  @Test
  void exportGivesTheGoldenFiles() throws IOException {
    Map<String, String> actual = export();
    Path expectedDir = GOLDEN.resolve("expected");
    if (Boolean.getBoolean("ferry.golden.update")) {
      write(expectedDir, actual);
    }
    assertThat(actual).isEqualTo(read(expectedDir));
  }

  private Map<String, String> export() throws IOException {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T23:40:00.250Z"));
    try (EmbeddedS3 s3 =
            EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, EmbeddedS3.generateKeys());
        S3Client raw = RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey());
        DuckDbStore store =
            DuckDbStore.open(dir.resolve("ferry.duckdb"), clock, RevisionPolicy.DEFAULT)) {
      raw.createBucket(b -> b.bucket(BUCKET));
      int request = 0;
      for (List<Record> group : groups()) {
        store.records().append(group, Source.api("request-" + ++request));
        clock.advance(Duration.ofMinutes(6));
      }
      clock.set(Instant.parse("2026-11-21T06:00:00Z"));
      var definition =
          new RevisionExportDefinition(
              "golden",
              BUCKET,
              "",
              Duration.ofHours(12),
              Duration.ofHours(1),
              Cutoff.YESTERDAY,
              false,
              Optional.empty());
      var exporter =
          new RevisionExporter(
              store.records(),
              store.revisions(),
              store.exports(),
              Files.createDirectories(dir.resolve("spool")),
              clock);
      try (ObjectStore objects = S3ObjectStore.connect(s3.connection())) {
        exporter.run(definition, objects, Instant.MAX, new ExportProgress());
      }
      Map<String, String> bucket = new TreeMap<>();
      raw.listObjectsV2Paginator(b -> b.bucket(BUCKET))
          .contents()
          .forEach(
              o ->
                  bucket.put(
                      o.key(),
                      raw.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key())).asUtf8String()));
      return bucket;
    }
  }

  /** The input's groups of records, parsed as {@code POST /api/records} parses them. */
  private static List<List<Record>> groups() throws IOException {
    List<List<Record>> groups = new ArrayList<>();
    List<Record> group = new ArrayList<>();
    int index = 0;
    for (String line : Files.readAllLines(GOLDEN.resolve("input.jsonl"))) {
      if (line.isBlank()) {
        groups.add(group);
        group = new ArrayList<>();
      } else {
        group.addAll(KmJson.records(Json.MAPPER.readTree(line), index++));
      }
    }
    groups.add(group);
    return groups;
  }

  private static Map<String, String> read(Path directory) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String key = directory.relativize(path).toString().replace('\\', '/');
        files.put(key, Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static void write(Path directory, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = directory.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
