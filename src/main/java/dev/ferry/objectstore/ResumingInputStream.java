package dev.ferry.objectstore;

import dev.ferry.objectstore.ObjectStoreException.Retry;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;
import software.amazon.awssdk.http.Abortable;

/**
 * Reads an object from an offset; if the connection fails mid-read, reopens at the current byte (at
 * most {@link #MAX_RESUMES} times in a row without progress) so the reader sees no gap.
 */
final class ResumingInputStream extends InputStream {

  static final int MAX_RESUMES = 3;

  private final LongFunction<InputStream> opener;
  private final String location;
  private InputStream current;
  private long position;
  private int failuresWithoutProgress;
  private boolean closed;
  private boolean ended;

  ResumingInputStream(LongFunction<InputStream> opener, String location, long offset) {
    this.opener = opener;
    this.location = location;
    this.position = offset;
    this.current = opener.apply(offset);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    ensureOpen();
    while (true) {
      try {
        int n = current.read(buffer, offset, length);
        advance(n);
        return n;
      } catch (IOException e) {
        resumeAfter(e);
      }
    }
  }

  private void advance(int n) {
    ended = n < 0;
    if (n > 0) {
      position += n;
      failuresWithoutProgress = 0;
    }
  }

  private void resumeAfter(IOException failure) {
    failuresWithoutProgress++;
    closeQuietly();
    if (failuresWithoutProgress > MAX_RESUMES) {
      throw new ObjectStoreException(
          "Failed to read " + location + " at byte " + position + ": " + failure.getMessage(),
          Retry.CAN_HELP,
          failure);
    }
    current = opener.apply(position);
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("Stream of " + location + " is closed");
    }
  }

  private void closeQuietly() {
    try {
      current.close();
    } catch (IOException | RuntimeException e) {
      // the connection is already broken; a new one replaces it
    }
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      abortUnlessEnded();
      current.close();
    }
  }

  /** Closing an unfinished HTTP response would drain it to reuse the connection; drop it. */
  private void abortUnlessEnded() {
    if (!ended && current instanceof Abortable abortable) {
      abortable.abort();
    }
  }
}
