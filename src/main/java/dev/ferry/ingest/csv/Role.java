package dev.ferry.ingest.csv;

import java.util.List;
import java.util.Locale;

/** The columns with a meaning of their own; every other column is a property. */
public enum Role {
  /** The person: {@code Identity}, {@code Person} or {@code _p}. Required. */
  IDENTITY("Identity", "Person", "_p"),
  /** When: {@code Timestamp}, {@code Time} or {@code _t}. Required except in alias-only files. */
  TIMESTAMP("Timestamp", "Time", "_t"),
  /** The event name: {@code Event} or {@code _n}. Optional. */
  EVENT("Event", "_n"),
  /** A second identity for the person: {@code Alias} or {@code _p2}. Optional. */
  ALIAS("Alias", "_p2");

  private final List<String> names;

  Role(String... names) {
    this.names = List.of(names);
  }

  /** The header names that map to this role by default, matched case-insensitively. */
  public List<String> names() {
    return names;
  }

  boolean matches(String trimmedHeaderName) {
    return names.stream().anyMatch(name -> name.equalsIgnoreCase(trimmedHeaderName));
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
