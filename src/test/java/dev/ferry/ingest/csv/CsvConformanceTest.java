package dev.ferry.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case under {@code src/test/resources/ingest/csv/spec} (format in the README there)
 * through the public API, then again with a one-byte buffer fed one byte per read so that every row
 * crosses buffer boundaries.
 */
class CsvConformanceTest {

  static Stream<SpecCase> cases() throws IOException, URISyntaxException {
    Path folder = Path.of(CsvConformanceTest.class.getResource("/ingest/csv/spec").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> sorted = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      var cases = new ArrayList<SpecCase>();
      for (Path file : sorted) {
        cases.add(SpecCase.read(file));
      }
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsAsSpecified(SpecCase spec) throws IOException {
    var outcome =
        outcome(() -> CsvRecordReader.open(new ByteArrayInputStream(spec.input()), spec.format()));
    assertThat(outcome).containsExactlyElementsOf(spec.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsTheSameWithATinyBufferAndOneByteReads(SpecCase spec) throws IOException {
    var sizes = new RowParser.Sizes(1, RowParser.DEFAULT_MAX_ROW_BYTES);
    var outcome =
        outcome(
            () ->
                CsvRecordReader.open(
                    new TrickleInputStream(spec.input(), 1), spec.format(), sizes));
    assertThat(outcome).containsExactlyElementsOf(spec.expected());
  }

  /** Opens a reader. */
  interface Opener {
    CsvRecordReader open() throws IOException;
  }

  private static List<String> outcome(Opener opener) throws IOException {
    var rows = new ArrayList<String>();
    try (var reader = opener.open()) {
      for (ParsedRow row = reader.next(); row != null; row = reader.next()) {
        rows.add(SpecCase.render(row));
      }
    } catch (CsvFileException e) {
      rows.add(SpecCase.renderError(e.getMessage()));
    }
    return rows;
  }
}
