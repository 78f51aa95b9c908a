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

/** Runs every case under {@code src/test/resources/ingest/csv/spec} through the public API. */
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
    assertThat(outcome(spec)).containsExactlyElementsOf(spec.expected());
  }

  private static List<String> outcome(SpecCase spec) throws IOException {
    var rows = new ArrayList<String>();
    try (var reader = CsvRecordReader.open(new ByteArrayInputStream(spec.input()), spec.format())) {
      for (ParsedRow row = reader.next(); row != null; row = reader.next()) {
        rows.add(SpecCase.render(row));
      }
    } catch (CsvFileException e) {
      rows.add(SpecCase.renderError(e.getMessage()));
    }
    return rows;
  }
}
