package dev.ferry.store.duckdb;

import dev.ferry.store.ProfileCursor;
import dev.ferry.store.Profiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Profiles computed in SQL over {@code records}. Opening a cursor builds its snapshot in one
 * transaction: the alias groups ({@link AliasGroups}), then a temporary table with one row per
 * profile, numbered in canonical-identity order, which the cursor reads a page at a time and drops
 * when it is closed or exhausted. DuckDB holds the snapshot (spilling to disk if it must), the JVM
 * one page.
 */
final class DuckDbProfiles implements Profiles {
  static final int PAGE_SIZE = 1_000;

  /**
   * Per identity: its group, first appearance ({@code sequence * 2}, {@code + 1} as an alias's
   * second identity) and latest timestamp; per group: the first-seen identity, all identities in
   * first-seen order and the latest timestamp; per group and property name: the value of the latest
   * {@code ts}, ties to the highest sequence.
   */
  private static final String SNAPSHOT =
      "WITH seen AS ("
          + "  SELECT identity AS id, sequence * 2 AS pos, ts FROM records WHERE sequence <= ?"
          + "  UNION ALL"
          + "  SELECT second_identity, sequence * 2 + 1, ts FROM records"
          + "  WHERE kind = 'alias' AND sequence <= ?),"
          + " members AS ("
          + "  SELECT s.id, coalesce(g.grp, s.id) AS grp, min(s.pos) AS first, max(s.ts) AS last_ts"
          + "  FROM seen s LEFT JOIN "
          + AliasGroups.TABLE
          + " g ON g.id = s.id GROUP BY s.id, g.grp),"
          + " heads AS ("
          + "  SELECT grp, arg_min(id, first) AS identity,"
          + "  to_json(list(id ORDER BY first)) AS identities, max(last_ts) AS updated"
          + "  FROM members GROUP BY grp),"
          + " entries AS ("
          + "  SELECT identity, ts, sequence,"
          + "  unnest(map_entries(json_transform(properties, '\"MAP(VARCHAR, VARCHAR)\"'))) AS e"
          + "  FROM records WHERE kind <> 'alias' AND sequence <= ?),"
          + " kept AS ("
          + "  SELECT coalesce(g.grp, r.identity) AS grp, r.e.key AS name,"
          + "  arg_max(r.e.value, (r.ts, r.sequence)) AS value"
          + "  FROM entries r LEFT JOIN "
          + AliasGroups.TABLE
          + " g ON g.id = r.identity GROUP BY ALL),"
          + " grouped AS ("
          + "  SELECT grp, json_group_object(name, value) AS properties FROM kept GROUP BY grp)"
          + " SELECT row_number() OVER (ORDER BY h.identity) AS ordinal, h.identity,"
          + " h.identities, epoch_ms(h.updated) AS updated, p.properties"
          + " FROM heads h LEFT JOIN grouped p USING (grp) ORDER BY h.identity";

  private final Database database;
  private final AtomicLong snapshots = new AtomicLong();

  DuckDbProfiles(Database database) {
    this.database = database;
  }

  @Override
  public ProfileCursor profiles(long upToSequence) {
    String table = "profiles_snapshot_" + snapshots.incrementAndGet();
    long count =
        database.transaction(
            "compute the profiles up to sequence " + upToSequence,
            connection -> snapshot(connection, table, upToSequence));
    return new ProfilePages(database, "temp.main." + table, count, PAGE_SIZE);
  }

  private static long snapshot(Connection connection, String table, long upToSequence)
      throws SQLException {
    AliasGroups.write(connection, upToSequence);
    try (var statement =
        connection.prepareStatement("CREATE TEMP TABLE " + table + " AS " + SNAPSHOT)) {
      for (int i = 1; i <= 3; i++) {
        statement.setLong(i, upToSequence);
      }
      statement.execute();
    }
    AliasGroups.drop(connection);
    try (var statement = connection.createStatement();
        var row = statement.executeQuery("SELECT count(*) FROM temp.main." + table)) {
      row.next();
      return row.getLong(1);
    }
  }
}
