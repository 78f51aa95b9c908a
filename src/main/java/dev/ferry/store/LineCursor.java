package dev.ferry.store;

import java.util.Iterator;

/**
 * Lines of text read in sequence order, fetched lazily in pages so any range streams in bounded
 * memory. Close it when done; closing twice is harmless. Failures while fetching surface as {@link
 * StoreException}.
 */
public interface LineCursor extends Iterator<String>, AutoCloseable {

  @Override
  void close();
}
