package dev.ferry.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.store.MutableClock;
import dev.ferry.store.ReplicatedTables;
import dev.ferry.store.ReplicatedTables.FileLoad;
import dev.ferry.store.ReplicatedTables.Kind;
import dev.ferry.store.ReplicatedTables.LoadCounts;
import dev.ferry.store.ReplicatedTables.LoadedFile;
import dev.ferry.store.ReplicatedTables.StagedColumn;
import dev.ferry.store.ReplicatedTables.TableColumn;
import dev.ferry.store.ReplicatedTables.TableLoad;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbReplicatedTablesTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant MODIFIED = Instant.parse("2026-10-31T12:30:00Z");

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(T0);
  private DuckDbStore store;
  private ReplicatedTables tables;

  @BeforeEach
  void open() {
    store = DuckDbStore.open(directory.resolve("ferry.duckdb"), clock, RevisionPolicy.DEFAULT);
    tables = store.tables();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void createsATableAndAppendsWithoutAPrimaryKey() throws SQLException {
    var columns = columns("name", Kind.STRING, "city", Kind.STRING);
    LoadCounts first = load(file("a.csv", columns), row("Ann", "Oslo"), row("Bob", null));
    LoadCounts second = load(file("b.csv", columns), row("Ann", "Rome"));

    assertThat(first).isEqualTo(new LoadCounts(2, 0));
    assertThat(second).isEqualTo(new LoadCounts(1, 0));
    assertThat(query("SELECT name, city FROM \"t_crm\".\"customers\" ORDER BY rowid"))
        .containsExactly("Ann|Oslo", "Bob|null", "Ann|Rome");
    assertThat(tables.tables("crm")).containsExactly("customers");
    assertThat(tables.columns("crm", "customers"))
        .containsExactly(new TableColumn("name", "VARCHAR"), new TableColumn("city", "VARCHAR"));
  }

  @Test
  void upsertsByACompositeKeyAcrossFiles() throws SQLException {
    var columns = columns("region", Kind.STRING, "id", Kind.INTEGER, "name", Kind.STRING);
    LoadCounts first =
        load(
            keyed("a.csv", columns, "region", "id"),
            row("eu", "1", "Ann"),
            row("eu", "2", "Bob"),
            row("us", "1", "Cid"));
    LoadCounts second =
        load(keyed("b.csv", columns, "region", "id"), row("us", "1", "Cy"), row("us", "2", "Dee"));

    assertThat(first).isEqualTo(new LoadCounts(3, 0));
    assertThat(second).isEqualTo(new LoadCounts(1, 1));
    assertThat(query("SELECT region, id, name FROM \"t_crm\".\"customers\" ORDER BY region, id"))
        .containsExactly("eu|1|Ann", "eu|2|Bob", "us|1|Cy", "us|2|Dee");
  }

  @Test
  void theLastRowOfAKeyWithinAFileWins() throws SQLException {
    var columns = columns("id", Kind.INTEGER, "name", Kind.STRING);
    LoadCounts counts =
        load(keyed("a.csv", columns, "id"), row("1", "Ann"), row("2", "Bob"), row("1", "Annie"));

    assertThat(counts).isEqualTo(new LoadCounts(2, 0));
    assertThat(query("SELECT id, name FROM \"t_crm\".\"customers\" ORDER BY id"))
        .containsExactly("1|Annie", "2|Bob");
    assertThat(tables.ledger("crm", "customers").get("a.csv").rows()).isEqualTo(3);
  }

  @Test
  void addsNewColumnsAndLeavesMissingOnesNull() {
    load(file("a.csv", columns("name", Kind.STRING, "city", Kind.STRING)), row("Ann", "Oslo"));
    load(file("b.csv", columns("name", Kind.STRING, "email", Kind.STRING)), row("Bob", "b@x"));

    assertThat(tables.columns("crm", "customers"))
        .extracting(TableColumn::name)
        .containsExactly("name", "city", "email");
    assertThat(tables.rows("crm", "customers", 10))
        .containsExactly(
            map("name", "Ann", "city", "Oslo", "email", null),
            map("name", "Bob", "city", null, "email", "b@x"));
  }

  @Test
  void inferredColumnsAreTypedByTheirValues() {
    var columns =
        columns("n", Kind.INFERRED, "x", Kind.INFERRED, "b", Kind.INFERRED, "s", Kind.INFERRED);
    load(file("a.csv", columns), row("42", "1.5", "true", "x"), row(null, "2", "FALSE", "7"));

    assertThat(tables.columns("crm", "customers"))
        .extracting(TableColumn::type)
        .containsExactly("BIGINT", "DOUBLE", "BOOLEAN", "VARCHAR");
    assertThat(tables.rows("crm", "customers", 10))
        .containsExactly(
            map("n", 42L, "x", 1.5, "b", true, "s", "x"),
            map("n", null, "x", 2.0, "b", false, "s", "7"));
  }

  @Test
  void numbersWithLeadingZerosOrBlanksStayText() {
    var columns = columns("zip", Kind.INFERRED, "n", Kind.INFERRED, "x", Kind.INFERRED);
    load(file("a.csv", columns), row("00501", " 42", "1.50"), row("12345", "7", ".5"));

    assertThat(tables.columns("crm", "customers"))
        .extracting(TableColumn::type)
        .containsExactly("VARCHAR", "VARCHAR", "VARCHAR");
    assertThat(tables.rows("crm", "customers", 10).get(0))
        .isEqualTo(map("zip", "00501", "n", " 42", "x", "1.50"));
  }

  @Test
  void aRowThatCannotBeStagedEndsTheLoad() {
    try (TableLoad load = tables.begin(file("a.csv", columns("id", Kind.STRING)))) {
      load.add(row("1"));

      assertThatThrownBy(() -> load.add(row("a\0b")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("row 2 of a.csv into table crm.customers");
      assertThatThrownBy(load::commit).isInstanceOf(IllegalStateException.class);
    }

    assertThat(tables.tables("crm")).isEmpty();
    assertThat(batchFiles()).isEmpty();
  }

  @Test
  void aTypedColumnBecomesTextWhenNewValuesDoNotFit() {
    var columns = columns("id", Kind.STRING, "n", Kind.INFERRED);
    load(file("a.csv", columns), row("1", "42"));
    load(file("b.csv", columns), row("2", "abc"));

    assertThat(tables.columns("crm", "customers"))
        .containsExactly(new TableColumn("id", "VARCHAR"), new TableColumn("n", "VARCHAR"));
    assertThat(tables.rows("crm", "customers", 10))
        .containsExactly(map("id", "1", "n", "42"), map("id", "2", "n", "abc"));
  }

  @Test
  void aColumnGivenTextOfAnotherKindBecomesText() {
    load(
        file("a.csv", columns("n", Kind.INTEGER, "at", Kind.TIMESTAMP)),
        row("1", "2026-10-01 08:00:00"));
    load(file("b.csv", columns("n", Kind.STRING, "at", Kind.STRING)), row("one", "noon"));

    assertThat(tables.columns("crm", "customers"))
        .containsExactly(new TableColumn("n", "VARCHAR"), new TableColumn("at", "VARCHAR"));
    assertThat(tables.rows("crm", "customers", 10))
        .containsExactly(map("n", "1", "at", "2026-10-01 08:00:00"), map("n", "one", "at", "noon"));
  }

  @Test
  void numbersInferredLaterGoIntoATextColumnAsText() {
    var columns = columns("n", Kind.INFERRED);
    load(file("a.csv", columns), row("abc"));
    load(file("b.csv", columns), row("42"));

    assertThat(tables.columns("crm", "customers")).containsExactly(new TableColumn("n", "VARCHAR"));
    assertThat(tables.rows("crm", "customers", 10))
        .containsExactly(map("n", "abc"), map("n", "42"));
  }

  @Test
  void timestampColumnsHoldInstants() throws SQLException {
    var columns = columns("id", Kind.INTEGER, "at", Kind.TIMESTAMP);
    load(file("a.csv", columns), row("1", "2026-10-01 08:15:30.123456"), row("2", null));

    assertThat(tables.columns("crm", "customers"))
        .containsExactly(new TableColumn("id", "BIGINT"), new TableColumn("at", "TIMESTAMP"));
    assertThat(tables.rows("crm", "customers", 10))
        .containsExactly(
            map("id", 1L, "at", Instant.parse("2026-10-01T08:15:30.123456Z")),
            map("id", 2L, "at", null));
    assertThat(query("SELECT strftime(\"at\", '%Y-%m-%d %H:%M:%S') FROM \"t_crm\".\"customers\""))
        .containsExactly("2026-10-01 08:15:30", "null");
  }

  @Test
  void anUpsertCanAddAndRetypeColumnsInTheSameCommit() {
    load(keyed("a.csv", columns("id", Kind.INFERRED, "n", Kind.INFERRED), "id"), row("1", "10"));
    LoadCounts counts =
        load(
            keyed(
                "b.csv",
                columns("id", Kind.INFERRED, "n", Kind.INFERRED, "tag", Kind.STRING),
                "id"),
            row("1", "ten", "x"),
            row("2", "20", "y"));

    assertThat(counts).isEqualTo(new LoadCounts(1, 1));
    assertThat(tables.columns("crm", "customers"))
        .containsExactly(
            new TableColumn("id", "BIGINT"),
            new TableColumn("n", "VARCHAR"),
            new TableColumn("tag", "VARCHAR"));
    assertThat(tables.rows("crm", "customers", 10))
        .containsExactly(
            map("id", 1L, "n", "ten", "tag", "x"), map("id", 2L, "n", "20", "tag", "y"));
  }

  @Test
  void anEmptyFileCreatesTheTableAndIsRecorded() {
    LoadCounts counts = load(keyed("a.csv", columns("id", Kind.STRING, "n", Kind.INFERRED), "id"));

    assertThat(counts).isEqualTo(new LoadCounts(0, 0));
    assertThat(tables.columns("crm", "customers"))
        .extracting(TableColumn::name)
        .containsExactly("id", "n");
    assertThat(tables.rows("crm", "customers", 10)).isEmpty();
    assertThat(tables.ledger("crm", "customers").get("a.csv").rows()).isZero();
  }

  @Test
  void loadOrderSurvivesUpsertsAndReopening() {
    var columns = columns("id", Kind.INFERRED, "v", Kind.STRING);
    load(keyed("a.csv", columns, "id"), row("1", "a"), row("2", "b"), row("3", "c"));
    load(keyed("b.csv", columns, "id"), row("2", "B"), row("4", "d"));
    store.close();
    open();

    assertThat(tables.rows("crm", "customers", 10))
        .extracting(row -> row.get("v"))
        .containsExactly("a", "c", "B", "d");
  }

  @Test
  void rowsAreReadInLoadOrderUpToTheLimit() {
    var columns = columns("id", Kind.INFERRED);
    load(file("a.csv", columns), row("3"), row("1"), row("2"));

    assertThat(tables.rows("crm", "customers", 2)).containsExactly(map("id", 3L), map("id", 1L));
  }

  @Test
  void aCommitRecordsTheFileInTheLedger() throws SQLException {
    var columns = columns("id", Kind.STRING);
    load(file("a.csv", columns), row("1"), row("2"));
    clock.advance(Duration.ofMinutes(5));
    load(
        new FileLoad(
            "crm", "customers", "a.csv", "etag-2", MODIFIED.plusSeconds(60), columns, List.of()),
        row("3"));

    assertThat(tables.ledger("crm", "customers"))
        .containsExactly(
            Map.entry(
                "a.csv",
                new LoadedFile(
                    "a.csv", "etag-2", MODIFIED.plusSeconds(60), T0.plusSeconds(300), 1)));
    assertThat(query("SELECT integration, table_name, object_key, row_count FROM table_files"))
        .containsExactly("crm|customers|a.csv|1");
  }

  @Test
  void aLoadClosedWithoutCommitLeavesNoTrace() throws SQLException {
    try (TableLoad load = tables.begin(file("a.csv", columns("id", Kind.STRING)))) {
      load.add(row("1"));
    }

    assertThat(tables.tables("crm")).isEmpty();
    assertThat(tables.ledger("crm", "customers")).isEmpty();
    assertThat(query("SELECT count(*) FROM table_files")).containsExactly("0");
    assertThat(batchFiles()).isEmpty();
  }

  @Test
  void aFailingCommitLeavesNeitherRowsNorLedgerEntry() throws SQLException {
    var columns = columns("id", Kind.STRING, "at", Kind.TIMESTAMP);
    load(file("a.csv", columns), row("1", "2026-10-01 08:00:00"));

    assertThatThrownBy(
            () -> load(file("b.csv", columns), row("2", "2026-10-01 09:00:00"), row("3", "soon")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("b.csv")
        .hasMessageContaining("crm.customers");

    assertThat(query("SELECT id FROM \"t_crm\".\"customers\"")).containsExactly("1");
    assertThat(tables.ledger("crm", "customers")).containsOnlyKeys("a.csv");
    assertThat(batchFiles()).isEmpty();
  }

  @Test
  void aFailingFirstCommitCreatesNoTable() {
    var columns = columns("at", Kind.TIMESTAMP);

    assertThatThrownBy(() -> load(file("a.csv", columns), row("never")))
        .isInstanceOf(StoreException.class);

    assertThat(tables.tables("crm")).isEmpty();
    assertThat(tables.columns("crm", "customers")).isEmpty();
  }

  @Test
  void integrationsWithTheSameTableNameAreSeparate() throws SQLException {
    var columns = columns("id", Kind.STRING);
    load(file("crm", "a.csv", columns), row("1"));
    load(file("shop-eu", "a.csv", columns), row("2"), row("3"));

    assertThat(tables.rows("crm", "customers", 10)).containsExactly(map("id", "1"));
    assertThat(tables.rows("shop-eu", "customers", 10))
        .containsExactly(map("id", "2"), map("id", "3"));
    assertThat(query("SELECT count(*) FROM \"t_shop-eu\".\"customers\"")).containsExactly("2");
    assertThat(tables.ledger("shop-eu", "customers").get("a.csv").rows()).isEqualTo(2);
  }

  @Test
  void dropRemovesAnIntegrationsTablesAndLedgerOnly() {
    var columns = columns("id", Kind.STRING);
    load(file("crm", "a.csv", columns), row("1"));
    load(file("shop", "a.csv", columns), row("2"));

    tables.drop("crm");

    assertThat(tables.tables("crm")).isEmpty();
    assertThat(tables.ledger("crm", "customers")).isEmpty();
    assertThat(tables.rows("shop", "customers", 10)).containsExactly(map("id", "2"));
    assertThat(tables.ledger("shop", "customers")).containsOnlyKeys("a.csv");
  }

  @Test
  void unknownIntegrationsAndTablesAreEmpty() {
    assertThat(tables.tables("nobody")).isEmpty();
    assertThat(tables.columns("nobody", "t")).isEmpty();
    assertThat(tables.rows("nobody", "t", 10)).isEmpty();
    assertThat(tables.ledger("nobody", "t")).isEmpty();
    tables.drop("nobody");
  }

  @Test
  void textIsKeptExactly() {
    var columns = columns("a", Kind.STRING, "b", Kind.STRING);
    load(file("a.csv", columns), row("", "line\none, \"quoted\"; é 😀"), row(null, "x\r\ny"));

    assertThat(tables.rows("crm", "customers", 10))
        .containsExactly(
            map("a", "", "b", "line\none, \"quoted\"; é 😀"), map("a", null, "b", "x\r\ny"));
  }

  @Test
  void aRowLongerThanDuckDbsDefaultLineSizeLoadsWhole() {
    var columns = columns("a", Kind.STRING, "b", Kind.STRING);
    String big = "x".repeat(3 << 20);
    load(file("a.csv", columns), row("1", big), row("2", "short"));

    assertThat(tables.rows("crm", "customers", 10))
        .containsExactly(map("a", "1", "b", big), map("a", "2", "b", "short"));
  }

  @Test
  void namesWithQuotesAreQuoted() {
    var columns = columns("we\"ird", Kind.STRING);
    load(
        new FileLoad("crm", "odd\"name", "a.csv", "e", MODIFIED, columns, List.of("we\"ird")),
        row("1"));

    assertThat(tables.tables("crm")).containsExactly("odd\"name");
    assertThat(tables.rows("crm", "odd\"name", 10)).containsExactly(map("we\"ird", "1"));
  }

  @SafeVarargs
  private LoadCounts load(FileLoad file, List<String>... rows) {
    try (TableLoad load = tables.begin(file)) {
      for (List<String> row : rows) {
        load.add(row);
      }
      return load.commit();
    }
  }

  private static FileLoad file(String key, List<StagedColumn> columns) {
    return file("crm", key, columns);
  }

  private static FileLoad file(String integration, String key, List<StagedColumn> columns) {
    return new FileLoad(integration, "customers", key, "etag-" + key, MODIFIED, columns, List.of());
  }

  private static FileLoad keyed(String key, List<StagedColumn> columns, String... primaryKey) {
    return new FileLoad(
        "crm", "customers", key, "etag-" + key, MODIFIED, columns, List.of(primaryKey));
  }

  private static List<StagedColumn> columns(Object... namesAndKinds) {
    List<StagedColumn> columns = new ArrayList<>();
    for (int i = 0; i < namesAndKinds.length; i += 2) {
      columns.add(new StagedColumn((String) namesAndKinds[i], (Kind) namesAndKinds[i + 1]));
    }
    return columns;
  }

  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }

  private static Map<String, Object> map(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  /** Rows of {@code sql} read through a plain JDBC connection, values joined with '|'. */
  private List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (var connection = store.dataSource().getConnection();
        var statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          values.add(String.valueOf(result.getString(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private List<Path> batchFiles() {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(path -> path.getFileName().toString().contains(".batch-")).toList();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
