package dev.ferry.store.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * The temporary table a commit reads a staged file into: {@code ord} (the row's staging order) and
 * one VARCHAR column {@code c<n>} per staged column, so user column names never meet ours.
 */
final class StageTable {
  /** The temporary table's name; it lives only within a commit's transaction. */
  static final String NAME = "ferry_staged_rows";

  /** DuckDB's default {@code max_line_size}, 2 MiB. */
  private static final long DEFAULT_LINE_SIZE = 2L << 20;

  /** The order column. */
  static final String ORDER = "s.ord";

  private StageTable() {}

  /** The name of the staged column at {@code index}. */
  static String column(int index) {
    return "c" + (index + 1);
  }

  /**
   * The staged column at {@code index} as referenced in a statement aliasing the stage {@code s}.
   */
  static String ref(int index) {
    return "s." + column(index);
  }

  /**
   * Reads {@code file}, with {@code columns} staged columns and rows of at most {@code longestRow}
   * bytes, into the temporary table, in the file's order: DuckDB keeps a scan's order when it
   * inserts ({@code preserve_insertion_order}), so no sort is needed (measured on 2M rows: 5.5 s
   * with {@code ORDER BY ord}, half without). The line size is fitted to the longest row, as
   * DuckDB's reader sizes its buffers by it (a 2 GiB limit doubled the read time).
   */
  static void load(Connection connection, Path file, int columns, long longestRow)
      throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(
          "CREATE OR REPLACE TEMP TABLE "
              + NAME
              + " AS SELECT * FROM "
              + readCsv(file, columns, longestRow));
    }
  }

  static void drop(Connection connection) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS temp.main." + NAME);
    }
  }

  private static String readCsv(Path file, int columns, long longestRow) {
    return BatchFile.readCsv(file, lineSize(longestRow), struct(columns));
  }

  /** DuckDB's default line size unless a longer row needs more, up to its maximum. */
  private static long lineSize(long longestRow) {
    return Math.min(Integer.MAX_VALUE, Math.max(DEFAULT_LINE_SIZE, longestRow + 2));
  }

  private static String struct(int columns) {
    var struct = new StringJoiner(", ", "{", "}");
    struct.add("'ord': 'BIGINT'");
    for (int i = 0; i < columns; i++) {
      struct.add("'" + column(i) + "': 'VARCHAR'");
    }
    return struct.toString();
  }
}
