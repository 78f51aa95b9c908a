package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.EventExportDefinition.Type;
import dev.ferry.export.ExportedFiles.Row;
import dev.ferry.store.RecordCursor;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.StoredRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event exports end to end (SPEC §5) against the embedded S3 and DuckDB: every file is read back by
 * a reader that is not the writer, and its rows equal the events selected from the store.
 */
class EventExportTest {
  static final List<String> NAMES = List.of("Viewed Page", "Achat réussi", "Signed Up");
  static final Map<String, String> SAFE =
      Map.of(
          "Viewed Page", "Viewed_Page", "Achat réussi", "Achat_r_ussi", "Signed Up", "Signed_Up");
  private static final DateTimeFormatter RUN =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  @TempDir Path dir;
  private ExportFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ExportFixture(dir, RevisionPolicy.DEFAULT);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** 60 events of 3 names over two UTC days, aliases and a properties record. */
  static List<Record> sample(int from) {
    List<Record> records = new ArrayList<>();
    Instant start = Instant.parse("2026-11-18T01:00:00.250Z");
    for (int i = from; i < from + 60; i++) {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("n", Integer.toString(i));
      properties.put("plan", i % 2 == 0 ? "pro" : "free");
      if (i % 5 == 0) {
        properties.put("note", "said \"hi\", then\nleft <fast> & gone; Zürich 🚀");
      }
      records.add(
          new Event(
              "user-" + (i % 7),
              start.plus(Duration.ofMinutes(47L * (i % 60))),
              NAMES.get(i % 3),
              properties));
    }
    records.add(new Alias("user-1", "user-1@example.com", start));
    records.add(new Alias("user-2", "user-3", start.plusSeconds(5)));
    records.add(new SetProperties("user-4", start, Map.of("city", "Zürich")));
    return records;
  }

  @Test
  void jsonFilesHoldEachSelectedEventOnceSplitByNameAndDay() throws Exception {
    fixture.append(sample(0), Duration.ofMinutes(1));
    EventExportDefinition definition = ExportFixture.events("ev", Type.ALL_EVENTS, Format.JSON);

    String run = runAndName(definition);

    Map<String, List<Row>> expected = expectedGroups(e -> true);
    JsonNode manifest = manifest("ev", run);
    Map<String, List<Row>> actual = new TreeMap<>();
    for (JsonNode file : manifest.get("files")) {
      String key = file.get("key").asText();
      String name = nameOf(key);
      List<Row> rows = ExportedFiles.json(fixture.bytes(key), name, true);
      assertThat(file.get("rows").asLong()).isEqualTo(rows.size());
      actual.computeIfAbsent(groupOf(key, name), k -> new ArrayList<>()).addAll(rows);
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(dataKeys()).containsExactlyElementsOf(expectedKeys("ev", run, expected, ".json.gz"));
    assertManifestMatchesTheBucket(manifest, "ev", run);
  }

  @Test
  void xmlFilesCarryTheLinkedIdentities() throws Exception {
    fixture.append(sample(0), Duration.ofMinutes(1));
    EventExportDefinition definition = ExportFixture.events("ev", Type.ALL_EVENTS, Format.XML);

    String run = runAndName(definition);

    Map<String, List<Row>> actual = new TreeMap<>();
    Map<Row, List<String>> identities = new HashMap<>();
    for (JsonNode file : manifest("ev", run).get("files")) {
      String key = file.get("key").asText();
      List<Row> rows = ExportedFiles.xml(fixture.bytes(key), identities);
      actual
          .computeIfAbsent(groupOf(key, rows.get(0).eventName()), k -> new ArrayList<>())
          .addAll(rows);
    }
    assertThat(actual).isEqualTo(expectedGroups(e -> true));
    assertThat(identities)
        .allSatisfy(
            (row, linked) -> {
              switch (row.identity()) {
                case "user-1" -> assertThat(linked).containsExactly("user-1", "user-1@example.com");
                case "user-2", "user-3" -> assertThat(linked).containsExactly("user-2", "user-3");
                default -> assertThat(linked).containsExactly(row.identity());
              }
            });
    assertThat(dataKeys()).allMatch(key -> key.endsWith("-db1.xml.gz"));
  }

  @Test
  void csvFilesHaveTheSortedPropertyColumnsOfTheirEvents() throws Exception {
    fixture.append(sample(0), Duration.ofMinutes(1));
    EventExportDefinition definition = ExportFixture.events("ev", Type.ALL_EVENTS, Format.CSV);

    String run = runAndName(definition);

    Map<String, List<Row>> actual = new TreeMap<>();
    for (JsonNode file : manifest("ev", run).get("files")) {
      String key = file.get("key").asText();
      List<String> header = new ArrayList<>();
      List<Row> rows = ExportedFiles.csv(fixture.bytes(key), header);
      List<String> names = new ArrayList<>();
      rows.forEach(
          r ->
              r.properties().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add));
      assertThat(header.subList(0, 3)).containsExactly("ts", "identity", "eventName");
      assertThat(header.subList(3, header.size()))
          .isSorted()
          .containsExactlyInAnyOrderElementsOf(names);
      actual
          .computeIfAbsent(groupOf(key, rows.get(0).eventName()), k -> new ArrayList<>())
          .addAll(rows);
    }
    assertThat(actual).isEqualTo(expectedGroups(e -> true));
  }

  @Test
  void parquetFilesReadByDuckDbHoldTheEventsWithExactTimes() throws Exception {
    fixture.append(sample(0), Duration.ofMinutes(1));
    EventExportDefinition definition = ExportFixture.events("ev", Type.ALL_EVENTS, Format.PARQUET);

    String run = runAndName(definition);

    Map<String, List<Row>> actual = new TreeMap<>();
    List<Instant> times = new ArrayList<>();
    for (JsonNode file : manifest("ev", run).get("files")) {
      String key = file.get("key").asText();
      assertThat(key).endsWith("-db1.parquet");
      List<Row> rows = ExportedFiles.parquet(fixture.bytes(key), dir, times);
      assertThat(file.get("rows").asLong()).isEqualTo(rows.size());
      actual
          .computeIfAbsent(groupOf(key, rows.get(0).eventName()), k -> new ArrayList<>())
          .addAll(rows);
    }
    assertThat(actual).isEqualTo(expectedGroups(e -> true));
    assertThat(times)
        .containsExactlyInAnyOrderElementsOf(
            events(e -> true).stream().map(Event::timestamp).toList());
    assertManifestMatchesTheBucket(manifest("ev", run), "ev", run);
  }

  @Test
  void selectedEventsExportOnlyTheNamedEvents() throws Exception {
    fixture.append(sample(0), Duration.ofMinutes(1));
    EventExportDefinition definition =
        ExportFixture.events(
            "picked",
            Type.SELECTED_EVENTS,
            List.of("Signed Up", "Never Sent"),
            Format.JSON,
            new EventExportDefinition.Recurring(Duration.ofHours(4)),
            EventExportDefinition.DEFAULT_CHUNK_SIZE);

    String run = runAndName(definition);

    List<Row> rows = new ArrayList<>();
    for (JsonNode file : manifest("picked", run).get("files")) {
      rows.addAll(ExportedFiles.json(fixture.bytes(file.get("key").asText()), "Signed Up", true));
    }
    assertThat(rows)
        .containsExactlyInAnyOrderElementsOf(
            events(e -> e.name().equals("Signed Up")).stream().map(Row::of).toList());
    assertThat(dataKeys()).allMatch(key -> key.contains("-Signed_Up-"));
  }

  @Test
  void smallChunksRollOverAtTheLimitWithoutSplittingOrLosingARecord() throws Exception {
    List<Record> many = new ArrayList<>();
    Instant day = Instant.parse("2026-11-19T00:00:00Z");
    for (int i = 0; i < 400; i++) {
      many.add(
          new Event(
              "user-" + i,
              day.plusSeconds(i * 60L),
              "Viewed Page",
              Map.of("n", Integer.toString(i), "id", java.util.UUID.randomUUID().toString())));
    }
    fixture.append(many, Duration.ofMinutes(1));
    long chunk = 2_000;
    EventExportDefinition definition =
        ExportFixture.events(
            "small",
            Type.ALL_EVENTS,
            List.of(),
            Format.JSON,
            new EventExportDefinition.Recurring(Duration.ofHours(4)),
            chunk);

    String run = runAndName(definition);

    JsonNode manifest = manifest("small", run);
    List<Row> rows = new ArrayList<>();
    int index = 0;
    JsonNode files = manifest.get("files");
    assertThat(files.size()).isGreaterThan(5);
    for (JsonNode file : files) {
      String key = file.get("key").asText();
      assertThat(key).isEqualTo("small-" + run + "-Viewed_Page-20261119-" + index + "-db1.json.gz");
      long size =
          fixture.raw.headObject(b -> b.bucket(ExportFixture.BUCKET).key(key)).contentLength();
      if (index < files.size() - 1) {
        assertThat(size).isGreaterThanOrEqualTo(chunk).isLessThan(chunk + chunk / 16 + 400);
      } else {
        assertThat(size).isLessThan(chunk + chunk / 16 + 400);
      }
      List<Row> inFile = ExportedFiles.json(fixture.bytes(key), "Viewed Page", true);
      assertThat(file.get("rows").asLong()).isEqualTo(inFile.size());
      rows.addAll(inFile);
      index++;
    }
    assertThat(rows).isEqualTo(expectedGroups(e -> true).values().iterator().next());
    assertManifestMatchesTheBucket(manifest, "small", run);
  }

  private String runAndName(EventExportDefinition definition) {
    String run = RUN.format(fixture.clock.instant());
    ExportOutcome outcome = fixture.run(definition);
    assertThat(outcome.status()).isEqualTo(dev.ferry.store.RunStatus.SUCCEEDED);
    return run;
  }

  private JsonNode manifest(String requestId, String run) throws Exception {
    return ExportedFiles.JSON.readTree(fixture.read(requestId + "-" + run + "-manifest.json"));
  }

  /** The manifest names every data file in the bucket, with its true size; totals add up. */
  private void assertManifestMatchesTheBucket(JsonNode manifest, String requestId, String run) {
    List<String> listed = new ArrayList<>();
    long rows = 0;
    long bytes = 0;
    for (JsonNode file : manifest.get("files")) {
      String key = file.get("key").asText();
      listed.add(key);
      long size =
          fixture.raw.headObject(b -> b.bucket(ExportFixture.BUCKET).key(key)).contentLength();
      assertThat(file.get("bytes").asLong()).as(key).isEqualTo(size);
      rows += file.get("rows").asLong();
      bytes += size;
    }
    assertThat(listed)
        .containsExactlyInAnyOrderElementsOf(
            fixture.keys().stream()
                .filter(k -> k.startsWith(requestId + "-" + run + "-"))
                .filter(k -> !k.endsWith("manifest.json"))
                .toList());
    assertThat(manifest.get("requestId").asText()).isEqualTo(requestId);
    assertThat(manifest.get("rows").asLong()).isEqualTo(rows);
    assertThat(manifest.get("bytes").asLong()).isEqualTo(bytes);
  }

  private List<String> dataKeys() {
    return fixture.keys().stream().filter(k -> !k.endsWith("-manifest.json")).sorted().toList();
  }

  /** The keys SPEC §5 names for these groups, each in one file (index 0). */
  private static List<String> expectedKeys(
      String requestId, String run, Map<String, List<Row>> groups, String extension) {
    return groups.keySet().stream()
        .map(
            group -> {
              String[] parts = group.split("\\|");
              return requestId
                  + "-"
                  + run
                  + "-"
                  + SAFE.get(parts[0])
                  + "-"
                  + parts[1]
                  + "-0-db1"
                  + extension;
            })
        .sorted()
        .toList();
  }

  private static String nameOf(String key) {
    return SAFE.entrySet().stream()
        .filter(e -> key.contains("-" + e.getValue() + "-"))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static String groupOf(String key, String name) {
    String afterName =
        key.substring(key.indexOf("-" + SAFE.get(name) + "-") + SAFE.get(name).length() + 2);
    return name + "|" + afterName.substring(0, 8);
  }

  /** The stored events matching {@code filter}, by (name, UTC day), in (time, sequence) order. */
  private Map<String, List<Row>> expectedGroups(Predicate<Event> filter) {
    Map<String, List<Row>> groups = new TreeMap<>();
    events(filter).stream()
        .sorted(Comparator.comparing(Event::timestamp))
        .forEach(
            e ->
                groups
                    .computeIfAbsent(
                        e.name() + "|" + DAY.format(e.timestamp()), k -> new ArrayList<>())
                    .add(Row.of(e)));
    return groups;
  }

  private List<Event> events(Predicate<Event> filter) {
    List<Event> events = new ArrayList<>();
    try (RecordCursor cursor = fixture.store.records().read(1, Long.MAX_VALUE)) {
      while (cursor.hasNext()) {
        StoredRecord stored = cursor.next();
        if (stored.record() instanceof Event event && filter.test(event)) {
          events.add(event);
        }
      }
    }
    return events;
  }
}
