package dev.ferry.store;

import java.util.List;
import java.util.Optional;

/**
 * One record per run of an integration, written at start and finished at end. The activity log,
 * extraction log and loading report are views of these records. Times come from the store's clock.
 */
public interface RunRecords {

  /** Records a run of {@code integration} as {@link RunStatus#RUNNING}; returns its new id. */
  long start(String integration, String kind);

  /**
   * Finishes run {@code runId} with {@code status}, its {@code details} (a JSON object text: counts
   * such as rows read, imported, rejected, bytes, files) and {@code errors}.
   *
   * @throws StoreException when the run does not exist, is already finished, {@code status} is
   *     {@link RunStatus#RUNNING}, or {@code details} is not a JSON object
   */
  void finish(long runId, RunStatus status, String details, List<String> errors);

  /** The run {@code runId}, or empty when there is none. */
  Optional<Run> find(long runId);

  /**
   * The latest runs of {@code integration}, or of all integrations when it is empty, newest first,
   * at most {@code limit}.
   */
  List<Run> list(Optional<String> integration, int limit);

  /** The latest runs of {@code integration}, newest first, at most {@code limit}. */
  default List<Run> list(String integration, int limit) {
    return list(Optional.of(integration), limit);
  }
}
