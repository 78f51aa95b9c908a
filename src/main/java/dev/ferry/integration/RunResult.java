package dev.ferry.integration;

import dev.ferry.store.RunStatus;
import java.util.List;
import java.util.Objects;

/**
 * How a run ended, for its run record.
 *
 * @param details a JSON object text with the run's counts
 * @param errors what went wrong, if anything; never a secret
 */
public record RunResult(RunStatus status, String details, List<String> errors) {

  public RunResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(details, "details");
    errors = List.copyOf(errors);
  }
}
