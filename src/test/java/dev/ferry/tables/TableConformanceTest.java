package dev.ferry.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance cases of {@code src/test/resources/tables/conformance/} (see its README): each
 * case's files are synced once into a fresh store, then the table is read with plain SQL and
 * compared, with commons-csv reading the expected contents, and the report checked.
 */
class TableConformanceTest {
  private static final Path CASES = Path.of("src/test/resources/tables/conformance");

  @TempDir Path dir;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> entries = Files.list(CASES)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void caseLoadsAsExpected(String name) throws IOException {
    Path root = CASES.resolve(name);
    Properties settings = settings(root);
    try (TablesFixture fixture = new TablesFixture(dir)) {
      for (Path file : files(root)) {
        fixture.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
      TableReport report = fixture.sync(integration(settings)).get(0);
      assertReport(report, settings);
      assertTable(fixture, root, settings);
      assertLedger(fixture, root, report);
    }
  }

  private static void assertReport(TableReport report, Properties settings) {
    List<String> failed =
        report.filesFailed().stream().map(f -> f.key() + "|" + f.reason()).toList();
    List<String> expectedFailed = list(settings, "failed", " ;; ");
    assertThat(failed).hasSameSizeAs(expectedFailed);
    for (int i = 0; i < failed.size(); i++) {
      assertThat(failed.get(i)).startsWith(expectedFailed.get(i));
    }
    assertThat(report.rejected().stream().map(r -> r.key() + ":" + r.line()).toList())
        .as("rejected rows")
        .isEqualTo(list(settings, "rejected", ","));
    assertThat(report.note()).contains(settings.getProperty("note", ""));
  }

  /** The ledger, read with SQL, holds every matching file that loaded and none that failed. */
  private static void assertLedger(TablesFixture fixture, Path root, TableReport report)
      throws IOException {
    List<String> failed = report.filesFailed().stream().map(f -> f.key()).toList();
    List<String> loaded =
        files(root).stream()
            .map(f -> f.getFileName().toString())
            .filter(k -> k.matches(".*\\.csv(\\.gz)?$") && !failed.contains(k))
            .toList();
    List<String> ledger =
        fixture
            .query(
                "SELECT object_key FROM table_files WHERE integration = 'conformance'"
                    + " AND table_name = 'items' ORDER BY object_key")
            .stream()
            .map(row -> row.get(0))
            .toList();
    assertThat(ledger).isEqualTo(loaded);
  }

  private static void assertTable(TablesFixture fixture, Path root, Properties settings)
      throws IOException {
    String expected = Files.readString(root.resolve("expected.csv"), StandardCharsets.UTF_8);
    List<List<String>> tables =
        fixture.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 't_conformance'");
    if (expected.isEmpty()) {
      assertThat(tables).isEmpty();
      return;
    }
    List<CSVRecord> records = parse(expected);
    List<String> header = records.get(0).toList();
    List<List<String>> columns =
        fixture.query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema ="
                + " 't_conformance' AND table_name = 'items' AND column_name <> '_ferry_loaded_at'"
                + " ORDER BY ordinal_position");
    assertThat(columns.stream().map(c -> c.get(0)).toList()).isEqualTo(header);
    for (String type : list(settings, "types", ",")) {
      String[] parts = type.split("=");
      assertThat(columns).contains(List.of(parts[0], parts[1]));
    }
    String select =
        String.join(", ", header.stream().map(c -> "CAST(\"" + c + "\" AS VARCHAR)").toList());
    List<List<String>> actual =
        fixture.query("SELECT " + select + " FROM t_conformance.items ORDER BY ALL");
    List<List<String>> wanted = new ArrayList<>();
    records.stream().skip(1).forEach(r -> wanted.add(r.toList()));
    assertThat(sorted(actual)).isEqualTo(sorted(wanted));
  }

  private static TableIntegration integration(Properties settings) {
    TableSpec spec =
        new TableSpec(
            "items",
            "",
            Pattern.compile(settings.getProperty("search-pattern", "\\.csv(\\.gz)?$")),
            list(settings, "primary-key", ","),
            list(settings, "datetime-fields", ","),
            delimiter(settings.getProperty("delimiter", ",")),
            list(settings, "columns", ","),
            Boolean.parseBoolean(settings.getProperty("infer-types", "false")));
    return new TableIntegration(
        "conformance",
        TablesFixture.BUCKET,
        Instant.parse("2020-01-01T00:00:00Z"),
        Duration.ofMinutes(30),
        Optional.empty(),
        List.of(spec),
        Optional.empty());
  }

  private static char delimiter(String text) {
    return text.equals("tab") ? '\t' : text.charAt(0);
  }

  private static List<String> list(Properties settings, String key, String separator) {
    String value = settings.getProperty(key, "");
    return value.isEmpty() ? List.of() : Arrays.asList(value.split(Pattern.quote(separator)));
  }

  private static Properties settings(Path root) throws IOException {
    Properties settings = new Properties();
    try (InputStream in = Files.newInputStream(root.resolve("case.properties"))) {
      settings.load(in);
    }
    return settings;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("files"))) {
      return files.sorted().toList();
    }
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    try (Reader reader = new java.io.StringReader(csv)) {
      return CSVFormat.RFC4180.parse(reader).getRecords();
    }
  }

  private static List<String> sorted(List<List<String>> rows) {
    return rows.stream().map(r -> String.join("\u0001", r)).sorted().toList();
  }
}
