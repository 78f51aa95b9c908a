package dev.ferry.store;

import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §1's profiles computed the plainest way, in memory, as the oracle of the store's: records
 * are given in receive order, the first one has sequence 1.
 */
final class ProfilesOracle {
  private final Map<String, String> parents = new HashMap<>();
  private final Map<String, Long> firstSeen = new HashMap<>();

  private ProfilesOracle() {}

  static List<Profile> profiles(List<? extends Record> records) {
    return new ProfilesOracle().compute(records);
  }

  private List<Profile> compute(List<? extends Record> records) {
    for (int i = 0; i < records.size(); i++) {
      long sequence = i + 1;
      Record record = records.get(i);
      firstSeen.merge(record.identity(), sequence * 2, Math::min);
      root(record.identity());
      if (record instanceof Alias alias) {
        firstSeen.merge(alias.secondIdentity(), sequence * 2 + 1, Math::min);
        union(alias.identity(), alias.secondIdentity());
      }
    }
    var updated = new HashMap<String, Instant>();
    var values = new HashMap<String, Map<String, Integer>>();
    for (int i = 0; i < records.size(); i++) {
      Record record = records.get(i);
      String group = root(record.identity());
      updated.merge(group, record.timestamp(), (a, b) -> a.isAfter(b) ? a : b);
      var kept = values.computeIfAbsent(group, g -> new HashMap<>());
      for (String name : properties(record).keySet()) {
        Integer previous = kept.get(name);
        if (previous == null || !records.get(previous).timestamp().isAfter(record.timestamp())) {
          kept.put(name, i);
        }
      }
    }
    var members = new HashMap<String, List<String>>();
    for (String identity : firstSeen.keySet()) {
      members.computeIfAbsent(root(identity), g -> new ArrayList<>()).add(identity);
    }
    var profiles = new ArrayList<Profile>();
    members.forEach(
        (group, identities) -> {
          identities.sort(Comparator.comparing(firstSeen::get));
          var properties = new HashMap<String, String>();
          values
              .getOrDefault(group, Map.of())
              .forEach(
                  (name, index) -> properties.put(name, properties(records.get(index)).get(name)));
          profiles.add(new Profile(identities.get(0), identities, updated.get(group), properties));
        });
    profiles.sort((a, b) -> utf8Order(a.identity(), b.identity()));
    return profiles;
  }

  private static Map<String, String> properties(Record record) {
    if (record instanceof Event event) {
      return event.properties();
    }
    if (record instanceof SetProperties set) {
      return set.properties();
    }
    return Map.of();
  }

  static int utf8Order(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private void union(String a, String b) {
    String rootA = root(a);
    String rootB = root(b);
    if (!rootA.equals(rootB)) {
      parents.put(rootA, rootB);
    }
  }

  private String root(String identity) {
    String current = identity;
    while (parents.containsKey(current) && !parents.get(current).equals(current)) {
      current = parents.get(current);
    }
    parents.putIfAbsent(current, current);
    return current;
  }
}
