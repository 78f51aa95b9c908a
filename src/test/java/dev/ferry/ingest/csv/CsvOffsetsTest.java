package dev.ferry.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Byte offsets and line numbers, checked against positions computed while the file is built: every
 * row's end offset is where its own bytes end, and a reader resumed at any row boundary returns
 * exactly the remaining rows with the same lines and offsets.
 */
class CsvOffsetsTest {
  private static final String HEADER = "\uFEFFPerson,Time,Event,Prop:Ville,Note\r\n";
  private static final List<String> ROWS =
      List.of(
          "zoë,1700000000,Commandé,Zürich,\"a,b\"\r\n",
          "\r\n",
          "日本,1700000001,注文,東京,\"two\r\nlines and \"\"quotes\"\"\"\r\n",
          "bob,1700000002,🚀 launch,,\n",
          "bad,row\r\n",
          "enc,1700000003,caf\u00E9,\uFFFF,x\r\n",
          "\n",
          "ann,1700000004,\"multi\nline\nevent\",Łódź,ok\r\n",
          "last,1700000005,end,Αθήνα,no terminator");

  @Test
  void endOffsetsAndLinesMatchTheBytesOfEachRow() throws IOException {
    var file = TestFile.build(HEADER, ROWS);
    var expected = file.expectedRows();
    var actual = new ArrayList<String>();
    try (var reader = CsvRecordReader.open(file.stream(0), ImportFormatsForTests.DEFAULT)) {
      for (ParsedRow row = reader.next(); row != null; row = reader.next()) {
        actual.add(row.line() + "@" + row.endOffset());
        assertThat(reader.offset()).isEqualTo(row.endOffset());
      }
      assertThat(reader.offset()).isEqualTo(file.bytes().length);
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void resumingAtEveryRowBoundaryGivesTheRemainingRows() throws IOException {
    var file = TestFile.build(HEADER, ROWS);
    List<String> all = read(CsvRecordReader.open(file.stream(0), ImportFormatsForTests.DEFAULT));
    List<Long> boundaries = file.boundaries();
    for (int i = 0; i < boundaries.size(); i++) {
      long offset = boundaries.get(i);
      long line = file.linesBefore(offset);
      var reader =
          CsvRecordReader.resume(
              file.stream(0),
              new TrickleInputStream(file.bytes(), (int) offset, 3),
              offset,
              line,
              ImportFormatsForTests.DEFAULT,
              new RowParser.Sizes(2, RowParser.DEFAULT_MAX_ROW_BYTES));
      List<String> rest = read(reader);
      assertThat(rest).as("resumed at byte %d, line %d", offset, line).isEqualTo(tail(all, rest));
      assertThat(all).endsWith(rest.toArray(String[]::new));
    }
  }

  @Test
  void resumingAfterTheHeaderReadsTheWholeFile() throws IOException {
    var file = TestFile.build(HEADER, ROWS);
    List<String> all = read(CsvRecordReader.open(file.stream(0), ImportFormatsForTests.DEFAULT));
    long afterHeader = HEADER.getBytes(StandardCharsets.UTF_8).length;
    var resumed =
        CsvRecordReader.resume(
            file.stream(0),
            file.stream((int) afterHeader),
            afterHeader,
            1,
            ImportFormatsForTests.DEFAULT);
    assertThat(read(resumed)).isEqualTo(all);
  }

  private static List<String> tail(List<String> all, List<String> rest) {
    return all.subList(all.size() - rest.size(), all.size());
  }

  private static List<String> read(CsvRecordReader reader) throws IOException {
    var rows = new ArrayList<String>();
    try (reader) {
      for (ParsedRow row = reader.next(); row != null; row = reader.next()) {
        rows.add(row.line() + "@" + row.endOffset() + " " + SpecCase.render(row));
      }
    }
    return rows;
  }

  /** The file, with the byte range of each row recorded as it is appended. */
  record TestFile(byte[] bytes, List<long[]> rows) {

    static TestFile build(String header, List<String> rows) {
      var out = new ByteArrayOutputStream();
      out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
      var ranges = new ArrayList<long[]>();
      for (String row : rows) {
        long start = out.size();
        out.writeBytes(bytesOf(row));
        if (!row.isBlank()) {
          ranges.add(new long[] {start, out.size()});
        }
      }
      return new TestFile(out.toByteArray(), ranges);
    }

    /** {@code \uFFFF} stands for the invalid byte 0xFF. */
    private static byte[] bytesOf(String row) {
      var out = new ByteArrayOutputStream();
      String[] parts = row.split("\uFFFF", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          out.write(0xFF);
        }
        out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
      }
      return out.toByteArray();
    }

    ByteArrayInputStream stream(int offset) {
      return new ByteArrayInputStream(bytes, offset, bytes.length - offset);
    }

    List<String> expectedRows() {
      var expected = new ArrayList<String>();
      for (long[] row : rows) {
        expected.add((linesBefore(row[0]) + 1) + "@" + row[1]);
      }
      return expected;
    }

    /** The offset after the header and after each row. */
    List<Long> boundaries() {
      var boundaries = new ArrayList<Long>();
      boundaries.add(rows.get(0)[0]);
      rows.forEach(row -> boundaries.add(row[1]));
      return boundaries;
    }

    /** Line terminators (LF, CRLF, lone CR) before {@code offset}, counted naively. */
    long linesBefore(long offset) {
      long lines = 0;
      for (int i = 0; i < offset; i++) {
        boolean lf = bytes[i] == '\n';
        boolean loneCr = bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n');
        lines += lf || loneCr ? 1 : 0;
      }
      return lines;
    }
  }
}
