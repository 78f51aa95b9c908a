package dev.ferry.app;

import dev.ferry.store.Run;
import dev.ferry.store.RunRecords;
import dev.ferry.store.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs still marked running when the server starts were cut off by a stop or a crash; they are
 * finished as failed, so their record tells the truth. Their work resumes from the store's ledger.
 */
final class InterruptedRuns {
  private static final Logger LOG = LoggerFactory.getLogger(InterruptedRuns.class);
  private static final int SCAN = 1000;

  private InterruptedRuns() {}

  /** Marks every run left running as failed; returns them, so their work can resume. */
  static List<Run> fail(RunRecords runs) {
    List<Run> interrupted = new ArrayList<>();
    for (Run run : runs.list(Optional.empty(), SCAN)) {
      if (run.status() == RunStatus.RUNNING) {
        interrupted.add(run);
        runs.finish(
            run.id(),
            RunStatus.FAILED,
            run.details(),
            List.of("Interrupted: the server stopped during this run; the next run resumes it"));
        LOG.info(
            "Run {} of {} was interrupted by a stop; marked failed", run.id(), run.integration());
      }
    }
    return interrupted;
  }
}
