package dev.ferry.store.duckdb;

import dev.ferry.store.ReplicatedTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Replicated tables in DuckDB: each integration's tables in the schema {@code t_<integration>}, the
 * ledger in {@code table_files}. Tables have no constraints, so columns can always be added; the
 * load order is the tables' insertion order ({@code rowid}).
 */
final class DuckDbReplicatedTables implements ReplicatedTables {
  private final Database database;
  private final Clock clock;

  DuckDbReplicatedTables(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public TableLoad begin(FileLoad file) {
    check(file);
    return StagedFile.open(database, clock, file);
  }

  private static void check(FileLoad file) {
    var names = new HashSet<String>();
    for (StagedColumn column : file.columns()) {
      if (!names.add(TableSchema.key(column.name()))) {
        throw new IllegalArgumentException(
            "column " + column.name() + " is staged twice for " + StagedFile.describe(file));
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no columns staged for " + StagedFile.describe(file));
    }
    for (String key : file.primaryKey()) {
      if (!names.contains(TableSchema.key(key))) {
        throw new IllegalArgumentException(
            "primary key column " + key + " is not staged for " + StagedFile.describe(file));
      }
    }
  }

  @Override
  public Map<String, LoadedFile> ledger(String integration, String table) {
    return database.call(
        "read the ledger of table " + integration + "." + table,
        connection -> TableLedger.read(connection, integration, table));
  }

  @Override
  public List<TableColumn> columns(String integration, String table) {
    return database.call(
        "read the columns of table " + integration + "." + table,
        connection -> TableCatalog.columns(connection, integration, table));
  }

  @Override
  public List<String> tables(String integration) {
    return database.call(
        "list the tables of " + integration,
        connection -> TableCatalog.tables(connection, integration));
  }

  @Override
  public List<Map<String, Object>> rows(String integration, String table, int limit) {
    return database.call(
        "read table " + integration + "." + table,
        connection -> rows(connection, integration, table, limit));
  }

  private static List<Map<String, Object>> rows(
      Connection connection, String integration, String table, int limit) throws SQLException {
    List<TableColumn> columns = TableCatalog.columns(connection, integration, table);
    if (columns.isEmpty()) {
      return List.of();
    }
    try (var statement =
        connection.prepareStatement(select(integration, table, columns) + " LIMIT ?")) {
      statement.setInt(1, limit);
      try (var result = statement.executeQuery()) {
        return read(result, columns);
      }
    }
  }

  private static String select(String integration, String table, List<TableColumn> columns) {
    var select = new StringJoiner(", ", "SELECT ", "");
    for (TableColumn column : columns) {
      select.add(ColumnType.of(column.type()).select(SqlNames.quote(column.name())));
    }
    return select + " FROM " + SqlNames.table(integration, table) + " ORDER BY rowid";
  }

  private static List<Map<String, Object>> read(ResultSet result, List<TableColumn> columns)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    while (result.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        TableColumn column = columns.get(i);
        row.put(column.name(), ColumnType.of(column.type()).read(result, i + 1));
      }
      rows.add(row);
    }
    return rows;
  }

  @Override
  public void drop(String integration) {
    database.transaction(
        "drop the tables of " + integration,
        connection -> {
          try (var statement = connection.createStatement()) {
            statement.execute(
                "DROP SCHEMA IF EXISTS "
                    + SqlNames.quote(SqlNames.schema(integration))
                    + " CASCADE");
          }
          TableLedger.forget(connection, integration);
          return null;
        });
  }
}
