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
 * The events of one export group as CleverTap JSON lines (SPEC §5), built by DuckDB: {@code
 * to_json} escapes the identity as Jackson does, the stored properties are already the JSON object
 * of strings that {@code eventProps} holds, and {@code ts} is the number {@code yyyyMMddHHmmss}
 * computed from the timestamp's parts. Each line comes as UTF-8 bytes (a BLOB, which the driver
 * hands over far more cheaply than text), on the cursor's own connection, so the store's lock is
 * not held while the caller compresses the lines and two groups can be read at once.
 *
 * <p>The lines must come in {@code (ts, sequence)} order. Events are usually stored in time order,
 * and DuckDB returns a table's rows in insertion order, which is sequence order, so pages are first
 * read without {@code ORDER BY} (measured, the sort cost about as much as building the lines): the
 * next {@code pageSize} rows after the last sequence read. A page is only handed out once checked:
 * its keys {@code (ts, sequence)} rise from the last one handed out, and no later row of the group
 * has an earlier time ({@code min(ts)} of the rest, a scan without a sort). The first page that
 * fails is dropped and the rest of the group is read sorted, with keyset paging after the last key
 * handed out, as {@link GroupCursor} reads records: everything handed out is before every row not
 * yet read, so nothing is repeated or skipped. The cursor fails if the rows read are not the
 * group's count.
 */
final class EventLines implements LineCursor {
  static final String LINE =
      "concat('{\"profile\":{\"identity\":', to_json(identity), '},\"ts\":',"
          + " year(ts) * 10000000000 + month(ts) * 100000000 + day(ts) * 1000000"
          + " + hour(ts) * 10000 + minute(ts) * 100 + second(ts),"
          + " ',\"eventProps\":', coalesce(properties, '{}'), '}')";

  private final Connection connection;
  private final ParquetCopy.OneThread section;
  private final String where;
  private final PreparedStatement inserted;
  private PreparedStatement rest;
  private PreparedStatement sorted;
  private final String file;
  private final int pageSize;
  private final long expected;
  private final ArrayDeque<byte[]> page = new ArrayDeque<>();
  private long lastMillis = Long.MIN_VALUE;
  private long lastSequence = Long.MIN_VALUE;
  private long read;
  private boolean inOrder = true;
  private boolean exhausted;
  private boolean closed;

  private EventLines(
      Connection connection,
      String file,
      String where,
      int pageSize,
      long expected,
      ParquetCopy.OneThread section)
      throws SQLException {
    this.section = section;
    this.connection = connection;
    this.file = file;
    this.pageSize = pageSize;
    this.expected = expected;
    this.where = where;
    this.inserted =
        connection.prepareStatement(SELECT + where + " AND sequence > ? LIMIT " + pageSize);
  }

  private static final String SELECT =
      "SELECT epoch_ms(ts), sequence, encode(" + LINE + ") FROM records WHERE ";

  /**
   * The lines of the events matching {@code where}, {@code pageSize} at a time.
   *
   * @param expected how many events match
   */
  static LineCursor open(Database database, String where, int pageSize, long expected) {
    return open(database, where, pageSize, expected, new ParquetCopy.OneThread());
  }

  /**
   * The same, with DuckDB held at one thread (through {@code section}) until the cursor is closed:
   * the export reads several groups at once, one per core, and DuckDB's own parallelism within a
   * page query only scans ahead past the page's limit and competes for the same cores.
   */
  static LineCursor open(
      Database database, String where, int pageSize, long expected, ParquetCopy.OneThread section) {
    try {
      Connection connection = database.duplicate();
      try {
        section.enter(connection);
        try {
          return new EventLines(
              connection, database.file().toString(), where, pageSize, expected, section);
        } catch (SQLException e) {
          section.leave(connection);
          throw e;
        }
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "Failed to read export lines in " + database.file() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (page.isEmpty() && !exhausted && !closed) {
      try {
        if (!inOrder || !fetchInserted()) {
          inOrder = false;
          fetchSorted();
        }
      } catch (SQLException e) {
        throw new StoreException(
            "Failed to read export lines after sequence "
                + lastSequence
                + " in "
                + file
                + ": "
                + e.getMessage(),
            e);
      }
      if (exhausted && read != expected) {
        throw new StoreException(
            "Read " + read + " export lines in " + file + ", not the group's " + expected);
      }
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
      throw new NoSuchElementException("no line after sequence " + lastSequence);
    }
    return page.removeFirst();
  }

  /**
   * Reads the next rows in insertion order into the page, if they are in order and before every
   * later row; otherwise leaves the page empty and returns false.
   */
  private boolean fetchInserted() throws SQLException {
    long previousMillis = lastMillis;
    long previousSequence = lastSequence;
    int count = 0;
    inserted.setLong(1, lastSequence);
    try (var rows = inserted.executeQuery()) {
      while (rows.next()) {
        long ms = rows.getLong(1);
        long sequence = rows.getLong(2);
        if (ms < previousMillis || sequence <= previousSequence) {
          page.clear();
          return false;
        }
        previousMillis = ms;
        previousSequence = sequence;
        page.addLast(rows.getBytes(3));
        count++;
      }
    }
    if (count == pageSize && !restFollows(previousMillis, previousSequence)) {
      page.clear();
      return false;
    }
    took(count, previousMillis, previousSequence);
    return true;
  }

  /** Whether no row after {@code sequence} has a time before {@code ms}. */
  private boolean restFollows(long ms, long sequence) throws SQLException {
    if (rest == null) {
      rest =
          connection.prepareStatement(
              "SELECT min(epoch_ms(ts)) FROM records WHERE " + where + " AND sequence > ?");
    }
    rest.setLong(1, sequence);
    try (var row = rest.executeQuery()) {
      row.next();
      long earliest = row.getLong(1);
      return row.wasNull() || earliest >= ms;
    }
  }

  /** Reads the next page sorted, after the last key handed out. */
  private void fetchSorted() throws SQLException {
    if (sorted == null) {
      sorted =
          connection.prepareStatement(
              SELECT
                  + where
                  + " AND (epoch_ms(ts) > ? OR (epoch_ms(ts) = ? AND sequence > ?))"
                  + " ORDER BY ts, sequence LIMIT "
                  + pageSize);
    }
    int count = 0;
    long ms = lastMillis;
    long sequence = lastSequence;
    sorted.setLong(1, lastMillis);
    sorted.setLong(2, lastMillis);
    sorted.setLong(3, lastSequence);
    try (var rows = sorted.executeQuery()) {
      while (rows.next()) {
        ms = rows.getLong(1);
        sequence = rows.getLong(2);
        page.addLast(rows.getBytes(3));
        count++;
      }
    }
    took(count, ms, sequence);
  }

  /** Records a page of {@code count} rows read, the last with key {@code (ms, sequence)}. */
  private void took(int count, long ms, long sequence) {
    read += count;
    exhausted = count < pageSize;
    lastMillis = ms;
    lastSequence = sequence;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    page.clear();
    try {
      inserted.close();
      if (rest != null) {
        rest.close();
      }
      if (sorted != null) {
        sorted.close();
      }
      section.leave(connection);
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("Failed to close an export line reader: " + e.getMessage(), e);
    }
  }
}
