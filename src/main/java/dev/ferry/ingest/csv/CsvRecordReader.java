package dev.ferry.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads a Kissmetrics-format CSV file (SPEC §2.2) as a stream of {@link ParsedRow}s, one per
 * non-empty line after the header, each with the physical line where it starts and the byte offset
 * where the next one starts. Memory is bounded: a row larger than 16 MiB fails the file.
 *
 * <p>To resume a file after a row, keep {@link #offset()} and {@link #line()} and call {@link
 * #resume}: the rows after it come back with the same line numbers and offsets.
 *
 * <p>Not thread-safe. Closing the reader closes the rows stream.
 */
public final class CsvRecordReader implements AutoCloseable {
  private final InputStream in;
  private final RowParser parser;
  private final HeaderMapping mapping;
  private final RowMapper mapper;

  private CsvRecordReader(InputStream in, RowParser parser, HeaderMapping mapping, ImportFormat f) {
    this.in = in;
    this.parser = parser;
    this.mapping = mapping;
    this.mapper = new RowMapper(mapping, f);
  }

  /**
   * Reads and maps the header, leaving the reader before the first row.
   *
   * @throws CsvFileException when the file has no usable header
   */
  public static CsvRecordReader open(InputStream in, ImportFormat format) throws IOException {
    return open(in, format, RowParser.Sizes.DEFAULT);
  }

  static CsvRecordReader open(InputStream in, ImportFormat format, RowParser.Sizes sizes)
      throws IOException {
    var parser = new RowParser(in, format.delimiter(), 0, 0, sizes);
    return new CsvRecordReader(in, parser, HeaderReader.read(parser, format), format);
  }

  /**
   * Continues a file after a row already read.
   *
   * @param headerIn the file from its first byte; only the header line is read from it, and the
   *     caller closes it
   * @param rowsIn the same file from {@code byteOffset} on
   * @param byteOffset a row's {@link ParsedRow#endOffset()} or the reader's {@link #offset()}
   * @param line the physical line number of the last line consumed before {@code byteOffset}, as
   *     {@link #line()} reported it
   * @throws CsvFileException when the header is not usable
   */
  public static CsvRecordReader resume(
      InputStream headerIn, InputStream rowsIn, long byteOffset, long line, ImportFormat format)
      throws IOException {
    return resume(headerIn, rowsIn, byteOffset, line, format, RowParser.Sizes.DEFAULT);
  }

  static CsvRecordReader resume(
      InputStream headerIn,
      InputStream rowsIn,
      long byteOffset,
      long line,
      ImportFormat format,
      RowParser.Sizes sizes)
      throws IOException {
    Objects.requireNonNull(rowsIn, "rowsIn");
    if (byteOffset < 0 || line < 1) {
      throw new IllegalArgumentException(
          "cannot resume at byte offset " + byteOffset + ", line " + line);
    }
    var header = new RowParser(headerIn, format.delimiter(), 0, 0, sizes);
    HeaderMapping mapping = HeaderReader.read(header, format);
    var rows = new RowParser(rowsIn, format.delimiter(), byteOffset, line, sizes);
    return new CsvRecordReader(rowsIn, rows, mapping, format);
  }

  /** What each column means. */
  public HeaderMapping mapping() {
    return mapping;
  }

  /**
   * The next row, or {@code null} at the end of the file.
   *
   * @throws CsvFileException when a row exceeds the maximum row size
   */
  public ParsedRow next() throws IOException {
    return parser.next() ? mapper.map(parser) : null;
  }

  /** Byte offset after the last row returned (or the header): where a resumed reader starts. */
  public long offset() {
    return parser.offset();
  }

  /** Physical line number of the last line consumed (the header is line 1). */
  public long line() {
    return parser.line();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
