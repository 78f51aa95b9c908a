package dev.ferry.store.duckdb;

import dev.ferry.store.Revision;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Revisions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Revisions on DuckDB; every query first closes the open revision if its window ended. */
final class DuckDbRevisions implements Revisions {
  private final Database database;
  private final Clock clock;
  private final RevisionPolicy policy;

  DuckDbRevisions(Database database, Clock clock, RevisionPolicy policy) {
    this.database = database;
    this.clock = clock;
    this.policy = policy;
  }

  @Override
  public boolean closeDue() {
    return database.transaction("close due revisions", this::closeDueIn);
  }

  boolean closeDueIn(Connection connection) throws SQLException {
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var state = RevisionState.load(connection, policy, now);
    state.write(connection);
    return state.closedAny();
  }

  @Override
  public List<Revision> closed(long afterNumber, int limit) {
    return database.transaction(
        "list closed revisions",
        connection -> {
          closeDueIn(connection);
          return RevisionRows.closed(connection, afterNumber, limit);
        });
  }

  @Override
  public Optional<Revision> open() {
    return database.transaction(
        "find the open revision",
        connection -> {
          closeDueIn(connection);
          return RevisionRows.open(connection);
        });
  }

  @Override
  public Optional<Revision> revision(long number) {
    return database.transaction(
        "find revision " + number,
        connection -> {
          closeDueIn(connection);
          return RevisionRows.find(connection, number);
        });
  }

  @Override
  public long lastClosedNumber() {
    return database.transaction(
        "find the last closed revision",
        connection -> {
          closeDueIn(connection);
          return RevisionRows.lastClosedNumber(connection);
        });
  }
}
