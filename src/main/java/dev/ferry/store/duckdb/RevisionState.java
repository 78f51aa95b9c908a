package dev.ferry.store.duckdb;

import dev.ferry.store.Revision;
import dev.ferry.store.RevisionPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The revision bookkeeping of one transaction: loads the open revision, closes it when due, assigns
 * each appended record its sequence and revision, and writes the changed revision rows.
 */
final class RevisionState {
  private final RevisionPolicy policy;
  private final List<Revision> changed = new ArrayList<>();
  private long lastNumber;
  private long lastSequence;
  private Revision open;

  private RevisionState(RevisionPolicy policy, long lastNumber, long lastSequence, Revision open) {
    this.policy = policy;
    this.lastNumber = lastNumber;
    this.lastSequence = lastSequence;
    this.open = open;
  }

  /** Loads the state and closes the open revision if its window ended by {@code now}. */
  static RevisionState load(Connection connection, RevisionPolicy policy, Instant now)
      throws SQLException {
    long[] last = RevisionRows.lastNumberAndSequence(connection);
    var state =
        new RevisionState(policy, last[0], last[1], RevisionRows.open(connection).orElse(null));
    state.closeIfDue(now);
    return state;
  }

  boolean closedAny() {
    return !changed.isEmpty();
  }

  long nextSequence() {
    return lastSequence + 1;
  }

  /** Takes the next sequence for a record received at {@code now}; returns its revision. */
  long take(Instant now) {
    lastSequence++;
    if (open == null) {
      lastNumber++;
      open = new Revision(lastNumber, lastSequence, lastSequence, now, now, null);
    } else {
      open =
          new Revision(
              open.number(), open.firstSequence(), lastSequence, open.firstReceivedAt(), now, null);
    }
    long number = open.number();
    if (open.recordCount() >= policy.maxRecords()) {
      close(now);
    }
    return number;
  }

  /** Writes every revision this transaction changed. */
  void write(Connection connection) throws SQLException {
    for (Revision revision : changed) {
      RevisionRows.write(connection, revision);
    }
    if (open != null) {
      RevisionRows.write(connection, open);
    }
  }

  private void closeIfDue(Instant now) {
    if (open == null) {
      return;
    }
    Instant windowEnd = open.firstReceivedAt().plus(policy.window());
    if (!now.isBefore(windowEnd)) {
      close(windowEnd);
    }
  }

  private void close(Instant closedAt) {
    changed.add(
        new Revision(
            open.number(),
            open.firstSequence(),
            open.lastSequence(),
            open.firstReceivedAt(),
            open.lastReceivedAt(),
            closedAt));
    open = null;
  }
}
