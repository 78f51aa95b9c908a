package dev.ferry.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of an integration.
 *
 * @param id the store-assigned id, from 1
 * @param integration the integration's name
 * @param kind what kind of run, e.g. {@code "import"} or {@code "revision-export"}
 * @param status its status
 * @param startedAt when it started
 * @param finishedAt when it finished; {@code null} while running
 * @param details the run's counts and other facts as a JSON object text; {@code "{}"} while running
 * @param errors the errors it reported, in order
 */
public record Run(
    long id,
    String integration,
    String kind,
    RunStatus status,
    Instant startedAt,
    Instant finishedAt,
    String details,
    List<String> errors) {

  public Run {
    Objects.requireNonNull(integration, "integration must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(status, "status must not be null");
    Objects.requireNonNull(startedAt, "startedAt must not be null");
    Objects.requireNonNull(details, "details must not be null");
    errors = List.copyOf(errors);
  }

  /** When it finished, or empty while running. */
  public Optional<Instant> finished() {
    return Optional.ofNullable(finishedAt);
  }
}
