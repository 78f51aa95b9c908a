package dev.ferry.store.duckdb;

import dev.ferry.store.Store;
import java.sql.SQLException;

/** Runs raw SQL on a DuckDB store, for tests that break and repair tables. */
final class Sql {
  private Sql() {}

  static void execute(Store store, String sql) {
    try (var connection = ((DuckDbStore) store).dataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
