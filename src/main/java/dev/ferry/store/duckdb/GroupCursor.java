package dev.ferry.store.duckdb;

import dev.ferry.store.RecordCursor;
import dev.ferry.store.StoredRecord;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;

/**
 * Reads the records matching a condition in {@code (ts, sequence)} order, a page at a time: each
 * page starts after the last {@code (ts, sequence)} read (keyset paging), so the memory held is one
 * page and a page never repeats or skips a record. The condition bounds the sequences, so records
 * appended while reading are outside it.
 */
final class GroupCursor implements RecordCursor {
  private final Database database;
  private final String where;
  private final int pageSize;
  private final ArrayDeque<StoredRecord> page = new ArrayDeque<>();
  private long lastMillis = Long.MIN_VALUE;
  private long lastSequence;
  private boolean exhausted;

  GroupCursor(Database database, String where, int pageSize) {
    this.database = database;
    this.where = where;
    this.pageSize = pageSize;
  }

  @Override
  public boolean hasNext() {
    if (page.isEmpty() && !exhausted) {
      fetch();
    }
    return !page.isEmpty();
  }

  @Override
  public StoredRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no record after sequence " + lastSequence);
    }
    return page.removeFirst();
  }

  private void fetch() {
    database.call(
        "read export events after sequence " + lastSequence,
        connection -> {
          try (var statement = connection.prepareStatement(sql())) {
            statement.setLong(1, lastMillis);
            statement.setLong(2, lastMillis);
            statement.setLong(3, lastSequence);
            try (var rows = statement.executeQuery()) {
              while (rows.next()) {
                page.addLast(RecordRows.read(rows));
              }
            }
          }
          return null;
        });
    exhausted = page.size() < pageSize;
    if (!page.isEmpty()) {
      lastMillis = page.getLast().record().timestamp().toEpochMilli();
      lastSequence = page.getLast().sequence();
    }
  }

  private String sql() {
    return "SELECT "
        + RecordRows.COLUMNS
        + " FROM records WHERE "
        + where
        + " AND (epoch_ms(ts) > ? OR (epoch_ms(ts) = ? AND sequence > ?))"
        + " ORDER BY ts, sequence LIMIT "
        + pageSize;
  }

  @Override
  public void close() {
    exhausted = true;
    page.clear();
  }
}
