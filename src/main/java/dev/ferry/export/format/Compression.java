package dev.ferry.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip compression of JSON, XML and CSV export files (SPEC §5: {@code compression-level}, 1 to
 * 9, default 6). The gzip header carries no file name and a zero modification time, so the same
 * input at the same level always gives the same bytes. {@code flush()} pushes everything written so
 * far out as complete deflate blocks (a sync flush), so the bytes written so far are known exactly;
 * callers flush only now and then, as each flush costs a little compression.
 */
public final class Compression {
  /** The level used unless an export sets {@code compression-level}. */
  public static final int DEFAULT_LEVEL = 6;

  /** The fastest level. */
  public static final int MIN_LEVEL = 1;

  /** The smallest output. */
  public static final int MAX_LEVEL = 9;

  private static final int BUFFER_BYTES = 1 << 16;

  private Compression() {}

  /**
   * A stream that gzips what is written to it into {@code out} at {@code level}; closing it
   * finishes the gzip stream and closes {@code out}.
   *
   * @throws IllegalArgumentException if {@code level} is not 1 to 9
   * @throws IOException if the gzip header cannot be written
   */
  public static OutputStream gzip(OutputStream out, int level) throws IOException {
    if (level < MIN_LEVEL || level > MAX_LEVEL) {
      throw new IllegalArgumentException(
          "compression level must be " + MIN_LEVEL + " to " + MAX_LEVEL + ", not " + level);
    }
    return new LeveledGzip(out, level);
  }

  private static final class LeveledGzip extends GZIPOutputStream {
    LeveledGzip(OutputStream out, int level) throws IOException {
      super(out, BUFFER_BYTES, true);
      def.setLevel(level);
    }
  }
}
