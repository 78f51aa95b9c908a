package dev.ferry.export.format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes on to another stream and counts them. Placed under {@link Compression#gzip}, it
 * counts the compressed bytes produced so far, which the export compares with {@code chunk-size} to
 * start a new file. The count lags the input by what the compressor still holds; it is exact once
 * the gzip stream is closed.
 */
public final class CountingOutputStream extends FilterOutputStream {
  private long count;

  /** A stream that counts what it passes on to {@code out}. */
  public CountingOutputStream(OutputStream out) {
    super(out);
  }

  /** How many bytes have been passed on. */
  public long count() {
    return count;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    count++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    count += length;
  }
}
