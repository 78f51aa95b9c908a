package dev.ferry.ingest;

import dev.ferry.faults.CrashPoints;
import dev.ferry.objectstore.ObjectWriter;
import dev.ferry.store.ImportLedger.FileProgress;
import dev.ferry.store.ImportLedger.Stage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Moves a finished file to its recorded destination, idempotently: writes the rejects file or the
 * error file beside it, copies (overwriting a half-done earlier copy), deletes the original, then
 * records the move. A crash anywhere in between is repaired by running it again.
 */
final class Mover {
  private Mover() {}

  static void finish(ImportContext context, FileProgress finished) {
    String bucket = context.bucket();
    String source = finished.file().key();
    String destination = finished.destination().orElseThrow();
    CrashPoints.reach("before-move");
    if (finished.stage() == Stage.FAILED) {
      write(
          context, destination + DestinationKeys.ERROR_SUFFIX, finished.error().orElse("") + "\n");
    } else if (finished.stage() == Stage.COMPLETED && finished.rowsRejected() > 0) {
      writeRejects(context, finished, destination + DestinationKeys.REJECTS_SUFFIX);
    }
    CrashPoints.reach("after-report-file");
    if (finished.stage() != Stage.MOVED && context.objects().exists(bucket, source)) {
      context.objects().copy(bucket, source, destination);
      CrashPoints.reach("after-copy");
      context.objects().delete(bucket, source);
      CrashPoints.reach("after-delete");
    }
    context.ledger().commit(List.of(), List.of(), withStage(finished, Stage.MOVED));
    CrashPoints.reach("after-moved");
  }

  /**
   * A file already imported and moved is back under its name: nothing is imported, and it is moved
   * to {@code completed_imports/} again under a free name.
   */
  static FileProgress again(ImportContext context, FileProgress moved) {
    String destination =
        DestinationKeys.completed(
            java.time.LocalDate.ofInstant(context.clock().instant(), java.time.ZoneOffset.UTC),
            moved.file().key(),
            key -> context.objects().exists(context.bucket(), key));
    FileProgress again =
        new FileProgress(
            moved.file(),
            Stage.COMPLETED,
            moved.byteOffset(),
            moved.line(),
            moved.rowsRead(),
            moved.recordsImported(),
            0,
            java.util.Optional.of(destination),
            moved.error());
    context.ledger().commit(List.of(), List.of(), again);
    return again;
  }

  private static FileProgress withStage(FileProgress progress, Stage stage) {
    return new FileProgress(
        progress.file(),
        stage,
        progress.byteOffset(),
        progress.line(),
        progress.rowsRead(),
        progress.recordsImported(),
        progress.rowsRejected(),
        progress.destination(),
        progress.error());
  }

  private static void write(ImportContext context, String key, String text) {
    try (ObjectWriter writer = context.objects().create(context.bucket(), key)) {
      writer.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void writeRejects(ImportContext context, FileProgress finished, String key) {
    ObjectWriter writer = context.objects().create(context.bucket(), key);
    try {
      writer.write("line,reason,row\n".getBytes(StandardCharsets.UTF_8));
      context
          .ledger()
          .forEachRejected(
              finished.file(),
              row ->
                  writer.write(
                      (row.line()
                              + ","
                              + CsvText.quote(row.reason())
                              + ","
                              + CsvText.quote(row.row())
                              + "\n")
                          .getBytes(StandardCharsets.UTF_8)));
      writer.close();
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
  }
}
