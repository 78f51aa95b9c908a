package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.export.RevisionExportDefinition.Cutoff;
import dev.ferry.ingest.ImportService;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.RevisionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A Kissmetrics-format CSV imported by the recurring import and then exported gives back the same
 * records: the expected records come from the generator of the CSV, the exported lines are read
 * with Jackson (the lines are written by DuckDB).
 */
class ExportRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] COLUMNS = {"Plan", "Campaign Name", "Note"};

  @TempDir Path dir;

  @Test
  void importedCsvComesBackAsTheSameRecords() throws Exception {
    List<Row> rows = rows(500);
    try (ExportFixture fixture =
        new ExportFixture(dir, new RevisionPolicy(Duration.ofMinutes(5), 150))) {
      fixture.raw.putObject(
          b -> b.bucket(ExportFixture.BUCKET).key("in/events_1.csv"),
          RequestBody.fromString(csv(rows)));
      try (ImportService imports =
          new ImportService(
              fixture.store.integrations(),
              fixture.store.imports(),
              fixture.store.runs(),
              connection -> S3ObjectStore.connect(fixture.s3.connection()),
              fixture.clock,
              64)) {
        imports.create(
            Map.of(
                "name",
                "events",
                "bucket",
                ExportFixture.BUCKET,
                "folder",
                "in",
                "base-filename",
                "events.csv"));
        imports.runAndWait("events");
      }
      fixture.clock.advance(Duration.ofMinutes(10));

      fixture.run(ExportFixture.definition("out/", Cutoff.CLOSED, false));

      List<String> exported = new ArrayList<>();
      List<String> files =
          fixture.keys().stream().filter(k -> k.startsWith("out/revisions/")).toList();
      assertThat(files).hasSizeGreaterThan(1);
      for (int n = 1; n <= files.size(); n++) {
        for (String line : fixture.read("out/revisions/" + n + ".json").split("\n")) {
          exported.add(normalise(JSON.readTree(line)));
        }
      }
      assertThat(exported).isEqualTo(expected(rows));
    }
  }

  /** One generated CSV row; an empty event means a properties record. */
  private record Row(
      String identity, long seconds, String event, String alias, Map<String, String> properties) {}

  private static List<Row> rows(int count) {
    Random random = new Random(42);
    String[] identities = {"john", "Zoë", "ann \"q\"", "bob, jr", "日本"};
    String[] notes = {"plain", "comma, inside", "quote \" inside", "line\nbreak", "é ü 😀", " "};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("Plan", "p" + random.nextInt(5));
      if (random.nextBoolean()) {
        properties.put("Campaign Name", "c" + i);
      }
      properties.put("Note", notes[random.nextInt(notes.length)]);
      rows.add(
          new Row(
              identities[random.nextInt(identities.length)] + i % 7,
              1_700_000_000L + random.nextInt(1_000_000),
              random.nextInt(4) == 0 ? "" : "Event " + random.nextInt(10),
              random.nextInt(10) == 0 ? "alias" + i + "@example.com" : "",
              properties));
    }
    return rows;
  }

  private static String csv(List<Row> rows) {
    StringBuilder csv = new StringBuilder("Identity,Timestamp,Event,Alias");
    for (String column : COLUMNS) {
      csv.append(',').append(column);
    }
    csv.append('\n');
    for (Row row : rows) {
      csv.append(quote(row.identity())).append(',').append(row.seconds());
      csv.append(',').append(quote(row.event())).append(',').append(row.alias());
      for (String column : COLUMNS) {
        csv.append(',').append(quote(row.properties().getOrDefault(column, "")));
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  private static String quote(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  private static List<String> expected(List<Row> rows) {
    List<String> records = new ArrayList<>();
    for (Row row : rows) {
      if (!row.alias().isEmpty()) {
        records.add("alias " + row.identity() + " " + row.seconds() + " " + row.alias());
      }
      String kind = row.event().isEmpty() ? "properties" : "event " + row.event();
      records.add(
          kind
              + " "
              + row.identity()
              + " "
              + row.seconds()
              + " "
              + new TreeMap<>(row.properties()));
    }
    return records;
  }

  private static String normalise(JsonNode line) {
    String identity = line.get("_p").textValue();
    long seconds = line.get("_t").longValue();
    if (line.has("_p2")) {
      assertThat(line.size()).isEqualTo(3);
      return "alias " + identity + " " + seconds + " " + line.get("_p2").textValue();
    }
    Map<String, String> properties = new TreeMap<>();
    line.properties()
        .forEach(
            field -> {
              if (!field.getKey().startsWith("_")) {
                assertThat(field.getValue().isTextual()).as(field.getKey()).isTrue();
                properties.put(field.getKey(), field.getValue().textValue());
              }
            });
    String kind = line.has("_n") ? "event " + line.get("_n").textValue() : "properties";
    return kind + " " + identity + " " + seconds + " " + properties;
  }
}
