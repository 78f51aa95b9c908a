package dev.ferry.export;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.store.ExportLedger;
import dev.ferry.store.RecordStore;
import dev.ferry.store.Revisions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

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
   * Runs {@code definition} once against {@code objects}, stopping after the revision during which
   * {@code deadline} passes. Failures surface as exceptions after everything published so far is
   * recorded.
   */
  public ExportOutcome run(
      RevisionExportDefinition definition,
      ObjectStore objects,
      Instant deadline,
      ExportProgress progress) {
    throw new UnsupportedOperationException(
        "not yet: " + records + revisions + ledger + spool + clock);
  }
}
