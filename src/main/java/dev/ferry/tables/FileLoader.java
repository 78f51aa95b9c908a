package dev.ferry.tables;

import dev.ferry.faults.CrashPoints;
import dev.ferry.ingest.csv.CsvRows;
import dev.ferry.objectstore.ObjectInfo;
import dev.ferry.store.ReplicatedTables;
import dev.ferry.store.ReplicatedTables.FileLoad;
import dev.ferry.store.ReplicatedTables.LoadCounts;
import dev.ferry.store.ReplicatedTables.TableLoad;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads one CSV file into its table: reads the header, maps each row, stages the good ones and
 * commits them with the file's ledger entry. The stream is read once, row by row.
 */
final class FileLoader {
  /** The row after which a crash test may stop a load in the middle of its file. */
  private static final long MID_FILE_ROW = 2;

  private final ReplicatedTables store;
  private final String integration;
  private final TableSpec table;
  private final Clock clock;

  FileLoader(ReplicatedTables store, String integration, TableSpec table, Clock clock) {
    this.store = store;
    this.integration = integration;
    this.table = table;
    this.clock = clock;
  }

  /**
   * Loads {@code file} from {@code in}.
   *
   * @throws dev.ferry.ingest.csv.CsvFileException when the file is not readable CSV or not UTF-8
   * @throws TableFileException when its header lacks a primary-key field
   */
  TableSync.FileOutcome load(ObjectInfo file, InputStream in) throws IOException {
    Instant loadedAt = clock.instant();
    try (CsvRows rows = CsvRows.open(in, (byte) table.delimiter())) {
      FileColumns columns = FileColumns.of(rows.header(), table);
      FileLoad load =
          new FileLoad(
              integration,
              table.table(),
              file.key(),
              file.etag(),
              file.lastModified(),
              columns.staged(),
              columns.keyNames());
      try (TableLoad staging = store.begin(load)) {
        return stage(rows, new RowMapping(columns, file.key(), loadedAt), staging, file.key());
      }
    }
  }

  private static TableSync.FileOutcome stage(
      CsvRows rows, RowMapping mapping, TableLoad staging, String key) throws IOException {
    long read = 0;
    List<TableReport.RejectedRow> rejected = new ArrayList<>();
    for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
      read++;
      if (read == MID_FILE_ROW) {
        CrashPoints.reach("table-sync-mid-file");
      }
      RowMapping.Mapped mapped = mapping.map(row);
      if (mapped instanceof RowMapping.Staged staged) {
        staging.add(staged.values());
      } else {
        RowMapping.Rejected no = (RowMapping.Rejected) mapped;
        rejected.add(new TableReport.RejectedRow(key, no.line(), no.reason()));
      }
    }
    CrashPoints.reach("table-sync-before-commit");
    LoadCounts counts = staging.commit();
    CrashPoints.reach("table-sync-after-commit");
    return new TableSync.FileOutcome(read, counts, rejected);
  }
}
