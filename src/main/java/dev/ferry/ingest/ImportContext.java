package dev.ferry.ingest;

import dev.ferry.ingest.csv.ImportFormat;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.store.ImportLedger;
import java.time.Clock;
import java.time.Instant;

/** What every file of one run needs. */
record ImportContext(
    ImportDefinition definition,
    ImportFormat format,
    ObjectStore objects,
    ImportLedger ledger,
    Clock clock,
    int batchRecords,
    long runId,
    Instant deadline,
    RunProgress progress) {

  boolean pastDeadline() {
    return !clock.instant().isBefore(deadline);
  }

  String bucket() {
    return definition.bucket();
  }
}
