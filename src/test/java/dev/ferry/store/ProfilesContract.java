package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link Profiles} part of the {@link Store} contract (SPEC §1, "Profiles"). */
public abstract class ProfilesContract {
  protected static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
  private static final RevisionPolicy POLICY = new RevisionPolicy(Duration.ofMinutes(5), 1000);
  private static final Source SOURCE = new Source("imports", "run-1", "in/people.csv", 0);

  protected final MutableClock clock = new MutableClock(T0);
  protected Store store;

  /** Opens an empty store under test. */
  protected abstract Store open(MutableClock clock, RevisionPolicy policy);

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

  protected static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  protected static SetProperties set(String identity, long seconds, String name, String value) {
    return new SetProperties(identity, at(seconds), Map.of(name, value));
  }

  protected static Event event(String identity, long seconds, Map<String, String> properties) {
    return new Event(identity, at(seconds), "Visited", properties);
  }

  protected static Alias alias(String identity, String second, long seconds) {
    return new Alias(identity, second, at(seconds));
  }

  protected final void append(Record... records) {
    append(List.of(records));
  }

  protected final void append(List<? extends Record> records) {
    store.records().append(records, SOURCE);
  }

  protected final List<Profile> profiles() {
    return readAll(store.profiles().profiles());
  }

  protected final List<Profile> profiles(long upToSequence) {
    return readAll(store.profiles().profiles(upToSequence));
  }

  private static List<Profile> readAll(ProfileCursor cursor) {
    try (cursor) {
      var all = new ArrayList<Profile>();
      cursor.forEachRemaining(all::add);
      return all;
    }
  }

  @Test
  void emptyStoreHasNoProfiles() {
    assertThat(profiles()).isEmpty();
  }

  @Test
  void latestTimestampWinsWhateverTheReceiveOrder() {
    append(set("ann", 20, "plan", "gold"));
    append(set("ann", 10, "plan", "silver"), set("ann", 5, "city", "Oslo"));

    assertThat(profiles())
        .containsExactly(
            new Profile("ann", List.of("ann"), at(20), Map.of("plan", "gold", "city", "Oslo")));
  }

  @Test
  void equalTimestampsKeepTheLatestReceived() {
    append(set("ann", 10, "plan", "silver"), set("ann", 10, "plan", "gold"));
    append(set("ann", 10, "plan", "bronze"));

    assertThat(profiles())
        .singleElement()
        .satisfies(p -> assertThat(p.properties()).containsEntry("plan", "bronze"));
  }

  @Test
  void eventPropertiesCountLikePropertiesRecords() {
    append(set("ann", 10, "plan", "silver"));
    append(event("ann", 11, Map.of("plan", "gold", "url", "/a")));
    append(set("ann", 9, "url", "/old"));

    assertThat(profiles())
        .containsExactly(
            new Profile("ann", List.of("ann"), at(11), Map.of("plan", "gold", "url", "/a")));
  }

  @Test
  void identitiesWithOnlyEventsHaveAProfileWithoutProperties() {
    append(event("bob", 3, Map.of()), event("bob", 7, Map.of()));

    assertThat(profiles()).containsExactly(new Profile("bob", List.of("bob"), at(7), Map.of()));
  }

  @Test
  void aliasMergesPropertiesOfBothIdentities() {
    append(set("ann", 10, "plan", "silver"), set("ann", 10, "city", "Oslo"));
    append(set("ann@example.com", 12, "plan", "gold"));
    append(alias("ann", "ann@example.com", 1));

    assertThat(profiles())
        .containsExactly(
            new Profile(
                "ann",
                List.of("ann", "ann@example.com"),
                at(12),
                Map.of("plan", "gold", "city", "Oslo")));
  }

  @Test
  void canonicalIdentityIsTheFirstSeen() {
    append(event("zed", 1, Map.of()));
    append(set("amy", 2, "a", "1"));
    append(alias("amy", "zed", 3));

    assertThat(profiles())
        .extracting(Profile::identity, Profile::allIdentities)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("zed", List.of("zed", "amy")));
  }

  @Test
  void aliasChainsAndLaterAliasesBetweenGroupsMerge() {
    append(alias("a", "b", 1), alias("b", "c", 2), alias("x", "y", 3));
    append(set("c", 4, "p", "c"), set("y", 5, "q", "y"));

    assertThat(profiles())
        .extracting(Profile::identity, Profile::allIdentities)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", List.of("a", "b", "c")),
            org.assertj.core.groups.Tuple.tuple("x", List.of("x", "y")));

    append(alias("y", "a", 6));

    assertThat(profiles())
        .containsExactly(
            new Profile("a", List.of("a", "b", "c", "x", "y"), at(6), Map.of("p", "c", "q", "y")));
  }

  @Test
  void snapshotIgnoresLaterRecords() {
    append(set("ann", 10, "plan", "silver"), event("bob", 1, Map.of()));
    long upTo = store.stats().lastSequence();
    append(set("ann", 20, "plan", "gold"), alias("ann", "bob", 30), event("cy", 2, Map.of()));

    assertThat(profiles(upTo))
        .containsExactly(
            new Profile("ann", List.of("ann"), at(10), Map.of("plan", "silver")),
            new Profile("bob", List.of("bob"), at(1), Map.of()));
    assertThat(profiles()).hasSize(2);
  }

  @Test
  void openCursorIsNotChangedByLaterAppends() {
    append(set("ann", 10, "plan", "silver"));
    try (var cursor = store.profiles().profiles()) {
      append(set("ann", 20, "plan", "gold"), event("bob", 1, Map.of()));

      assertThat(cursor.next().properties()).containsEntry("plan", "silver");
      assertThat(cursor.hasNext()).isFalse();
    }
  }

  @Test
  void manyProfilesStreamAcrossPagesInIdentityOrder() {
    int count = 2_500;
    var records =
        IntStream.range(0, count)
            .mapToObj(i -> set(String.format("user%05d", count - 1 - i), i, "i", "" + i))
            .toList();
    append(records);

    var all = profiles();

    assertThat(all).hasSize(count);
    assertThat(all)
        .extracting(Profile::identity)
        .isSorted()
        .doesNotHaveDuplicates()
        .startsWith("user00000")
        .endsWith("user02499");
    assertThat(all.get(0).properties()).containsEntry("i", "" + (count - 1));
  }

  @Test
  void cursorEndsCleanly() {
    append(event("ann", 1, Map.of()));
    var cursor = store.profiles().profiles();
    cursor.next();

    assertThat(cursor.hasNext()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(cursor::next)
        .isInstanceOf(NoSuchElementException.class);
    cursor.close();
    cursor.close();
  }

  @Test
  void matchesAPlainInMemoryComputation() {
    var random = new Random(20241125L);
    var records = new ArrayList<Record>();
    for (int batch = 0; batch < 6; batch++) {
      var next = randomRecords(random, batch % 2 == 0 ? 40 : 400);
      append(next);
      records.addAll(next);
      assertThat(profiles()).containsExactlyElementsOf(ProfilesOracle.profiles(records));
    }
    for (int i = 0; i < 5; i++) {
      int upTo = random.nextInt(records.size() + 1);
      assertThat(profiles(upTo))
          .as("up to sequence %d", upTo)
          .containsExactlyElementsOf(ProfilesOracle.profiles(records.subList(0, upTo)));
    }
  }

  private static final List<String> IDENTITIES =
      List.of("ann", "Bob", "bob", "cy", "dee", "é", "\uFFFD", "\uD83D\uDE00", "z", "x y");
  private static final List<String> NAMES = List.of("plan", "city", "Plan", "q\"uote", "ü");

  private static List<Record> randomRecords(Random random, int count) {
    var records = new ArrayList<Record>();
    for (int i = 0; i < count; i++) {
      String identity = IDENTITIES.get(random.nextInt(IDENTITIES.size())) + random.nextInt(8);
      Instant timestamp = at(random.nextInt(30));
      int kind = random.nextInt(20);
      if (kind == 0) {
        String other = IDENTITIES.get(random.nextInt(IDENTITIES.size())) + random.nextInt(8);
        records.add(new Alias(identity, other, timestamp));
      } else if (kind < 8) {
        records.add(new SetProperties(identity, timestamp, randomProperties(random, 1)));
      } else {
        records.add(new Event(identity, timestamp, "Visited", randomProperties(random, 0)));
      }
    }
    return records;
  }

  private static Map<String, String> randomProperties(Random random, int min) {
    var properties = new LinkedHashMap<String, String>();
    int count = min + random.nextInt(3);
    while (properties.size() < count) {
      properties.put(NAMES.get(random.nextInt(NAMES.size())), "v\"" + random.nextInt(1000) + "é");
    }
    return properties;
  }
}
