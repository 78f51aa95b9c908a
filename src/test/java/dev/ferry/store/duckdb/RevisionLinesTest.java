package dev.ferry.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import dev.ferry.export.format.KmJsonLine;
import dev.ferry.store.LineCursor;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RecordCursor;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's fast path for revision files gives exactly the lines of encoding its records one by
 * one ({@link KmJsonLine}), through both ways records are stored (small batches through the
 * appender, large ones through a batch file), and a JSON parser reads back the records.
 */
class RevisionLinesTest {
  private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(START);

  private static List<Record> awkward() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("quote \" and \\ backslash", "line\nbreak\ttab\rreturn\b\f");
    properties.put("control", "\u0001\u001f\u007f");
    properties.put("non-ASCII é", "日本 😀 \u2028");
    properties.put("slash", "a/b <>&");
    properties.put("empty", "");
    properties.put("json-looking", "{\"a\":1}");
    return List.of(
        new Event("john", Instant.parse("2024-02-29T23:59:59.999Z"), "Visited Site", Map.of()),
        new Event("jöhn \"q\"", Instant.parse("2024-02-29T12:00:00Z"), "Ñame\n", properties),
        new SetProperties("mary", Instant.parse("1969-12-31T23:59:59.500Z"), properties),
        new SetProperties("mary", Instant.parse("2024-01-01T00:00:00Z"), Map.of("one", "1")),
        new Alias("john", "john@example.com", Instant.parse("2024-02-01T00:00:00.250Z")));
  }

  @Test
  void smallBatchesGiveTheLinesOfTheirRecords() throws Exception {
    try (var store = open()) {
      store.records().append(awkward(), Source.api("r1"));
      assertLinesMatchRecords(store, 1, awkward().size());
    }
  }

  @Test
  void bulkLoadedBatchesGiveTheLinesOfTheirRecordsAcrossPages() throws Exception {
    List<Record> many = new ArrayList<>();
    while (many.size() < 2 * DuckDbRecordStore.LINE_PAGE_SIZE + 7) {
      many.addAll(awkward());
    }
    try (var store = open()) {
      store.records().append(many, Source.api("r1"));
      assertLinesMatchRecords(store, 1, many.size());
    }
  }

  @Test
  void aMissingRevisionHasNoLines() {
    try (var store = open();
        LineCursor lines = store.records().readRevisionLines(7)) {
      assertThat(lines.hasNext()).isFalse();
    }
  }

  private void assertLinesMatchRecords(DuckDbStore store, long revision, int expected)
      throws Exception {
    int count = 0;
    try (LineCursor lines = store.records().readRevisionLines(revision);
        RecordCursor records = store.records().readRevision(revision)) {
      while (records.hasNext()) {
        Record record = records.next().record();
        assertThat(lines.hasNext()).isTrue();
        String line = lines.next();
        assertThat(line).isEqualTo(KmJsonLine.of(record));
        if (count < awkward().size()) {
          assertParsesBackTo(JSON.readTree(line), record);
        }
        count++;
      }
      assertThat(lines.hasNext()).isFalse();
    }
    assertThat(count).isEqualTo(expected);
  }

  private static void assertParsesBackTo(JsonNode line, Record record) {
    assertThat(line.get("_p").textValue()).isEqualTo(record.identity());
    assertThat(line.get("_t").longValue())
        .isEqualTo(Math.floorDiv(record.timestamp().toEpochMilli(), 1000));
    Map<String, String> properties = new LinkedHashMap<>();
    line.properties()
        .forEach(
            field -> {
              if (!field.getKey().startsWith("_")) {
                assertThat(field.getValue().isTextual()).isTrue();
                properties.put(field.getKey(), field.getValue().textValue());
              }
            });
    if (record instanceof Alias alias) {
      assertThat(line.get("_p2").textValue()).isEqualTo(alias.secondIdentity());
      assertThat(line.size()).isEqualTo(3);
    } else if (record instanceof Event event) {
      assertThat(line.get("_n").textValue()).isEqualTo(event.name());
      assertThat(properties).containsExactlyEntriesOf(event.properties());
    } else {
      assertThat(line.has("_n")).isFalse();
      assertThat(properties).containsExactlyEntriesOf(((SetProperties) record).properties());
    }
  }

  private DuckDbStore open() {
    return DuckDbStore.open(directory.resolve("ferry.duckdb"), clock, RevisionPolicy.DEFAULT);
  }
}
