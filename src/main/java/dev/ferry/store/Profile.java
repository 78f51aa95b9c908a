package dev.ferry.store;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One person's current state (SPEC §1, "Profiles"): the identities aliases link together, with, for
 * each property name, the value with the latest timestamp (ties: the latest received) among their
 * events and properties records.
 *
 * @param identity the canonical identity: of the linked identities, the one seen first (lowest
 *     sequence; within an alias record its identity before its second identity). It can change only
 *     when a later alias links a group seen earlier.
 * @param allIdentities every linked identity, this one included, in first-seen order (so {@code
 *     identity} comes first)
 * @param updated the latest timestamp among all the group's records (events, properties records and
 *     aliases), whether or not they set a property
 * @param properties the kept value of each property name, sorted by name; empty when the group's
 *     records set none (an identity with only events without properties still has a profile)
 */
public record Profile(
    String identity, List<String> allIdentities, Instant updated, Map<String, String> properties) {

  public Profile {
    Objects.requireNonNull(identity, "identity must not be null");
    allIdentities = List.copyOf(allIdentities);
    Objects.requireNonNull(updated, "updated must not be null");
    properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
  }
}
