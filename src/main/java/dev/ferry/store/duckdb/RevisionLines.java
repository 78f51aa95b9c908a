package dev.ferry.store.duckdb;

import dev.ferry.store.LineCursor;
import dev.ferry.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;

/**
 * A revision's records as Kissmetrics export lines, built by DuckDB ({@code to_json} escapes as
 * Jackson does; the stored properties are already a JSON object of strings, so its inside is
 * spliced in). Reads a page of sequences at a time on its own connection, so the store's lock is
 * not held while the caller writes the lines out.
 */
final class RevisionLines implements LineCursor {
  private static final String LINE =
      "'{\"_p\":' || to_json(identity) || ',\"_t\":' || CAST(floor(epoch_ms(ts) / 1000) AS BIGINT)"
          + " || CASE kind"
          + " WHEN 'alias' THEN ',\"_p2\":' || to_json(second_identity)"
          + " ELSE coalesce(',\"_n\":' || to_json(event_name), '')"
          + " || CASE WHEN length(properties) > 2 THEN ',' || properties[2:-2] ELSE '' END"
          + " END || '}'";
  private static final String SELECT =
      "SELECT " + LINE + " FROM records WHERE sequence BETWEEN ? AND ? ORDER BY sequence";

  private final Connection connection;
  private final PreparedStatement statement;
  private final String file;
  private final long last;
  private final int pageSize;
  private final ArrayDeque<String> page = new ArrayDeque<>();
  private long next;
  private boolean closed;

  private RevisionLines(Connection connection, String file, long first, long last, int pageSize)
      throws SQLException {
    this.connection = connection;
    this.statement = connection.prepareStatement(SELECT);
    this.file = file;
    this.next = first;
    this.last = last;
    this.pageSize = pageSize;
  }

  /** Lines of sequences {@code first..last}; an empty cursor when {@code first > last}. */
  static LineCursor open(Database database, long first, long last, int pageSize) {
    try {
      Connection connection = database.duplicate();
      try {
        return new RevisionLines(connection, database.file().toString(), first, last, pageSize);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "Failed to read revision lines in " + database.file() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (page.isEmpty() && !closed && next <= last) {
      fetch();
    }
    return !page.isEmpty();
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no line after sequence " + (next - 1));
    }
    return page.removeFirst();
  }

  private void fetch() {
    long to = Math.min(last, next + pageSize - 1);
    try {
      statement.setLong(1, next);
      statement.setLong(2, to);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          page.addLast(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "Failed to read records " + next + " to " + to + " in " + file + ": " + e.getMessage(),
          e);
    }
    next = to + 1;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    page.clear();
    try {
      statement.close();
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("Failed to close a revision reader: " + e.getMessage(), e);
    }
  }
}
