package dev.ferry.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.event.Event;
import dev.ferry.store.EventExports;
import dev.ferry.store.EventExports.EventGroup;
import dev.ferry.store.EventExports.WrittenFile;
import dev.ferry.store.ExportSelection;
import dev.ferry.store.MutableClock;
import dev.ferry.store.Profile;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Source;
import dev.ferry.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet files of {@link EventExports}, read back with {@code read_parquet} on a separate
 * in-memory DuckDB database.
 */
class DuckDbEventParquetTest {
  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
  private static final LocalDate MARCH_1 = LocalDate.parse("2024-03-01");
  private static final Source SOURCE = new Source("imports", "run-1", "in/events.csv", 0);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MEGABYTE = 1 << 20;

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(T0);
  private Store store;
  private EventExports exports;
  private Connection reader;

  @BeforeEach
  void open() throws SQLException {
    store =
        DuckDbStore.open(
            directory.resolve("ferry.duckdb"),
            clock,
            new RevisionPolicy(Duration.ofMinutes(5), 1_000_000));
    exports = store.eventExports();
    reader = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void close() throws SQLException {
    reader.close();
    store.close();
  }

  private static Map<String, String> ordered(String... namesAndValues) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private ExportSelection all() {
    return ExportSelection.sequences(0, store.records().count());
  }

  private Path newDirectory(String name) {
    try {
      return Files.createDirectory(directory.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void eventFilesHoldTheGroupInOrderWithTypedColumns() throws Exception {
    var awkward =
        ordered(
            "zeta", "first key",
            "quote", "she said \"hi\" and 'bye'",
            "lines", "one\ntwo\r\nthree\ttab\\slash",
            "ünïcödé", "日本語 ﬀ 😀",
            "empty", "");
    var events =
        List.of(
            new Event("ann", T0.plusMillis(2_001), "it's", awkward),
            new Event("bob", T0.plusMillis(7), "it's", ordered("n", "1", "a", "2")),
            new Event("cy", T0.plusMillis(7), "other", ordered("n", "x")),
            new Event("dé", T0.plusMillis(2_001), "it's", ordered()));
    store.records().append(events, SOURCE);

    var files =
        exports.writeParquet(
            all(), new EventGroup("it's", MARCH_1, 3), newDirectory("out"), MEGABYTE);

    assertThat(files).hasSize(1);
    assertThat(columns(files.get(0)))
        .containsExactly(
            "ts TIMESTAMP",
            "identity VARCHAR",
            "eventName VARCHAR",
            "eventProps MAP(VARCHAR, VARCHAR)");
    assertThat(rows(files))
        .containsExactly(row(events.get(1)), row(events.get(0)), row(events.get(3)));
    assertThat(files.get(0).rows()).isEqualTo(3);
    assertThat(files.get(0).bytes()).isEqualTo(Files.size(files.get(0).path()));
  }

  @Test
  void smallChunksGiveSeveralFilesWithEveryRowOnceInOrder() throws Exception {
    var events = new ArrayList<Event>();
    for (int i = 0; i < 3_000; i++) {
      var properties = ordered("i", Integer.toString(i), "text", "value " + (i * 7919 % 1000));
      events.add(new Event("id-" + i, T0.plusMillis((i * 7919L) % 5_000), "a", properties));
    }
    store.records().append(events, SOURCE);
    Sql.execute(store, "SET threads = 8");

    var files =
        exports.writeParquet(
            all(), new EventGroup("a", MARCH_1, 3_000), newDirectory("out"), 8_192);

    assertThat(files).hasSizeGreaterThan(2);
    var expected =
        events.stream()
            .sorted(
                java.util.Comparator.comparing(Event::timestamp)
                    .thenComparing(e -> Integer.parseInt(e.properties().get("i"))))
            .map(DuckDbEventParquetTest::row)
            .toList();
    assertThat(rows(files)).containsExactlyElementsOf(expected);
    for (WrittenFile file : files) {
      assertThat(file.rows()).isEqualTo(count(file)).isPositive();
      assertThat(file.bytes()).isEqualTo(Files.size(file.path())).isLessThan(2 * 8_192);
    }
    assertThat(files.subList(0, files.size() - 1))
        .allSatisfy(file -> assertThat(file.bytes()).isGreaterThanOrEqualTo(8_192));
    assertThat(threads()).isEqualTo("8");
  }

  @Test
  void largeGroupsStayInOrderAcrossFilesWithManyThreads() throws Exception {
    int count = 400_000;
    var events = new ArrayList<Event>(count);
    for (int i = 0; i < count; i++) {
      events.add(new Event("id-" + i, T0.plusMillis((i * 7919L) % 3_600_000), "a", Map.of()));
    }
    store.records().append(events, SOURCE);
    Sql.execute(store, "SET threads = 8");

    var files =
        exports.writeParquet(
            all(), new EventGroup("a", MARCH_1, count), newDirectory("out"), MEGABYTE);

    assertThat(files).hasSizeGreaterThan(2);
    var read = new ArrayList<Long>(count);
    for (WrittenFile file : files) {
      var ids = query(file, "epoch_ms(ts), substr(identity, 4)");
      assertThat(file.rows()).isEqualTo(ids.size());
      ids.forEach(row -> read.add(Long.parseLong(row.get(1))));
    }
    var expected = new ArrayList<Long>(count);
    events.stream()
        .sorted(java.util.Comparator.comparing(Event::timestamp))
        .forEach(event -> expected.add(Long.parseLong(event.identity().substring(3))));
    assertThat(read).isEqualTo(expected);
  }

  private String threads() throws SQLException {
    try (var connection = ((DuckDbStore) store).dataSource().getConnection();
        var statement = connection.createStatement();
        var row = statement.executeQuery("SELECT current_setting('threads')")) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void theSameRowsGiveTheSameBytes() throws Exception {
    var events = new ArrayList<Event>();
    for (int i = 0; i < 2_000; i++) {
      events.add(new Event("id-" + i % 37, T0.plusMillis(i % 911), "a", ordered("i", "v" + i)));
    }
    store.records().append(events, SOURCE);
    var group = new EventGroup("a", MARCH_1, 2_000);
    Sql.execute(store, "SET threads = 8");

    var first = exports.writeParquet(all(), group, newDirectory("first"), 8_192);
    var second = exports.writeParquet(all(), group, newDirectory("second"), 8_192);

    assertThat(first).hasSameSizeAs(second).hasSizeGreaterThan(1);
    for (int i = 0; i < first.size(); i++) {
      assertThat(Files.mismatch(first.get(i).path(), second.get(i).path())).isEqualTo(-1);
    }
  }

  @Test
  void noRowsGiveOneValidFile() throws Exception {
    var files =
        exports.writeParquet(
            all(), new EventGroup("none", MARCH_1, 0), newDirectory("out"), MEGABYTE);

    assertThat(files).hasSize(1);
    assertThat(files.get(0).rows()).isZero();
    assertThat(count(files.get(0))).isZero();
    assertThat(columns(files.get(0))).hasSize(4);
  }

  @Test
  void profileFilesHoldTheProfilesInTheOrderGiven() throws Exception {
    var profiles =
        List.of(
            new Profile(
                "zed",
                List.of("zed", "z@example.com"),
                T0.plusMillis(1),
                ordered("plan", "gold", "city", "Zürich \"ZH\"\n")),
            new Profile(
                "ann", List.of("ann"), Instant.parse("2024-03-01T23:59:59.999Z"), Map.of()));

    var files = exports.writeProfilesParquet(profiles.iterator(), newDirectory("out"), MEGABYTE);

    assertThat(files).hasSize(1);
    assertThat(columns(files.get(0)))
        .containsExactly(
            "identity VARCHAR",
            "all_identities VARCHAR[]",
            "updated TIMESTAMP",
            "properties MAP(VARCHAR, VARCHAR)");
    assertThat(
            query(
                files.get(0),
                "identity, to_json(all_identities), epoch_ms(updated),"
                    + " to_json(map_keys(properties)), to_json(map_values(properties))"))
        .containsExactly(profileRow(profiles.get(0)), profileRow(profiles.get(1)));
    assertThat(files.get(0).rows()).isEqualTo(2);
  }

  @Test
  void profilesStreamStraightFromTheStoresCursor() throws Exception {
    var events = new ArrayList<Event>();
    for (int i = 0; i < 2_500; i++) {
      events.add(new Event("id-" + i, T0.plusMillis(i), "a", ordered("n", "v" + i)));
    }
    store.records().append(events, SOURCE);

    List<WrittenFile> files;
    try (var profiles = store.profiles().profiles()) {
      files = exports.writeProfilesParquet(profiles, newDirectory("out"), MEGABYTE);
    }

    assertThat(files).hasSize(1);
    assertThat(query(files.get(0), "identity, properties['n']"))
        .hasSize(2_500)
        .startsWith(List.of("id-0", "v0"), List.of("id-1", "v1"), List.of("id-10", "v10"));
  }

  @Test
  void noProfilesGiveOneValidFile() throws Exception {
    var files =
        exports.writeProfilesParquet(List.<Profile>of().iterator(), newDirectory("out"), MEGABYTE);

    assertThat(files).hasSize(1);
    assertThat(files.get(0).rows()).isZero();
    assertThat(count(files.get(0))).isZero();
    assertThat(columns(files.get(0))).hasSize(4);
  }

  private static List<String> row(Event event) {
    return List.of(
        Long.toString(event.timestamp().toEpochMilli()),
        event.identity(),
        event.name(),
        json(List.copyOf(event.properties().keySet())),
        json(List.copyOf(event.properties().values())));
  }

  private static List<String> profileRow(Profile profile) {
    return List.of(
        profile.identity(),
        json(profile.allIdentities()),
        Long.toString(profile.updated().toEpochMilli()),
        json(List.copyOf(profile.properties().keySet())),
        json(List.copyOf(profile.properties().values())));
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<List<String>> rows(List<WrittenFile> files) throws SQLException {
    var rows = new ArrayList<List<String>>();
    for (WrittenFile file : files) {
      rows.addAll(
          query(
              file,
              "epoch_ms(ts), identity, eventName, to_json(map_keys(eventProps)),"
                  + " to_json(map_values(eventProps))"));
    }
    return rows;
  }

  private long count(WrittenFile file) throws SQLException {
    return query(file, "file_row_number").size();
  }

  private List<String> columns(WrittenFile file) throws SQLException {
    var columns = new ArrayList<String>();
    try (var statement = reader.createStatement();
        var rows =
            statement.executeQuery(
                "DESCRIBE SELECT * EXCLUDE (file_row_number) FROM " + source(file))) {
      while (rows.next()) {
        columns.add(rows.getString("column_name") + " " + rows.getString("column_type"));
      }
    }
    return columns;
  }

  private List<List<String>> query(WrittenFile file, String columns) throws SQLException {
    var found = new ArrayList<List<String>>();
    try (var statement = reader.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT " + columns + " FROM " + source(file) + " ORDER BY file_row_number")) {
      int width = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        var row = new ArrayList<String>();
        for (int i = 1; i <= width; i++) {
          row.add(rows.getString(i));
        }
        found.add(row);
      }
    }
    return found;
  }

  private static String source(WrittenFile file) {
    return "read_parquet('"
        + file.path().toString().replace("'", "''")
        + "', file_row_number = true)";
  }
}
