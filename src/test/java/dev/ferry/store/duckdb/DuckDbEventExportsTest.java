package dev.ferry.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import dev.ferry.store.EventExports;
import dev.ferry.store.EventExports.EventGroup;
import dev.ferry.store.ExportSelection;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Source;
import dev.ferry.store.Store;
import dev.ferry.store.StoredRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EventExports} on DuckDB, with the Parquet files read back by {@code read_parquet} on a
 * separate in-memory database.
 */
class DuckDbEventExportsTest {
  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
  private static final Instant MIDNIGHT = Instant.parse("2024-03-02T00:00:00Z");
  private static final LocalDate MARCH_1 = LocalDate.parse("2024-03-01");
  private static final LocalDate MARCH_2 = LocalDate.parse("2024-03-02");
  private static final Source SOURCE = new Source("imports", "run-1", "in/events.csv", 0);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(T0);
  private Store store;
  private EventExports exports;

  @BeforeEach
  void openStore() {
    store =
        DuckDbStore.open(
            directory.resolve("ferry.duckdb"),
            clock,
            new RevisionPolicy(Duration.ofMinutes(5), 1_000_000));
    exports = store.eventExports();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private void append(Record... records) {
    store.records().append(List.of(records), SOURCE);
  }

  private void append(List<? extends Record> records) {
    store.records().append(records, SOURCE);
  }

  private static Event event(String name, Instant ts, String identity) {
    return new Event(identity, ts, name, Map.of());
  }

  private static Event event(String name, Instant ts, Map<String, String> properties) {
    return new Event("ann", ts, name, properties);
  }

  private static Map<String, String> ordered(String... namesAndValues) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private long last() {
    return store.records().count();
  }

  private ExportSelection all() {
    return ExportSelection.sequences(0, last());
  }

  @Test
  void groupsByNameAndUtcDayInUtf8ByteOrder() {
    append(
        event("😀", T0, "ann"),
        event("ﬀ", T0, "ann"),
        event("b", MIDNIGHT, "ann"),
        event("b", MIDNIGHT.minusMillis(1), "ann"),
        event("B", T0, "ann"),
        event("b", MIDNIGHT.plusSeconds(5), "bob"),
        new SetProperties("ann", T0, Map.of("plan", "gold")),
        new Alias("ann", "ann@example.com", T0));

    // UTF-16 order (String.compareTo) would put the emoji (a surrogate pair) before U+FB00.
    assertThat(exports.groups(all()))
        .containsExactly(
            new EventGroup("B", MARCH_1, 1),
            new EventGroup("b", MARCH_1, 1),
            new EventGroup("b", MARCH_2, 2),
            new EventGroup("ﬀ", MARCH_1, 1),
            new EventGroup("😀", MARCH_1, 1));
  }

  @Test
  void groupsKeepToTheSequenceWindowAndTheNames() {
    append(
        event("a", T0, "ann"),
        event("b", T0, "ann"),
        event("it's", T0, "ann"),
        event("a", T0, "bob"),
        event("b", T0, "bob"),
        event("a", T0, "cy"));

    var window = ExportSelection.sequences(1, 5);

    assertThat(exports.groups(window))
        .containsExactly(
            new EventGroup("a", MARCH_1, 1),
            new EventGroup("b", MARCH_1, 2),
            new EventGroup("it's", MARCH_1, 1));
    assertThat(exports.groups(window.withEventNames(Set.of("a", "it's"))))
        .containsExactly(new EventGroup("a", MARCH_1, 1), new EventGroup("it's", MARCH_1, 1));
    assertThat(exports.groups(window.withEventNames(Set.of("none")))).isEmpty();
  }

  @Test
  void groupsKeepToTheReceivedWindow() {
    append(event("a", T0, "ann"));
    clock.advance(Duration.ofMinutes(1));
    append(event("a", T0, "bob"), event("b", T0, "bob"));
    clock.advance(Duration.ofMinutes(1));
    append(event("a", T0, "cy"));

    var selection = all().receivedBetween(T0.plusSeconds(60), T0.plusSeconds(120));

    assertThat(exports.groups(selection))
        .containsExactly(new EventGroup("a", MARCH_1, 1), new EventGroup("b", MARCH_1, 1));
    assertThat(exports.identities(selection)).containsExactlyInAnyOrder("bob");
  }

  @Test
  void eventsComeByTimestampThenSequenceAsAppended() {
    var awkward =
        ordered(
            "zeta", "last name first",
            "quote", "she said \"hi\" and 'bye'",
            "lines", "one\ntwo\r\nthree\ttab\\slash",
            "ünïcödé", "日本語 ﬀ 😀",
            "empty", "");
    append(
        event("a", T0.plusSeconds(2), awkward),
        event("a", T0, ordered("n", "2")),
        event("b", T0, ordered("n", "other name")),
        event("a", T0.plusSeconds(2), ordered("n", "4")),
        event("a", T0, ordered()));
    var group = new EventGroup("a", MARCH_1, 4);

    var read = events(all(), group);

    assertThat(read).extracting(StoredRecord::sequence).containsExactly(2L, 5L, 1L, 4L);
    assertThat(read).containsExactly(stored(2), stored(5), stored(1), stored(4));
    assertThat(((Event) read.get(2).record()).properties())
        .containsExactlyEntriesOf(awkward)
        .extracting(Map::keySet)
        .satisfies(
            keys -> assertThat(List.copyOf(keys)).containsExactlyElementsOf(awkward.keySet()));
  }

  @Test
  void eventsArePagedWithoutRepeatsOrGapsAcrossEqualTimestamps() {
    var batch = new ArrayList<Event>();
    for (int i = 0; i < 25_000; i++) {
      batch.add(event("a", T0.plusMillis(i % 7), "id-" + i));
    }
    append(batch);

    var selection = all();

    var read = new ArrayList<StoredRecord>();
    try (var cursor = exports.events(selection, new EventGroup("a", MARCH_1, 25_000))) {
      read.add(cursor.next());
      append(event("a", T0, "late"), event("a", T0.plusMillis(3), "late"));
      cursor.forEachRemaining(read::add);
    }

    var expected = new ArrayList<Long>();
    for (int millis = 0; millis < 7; millis++) {
      for (long sequence = millis + 1; sequence <= 25_000; sequence += 7) {
        expected.add(sequence);
      }
    }
    assertThat(read).extracting(StoredRecord::sequence).containsExactlyElementsOf(expected);
  }

  @Test
  void identitiesAreThoseOfEveryKindInTheWindowWhateverTheNames() {
    append(event("a", T0, "before"));
    append(
        event("a", T0, "ann"),
        new SetProperties("bob", T0, Map.of("plan", "gold")),
        new Alias("cy", "cy@example.com", T0),
        event("b", T0, "ann"),
        event("b", T0, "dé"));
    append(event("a", T0, "after"));

    var selection = ExportSelection.sequences(1, 6).withEventNames(Set.of("a"));

    assertThat(exports.identities(selection))
        .containsExactlyInAnyOrder("ann", "bob", "cy", "cy@example.com", "dé");
    assertThat(exports.identities(ExportSelection.sequences(6, 7))).containsExactly("after");
    assertThat(exports.identities(ExportSelection.sequences(6, 7).receivedBetween(T0, T0)))
        .isEmpty();
  }

  private List<StoredRecord> events(ExportSelection selection, EventGroup group) {
    var read = new ArrayList<StoredRecord>();
    try (var cursor = exports.events(selection, group)) {
      cursor.forEachRemaining(read::add);
    }
    return read;
  }

  private StoredRecord stored(long sequence) {
    try (var cursor = store.records().read(sequence, sequence)) {
      return cursor.next();
    }
  }
}
