package dev.ferry.store.duckdb;

import dev.ferry.store.ReplicatedTables.StagedColumn;
import dev.ferry.store.ReplicatedTables.TableColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Brings a replicated table to the staged columns' types: creates it (and its schema) when missing,
 * adds the columns it lacks, and turns columns whose type the new values do not fit into VARCHAR
 * (their values kept as text). Columns of the table that are not staged are left alone.
 */
final class TableSchema {
  private final String integration;
  private final String table;
  private final Map<String, ColumnType> existing;

  private TableSchema(String integration, String table, Map<String, ColumnType> existing) {
    this.integration = integration;
    this.table = table;
    this.existing = existing;
  }

  /** The table as it is on {@code connection}. */
  static TableSchema read(Connection connection, String integration, String table)
      throws SQLException {
    Map<String, ColumnType> existing = new HashMap<>();
    for (TableColumn column : TableCatalog.columns(connection, integration, table)) {
      existing.put(key(column.name()), ColumnType.of(column.type()));
    }
    return new TableSchema(integration, table, existing);
  }

  /** How column names compare: DuckDB identifiers are case-insensitive. */
  static String key(String column) {
    return column.toLowerCase(Locale.ROOT);
  }

  /** The existing columns' types by {@link #key}; empty when the table does not exist. */
  Map<String, ColumnType> types() {
    return existing;
  }

  /** Creates or alters the table so that each staged column has its type in {@code types}. */
  void apply(Connection connection, List<StagedColumn> columns, List<ColumnType> types)
      throws SQLException {
    try (var statement = connection.createStatement()) {
      if (existing.isEmpty()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlNames.quote(schema()));
        statement.execute(create(columns, types));
        return;
      }
      for (int i = 0; i < columns.size(); i++) {
        String alter = alter(columns.get(i).name(), types.get(i));
        if (alter != null) {
          statement.execute(alter);
        }
      }
    }
  }

  private String schema() {
    return SqlNames.schema(integration);
  }

  private String create(List<StagedColumn> columns, List<ColumnType> types) {
    var definitions = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < columns.size(); i++) {
      definitions.add(SqlNames.quote(columns.get(i).name()) + " " + types.get(i).name());
    }
    return "CREATE TABLE " + SqlNames.table(integration, table) + " " + definitions;
  }

  /** The statement bringing the column to {@code type}, or null when it already has it. */
  private String alter(String column, ColumnType type) {
    ColumnType current = existing.get(key(column));
    String prefix = "ALTER TABLE " + SqlNames.table(integration, table);
    if (current == null) {
      return prefix + " ADD COLUMN " + SqlNames.quote(column) + " " + type.name();
    }
    if (current != type) {
      return prefix + " ALTER COLUMN " + SqlNames.quote(column) + " TYPE " + type.name();
    }
    return null;
  }
}
