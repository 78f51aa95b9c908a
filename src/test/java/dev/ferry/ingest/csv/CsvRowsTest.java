package dev.ferry.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvRowsTest {

  @ParameterizedTest
  @ValueSource(chars = {',', '|', ';', '\t'})
  void anyDelimiterSplitsFieldsAndQuotesProtectIt(char delimiter) throws IOException {
    String d = String.valueOf(delimiter);
    String csv = "id" + d + "name\n1" + d + "\"a" + d + "b\"\n2" + d + "c\n";
    try (CsvRows rows = open(csv, delimiter)) {
      assertThat(rows.header()).containsExactly("id", "name");
      assertThat(all(rows))
          .containsExactly(
              new CsvRows.Row(2, List.of("1", "a" + d + "b"), null),
              new CsvRows.Row(3, List.of("2", "c"), null));
    }
  }

  @Test
  void blankLinesAreSkippedButCountedSoLinesStayPhysical() throws IOException {
    String csv = "\uFEFFid,v\n\n1,a\r\n\r\n\n2,\"multi\nline\"\n3,c";
    try (CsvRows rows = open(csv, ',')) {
      assertThat(rows.header()).containsExactly("id", "v");
      assertThat(all(rows)).extracting(CsvRows.Row::line).containsExactly(3L, 6L, 8L);
    }
  }

  @Test
  void rowsMayBeShorterOrLongerThanTheHeader() throws IOException {
    try (CsvRows rows = open("a,b,c\n1\n1,2,3,4,5\n", ',')) {
      assertThat(all(rows))
          .extracting(CsvRows.Row::fields)
          .containsExactly(List.of("1"), List.of("1", "2", "3", "4", "5"));
    }
  }

  @Test
  void aFieldOf131074CharactersIsReadWhole() throws IOException {
    String big = "x".repeat(131_074);
    try (CsvRows rows = open("id,text\n1,\"" + big + "\"\n2,y\n", ',')) {
      List<CsvRows.Row> read = all(rows);
      assertThat(read.get(0).fields().get(1)).hasSize(131_074).isEqualTo(big);
      assertThat(read.get(1).line()).isEqualTo(3);
    }
  }

  @Test
  void aMisplacedQuoteIsTheRowsProblemNotTheFiles() throws IOException {
    try (CsvRows rows = open("a,b\n1,\"x\"y\n2,z\n", ',')) {
      List<CsvRows.Row> read = all(rows);
      assertThat(read.get(0).problem()).isEqualTo("field 2 has text after its closing quote");
      assertThat(read.get(1)).isEqualTo(new CsvRows.Row(3, List.of("2", "z"), null));
    }
  }

  @Test
  void bytesThatAreNotUtf8FailTheFileNamingTheLine() throws IOException {
    byte[] latin1 = "id,name\n1,ok\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    try (CsvRows rows = CsvRows.open(new ByteArrayInputStream(latin1), (byte) ',')) {
      assertThat(rows.next().fields()).containsExactly("1", "ok");
      assertThatThrownBy(rows::next)
          .isInstanceOf(CsvFileException.class)
          .hasMessageStartingWith("Line 3: ")
          .hasMessageContaining("not UTF-8");
    }
  }

  @Test
  void anEmptyFileHasNoHeader() {
    assertThatThrownBy(() -> open("", ','))
        .isInstanceOf(CsvFileException.class)
        .hasMessage("Line 1: the file is empty; a header row is required");
  }

  private static CsvRows open(String csv, char delimiter) throws IOException {
    return CsvRows.open(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), (byte) delimiter);
  }

  private static List<CsvRows.Row> all(CsvRows rows) throws IOException {
    List<CsvRows.Row> read = new ArrayList<>();
    for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
      read.add(row);
    }
    return read;
  }
}
