package dev.ferry.store;

import java.util.Iterator;

/**
 * Records read in sequence order, fetched lazily in pages so any range streams in bounded memory.
 * Close it when done; closing twice is harmless. Failures while fetching surface as {@link
 * StoreException}.
 */
public interface RecordCursor extends Iterator<StoredRecord>, AutoCloseable {

  @Override
  void close();
}
