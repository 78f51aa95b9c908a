package dev.ferry.store.duckdb;

import dev.ferry.store.RecordCursor;
import dev.ferry.store.StoredRecord;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;

/**
 * Reads sequences {@code first..last} a page at a time. Sequences have no gaps, so a page is a
 * sequence range, and a short page means the end of the log.
 */
final class PagedCursor implements RecordCursor {
  private final Database database;
  private final long last;
  private final int pageSize;
  private final ArrayDeque<StoredRecord> page = new ArrayDeque<>();
  private long next;
  private boolean exhausted;

  PagedCursor(Database database, long first, long last, int pageSize) {
    this.database = database;
    this.next = Math.max(1, first);
    this.last = last;
    this.pageSize = pageSize;
    this.exhausted = next > last;
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
      throw new NoSuchElementException("no record after sequence " + (next - 1));
    }
    return page.removeFirst();
  }

  private void fetch() {
    long to = Math.min(last, next + pageSize - 1);
    database.call(
        "read records " + next + " to " + to,
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "SELECT "
                      + RecordRows.COLUMNS
                      + " FROM records"
                      + " WHERE sequence BETWEEN ? AND ? ORDER BY sequence")) {
            statement.setLong(1, next);
            statement.setLong(2, to);
            try (var rows = statement.executeQuery()) {
              while (rows.next()) {
                page.addLast(RecordRows.read(rows));
              }
            }
          }
          return null;
        });
    exhausted = page.size() < to - next + 1 || to == last;
    next = to + 1;
  }

  @Override
  public void close() {
    exhausted = true;
    page.clear();
  }
}
