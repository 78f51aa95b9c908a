package dev.ferry.tables;

import java.time.Duration;
import java.util.List;

/**
 * The extraction log and loading report of one table in one run (SPEC §3).
 *
 * @param table the table's store name
 * @param filesConsidered files listed that match the table's pattern
 * @param filesLoaded files loaded (now in the ledger)
 * @param filesSkipped files left alone: modified before the start date, or loaded already with the
 *     same ETag
 * @param filesFailed files that could not be loaded, with why
 * @param rowsRead data rows read from the loaded files
 * @param rowsInserted rows new to the table
 * @param rowsUpdated rows that replaced one with the same primary key
 * @param rowsRejected rows left out of loaded files
 * @param rejected the first {@value #MAX_LISTED} of them, with file, line and reason
 * @param duration how long the table took
 * @param note a remark on the run as a whole, e.g. that the start date is in the future; empty
 */
public record TableReport(
    String table,
    long filesConsidered,
    long filesLoaded,
    long filesSkipped,
    List<FileError> filesFailed,
    long rowsRead,
    long rowsInserted,
    long rowsUpdated,
    long rowsRejected,
    List<RejectedRow> rejected,
    Duration duration,
    String note) {

  /** How many rejected rows a report lists. */
  public static final int MAX_LISTED = 1_000;

  public TableReport {
    filesFailed = List.copyOf(filesFailed);
    rejected = List.copyOf(rejected);
  }

  /** A file that could not be loaded. */
  public record FileError(String key, String reason) {}

  /** A row left out of a loaded file. */
  public record RejectedRow(String key, long line, String reason) {}
}
