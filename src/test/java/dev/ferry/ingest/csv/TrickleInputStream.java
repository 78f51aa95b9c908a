package dev.ferry.ingest.csv;

import java.io.ByteArrayInputStream;

/** Returns at most a few bytes per read, as a slow network stream does. */
final class TrickleInputStream extends ByteArrayInputStream {
  private final int maxPerRead;

  TrickleInputStream(byte[] bytes, int maxPerRead) {
    super(bytes);
    this.maxPerRead = maxPerRead;
  }

  TrickleInputStream(byte[] bytes, int offset, int maxPerRead) {
    super(bytes, offset, bytes.length - offset);
    this.maxPerRead = maxPerRead;
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length) {
    return super.read(buffer, offset, Math.min(length, maxPerRead));
  }
}
