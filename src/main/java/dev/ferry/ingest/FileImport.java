package dev.ferry.ingest;

import dev.ferry.faults.CrashPoints;
import dev.ferry.ingest.FileOutcome.Result;
import dev.ferry.ingest.csv.CsvFileException;
import dev.ferry.ingest.csv.CsvRecordReader;
import dev.ferry.objectstore.ObjectInfo;
import dev.ferry.store.ImportLedger.FileId;
import dev.ferry.store.ImportLedger.FileProgress;
import dev.ferry.store.ImportLedger.Stage;
import dev.ferry.store.PreparedBatch;
import dev.ferry.store.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Imports one file, from where the ledger says it stopped, in batches that each commit their
 * records, rejected rows and the new position in one store transaction; then moves it away.
 */
final class FileImport {
  private final ImportContext context;
  private final ObjectInfo object;
  private final FileId id;
  private FileProgress committed;
  private long rowsRead;
  private long imported;
  private long rejectedCount;
  private long bytesAtStart;
  private FileProgress atStart;

  FileImport(ImportContext context, ObjectInfo object) {
    this.context = context;
    this.object = object;
    this.id = new FileId(context.definition().name(), object.key(), object.etag(), object.size());
  }

  FileOutcome run() {
    Optional<FileProgress> known = context.ledger().progress(id);
    if (known.isEmpty()) {
      return importRows(Optional.empty());
    }
    FileProgress progress = known.get();
    return switch (progress.stage()) {
      case IMPORTING -> importRows(known);
      case COMPLETED, FAILED -> moved(progress, resultOf(progress));
      case MOVED -> moved(Mover.again(context, progress), Result.SKIPPED);
    };
  }

  private FileOutcome importRows(Optional<FileProgress> resumeFrom) {
    resumeFrom.ifPresent(this::restore);
    try (CsvRecordReader reader = openReader(resumeFrom)) {
      return readAll(reader);
    } catch (CsvFileException e) {
      return failFile(e.getMessage());
    } catch (ObjectReadException e) {
      throw new UncheckedIOException(
          "Failed to read s3://" + context.bucket() + "/" + object.key() + ": " + e.getMessage(),
          e);
    } catch (IOException e) {
      return failFile("the file cannot be read: " + e.getMessage());
    }
  }

  private void restore(FileProgress progress) {
    committed = progress;
    atStart = progress;
    rowsRead = progress.rowsRead();
    imported = progress.recordsImported();
    rejectedCount = progress.rowsRejected();
    bytesAtStart = progress.byteOffset();
  }

  private CsvRecordReader openReader(Optional<FileProgress> resumeFrom) throws IOException {
    if (resumeFrom.isEmpty()) {
      return CsvRecordReader.open(open(0), context.format());
    }
    FileProgress progress = resumeFrom.get();
    try (InputStream header = open(0)) {
      return CsvRecordReader.resume(
          header,
          open(progress.byteOffset()),
          progress.byteOffset(),
          progress.line(),
          context.format());
    }
  }

  private InputStream open(long offset) throws IOException {
    return ObjectStreams.open(context.objects(), context.bucket(), object.key(), offset);
  }

  private FileOutcome readAll(CsvRecordReader reader) throws IOException {
    Source source = new Source(id.integration(), Long.toString(context.runId()), id.key(), 0);
    try (BatchReader batches =
        new BatchReader(
            reader,
            context.ledger(),
            context.batchRecords(),
            source,
            rowsRead,
            committed != null)) {
      while (true) {
        BatchReader.Item item = next(batches);
        if (item instanceof BatchReader.Thrown thrown) {
          rowsRead = thrown.rowsRead();
          throw rethrown(thrown.exception());
        } else if (item instanceof BatchReader.FileFailure failure) {
          rowsRead = failure.rowsRead();
          return failFile(failure.reason());
        } else if (item instanceof BatchReader.Batch batch && batch.last()) {
          return complete(batch);
        } else if (item instanceof BatchReader.Batch batch) {
          commit(batch, Stage.IMPORTING, Optional.empty());
          if (context.pastDeadline()) {
            return outcome(Result.UNFINISHED, Optional.empty(), Optional.empty());
          }
        }
      }
    }
  }

  private static BatchReader.Item next(BatchReader batches) {
    try {
      return batches.next();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while importing", e);
    }
  }

  private static IOException rethrown(Exception exception) {
    if (exception instanceof IOException io) {
      return io;
    }
    throw (RuntimeException) exception;
  }

  private FileOutcome complete(BatchReader.Batch batch) {
    String destination =
        DestinationKeys.completed(
            today(), id.key(), key -> context.objects().exists(context.bucket(), key));
    commit(batch, Stage.COMPLETED, Optional.of(destination));
    return moved(committed, Result.COMPLETED);
  }

  private FileOutcome failFile(String reason) {
    String destination =
        DestinationKeys.failed(
            today(), id.key(), key -> context.objects().exists(context.bucket(), key));
    String error = explain(reason);
    FileProgress failed =
        new FileProgress(
            id,
            Stage.FAILED,
            committed == null ? 0 : committed.byteOffset(),
            committed == null ? 0 : committed.line(),
            rowsRead,
            imported,
            rejectedCount,
            Optional.of(destination),
            Optional.of(error));
    context.ledger().commit(List.of(), List.of(), failed);
    committed = failed;
    return moved(failed, Result.FAILED);
  }

  private String explain(String reason) {
    String done =
        imported == 0
            ? "Nothing from this file was imported."
            : imported + " records from this file were imported before the failure.";
    return "Failed to import s3://"
        + context.bucket()
        + "/"
        + id.key()
        + ": "
        + reason
        + "\n"
        + done;
  }

  private void commit(BatchReader.Batch batch, Stage stage, Optional<String> destination) {
    try (PreparedBatch records = batch.records()) {
      commit(batch, records, stage, destination);
    }
  }

  private void commit(
      BatchReader.Batch batch, PreparedBatch records, Stage stage, Optional<String> destination) {
    FileProgress progress =
        new FileProgress(
            id,
            stage,
            batch.offset(),
            batch.line(),
            batch.rowsRead(),
            imported + records.size(),
            rejectedCount + batch.rejected().size(),
            destination,
            Optional.empty());
    CrashPoints.reach("before-commit");
    context.ledger().commit(records, batch.rejected(), progress);
    CrashPoints.reach("after-commit");
    context.progress().advance(id.key(), batch.offset() - bytesRead(), batch.rowsRead() - rowsRead);
    rowsRead = batch.rowsRead();
    imported += records.size();
    rejectedCount += batch.rejected().size();
    committed = progress;
  }

  private long bytesRead() {
    return committed == null ? bytesAtStart : committed.byteOffset();
  }

  private FileOutcome moved(FileProgress finished, Result result) {
    if (committed == null) {
      restore(finished);
    }
    Mover.finish(context, finished);
    return outcome(result, finished.destination(), finished.error());
  }

  /** This run's share of the file: counters minus what earlier runs had committed. */
  private FileOutcome outcome(Result result, Optional<String> destination, Optional<String> error) {
    long rowsBefore = atStart == null ? 0 : atStart.rowsRead();
    long importedBefore = atStart == null ? 0 : atStart.recordsImported();
    long rejectedBefore = atStart == null ? 0 : atStart.rowsRejected();
    long bytes = committed == null ? 0 : Math.max(0, committed.byteOffset() - bytesAtStart);
    return new FileOutcome(
        id.key(),
        id.etag(),
        id.size(),
        result,
        rowsRead - rowsBefore,
        imported - importedBefore,
        rejectedCount - rejectedBefore,
        bytes,
        destination,
        error);
  }

  private java.time.LocalDate today() {
    return java.time.LocalDate.ofInstant(context.clock().instant(), java.time.ZoneOffset.UTC);
  }

  private static Result resultOf(FileProgress progress) {
    return progress.stage() == Stage.FAILED ? Result.FAILED : Result.COMPLETED;
  }
}
