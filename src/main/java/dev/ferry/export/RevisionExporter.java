package dev.ferry.export;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.store.ExportLedger;
import dev.ferry.store.RecordStore;
import dev.ferry.store.Revision;
import dev.ferry.store.Revisions;
import dev.ferry.store.RunStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Runs revision exports (SPEC §4): publishes the ready closed revisions an export has not yet
 * published as {@code revisions/N.json}, in order, then rewrites {@code index.csv} and {@code
 * status.csv}.
 */
public final class RevisionExporter {
  private final RecordStore records;
  private final Revisions revisions;
  private final ExportLedger ledger;
  private final Path spool;
  private final Clock clock;

  /**
   * @param spool a directory for revision files on their way to the bucket; its content may be
   *     deleted whenever no export runs (e.g. at server start)
   */
  public RevisionExporter(
      RecordStore records, Revisions revisions, ExportLedger ledger, Path spool, Clock clock) {
    this.records = records;
    this.revisions = revisions;
    this.ledger = ledger;
    this.spool = spool;
    this.clock = clock;
  }

  /**
   * Runs {@code definition} once against {@code objects}: publishes the ready revisions in order,
   * starting no new revision once {@code deadline} has passed, then rewrites {@code index.csv} and
   * {@code status.csv}. A failure surfaces as an exception; what was published before it stays
   * recorded, and the next run goes on from there.
   */
  public ExportOutcome run(
      RevisionExportDefinition definition,
      ObjectStore objects,
      Instant deadline,
      ExportProgress progress) {
    List<Revision> ready =
        ReadyRevisions.after(
            revisions,
            ledger.lastPublished(definition.name()),
            definition.cutoff(),
            clock.instant());
    progress.expect(ready.size());
    RunTotals totals = new RunTotals();
    totals.ready(ready.size());
    RevisionSpooler spooler = new RevisionSpooler(records, spool);
    try (UploadPipeline pipeline =
        new UploadPipeline(definition, spooler, objects, ledger, progress, totals)) {
      for (Revision revision : ready) {
        pipeline.awaitRoom();
        if (!clock.instant().isBefore(deadline)) {
          break;
        }
        pipeline.start(revision);
      }
      pipeline.finish();
    }
    GuideFiles.write(definition, objects, ledger.published(definition.name()), totalRevisions());
    RunStatus status = totals.incomplete() ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
    return new ExportOutcome(status, totals.json(), List.of());
  }

  /** Revision numbers have no gaps, so the highest one is the count. */
  private long totalRevisions() {
    return revisions.open().map(Revision::number).orElseGet(revisions::lastClosedNumber);
  }
}
