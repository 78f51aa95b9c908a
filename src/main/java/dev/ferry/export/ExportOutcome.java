package dev.ferry.export;

import dev.ferry.store.RunStatus;
import java.util.List;

/**
 * How an export run ended, for its run record.
 *
 * @param status {@link RunStatus#SUCCEEDED} when everything ready was published, {@link
 *     RunStatus#PARTIAL} when the time budget stopped it early
 * @param details a JSON object text with the run's counts
 * @param errors what went wrong, if anything
 */
public record ExportOutcome(RunStatus status, String details, List<String> errors) {

  public ExportOutcome {
    errors = List.copyOf(errors);
  }
}
