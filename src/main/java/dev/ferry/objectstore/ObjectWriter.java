package dev.ferry.objectstore;

import java.io.OutputStream;

/**
 * Bytes of one new object. Nothing is visible under the key until {@link #close()} returns; a
 * writer that fails, or is aborted, leaves no object and no pending multipart upload behind (as far
 * as the store lets it: an abort that is itself denied is reported by an exception).
 */
public abstract class ObjectWriter extends OutputStream {

  /** Writes one byte; fails with an unchecked {@link ObjectStoreException}, never IOException. */
  @Override
  public abstract void write(int b);

  /** Writes bytes; fails with an unchecked {@link ObjectStoreException}, never IOException. */
  @Override
  public abstract void write(byte[] bytes, int offset, int length);

  @Override
  public void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  /** Does nothing: bytes are sent as parts fill and at {@link #close()}. */
  @Override
  public void flush() {}

  /**
   * Commits the object. After it returns the object is visible in full. If the commit fails, the
   * writer aborts and rethrows. Closing twice, or after {@link #abort()}, does nothing.
   */
  @Override
  public abstract void close();

  /** Discards everything written. The key keeps whatever object it had before. Idempotent. */
  public abstract void abort();
}
