package dev.ferry.store.duckdb;

import dev.ferry.store.ReplicatedTables.TableColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the database's catalog says about an integration's replicated tables. */
final class TableCatalog {
  private TableCatalog() {}

  /** The table's columns in order; empty when it does not exist. */
  static List<TableColumn> columns(Connection connection, String integration, String table)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_catalog = current_database() AND table_schema = ?"
                + " AND table_name = ? ORDER BY ordinal_position")) {
      statement.setString(1, SqlNames.schema(integration));
      statement.setString(2, table);
      List<TableColumn> columns = new ArrayList<>();
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          columns.add(new TableColumn(result.getString(1), result.getString(2)));
        }
      }
      return columns;
    }
  }

  /** The integration's table names, sorted. */
  static List<String> tables(Connection connection, String integration) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_catalog = current_database() AND table_schema = ?"
                + " ORDER BY table_name")) {
      statement.setString(1, SqlNames.schema(integration));
      List<String> tables = new ArrayList<>();
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          tables.add(result.getString(1));
        }
      }
      return tables;
    }
  }
}
