package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Kind;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The record-log part of the {@link Store} contract (see {@link StoreContract}). Subclasses open a
 * store on the same location every time {@link #open} is called within one test.
 */
public abstract class RecordStoreContract {
  protected static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
  protected static final RevisionPolicy POLICY = new RevisionPolicy(Duration.ofMinutes(5), 1000);
  protected static final Source FILE = new Source("imports", "run-1", "in/events.csv", 0);

  protected final MutableClock clock = new MutableClock(START);
  protected Store store;

  /** Opens the store under test on this test's location (the same one every call). */
  protected abstract Store open(MutableClock clock, RevisionPolicy policy);

  /** Makes the next checkpoint writes of {@code store} fail. */
  protected abstract void breakCheckpointWrites(Store store);

  /** Undoes {@link #breakCheckpointWrites}. */
  protected abstract void repairCheckpointWrites(Store store);

  @BeforeEach
  void openStore() {
    store = open(clock, POLICY);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  protected final void reopen(RevisionPolicy policy) {
    store.close();
    store = open(clock, policy);
  }

  protected static List<SourcedRecord> events(int count, long firstLine) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new SourcedRecord(
                    new Event("user" + i, START.plusSeconds(i), "Visited", Map.of("i", "" + i)),
                    FILE.atLine(firstLine + i)))
        .toList();
  }

  protected static Checkpoint checkpoint(long records, long offset) {
    return new Checkpoint("imports", "in/events.csv", "etag-1", 10_000, records, offset, false);
  }

  protected final List<StoredRecord> readAll() {
    return readRange(1, Long.MAX_VALUE);
  }

  protected final List<StoredRecord> readRange(long first, long last) {
    var all = new ArrayList<StoredRecord>();
    try (var cursor = store.records().read(first, last)) {
      cursor.forEachRemaining(all::add);
    }
    return all;
  }

  @Test
  void appendsRecordsAndCheckpointTogether() {
    var appended = store.records().append(events(3, 2), checkpoint(3, 120));

    assertThat(appended).isEqualTo(new Appended(1, 3));
    assertThat(store.records().count()).isEqualTo(3);
    assertThat(store.records().checkpoint("imports", "in/events.csv", "etag-1", 10_000))
        .contains(checkpoint(3, 120));
    assertThat(store.records().checkpoint("imports", "other.csv", "etag-1", 10_000)).isEmpty();
  }

  @Test
  void laterCheckpointReplacesEarlierOne() {
    store.records().append(events(3, 2), checkpoint(3, 120));
    var done = new Checkpoint("imports", "in/events.csv", "etag-1", 10_000, 5, 10_000, true);

    store.records().append(events(2, 5), done);

    assertThat(store.records().checkpoint("imports", "in/events.csv", "etag-1", 10_000))
        .contains(done);
  }

  @Test
  void failedCheckpointWriteLeavesNeitherRecordsNorCheckpoint() {
    store.records().append(events(3, 2), checkpoint(3, 120));
    breakCheckpointWrites(store);

    assertThatThrownBy(() -> store.records().append(events(4, 5), checkpoint(7, 300)))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Failed to append 4 records with checkpoint of in/events.csv");

    repairCheckpointWrites(store);
    assertThat(store.records().count()).isEqualTo(3);
    assertThat(store.records().checkpoint("imports", "in/events.csv", "etag-1", 10_000))
        .contains(checkpoint(3, 120));
    assertThat(store.records().append(events(1, 5), checkpoint(4, 150)))
        .isEqualTo(new Appended(4, 1));
    assertThat(store.revisions().open().orElseThrow().lastSequence()).isEqualTo(4);
  }

  @Test
  void emptyBatchOnlyWritesTheCheckpoint() {
    store.records().append(events(2, 2), checkpoint(2, 80));

    var appended = store.records().append(List.of(), checkpoint(5, 200));

    assertThat(appended).isEqualTo(new Appended(3, 0));
    assertThat(store.records().count()).isEqualTo(2);
    assertThat(store.records().checkpoint("imports", "in/events.csv", "etag-1", 10_000))
        .contains(checkpoint(5, 200));
  }

  @Test
  void sequencesHaveNoGapsAcrossBatches() {
    int[] sizes = {1, 0, 7, 13, 2, 250, 1};
    for (int size : sizes) {
      store.records().append(events(size, 1));
    }

    var sequences = readAll().stream().map(StoredRecord::sequence).toList();

    assertThat(sequences)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 274).mapToObj(i -> (long) i).toList());
  }

  @Test
  void concurrentAppendsGetDistinctGaplessSequences() throws Exception {
    var threads = new ArrayList<Thread>();
    var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
    for (int t = 0; t < 4; t++) {
      var thread =
          new Thread(
              () -> {
                for (int i = 0; i < 10; i++) {
                  store.records().append(events(4, 1));
                }
              });
      thread.setUncaughtExceptionHandler((x, e) -> failures.add(e));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(failures).isEmpty();
    assertThat(readAll())
        .extracting(StoredRecord::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 160).boxed().toList());
  }

  @Test
  void readsSequenceRangesAcrossPages() {
    store.records().append(events(25_000, 1));

    assertThat(readRange(9_999, 10_002))
        .extracting(StoredRecord::sequence)
        .containsExactly(9_999L, 10_000L, 10_001L, 10_002L);
    assertThat(readRange(24_999, 30_000)).hasSize(2);
    assertThat(readRange(30_000, 40_000)).isEmpty();
    assertThat(readAll()).hasSize(25_000);
  }

  @Test
  void recordsRoundTripWithEveryKindAndTheirSource() {
    var longName = "n".repeat(255);
    var properties = new LinkedHashMap<String, String>();
    properties.put("zeta", "1");
    properties.put("ünïcødé ✓", "日本語 \"quoted\" \\ back\nslash");
    properties.put(longName, "");
    properties.put("alpha", "{\"nested\":true}");
    List<Record> records =
        List.of(
            new Event("jöhn", Instant.parse("2009-02-13T23:31:30.123Z"), longName, properties),
            new Event("x".repeat(255), START, "No properties", Map.of()),
            new SetProperties("jöhn", START, Map.of("plan", "pro")),
            new Alias("jöhn", "john@example.com", START.minusMillis(1)));
    clock.set(Instant.parse("2024-03-01T10:00:01.987654Z"));

    store.records().append(records, Source.api("request-7"));

    var stored = readAll();
    assertThat(stored).extracting(StoredRecord::record).containsExactlyElementsOf(records);
    assertThat(List.copyOf(((Event) stored.get(0).record()).properties().keySet()))
        .containsExactly("zeta", "ünïcødé ✓", longName, "alpha");
    assertThat(stored.get(3))
        .isEqualTo(
            new StoredRecord(
                4,
                Instant.parse("2024-03-01T10:00:01.987Z"),
                1,
                Source.api("request-7"),
                records.get(3)));
  }

  @Test
  void recordsKeepTheirLineNumbers() {
    store.records().append(events(3, 40), checkpoint(3, 99));

    assertThat(readAll())
        .extracting(StoredRecord::source)
        .containsExactly(FILE.atLine(40), FILE.atLine(41), FILE.atLine(42));
  }

  @Test
  void countsRecordsByKind() {
    List<Record> records =
        List.of(
            new Event("a", START, "e", Map.of()),
            new Event("b", START, "e", Map.of()),
            new SetProperties("a", START, Map.of("k", "v")),
            new Alias("a", "b", START));

    store.records().append(records, Source.api("r"));

    assertThat(store.records().count()).isEqualTo(4);
    assertThat(store.records().count(Kind.EVENT)).isEqualTo(2);
    assertThat(store.records().count(Kind.PROPERTIES)).isEqualTo(1);
    assertThat(store.records().count(Kind.ALIAS)).isEqualTo(1);
  }

  @Test
  void checkpointBelongsToOneObjectVersion() {
    store.records().append(events(3, 2), checkpoint(3, 120));
    var changed = new Checkpoint("imports", "in/events.csv", "etag-2", 12_000, 1, 40, false);

    store.records().append(events(1, 2), changed);

    var records = store.records();
    assertThat(records.checkpoint("imports", "in/events.csv", "etag-1", 10_000))
        .contains(checkpoint(3, 120));
    assertThat(records.checkpoint("imports", "in/events.csv", "etag-2", 12_000)).contains(changed);
    assertThat(records.checkpoint("imports", "in/events.csv", "etag-2", 10_000)).isEmpty();
    assertThat(records.checkpoint("other", "in/events.csv", "etag-1", 10_000)).isEmpty();
    assertThat(records.checkpoints("imports")).containsExactly(checkpoint(3, 120), changed);
    assertThat(records.checkpoints("other")).isEmpty();
  }

  @Test
  void compressedObjectsResumeBeyondTheirSize() {
    var gz = new Checkpoint("imports", "in/a.csv.gz", "etag-gz", 1_000, 50, 9_000, true);

    store.records().append(events(2, 2), gz);

    assertThat(store.records().checkpoint("imports", "in/a.csv.gz", "etag-gz", 1_000)).contains(gz);
  }

  /** Text that breaks naive CSV, JSON or SQL escaping. */
  protected static final String NASTY = "\",\"\n\t\\\"'; \r\n\u0001\u0002 日本語 😀 ü \\N NULL";

  private static List<SourcedRecord> nastyRecords(int copies) {
    var properties = new LinkedHashMap<String, String>();
    properties.put(NASTY, NASTY);
    properties.put("empty", "");
    properties.put("json", "{\"a\":[1,\"\\u0041\"]}");
    var source = new Source("imp\"orts", "run,\n'1", "in/" + NASTY + ".csv", 7);
    var records = new ArrayList<SourcedRecord>();
    for (int i = 0; i < copies; i++) {
      records.add(new SourcedRecord(new Event(NASTY + i, START, NASTY, properties), source));
      records.add(new SourcedRecord(new SetProperties("\t" + i, START, properties), FILE));
      records.add(new SourcedRecord(new Alias("a" + i, NASTY, START), Source.api("")));
      records.add(new SourcedRecord(new Event("e" + i, START, "n", Map.of()), FILE));
    }
    return records;
  }

  @Test
  void awkwardTextRoundTripsExactlyInSmallAndLargeBatches() {
    for (int copies : new int[] {1, 2_000}) {
      var batch = nastyRecords(copies);
      long first = store.records().count() + 1;

      store.records().append(batch, checkpoint(copies, copies));

      var stored = readRange(first, first + batch.size() - 1);
      assertThat(stored).extracting(StoredRecord::record).containsExactlyElementsOf(records(batch));
      assertThat(stored).extracting(StoredRecord::source).containsExactlyElementsOf(sources(batch));
    }
  }

  @Test
  void nulCharactersRoundTripInALargeBatch() {
    var batch = new ArrayList<>(nastyRecords(300));
    var odd = new Event("nul\u0000", START, "x\u0000", Map.of("\u0000", "\u0000"));
    batch.add(new SourcedRecord(odd, FILE));

    store.records().append(batch, checkpoint(1, 1));

    assertThat(readAll())
        .extracting(StoredRecord::record)
        .containsExactlyElementsOf(records(batch));
  }

  private static List<Record> records(List<SourcedRecord> batch) {
    return batch.stream().map(SourcedRecord::record).toList();
  }

  private static List<Source> sources(List<SourcedRecord> batch) {
    return batch.stream().map(SourcedRecord::source).toList();
  }

  @Test
  void largeBatchGetsGaplessSequencesAndTheClockTime() {
    clock.set(START.plusMillis(1234));
    store.records().append(events(5, 1));

    store.records().append(events(50_000, 10), checkpoint(50_000, 5_000));

    var all = readAll();
    assertThat(all).hasSize(50_005);
    assertThat(all)
        .extracting(StoredRecord::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 50_005).boxed().toList());
    assertThat(all).extracting(StoredRecord::receivedAt).containsOnly(START.plusMillis(1234));
    assertThat(all.get(50_004).source()).isEqualTo(FILE.atLine(10 + 49_999));
  }

  @Test
  void failedCheckpointWriteAfterALargeBatchLeavesNoRecords() {
    store.records().append(events(3, 2), checkpoint(3, 120));
    breakCheckpointWrites(store);

    assertThatThrownBy(() -> store.records().append(events(5_000, 5), checkpoint(7, 300)))
        .isInstanceOf(StoreException.class);

    repairCheckpointWrites(store);
    assertThat(store.records().count()).isEqualTo(3);
    assertThat(store.records().append(events(1_000, 5), checkpoint(4, 150)))
        .isEqualTo(new Appended(4, 1_000));
    assertThat(readAll()).extracting(StoredRecord::sequence).hasSize(1_003).doesNotHaveDuplicates();
  }

  @Test
  void concurrentLargeAppendsGetDistinctGaplessSequences() throws Exception {
    var threads = new ArrayList<Thread>();
    var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
    for (int t = 0; t < 3; t++) {
      var thread = new Thread(() -> store.records().append(events(3_000, 1)));
      thread.setUncaughtExceptionHandler((x, e) -> failures.add(e));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(failures).isEmpty();
    assertThat(readAll())
        .extracting(StoredRecord::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 9_000).boxed().toList());
  }
}
