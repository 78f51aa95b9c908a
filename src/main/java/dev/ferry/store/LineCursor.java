package dev.ferry.store;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Lines of text read in sequence order, fetched lazily in pages so any range streams in bounded
 * memory. Close it when done; closing twice is harmless. Failures while fetching surface as {@link
 * StoreException}.
 */
public interface LineCursor extends Iterator<String>, AutoCloseable {

  /**
   * The next line as UTF-8 bytes, instead of {@link #next()}: for writers of files, which would
   * otherwise turn bytes into a string and back. By default the encoded {@link #next()}.
   */
  default byte[] nextUtf8() {
    return next().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  void close();
}
