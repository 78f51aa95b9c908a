package dev.ferry.store.duckdb;

import dev.ferry.store.LineCursor;
import dev.ferry.store.StoreException;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Measured on 2M records, this reads lines in less than half the time of a sorted query of text:
 * the lines come as UTF-8 bytes ({@code encode}, a BLOB), which the driver hands over far more
 * cheaply than text; the page is read without {@code ORDER BY}, because records are stored in
 * sequence order and DuckDB keeps insertion order, so the sort only cost time (the sequences are
 * read along and checked; a page that comes out of order is read again sorted); and one {@code
 * concat} builds each line, where a chain of {@code ||} makes a new string at every step.
 */
final class RevisionLines implements LineCursor {
  private static final String LINE =
      "concat('{\"_p\":', to_json(identity),"
          + " ',\"_t\":', CAST(floor(epoch_ms(ts) / 1000) AS BIGINT),"
          + " CASE kind WHEN 'alias' THEN concat(',\"_p2\":', to_json(second_identity))"
          + " ELSE concat("
          + "CASE WHEN event_name IS NULL THEN '' ELSE concat(',\"_n\":', to_json(event_name)) END,"
          + " CASE WHEN length(properties) > 2 THEN concat(',', properties[2:-2]) ELSE '' END)"
          + " END, '}')";
  private static final String SELECT =
      "SELECT sequence, encode(" + LINE + ") FROM records WHERE sequence BETWEEN ? AND ?";
  private static final String SORTED = SELECT + " ORDER BY sequence";

  private final Connection connection;
  private final PreparedStatement statement;
  private PreparedStatement sorted;
  private final String file;
  private final long last;
  private final int pageSize;
  private final ArrayDeque<byte[]> page = new ArrayDeque<>();
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
    return new String(nextUtf8(), StandardCharsets.UTF_8);
  }

  @Override
  public byte[] nextUtf8() {
    if (!hasNext()) {
      throw new NoSuchElementException("no line after sequence " + (next - 1));
    }
    return page.removeFirst();
  }

  private void fetch() {
    long to = Math.min(last, next + pageSize - 1);
    try {
      if (!read(statement, to, true)) {
        page.clear();
        if (sorted == null) {
          sorted = connection.prepareStatement(SORTED);
        }
        read(sorted, to, false);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "Failed to read records " + next + " to " + to + " in " + file + ": " + e.getMessage(),
          e);
    }
    next = to + 1;
  }

  /**
   * Reads sequences {@code next..to} into the page; false if {@code inOrder} and they came out of
   * order.
   */
  private boolean read(PreparedStatement query, long to, boolean inOrder) throws SQLException {
    query.setLong(1, next);
    query.setLong(2, to);
    long expected = next;
    try (var rows = query.executeQuery()) {
      while (rows.next()) {
        if (inOrder && rows.getLong(1) != expected++) {
          return false;
        }
        page.addLast(rows.getBytes(2));
      }
    }
    return true;
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
      if (sorted != null) {
        sorted.close();
      }
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("Failed to close a revision reader: " + e.getMessage(), e);
    }
  }
}
