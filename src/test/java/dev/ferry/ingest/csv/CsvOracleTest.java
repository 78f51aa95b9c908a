package dev.ferry.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte parser against an independent oracle: a character-level RFC 4180 reader written the
 * obvious way (JDK only), on random files full of quotes, delimiters, line breaks and non-ASCII
 * text, read through buffers of random sizes.
 */
class CsvOracleTest {
  private static final String[] PIECES = {
    "a", "b", "xyz", " ", ",", ";", "\"", "\"\"", "\n", "\r\n", "é", "日本", "🚀", "Ω", "0.5"
  };

  @Test
  void parsesRandomFilesLikeTheReferenceReader() throws IOException {
    var random = new Random(20240131);
    for (int round = 0; round < 300; round++) {
      char delimiter = random.nextBoolean() ? ',' : ';';
      List<List<String>> rows = randomRows(random);
      String text = write(rows, delimiter, random);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      var sizes = new RowParser.Sizes(1 + random.nextInt(64), RowParser.DEFAULT_MAX_ROW_BYTES);
      var in = new TrickleInputStream(bytes, 1 + random.nextInt(100));
      var parsed = parse(new RowParser(in, (byte) delimiter, 0, 0, sizes));
      assertThat(parsed).as("round %d: %s", round, text).isEqualTo(reference(text, delimiter));
      assertThat(parsed).isEqualTo(rows);
    }
  }

  private static List<List<String>> randomRows(Random random) {
    var rows = new ArrayList<List<String>>();
    int count = random.nextInt(30);
    for (int r = 0; r < count; r++) {
      var row = new ArrayList<String>();
      int fields = 1 + random.nextInt(6);
      for (int f = 0; f < fields; f++) {
        var field = new StringBuilder();
        int pieces = random.nextInt(5);
        for (int p = 0; p < pieces; p++) {
          field.append(PIECES[random.nextInt(PIECES.length)]);
        }
        row.add(field.toString());
      }
      if (fields == 1 && row.get(0).isEmpty()) {
        row.set(0, "solo");
      }
      rows.add(row);
    }
    return rows;
  }

  private static String write(List<List<String>> rows, char delimiter, Random random) {
    var out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        out.append(i > 0 ? String.valueOf(delimiter) : "")
            .append(quote(row.get(i), delimiter, random));
      }
      out.append(random.nextBoolean() ? "\r\n" : "\n");
    }
    return out.toString();
  }

  private static String quote(String field, char delimiter, Random random) {
    boolean needed =
        field.indexOf(delimiter) >= 0
            || field.contains("\"")
            || field.contains("\n")
            || field.contains("\r");
    if (needed || random.nextInt(4) == 0) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }

  private static List<List<String>> parse(RowParser parser) throws IOException {
    var rows = new ArrayList<List<String>>();
    while (parser.next()) {
      var row = new ArrayList<String>();
      for (int i = 0; i < parser.fieldCount(); i++) {
        row.add(parser.field(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** RFC 4180, one character at a time; lines that are empty are skipped. */
  static List<List<String>> reference(String text, char delimiter) {
    var rows = new ArrayList<List<String>>();
    var row = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    boolean rowStarted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        rowStarted = true;
      } else if (c == delimiter) {
        row.add(field.toString());
        field.setLength(0);
        rowStarted = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (rowStarted) {
          row.add(field.toString());
          rows.add(row);
        }
        row = new ArrayList<>();
        field.setLength(0);
        rowStarted = false;
      } else {
        field.append(c);
        rowStarted = true;
      }
    }
    if (rowStarted) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  @Test
  void referenceReaderReadsAKnownFile() {
    assertThat(reference("a,\"b,\"\"c\"\"\"\r\n\nd,\"e\nf\"\n", ','))
        .isEqualTo(List.of(List.of("a", "b,\"c\""), List.of("d", "e\nf")));
  }

  @Test
  void parsesAKnownFileThroughTheStream() throws IOException {
    byte[] bytes = "a,\"b,\"\"c\"\"\"\r\n\nd,\"e\nf\"\n".getBytes(StandardCharsets.UTF_8);
    var parser =
        new RowParser(new ByteArrayInputStream(bytes), (byte) ',', 0, 0, RowParser.Sizes.DEFAULT);
    assertThat(parse(parser)).isEqualTo(List.of(List.of("a", "b,\"c\""), List.of("d", "e\nf")));
    assertThat(parser.line()).isEqualTo(4);
  }
}
