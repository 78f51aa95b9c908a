package dev.ferry.ingest;

import dev.ferry.event.Record;
import dev.ferry.faults.CrashPoints;
import dev.ferry.ingest.csv.CsvRecordReader;
import dev.ferry.ingest.csv.ParsedRow;
import dev.ferry.store.ImportLedger;
import dev.ferry.store.ImportLedger.RejectedRow;
import dev.ferry.store.PreparedBatch;
import dev.ferry.store.Source;
import dev.ferry.store.SourcedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;

/**
 * Reads a file's rows into batches on its own thread, one batch ahead of the thread that commits
 * them: while the store loads batch n, this parses batch n + 1. The hand-off holds nothing, so at
 * most two batches are in memory. Batches come out in file order, each with the reader's position
 * after its last row, so each commit still carries its own records, rejected rows and progress.
 * Each batch is also encoded for the store ({@link ImportLedger#prepare}) on this thread.
 */
final class BatchReader implements AutoCloseable {

  /** What the committing thread receives next. */
  sealed interface Item permits Batch, FileFailure, Thrown {}

  /**
   * Rows read since the previous batch.
   *
   * @param rowsRead rows read in the file so far, this batch included
   * @param offset byte offset after this batch's last row
   * @param line physical line of this batch's last row
   * @param last whether the file ends after this batch
   */
  record Batch(
      PreparedBatch records,
      List<RejectedRow> rejected,
      long rowsRead,
      long offset,
      long line,
      boolean last)
      implements Item {}

  /** A row that fails the whole file; rows before it in the same batch are not committed. */
  record FileFailure(String reason, long rowsRead) implements Item {}

  /** The reader failed after {@code rowsRead} rows; the committing thread rethrows it. */
  record Thrown(Exception exception, long rowsRead) implements Item {}

  private final CsvRecordReader reader;
  private final ImportLedger ledger;
  private final int batchRecords;
  private final Source source;
  private final boolean resumed;
  private final SynchronousQueue<Item> handOff = new SynchronousQueue<>();
  private final Thread thread;
  private volatile boolean stopped;
  private long rowsRead;
  private boolean emitted;

  /**
   * Starts reading.
   *
   * @param source the source of every record, at line 0
   * @param rowsRead rows read by earlier runs
   * @param resumed whether earlier runs committed part of the file
   */
  BatchReader(
      CsvRecordReader reader,
      ImportLedger ledger,
      int batchRecords,
      Source source,
      long rowsRead,
      boolean resumed) {
    this.reader = reader;
    this.ledger = ledger;
    this.batchRecords = batchRecords;
    this.source = source;
    this.rowsRead = rowsRead;
    this.resumed = resumed;
    this.thread = new Thread(this::produce, "ferry-import-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** The next batch; rethrows what the reader threw. */
  Item next() throws InterruptedException {
    return handOff.take();
  }

  private void produce() {
    Item item;
    do {
      item = read();
      if (!handOver(item)) {
        return;
      }
      emitted = true;
    } while (item instanceof Batch batch && !batch.last() && !stopped);
  }

  /** Hands {@code item} over; when stopped instead, releases it and returns false. */
  private boolean handOver(Item item) {
    try {
      handOff.put(item);
      return true;
    } catch (InterruptedException e) {
      if (item instanceof Batch batch) {
        batch.records().close();
      }
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Item read() {
    try {
      return readBatch();
    } catch (IOException | RuntimeException e) {
      return new Thrown(e, rowsRead);
    }
  }

  private Item readBatch() throws IOException {
    List<SourcedRecord> records = new ArrayList<>(Math.min(batchRecords, 1 << 16));
    List<RejectedRow> rejected = new ArrayList<>();
    ParsedRow row;
    while (!stopped && (row = reader.next()) != null) {
      rowsRead++;
      if (row instanceof ParsedRow.Accepted accepted) {
        add(records, accepted);
        CrashPoints.reach("row-read");
      } else if (row instanceof ParsedRow.Rejected rejection) {
        if (failsTheFile(rejection)) {
          return new FileFailure("line " + rejection.line() + ": " + rejection.reason(), rowsRead);
        }
        rejected.add(new RejectedRow(rejection.line(), rejection.reason(), rejection.rawText()));
      }
      if (records.size() >= batchRecords) {
        return batch(records, rejected, false);
      }
    }
    return batch(records, rejected, true);
  }

  private Batch batch(List<SourcedRecord> records, List<RejectedRow> rejected, boolean last) {
    PreparedBatch prepared = ledger.prepare(records);
    return new Batch(prepared, rejected, rowsRead, reader.offset(), reader.line(), last);
  }

  private void add(List<SourcedRecord> records, ParsedRow.Accepted row) {
    Source at = source.atLine(row.line());
    for (Record record : row.records()) {
      records.add(new SourcedRecord(record, at));
    }
  }

  /** An undecodable row before anything of the file was committed means the file is not UTF-8. */
  private boolean failsTheFile(ParsedRow.Rejected rejection) {
    return rejection.cause() == ParsedRow.Cause.ENCODING && !resumed && !emitted;
  }

  /** Stops the reading thread and waits for it; the caller then closes the CSV reader. */
  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("Interrupted stopping the reader", e));
    }
  }
}
