package dev.ferry.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.ingest.csv.CsvRows;
import dev.ferry.store.ReplicatedTables.Kind;
import dev.ferry.store.ReplicatedTables.StagedColumn;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RowMappingTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void shortRowsLoadNullsAndLongRowsKeepTheRestInExtra() {
    RowMapping mapping = mapping(List.of("id", "name", "city"), spec(List.of(), List.of()));
    assertThat(mapping.map(row(2, "1")))
        .isEqualTo(staged("1", null, null, "k.csv", "2", "2026-11-25 12:00:00.000000", null));
    assertThat(mapping.map(row(3, "2", "b", "c", "x", "y\"z")))
        .isEqualTo(
            staged(
                "2", "b", "c", "k.csv", "3", "2026-11-25 12:00:00.000000", "[\"x\",\"y\\\"z\"]"));
    assertThat(mapping.map(row(4, "3", "", "c")))
        .isEqualTo(staged("3", null, "c", "k.csv", "4", "2026-11-25 12:00:00.000000", null));
  }

  @Test
  void datetimesAreNormalisedAndOneThatDoesNotParseRejectsItsRow() {
    RowMapping mapping = mapping(List.of("id", "At"), spec(List.of(), List.of("At")));
    assertThat(mapping.map(row(2, "1", "2024-03-01T12:00:00+02:00")))
        .isEqualTo(
            staged(
                "1",
                "2024-03-01 10:00:00.000000",
                "k.csv",
                "2",
                "2026-11-25 12:00:00.000000",
                null));
    assertThat(mapping.map(row(7, "2", "soon")))
        .isEqualTo(
            new RowMapping.Rejected(
                7, "datetime field 'at' value 'soon' is not ISO 8601 or yyyy-MM-dd HH:mm:ss"));
  }

  @Test
  void anEmptyPrimaryKeyFieldRejectsTheRow() {
    RowMapping mapping = mapping(List.of("id", "name"), spec(List.of("id"), List.of()));
    assertThat(mapping.map(row(5, "", "x")))
        .isEqualTo(new RowMapping.Rejected(5, "primary-key field 'id' is empty"));
  }

  @Test
  void columnsChooseTheFieldsTheKeyAlwaysLoadsAndMetadataFollows() {
    TableSpec spec =
        new TableSpec(
            "t", "", Pattern.compile("x"), List.of("ID"), List.of(), ',', List.of("Name"), true);
    FileColumns columns = FileColumns.of(List.of("ID", "Name", "Secret"), spec);
    assertThat(columns.staged())
        .containsExactly(
            new StagedColumn("id", Kind.INFERRED),
            new StagedColumn("name", Kind.INFERRED),
            new StagedColumn("_ferry_source_key", Kind.STRING),
            new StagedColumn("_ferry_source_line", Kind.INTEGER),
            new StagedColumn("_ferry_loaded_at", Kind.TIMESTAMP),
            new StagedColumn("_ferry_extra", Kind.STRING));
    assertThat(columns.keyNames()).containsExactly("id");
  }

  @Test
  void aPrimaryKeyFieldMissingFromTheHeaderIsAFileError() {
    assertThatThrownBy(
            () -> FileColumns.of(List.of("name"), spec(List.of("id", "name"), List.of())))
        .isInstanceOf(TableFileException.class)
        .hasMessage("the primary-key field 'id' is not in the file's header");
  }

  private static TableSpec spec(List<String> key, List<String> datetimes) {
    return new TableSpec("t", "", Pattern.compile("x"), key, datetimes, ',', List.of(), false);
  }

  private static RowMapping mapping(List<String> header, TableSpec spec) {
    return new RowMapping(FileColumns.of(header, spec), "k.csv", NOW);
  }

  private static CsvRows.Row row(long line, String... fields) {
    return new CsvRows.Row(line, List.of(fields), null);
  }

  private static RowMapping.Staged staged(String... values) {
    return new RowMapping.Staged(Arrays.asList(values));
  }
}
