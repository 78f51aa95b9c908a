package dev.ferry.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The persisted settings of integrations (imports, exports, table replications), each under a
 * unique name. Times come from the store's clock.
 */
public interface IntegrationDefinitions {

  /**
   * Stores {@code definitionJson} as the definition of {@code name}: inserts it, or replaces the
   * kind and definition of an existing one (keeping its creation time).
   *
   * @throws StoreException when {@code definitionJson} is not valid JSON
   */
  void put(String name, String kind, String definitionJson);

  /** The definition named {@code name}, or empty when there is none. */
  Optional<Definition> find(String name);

  /** The definitions of {@code kind}, by name ascending. */
  List<Definition> list(String kind);

  /** Deletes the definition named {@code name}; returns whether there was one. */
  boolean delete(String name);

  /**
   * One stored definition.
   *
   * @param name its unique name
   * @param kind what kind of integration it defines, e.g. {@code "import"}
   * @param json its settings as JSON text
   * @param createdAt when it was first stored
   * @param updatedAt when it was last stored
   */
  record Definition(String name, String kind, String json, Instant createdAt, Instant updatedAt) {

    public Definition {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(kind, "kind must not be null");
      Objects.requireNonNull(json, "json must not be null");
      Objects.requireNonNull(createdAt, "createdAt must not be null");
      Objects.requireNonNull(updatedAt, "updatedAt must not be null");
    }
  }
}
