package dev.ferry.tables;

import dev.ferry.objectstore.ObjectStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens a file for reading, gunzipped when it is gzip: by its first two bytes (the gzip magic
 * number), whatever its name, so {@code .csv.gz} files and gzip files named {@code .csv} both load.
 */
final class Decompression {
  private static final int BUFFER = 1 << 16;

  private Decompression() {}

  static InputStream open(ObjectStore objects, String bucket, String key) throws IOException {
    InputStream in = new BufferedInputStream(objects.open(bucket, key, 0), BUFFER);
    try {
      in.mark(2);
      int first = in.read();
      int second = in.read();
      in.reset();
      return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, BUFFER) : in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }
}
