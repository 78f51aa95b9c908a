package dev.ferry.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read as its header and rows of text fields, with no meaning given to any column: what
 * table replication reads (SPEC §3). RFC 4180 quoting with any one-byte delimiter; a UTF-8 byte
 * order mark is skipped; empty lines are skipped but counted, so every row carries the physical
 * line where it starts (the header is line 1 when the file starts with it). Memory is bounded: a
 * row larger than 16 MiB fails the file.
 *
 * <p>The text must be UTF-8: a header or row that is not fails the file with a {@link
 * CsvFileException} naming the line, as loading part of such a file would load the rest under a
 * wrong reading. Not thread-safe; closing the rows closes the stream.
 */
public final class CsvRows implements AutoCloseable {
  private final InputStream in;
  private final RowParser parser;
  private final List<String> header;

  private CsvRows(InputStream in, RowParser parser, List<String> header) {
    this.in = in;
    this.parser = parser;
    this.header = header;
  }

  /**
   * Reads the header, leaving the rows before the first data row.
   *
   * @throws CsvFileException when the file is empty or its header is malformed or not UTF-8
   */
  public static CsvRows open(InputStream in, byte delimiter) throws IOException {
    return open(in, delimiter, RowParser.Sizes.DEFAULT);
  }

  static CsvRows open(InputStream in, byte delimiter, RowParser.Sizes sizes) throws IOException {
    var parser = new RowParser(in, delimiter, 0, 0, sizes);
    parser.skipByteOrderMark();
    if (!parser.next()) {
      throw CsvFileException.atLine(1, "the file is empty; a header row is required");
    }
    if (parser.problem() != null) {
      throw CsvFileException.atLine(parser.rowLine(), "header " + parser.problem());
    }
    return new CsvRows(in, parser, fields(parser));
  }

  /** The header's names as written, in order. */
  public List<String> header() {
    return header;
  }

  /**
   * The next row, or {@code null} at the end of the file.
   *
   * @throws CsvFileException when the row is not UTF-8 or exceeds the maximum row size
   */
  public Row next() throws IOException {
    if (!parser.next()) {
      return null;
    }
    if (parser.problem() != null) {
      return new Row(parser.rowLine(), List.of(), parser.problem());
    }
    return new Row(parser.rowLine(), fields(parser), null);
  }

  /** Physical line number of the last line consumed. */
  public long line() {
    return parser.line();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private static List<String> fields(RowParser parser) {
    var fields = new ArrayList<String>(parser.fieldCount());
    for (int i = 0; i < parser.fieldCount(); i++) {
      try {
        fields.add(parser.field(i));
      } catch (CharacterCodingException e) {
        throw CsvFileException.atLine(
            parser.rowLine(),
            "bytes that are not UTF-8 (at byte offset "
                + parser.firstMalformedOffset()
                + "); the file must be UTF-8");
      }
    }
    return List.copyOf(fields);
  }

  /**
   * A data row.
   *
   * @param line the physical line where it starts
   * @param fields its fields' text, as many as the row has (empty when {@code problem} is set)
   * @param problem a structural problem (a quote misplaced or never closed), or {@code null}
   */
  public record Row(long line, List<String> fields, String problem) {}
}
