package dev.ferry.ingest;

import dev.ferry.objectstore.ObjectStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens a file's bytes at a position. Plain files are read with a ranged GET from the offset;
 * {@code .csv.gz} files cannot be entered in the middle, so they are read from the start and the
 * decompressed bytes before the offset are skipped. Errors of the object store surface as {@link
 * ObjectReadException}; any other {@link IOException} from a gzip stream means a corrupt file.
 */
final class ObjectStreams {
  private static final int GZIP_BUFFER = 64 * 1024;

  private ObjectStreams() {}

  static InputStream open(ObjectStore store, String bucket, String key, long offset)
      throws IOException {
    if (!FileMatcher.isGzip(key)) {
      return tagged(store.open(bucket, key, offset));
    }
    InputStream plain = new GZIPInputStream(tagged(store.open(bucket, key, 0)), GZIP_BUFFER);
    skipFully(plain, offset);
    return plain;
  }

  private static void skipFully(InputStream in, long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("file ends before byte offset " + bytes);
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static InputStream tagged(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw new ObjectReadException(e);
        }
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
          return super.read(buffer, offset, length);
        } catch (IOException e) {
          throw new ObjectReadException(e);
        }
      }
    };
  }
}
