package dev.ferry.store;

/**
 * Records encoded for the store ahead of their commit ({@link ImportLedger#prepare}), so that an
 * import can encode its next batch while the store commits the current one. Committed at most once;
 * {@link #close()} releases what it holds (a temporary file) and is safe after the commit.
 */
public interface PreparedBatch extends AutoCloseable {

  /** How many records the batch holds. */
  int size();

  @Override
  void close();
}
