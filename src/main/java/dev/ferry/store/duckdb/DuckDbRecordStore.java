package dev.ferry.store.duckdb;

import dev.ferry.event.Kind;
import dev.ferry.store.Appended;
import dev.ferry.store.Checkpoint;
import dev.ferry.store.LineCursor;
import dev.ferry.store.RecordCursor;
import dev.ferry.store.RecordQuery;
import dev.ferry.store.RecordStore;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.SourcedRecord;
import dev.ferry.store.StoredRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/**
 * The record log on DuckDB: large batches go in through a batch file loaded with {@code read_csv}
 * ({@link BatchFile}), small ones through DuckDB's appender; never JDBC batches.
 */
final class DuckDbRecordStore implements RecordStore {
  static final int PAGE_SIZE = 10_000;

  /** Lines per page of {@link #readRevisionLines}: about 10 MB of text for typical events. */
  static final int LINE_PAGE_SIZE = 50_000;

  /** Batches this large or larger go in through a batch file; smaller ones through the appender. */
  static final int BULK_THRESHOLD = 256;

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
    try (DuckDbBatch prepared = prepare(batch)) {
      return database.transaction(
          "append " + batch.size() + " records with checkpoint of " + checkpoint.objectKey(),
          connection -> appendIn(connection, prepared, checkpoint));
    }
  }

  @Override
  public Appended append(List<SourcedRecord> batch) {
    try (DuckDbBatch prepared = prepare(batch)) {
      return database.transaction(
          "append " + batch.size() + " records",
          connection -> appendIn(connection, prepared, null));
    }
  }

  /**
   * Encodes {@code batch} outside any transaction: large batches into a batch file, others (and
   * text the file cannot carry) kept for the appender.
   */
  DuckDbBatch prepare(List<SourcedRecord> batch) {
    if (batch.size() >= BULK_THRESHOLD) {
      var file = new BatchFile(database.newBatchFile());
      if (file.write(batch)) {
        return DuckDbBatch.inFile(file, batch.size());
      }
    }
    return DuckDbBatch.inMemory(batch);
  }

  /** Appends inside the caller's transaction; {@code checkpoint} may be null. */
  Appended appendIn(Connection connection, DuckDbBatch batch, Checkpoint checkpoint)
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

  private void appendRows(
      Connection connection, DuckDbBatch batch, RevisionState revisions, Instant now)
      throws SQLException {
    if (batch.size() == 0) {
      return;
    }
    long first = revisions.nextSequence();
    long[] numbers = new long[batch.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = revisions.take(now);
    }
    if (batch.file() != null) {
      batch.file().load(connection, now, first, numbers);
    } else {
      appendEach(connection, batch.records(), first, numbers, now);
    }
  }

  private static void appendEach(
      Connection connection, List<SourcedRecord> batch, long first, long[] revisions, Instant now)
      throws SQLException {
    var duck = connection.unwrap(DuckDBConnection.class);
    try (var appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "records")) {
      for (int i = 0; i < revisions.length; i++) {
        RecordRows.append(appender, first + i, batch.get(i), now, revisions[i]);
      }
      appender.flush();
    }
  }

  @Override
  public Optional<Checkpoint> checkpoint(
      String integration, String objectKey, String etag, long size) {
    return database.call(
        "read checkpoint of " + objectKey,
        connection -> CheckpointRows.find(connection, integration, objectKey, etag, size));
  }

  @Override
  public List<Checkpoint> checkpoints(String integration) {
    return database.call(
        "list checkpoints of " + integration,
        connection -> CheckpointRows.list(connection, integration));
  }

  @Override
  public List<StoredRecord> find(RecordQuery query) {
    Objects.requireNonNull(query, "query must not be null");
    return database.call("find records", connection -> RecordQueries.find(connection, query));
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
  public LineCursor readRevisionLines(long revision) {
    var found = database.call("find revision " + revision, c -> RevisionRows.find(c, revision));
    return found
        .map(r -> RevisionLines.open(database, r.firstSequence(), r.lastSequence(), LINE_PAGE_SIZE))
        .orElseGet(() -> RevisionLines.open(database, 1, 0, LINE_PAGE_SIZE));
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
