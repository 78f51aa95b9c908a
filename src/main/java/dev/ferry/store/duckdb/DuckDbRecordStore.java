package dev.ferry.store.duckdb;

import dev.ferry.event.Kind;
import dev.ferry.store.Appended;
import dev.ferry.store.Checkpoint;
import dev.ferry.store.RecordCursor;
import dev.ferry.store.RecordStore;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.SourcedRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/** The record log on DuckDB: records go in through DuckDB's appender, not JDBC batches. */
final class DuckDbRecordStore implements RecordStore {
  static final int PAGE_SIZE = 10_000;

  private final Database database;
  private final Clock clock;
  private final RevisionPolicy policy;

  DuckDbRecordStore(Database database, Clock clock, RevisionPolicy policy) {
    this.database = database;
    this.clock = clock;
    this.policy = policy;
  }

  @Override
  public Appended append(List<SourcedRecord> batch, Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint must not be null");
    return database.transaction(
        "append " + batch.size() + " records with checkpoint of " + checkpoint.objectKey(),
        connection -> appendIn(connection, batch, checkpoint));
  }

  @Override
  public Appended append(List<SourcedRecord> batch) {
    return database.transaction(
        "append " + batch.size() + " records", connection -> appendIn(connection, batch, null));
  }

  private Appended appendIn(Connection connection, List<SourcedRecord> batch, Checkpoint checkpoint)
      throws SQLException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var revisions = RevisionState.load(connection, policy, now);
    long first = revisions.nextSequence();
    appendRows(connection, batch, revisions, now);
    revisions.write(connection);
    if (checkpoint != null) {
      CheckpointRows.upsert(connection, checkpoint, now);
    }
    return new Appended(first, batch.size());
  }

  private static void appendRows(
      Connection connection, List<SourcedRecord> batch, RevisionState revisions, Instant now)
      throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    var duck = connection.unwrap(DuckDBConnection.class);
    try (var appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "records")) {
      for (SourcedRecord sourced : batch) {
        long sequence = revisions.nextSequence();
        long revision = revisions.take(now);
        RecordRows.append(appender, sequence, sourced, now, revision);
      }
      appender.flush();
    }
  }

  @Override
  public Optional<Checkpoint> checkpoint(String integration, String objectKey) {
    return database.call(
        "read checkpoint of " + objectKey,
        connection -> CheckpointRows.find(connection, integration, objectKey));
  }

  @Override
  public RecordCursor read(long first, long last) {
    return new PagedCursor(database, first, last, PAGE_SIZE);
  }

  @Override
  public RecordCursor readRevision(long revision) {
    var found = database.call("find revision " + revision, c -> RevisionRows.find(c, revision));
    return found.map(r -> read(r.firstSequence(), r.lastSequence())).orElseGet(() -> read(1, 0));
  }

  @Override
  public long count() {
    return database.call("count records", c -> countWhere(c, "true", null));
  }

  @Override
  public long count(Kind kind) {
    return database.call("count records", c -> countWhere(c, "kind = ?", RecordRows.name(kind)));
  }

  private static long countWhere(Connection connection, String where, String parameter)
      throws SQLException {
    try (var statement =
        connection.prepareStatement("SELECT count(*) FROM records WHERE " + where)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      try (var row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
