package dev.ferry.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import dev.ferry.export.format.JsonEventWriter;
import dev.ferry.export.format.JsonEventWriter.HeaderLine;
import dev.ferry.store.EventExports.EventGroup;
import dev.ferry.store.ExportSelection;
import dev.ferry.store.LineCursor;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RecordCursor;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Source;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's fast path for JSON event files ({@code EventExports#jsonLines}) gives exactly the
 * lines {@link JsonEventWriter} writes for the group's events as {@code EventExports#events} reads
 * them: awkward strings, times with milliseconds and before 1970, events stored in time order (read
 * in insertion order) and out of it (read sorted from the first page that is not), across pages of
 * several sizes, through both ways records are stored.
 */
class EventLinesTest {
  private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(START);

  private static Map<String, String> awkwardProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("quote \" and \\ backslash", "line\nbreak\ttab\rreturn\b\f");
    properties.put("control", "\u0001\u001f\u007f");
    properties.put("non-ASCII é", "日本 😀 \u2028");
    properties.put("slash", "a/b <>&");
    properties.put("empty", "");
    properties.put("json-looking", "{\"a\":1}");
    return properties;
  }

  /** Events of one name on 2024-02-29, {@code count} of them, times rising with {@code i}. */
  private static List<Record> inOrder(int count) {
    List<Record> events = new ArrayList<>();
    Instant day = Instant.parse("2024-02-29T00:00:00Z");
    String[] identities = {"john", "jöhn \"q\"\n\\", "mary\u0001", "😀 ann"};
    for (int i = 0; i < count; i++) {
      Map<String, String> properties =
          i % 3 == 0 ? awkwardProperties() : i % 3 == 1 ? Map.of() : Map.of("n", "" + i);
      // several events share a millisecond, so the sequence decides their order
      events.add(
          new Event(identities[i % 4], day.plusMillis(7L * (i / 2)), "Visited Site", properties));
    }
    return events;
  }

  @Test
  void eventsInTimeOrderGiveTheWritersLinesAcrossPages() throws Exception {
    List<Record> records = new ArrayList<>(inOrder(50));
    records.add(
        new SetProperties("john", Instant.parse("2024-02-29T01:00:00Z"), Map.of("plan", "pro")));
    try (var store = open()) {
      store.records().append(records, Source.api("r1"));
      for (int pageSize : new int[] {1, 3, 25, 50, 51, 1000}) {
        assertLinesMatchWriter(store, pageSize);
      }
    }
  }

  @Test
  void eventsOutOfTimeOrderAreReadSortedFromTheFirstPageThatIsNot() throws Exception {
    List<Record> records = new ArrayList<>(inOrder(40));
    // a late event far back in time, then more in order, then one at the very start of the day
    records.add(
        new Event("late", Instant.parse("2024-02-29T00:00:00.003Z"), "Visited Site", Map.of()));
    records.addAll(inOrder(10));
    records.add(
        new Event("first", Instant.parse("2024-02-29T00:00:00Z"), "Visited Site", Map.of()));
    try (var store = open()) {
      store.records().append(records.subList(0, 20), Source.api("r1"));
      store.records().append(records.subList(20, records.size()), Source.api("r2"));
      for (int pageSize : new int[] {1, 2, 7, 20, 41, 52, 1000}) {
        assertLinesMatchWriter(store, pageSize);
      }
    }
  }

  @Test
  void timesAcrossDaysAndBefore1970GiveTheWritersNumbers() throws Exception {
    List<Record> records =
        List.of(
            new Event("a", Instant.parse("1969-12-31T23:59:59.500Z"), "Old", Map.of("x", "1")),
            new Event("a", Instant.parse("1969-12-31T00:00:00Z"), "Old", Map.of()),
            new Event("b", Instant.parse("2024-12-31T23:59:59.999Z"), "New", awkwardProperties()),
            new Event("b", Instant.parse("2025-01-01T00:00:00Z"), "New", Map.of()));
    try (var store = open()) {
      store.records().append(records, Source.api("r1"));
      assertLinesMatchWriter(store, 1);
      assertLinesMatchWriter(store, 10);
    }
  }

  @Test
  void bulkLoadedEventsGiveTheWritersLinesThroughTheStore() throws Exception {
    List<Record> many = new ArrayList<>(inOrder(2 * DuckDbEventExports.LINE_PAGE_SIZE + 7));
    try (var store = open()) {
      store.records().append(many, Source.api("r1"));
      var exports = store.eventExports();
      ExportSelection selection = ExportSelection.sequences(0, Long.MAX_VALUE);
      int count = 0;
      for (EventGroup group : exports.groups(selection)) {
        List<String> expected = writerLines(store, selection, group);
        try (LineCursor lines = exports.jsonLines(selection, group)) {
          for (String line : expected) {
            assertThat(lines.hasNext()).isTrue();
            assertThat(new String(lines.nextUtf8(), StandardCharsets.UTF_8)).isEqualTo(line);
            count++;
          }
          assertThat(lines.hasNext()).isFalse();
        }
      }
      assertThat(count).isEqualTo(many.size());
    }
  }

  private void assertLinesMatchWriter(DuckDbStore store, int pageSize) throws Exception {
    ExportSelection selection =
        ExportSelection.sequences(0, Long.MAX_VALUE).withEventNames(Set.of());
    List<EventGroup> groups = store.eventExports().groups(selection);
    assertThat(groups).isNotEmpty();
    for (EventGroup group : groups) {
      List<String> expected = writerLines(store, selection, group);
      assertThat(expected).hasSize((int) group.rows());
      List<String> actual = new ArrayList<>();
      try (LineCursor lines =
          EventLines.open(
              store.database(), ExportWhere.group(selection, group), pageSize, group.rows())) {
        while (lines.hasNext()) {
          actual.add(lines.next());
        }
      }
      assertThat(actual).as("page size %d, %s", pageSize, group).isEqualTo(expected);
      for (String line : actual) {
        JsonNode node = JSON.readTree(line);
        assertThat(node.get("profile").get("identity").isTextual()).isTrue();
        assertThat(node.get("ts").isIntegralNumber()).isTrue();
        assertThat(node.get("eventProps").isObject()).isTrue();
      }
    }
  }

  /** What the Java writer writes for the group's events, line by line, without the header. */
  private static List<String> writerLines(
      DuckDbStore store, ExportSelection selection, EventGroup group) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RecordCursor events = store.eventExports().events(selection, group)) {
      JsonEventWriter writer = new JsonEventWriter(out, group.eventName(), HeaderLine.NONE);
      while (events.hasNext()) {
        writer.write((Event) events.next().record(), List.of());
      }
      writer.close();
    }
    String text = out.toString(StandardCharsets.UTF_8);
    return text.isEmpty()
        ? List.of()
        : Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
  }

  private DuckDbStore open() {
    return DuckDbStore.open(directory.resolve("ferry.duckdb"), clock, RevisionPolicy.DEFAULT);
  }
}
