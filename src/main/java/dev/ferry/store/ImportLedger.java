package dev.ferry.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The recurring import's ledger of files (SPEC §2.3): how far each file is imported, what was
 * rejected, and where it was moved. A file is identified by key, ETag and size.
 *
 * <p>Contract: {@link #commit} appends the records, the rejected rows and the new progress in one
 * transaction — after a crash the store holds all three or none, so resuming from {@link #progress}
 * never imports a row twice nor skips one.
 */
public interface ImportLedger {

  /** The file's progress, or empty when Ferry has never committed anything of this file. */
  Optional<FileProgress> progress(FileId file);

  /**
   * Appends {@code records} and {@code rejected} and stores {@code progress}, atomically.
   *
   * @return the sequence numbers given to the records
   */
  Appended commit(List<SourcedRecord> records, List<RejectedRow> rejected, FileProgress progress);

  /**
   * Encodes {@code records} for a later {@link #commit(PreparedBatch, List, FileProgress)}. Safe to
   * call on another thread while a commit runs; nothing is stored until the commit.
   */
  PreparedBatch prepare(List<SourcedRecord> records);

  /** As {@link #commit(List, List, FileProgress)}, for records prepared by this ledger. */
  Appended commit(PreparedBatch records, List<RejectedRow> rejected, FileProgress progress);

  /** The rejected rows of a file in line order. */
  void forEachRejected(FileId file, Consumer<RejectedRow> consumer);

  /** Every file of an integration, most recently updated first, at most {@code limit}. */
  List<FileProgress> files(String integration, int limit);

  /** The identity of one version of one object. */
  record FileId(String integration, String key, String etag, long size) {}

  /** A row that was not imported, with its physical line and the reason. */
  record RejectedRow(long line, String reason, String row) {}

  /**
   * Where a file stands.
   *
   * @param byteOffset where the next row starts (in decompressed bytes for {@code .csv.gz})
   * @param line the physical line of the last consumed line
   * @param destination where the file is (being) moved once finished
   */
  record FileProgress(
      FileId file,
      Stage stage,
      long byteOffset,
      long line,
      long rowsRead,
      long recordsImported,
      long rowsRejected,
      Optional<String> destination,
      Optional<String> error) {

    public FileProgress {
      if (stage != Stage.IMPORTING && destination.isEmpty()) {
        throw new IllegalArgumentException("a " + stage + " file needs its destination key");
      }
    }
  }

  /** The life of a file: importing, then finished (completed or failed), then moved away. */
  enum Stage {
    IMPORTING,
    COMPLETED,
    FAILED,
    MOVED
  }
}
