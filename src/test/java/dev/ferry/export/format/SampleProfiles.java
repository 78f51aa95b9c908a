package dev.ferry.export.format;

import dev.ferry.store.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Profiles with awkward identities and values for the round trips of the profile writers. */
final class SampleProfiles {
  static final String AWKWARD_IDENTITY = "quote\"comma, <&>\tü🚀";

  private SampleProfiles() {}

  /**
   * Profiles whose identities, names and values need quoting, escaping or replacing (those of
   * {@link SampleEvents#awkward()}), one without properties and one with many identities and
   * properties.
   */
  static List<Profile> awkward() {
    List<Map<String, String>> props =
        SampleEvents.awkward().stream().map(e -> e.properties()).toList();
    return List.of(
        profile("john", List.of("john"), "2017-11-09T00:00:15Z", props.get(0)),
        profile(AWKWARD_IDENTITY, awkwardIdentities(), "2017-11-09T23:59:59.999Z", props.get(1)),
        profile("none", List.of("none"), "2020-02-20T13:07:35.123Z", Map.of()),
        profile("many", many(100), "1999-12-31T23:00:00Z", props.get(3)));
  }

  static Profile profile(
      String identity, List<String> identities, String updated, Map<String, String> properties) {
    return new Profile(identity, identities, Instant.parse(updated), properties);
  }

  private static List<String> awkwardIdentities() {
    return List.of(
        AWKWARD_IDENTITY,
        "semi;colon",
        "comma,x",
        "[\"looks\",\"like\",\"json\"]",
        "new\nline",
        "cr\rx",
        "",
        SampleEvents.CONTROL,
        SampleEvents.LONE_SURROGATE);
  }

  private static List<String> many(int count) {
    List<String> identities = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      identities.add("many-" + i);
    }
    return identities;
  }

  /** Every property name of {@code profiles}, sorted. */
  static List<String> columns(List<Profile> profiles) {
    TreeSet<String> names = new TreeSet<>();
    profiles.forEach(p -> names.addAll(p.properties().keySet()));
    return new ArrayList<>(names);
  }
}
