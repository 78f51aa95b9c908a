package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Store} implementation keeps: the record log ({@link
 * RecordStoreContract}), revisions, run records, and reopening.
 */
public abstract class StoreContract extends RecordStoreContract {

  @Test
  void firstAppendOpensRevisionOne() {
    assertThat(store.revisions().open()).isEmpty();

    store.records().append(events(2, 1));

    assertThat(store.revisions().open()).contains(new Revision(1, 1, 2, START, START, null));
    assertThat(store.revisions().closed(0, 10)).isEmpty();
    assertThat(store.revisions().lastClosedNumber()).isZero();
  }

  @Test
  void revisionClosesWhenItsWindowEnds() {
    store.records().append(events(2, 1));
    clock.advance(Duration.ofMinutes(4).plusSeconds(59));
    store.records().append(events(1, 3));
    assertThat(store.revisions().closeDue()).isFalse();

    clock.advance(Duration.ofSeconds(1));

    assertThat(store.revisions().closeDue()).isTrue();
    assertThat(store.revisions().closeDue()).isFalse();
    var windowEnd = START.plus(Duration.ofMinutes(5));
    assertThat(store.revisions().revision(1))
        .contains(new Revision(1, 1, 3, START, windowEnd.minusSeconds(1), windowEnd));
    assertThat(store.revisions().open()).isEmpty();
  }

  @Test
  void readsCloseRevisionsWhoseWindowEnded() {
    store.records().append(events(2, 1));
    clock.advance(Duration.ofMinutes(6));

    assertThat(store.revisions().closed(0, 10))
        .extracting(Revision::number, Revision::closedAt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, START.plusSeconds(300)));
  }

  @Test
  void appendAfterTheWindowStartsTheNextRevision() {
    store.records().append(events(2, 1));
    clock.advance(Duration.ofMinutes(7));

    store.records().append(events(3, 3));

    var now = START.plus(Duration.ofMinutes(7));
    assertThat(store.revisions().revision(1).orElseThrow().closedAt())
        .isEqualTo(START.plusSeconds(300));
    assertThat(store.revisions().open()).contains(new Revision(2, 3, 5, now, now, null));
    assertThat(readAll()).extracting(StoredRecord::revision).containsExactly(1L, 1L, 2L, 2L, 2L);
  }

  @Test
  void revisionClosesAtMaxRecordsAndABatchSpansRevisions() {
    reopen(new RevisionPolicy(Duration.ofMinutes(5), 3));

    store.records().append(events(2, 1));
    store.records().append(events(5, 3));

    assertThat(store.revisions().closed(0, 10))
        .containsExactly(
            new Revision(1, 1, 3, START, START, START), new Revision(2, 4, 6, START, START, START));
    assertThat(store.revisions().open()).contains(new Revision(3, 7, 7, START, START, null));
    assertThat(store.revisions().closed(1, 1)).extracting(Revision::number).containsExactly(2L);
  }

  @Test
  void readsOneRevisionsRecords() {
    reopen(new RevisionPolicy(Duration.ofMinutes(5), 4));
    store.records().append(events(10, 1));

    try (var cursor = store.records().readRevision(2)) {
      var sequences = LongStream.rangeClosed(5, 8).boxed().toList();
      assertThat(cursor).toIterable().extracting(StoredRecord::sequence).isEqualTo(sequences);
    }
    try (var cursor = store.records().readRevision(9)) {
      assertThat(cursor.hasNext()).isFalse();
    }
  }

  @Test
  void revisionNumbersHaveNoGapsAcrossManyAppendsAndReopens() {
    reopen(new RevisionPolicy(Duration.ofMinutes(5), 7));
    for (int round = 0; round < 30; round++) {
      store.records().append(events(round % 11, 1));
      clock.advance(Duration.ofMinutes(round % 4 * 2));
      if (round % 10 == 9) {
        reopen(new RevisionPolicy(Duration.ofMinutes(5), 7));
      }
    }
    clock.advance(Duration.ofMinutes(10));

    var closed = store.revisions().closed(0, 1000);
    assertThat(closed).extracting(Revision::number).containsExactlyElementsOf(numbers(closed));
    assertThat(store.revisions().open()).isEmpty();
    long next = 1;
    for (Revision revision : closed) {
      assertThat(revision.firstSequence()).isEqualTo(next);
      assertThat(revision.recordCount()).isBetween(1L, 7L);
      next = revision.lastSequence() + 1;
    }
    assertThat(next - 1).isEqualTo(store.records().count()).isEqualTo(138);
  }

  private static List<Long> numbers(List<Revision> closed) {
    return LongStream.rangeClosed(1, closed.size()).boxed().toList();
  }

  @Test
  void reopeningKeepsEverything() {
    store.records().append(events(3, 1), checkpoint(3, 100));
    long runId = store.runs().start("imports", "import");
    var before = readAll();

    reopen(POLICY);

    assertThat(readAll()).isEqualTo(before);
    assertThat(store.records().checkpoint("imports", "in/events.csv", "etag-1", 10_000))
        .contains(checkpoint(3, 100));
    assertThat(store.runs().find(runId)).map(Run::status).contains(RunStatus.RUNNING);
    assertThat(store.revisions().open()).contains(new Revision(1, 1, 3, START, START, null));
    assertThat(store.records().append(events(1, 4))).isEqualTo(new Appended(4, 1));
  }

  @Test
  void runRecordsStartAndFinish() {
    long first = store.runs().start("imports", "import");
    clock.advance(Duration.ofSeconds(90));
    long second = store.runs().start("imports", "import");
    store.runs().start("other", "revision-export");
    clock.advance(Duration.ofSeconds(30));

    store
        .runs()
        .finish(first, RunStatus.PARTIAL, "{\"rowsRead\":10,\"rowsImported\":9}", List.of("x"));

    var finished = store.runs().find(first).orElseThrow();
    assertThat(finished)
        .isEqualTo(
            new Run(
                first,
                "imports",
                "import",
                RunStatus.PARTIAL,
                START,
                START.plusSeconds(120),
                "{\"rowsRead\":10,\"rowsImported\":9}",
                List.of("x")));
    assertThat(store.runs().list("imports", 10))
        .extracting(Run::id, Run::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(second, RunStatus.RUNNING),
            org.assertj.core.groups.Tuple.tuple(first, RunStatus.PARTIAL));
    assertThat(store.runs().list("imports", 1)).extracting(Run::id).containsExactly(second);
    assertThat(store.runs().find(999)).isEmpty();
  }

  @Test
  void runFinishesOnlyOnceAndWithAJsonObject() {
    long id = store.runs().start("imports", "import");

    assertThatThrownBy(() -> store.runs().finish(id, RunStatus.FAILED, "[1]", List.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("not a JSON object: [1]");
    store.runs().finish(id, RunStatus.FAILED, "{}", List.of("boom"));
    assertThatThrownBy(() -> store.runs().finish(id, RunStatus.SUCCEEDED, "{}", List.of()))
        .isInstanceOf(StoreException.class)
        .hasMessage("Failed to finish run " + id + ": no such run, or it is already finished");
    assertThat(store.runs().find(id).orElseThrow().errors()).containsExactly("boom");
  }

  @Test
  void infoReportsTheStorageSize() {
    store.records().append(events(1000, 1));

    assertThat(store.info().sizeBytes()).isPositive();
  }

  @Test
  void largeBatchSpansSizeClosedRevisions() {
    reopen(new RevisionPolicy(Duration.ofMinutes(5), 1_000));
    store.records().append(events(400, 1));

    store.records().append(events(2_000, 401), checkpoint(2_000, 9_000));

    assertThat(store.revisions().closed(0, 10))
        .containsExactly(
            new Revision(1, 1, 1_000, START, START, START),
            new Revision(2, 1_001, 2_000, START, START, START));
    assertThat(store.revisions().open())
        .contains(new Revision(3, 2_001, 2_400, START, START, null));
    try (var cursor = store.records().readRevision(2)) {
      assertThat(cursor)
          .toIterable()
          .extracting(StoredRecord::revision)
          .hasSize(1_000)
          .containsOnly(2L);
    }
  }

  @Test
  void definitionsAreStoredReplacedListedAndDeleted() {
    var definitions = store.integrations();
    definitions.put("daily", "import", "{\"bucket\":\"b\"}");
    definitions.put("nightly", "revision-export", "{}");
    clock.advance(Duration.ofMinutes(1));

    definitions.put("daily", "import", "{\"bucket\":\"c\"}");
    definitions.put("archive", "import", "{\"bucket\":\"a\"}");

    var later = START.plusSeconds(60);
    var replaced =
        new IntegrationDefinitions.Definition(
            "daily", "import", "{\"bucket\":\"c\"}", START, later);
    assertThat(definitions.find("daily")).contains(replaced);
    assertThat(definitions.list("import"))
        .extracting(IntegrationDefinitions.Definition::name)
        .containsExactly("archive", "daily");
    assertThat(definitions.delete("daily")).isTrue();
    assertThat(definitions.delete("daily")).isFalse();
    assertThat(definitions.find("daily")).isEmpty();
    assertThat(definitions.list("revision-export")).hasSize(1);
  }

  @Test
  void definitionMustBeJson() {
    assertThatThrownBy(() -> store.integrations().put("bad", "import", "{not json"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Failed to store the definition of bad");
  }

  @Test
  void findsRecordsByIdentityAndEventInReceiveOrder() {
    var records = new java.util.ArrayList<dev.ferry.event.Record>();
    for (int i = 0; i < 30; i++) {
      records.add(new dev.ferry.event.Event("u" + i % 3, START, "e" + i % 2, java.util.Map.of()));
    }
    records.add(new dev.ferry.event.Alias("x", "u1", START));
    store.records().append(records, Source.api("r"));

    var u1 = store.records().find(RecordQuery.all(100).withIdentity("u1"));
    var u1e0 = store.records().find(RecordQuery.all(3).withIdentity("u1").withEventName("e0"));

    assertThat(u1).hasSize(11).extracting(StoredRecord::sequence).isSorted();
    assertThat(u1.get(10).record()).isInstanceOf(dev.ferry.event.Alias.class);
    assertThat(u1e0).extracting(StoredRecord::sequence).containsExactly(5L, 11L, 17L);
    assertThat(store.records().find(RecordQuery.all(2)))
        .extracting(StoredRecord::sequence)
        .containsExactly(1L, 2L);
    assertThat(store.records().find(RecordQuery.all(10).withEventName("none"))).isEmpty();
    assertThatThrownBy(() -> RecordQuery.all(10_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be 1 to 10000, was 10001");
  }

  @Test
  void statsCountRecordsRevisionsAndTheLastSequence() {
    assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0, 0, 0, 0));
    store.records().append(events(3, 1));
    clock.advance(Duration.ofMinutes(6));
    store
        .records()
        .append(
            List.of(
                new dev.ferry.event.SetProperties("a", START, java.util.Map.of("k", "v")),
                new dev.ferry.event.Alias("a", "b", START)),
            Source.api("r"));

    assertThat(store.stats()).isEqualTo(new StoreStats(3, 1, 1, 1, 1, 5));
    clock.advance(Duration.ofMinutes(6));
    assertThat(store.stats()).isEqualTo(new StoreStats(3, 1, 1, 0, 2, 5));
    assertThat(store.stats().records()).isEqualTo(5);
  }

  @Test
  void runsListForAllIntegrations() {
    long first = store.runs().start("imports", "import");
    long second = store.runs().start("other", "revision-export");

    assertThat(store.runs().list(java.util.Optional.empty(), 10))
        .extracting(Run::id)
        .containsExactly(second, first);
    assertThat(store.runs().list(java.util.Optional.of("other"), 10))
        .extracting(Run::id)
        .containsExactly(second);
  }
}
