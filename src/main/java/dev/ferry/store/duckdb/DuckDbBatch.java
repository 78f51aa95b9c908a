package dev.ferry.store.duckdb;

import dev.ferry.store.PreparedBatch;
import dev.ferry.store.SourcedRecord;
import java.util.List;

/**
 * A batch prepared for {@code records}: a written {@link BatchFile} (large batches), or the records
 * themselves for the appender (small batches, and text the batch file cannot carry).
 */
final class DuckDbBatch implements PreparedBatch {
  private final BatchFile file;
  private final List<SourcedRecord> records;
  private final int size;

  private DuckDbBatch(BatchFile file, List<SourcedRecord> records, int size) {
    this.file = file;
    this.records = records;
    this.size = size;
  }

  static DuckDbBatch inFile(BatchFile file, int size) {
    return new DuckDbBatch(file, List.of(), size);
  }

  static DuckDbBatch inMemory(List<SourcedRecord> records) {
    return new DuckDbBatch(null, records, records.size());
  }

  /** The batch file, or null when the records go through the appender. */
  BatchFile file() {
    return file;
  }

  List<SourcedRecord> records() {
    return records;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void close() {
    if (file != null) {
      file.delete();
    }
  }
}
