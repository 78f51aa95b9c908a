package dev.ferry.export;

import dev.ferry.export.format.Compression;
import dev.ferry.export.format.CountingOutputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes items into a series of gzip files, starting the next file once the current one has reached
 * the chunk size in output (compressed) bytes (SPEC §5: "chunked at 100 MB"). No item is split.
 * Compressed size is only exact after a flush, so the writer is flushed about every {@code chunk
 * size / 16} uncompressed bytes (at least every {@value #MIN_FLUSH_BYTES}), estimated from the
 * bytes per item so far; a file therefore passes the chunk size by at most what that much input
 * compresses to, plus one item. Each closed file is handed to a {@link Sink} with its index (from
 * 0) and row count, then deleted.
 *
 * @param <T> what is written
 */
final class ChunkedFiles<T> implements Closeable {
  static final long MIN_FLUSH_BYTES = 256;

  private final Path spool;
  private final long chunkSize;
  private final long flushBytes;
  private final int level;
  private final Opener<T> opener;
  private final Sink sink;
  private int index;
  private Chunk<T> current;

  /** Opens a writer of items over the (uncompressed) stream of a new file. */
  interface Opener<T> {
    ItemWriter<T> open(OutputStream out) throws IOException;
  }

  /** Writes items; flushing pushes everything written through to the file. */
  interface ItemWriter<T> extends Closeable, Flushable {
    void write(T item) throws IOException;

    /** An item writer over a format writer {@code writer}, writing each item by {@code write}. */
    static <T, W extends Closeable & Flushable> ItemWriter<T> of(W writer, Write<W, T> write) {
      return new ItemWriter<>() {
        @Override
        public void write(T item) throws IOException {
          write.write(writer, item);
        }

        @Override
        public void flush() throws IOException {
          writer.flush();
        }

        @Override
        public void close() throws IOException {
          writer.close();
        }
      };
    }
  }

  /** How one item is written with a format writer. */
  interface Write<W, T> {
    void write(W writer, T item) throws IOException;
  }

  /** Takes a finished file, e.g. uploads it. */
  interface Sink {
    void accept(int index, Path file, long rows) throws IOException;
  }

  ChunkedFiles(Path spool, long chunkSize, int level, Opener<T> opener, Sink sink) {
    this.spool = spool;
    this.chunkSize = chunkSize;
    this.flushBytes = Math.max(MIN_FLUSH_BYTES, chunkSize / 16);
    this.level = level;
    this.opener = opener;
    this.sink = sink;
  }

  void write(T item) throws IOException {
    if (current == null) {
      current = open();
    }
    current.writer.write(item);
    current.rows++;
    if (++current.sinceFlush >= current.flushEvery) {
      current.flush(flushBytes);
      if (current.compressed.count() >= chunkSize) {
        finish();
      }
    }
  }

  /** Finishes the last file; when nothing was written at all, there is no file. */
  @Override
  public void close() throws IOException {
    if (current != null) {
      finish();
    }
  }

  private Chunk<T> open() throws IOException {
    Path file = Files.createTempFile(spool, "chunk-", ".part");
    CountingOutputStream compressed =
        new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    try {
      CountingOutputStream uncompressed =
          new CountingOutputStream(Compression.gzip(compressed, level));
      return new Chunk<>(file, compressed, uncompressed, opener.open(uncompressed));
    } catch (IOException | RuntimeException e) {
      compressed.close();
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private void finish() throws IOException {
    Chunk<T> chunk = current;
    current = null;
    try {
      chunk.writer.close();
      sink.accept(index++, chunk.file, chunk.rows);
    } finally {
      Files.deleteIfExists(chunk.file);
    }
  }

  /** Deletes an unfinished file after a failure; harmless after {@link #close()}. */
  void abandon() throws IOException {
    if (current != null) {
      Chunk<T> chunk = current;
      current = null;
      try {
        chunk.writer.close();
      } finally {
        Files.deleteIfExists(chunk.file);
      }
    }
  }

  private static final class Chunk<T> {
    final Path file;
    final CountingOutputStream compressed;
    final CountingOutputStream uncompressed;
    final ItemWriter<T> writer;
    long rows;
    long sinceFlush;
    long flushEvery = 1;

    Chunk(
        Path file,
        CountingOutputStream compressed,
        CountingOutputStream uncompressed,
        ItemWriter<T> writer) {
      this.file = file;
      this.compressed = compressed;
      this.uncompressed = uncompressed;
      this.writer = writer;
    }

    /** Flushes, then plans the next flush after about {@code bytes} more input. */
    void flush(long bytes) throws IOException {
      writer.flush();
      long perItem = Math.max(1, uncompressed.count() / rows);
      flushEvery = Math.max(1, bytes / perItem);
      sinceFlush = 0;
    }
  }
}
