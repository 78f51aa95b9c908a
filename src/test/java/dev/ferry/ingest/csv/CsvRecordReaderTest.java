package dev.ferry.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Behaviour outside the conformance data: options, limits, the printed mapping, raw text. */
class CsvRecordReaderTest {

  private static CsvRecordReader open(String text, ImportFormat format) throws IOException {
    return CsvRecordReader.open(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format);
  }

  @Test
  void mappingPrintsEveryColumnsMeaning() throws IOException {
    var format = ImportFormat.defaults().withIgnoredColumns(Set.of("secret"));
    try (var reader = open("_p,Time,Event,Prop:Plan,Country,Secret\n", format)) {
      assertThat(reader.mapping().toString())
          .isEqualTo(
              "identity: _p; timestamp: Time; event: Event; alias: (none);"
                  + " properties: Plan (from Prop:Plan), Country; ignored: Secret");
      assertThat(reader.mapping().column(Role.ALIAS)).isEmpty();
      assertThat(reader.mapping().properties())
          .containsExactly(Map.entry("Prop:Plan", "Plan"), Map.entry("Country", "Country"));
    }
  }

  @Test
  void rejectedRowKeepsItsRawTextAndEndOffset() throws IOException {
    try (var reader = open("Identity,Timestamp\r\n\"a,b\",x,y\r\n", ImportFormat.defaults())) {
      var row = (ParsedRow.Rejected) reader.next();
      assertThat(row.rawText()).isEqualTo("\"a,b\",x,y");
      assertThat(row.endOffset()).isEqualTo(31);
      assertThat(row.cause()).isEqualTo(ParsedRow.Cause.CONTENT);
      assertThat(reader.next()).isNull();
      assertThat(reader.line()).isEqualTo(2);
    }
  }

  @Test
  void rowLargerThanTheMaximumFailsTheFile() throws IOException {
    byte[] bytes = ("Identity,Timestamp,Event\nbob,1,\"" + "x".repeat(5000)).getBytes();
    var sizes = new RowParser.Sizes(64, 1024);
    try (var reader =
        CsvRecordReader.open(new ByteArrayInputStream(bytes), ImportFormat.defaults(), sizes)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(CsvFileException.class)
          .hasMessage(
              "Line 2: row exceeds the maximum row size of 1024 bytes (a quote that is never"
                  + " closed?)");
    }
  }

  @Test
  void timestampFormatsParseByName() {
    assertThat(TimestampFormat.parse("epoch-seconds"))
        .isEqualTo(TimestampFormat.Standard.EPOCH_SECONDS);
    assertThat(TimestampFormat.parse(" EPOCH-MILLIS"))
        .isEqualTo(TimestampFormat.Standard.EPOCH_MILLIS);
    assertThat(TimestampFormat.parse("iso-8601")).isEqualTo(TimestampFormat.Standard.ISO_8601);
    assertThat(TimestampFormat.parse("yyyy-MM-dd HH:mm"))
        .isEqualTo(new TimestampFormat.Pattern("yyyy-MM-dd HH:mm"));
    assertThat(TimestampFormat.parse("dd/MM/yyyy").toInstant("02/01/1970", ZoneOffset.UTC))
        .isEqualTo(Instant.ofEpochSecond(86_400));
  }

  @Test
  void invalidPatternIsRefusedWithTheValue() {
    assertThatThrownBy(() -> TimestampFormat.parse("yyyy-MM-dd {"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid timestamp format 'yyyy-MM-dd {'");
  }

  @Test
  void importFormatRefusesBadValuesNamingThem() {
    var defaults = ImportFormat.defaults();
    assertThatThrownBy(() -> defaults.withDelimiter('"'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delimiter must be one ASCII character other than '\"', CR and LF, got U+0022");
    assertThatThrownBy(() -> defaults.withDelimiter('é'))
        .hasMessage("delimiter must be one ASCII character other than '\"', CR and LF, got U+00E9");
    assertThatThrownBy(() -> defaults.withColumns(Map.of(Role.IDENTITY, " ")))
        .hasMessage("column for identity must be a header name, got ' '");
    assertThatThrownBy(
            () ->
                defaults
                    .withColumns(Map.of(Role.IDENTITY, "email"))
                    .withIgnoredColumns(Set.of("EMAIL")))
        .hasMessage("column 'EMAIL' is both ignored and mapped to identity");
  }

  @Test
  void resumeRefusesANegativePosition() {
    var empty = new ByteArrayInputStream(new byte[0]);
    assertThatThrownBy(() -> CsvRecordReader.resume(empty, empty, -1, 1, ImportFormat.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot resume at byte offset -1, line 1");
  }
}
