package dev.ferry.store.duckdb;

import dev.ferry.store.Profile;
import dev.ferry.store.ProfileCursor;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;

/**
 * Reads a profile snapshot table ({@link DuckDbProfiles}) by its ordinals {@code 1..count}, a page
 * at a time, and drops the table once exhausted or closed.
 */
final class ProfilePages implements ProfileCursor {
  private final Database database;
  private final String table;
  private final long count;
  private final int pageSize;
  private final ArrayDeque<Profile> page = new ArrayDeque<>();
  private long next = 1;
  private boolean dropped;

  ProfilePages(Database database, String table, long count, int pageSize) {
    this.database = database;
    this.table = table;
    this.count = count;
    this.pageSize = pageSize;
  }

  @Override
  public boolean hasNext() {
    if (page.isEmpty() && next <= count && !dropped) {
      fetch();
    }
    if (page.isEmpty()) {
      close();
    }
    return !page.isEmpty();
  }

  @Override
  public Profile next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no profile after " + (next - 1));
    }
    return page.removeFirst();
  }

  private void fetch() {
    long to = Math.min(count, next + pageSize - 1);
    database.call(
        "read profiles " + next + " to " + to,
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "SELECT identity, identities, updated, properties FROM "
                      + table
                      + " WHERE ordinal BETWEEN ? AND ? ORDER BY ordinal")) {
            statement.setLong(1, next);
            statement.setLong(2, to);
            try (var rows = statement.executeQuery()) {
              while (rows.next()) {
                page.addLast(
                    new Profile(
                        rows.getString(1),
                        Json.stringList(rows.getString(2)),
                        Instant.ofEpochMilli(rows.getLong(3)),
                        Json.stringMap(rows.getString(4))));
              }
            }
          }
          return null;
        });
    next = to + 1;
  }

  @Override
  public void close() {
    page.clear();
    if (!dropped) {
      dropped = true;
      database.call(
          "drop the profile snapshot " + table,
          connection -> {
            try (var statement = connection.createStatement()) {
              statement.execute("DROP TABLE IF EXISTS " + table);
            }
            return null;
          });
    }
  }
}
