package dev.ferry.store.duckdb;

import dev.ferry.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * The one connection to the database file that the store uses, guarded by a lock: DuckDB
 * connections are not for concurrent use. Other users get duplicates of it ({@link #duplicate()}),
 * which share the database instance (DuckDB allows one process per file).
 */
final class Database implements AutoCloseable {
  private final Path file;
  private final DuckDBConnection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong batchFiles = new AtomicLong();

  private Database(Path file, DuckDBConnection connection) {
    this.file = file;
    this.connection = connection;
  }

  static Database open(Path file) {
    try {
      var connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
      deleteStaleBatchFiles(file);
      return new Database(file, connection.unwrap(DuckDBConnection.class));
    } catch (SQLException e) {
      throw openFailure(file, e);
    }
  }

  /**
   * Batch files a killed process left behind; safe to delete once this process holds the database,
   * as no other process can be writing them.
   */
  private static void deleteStaleBatchFiles(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    String glob = file.getFileName() + ".batch-*.tmp";
    try (var stale = Files.newDirectoryStream(directory, glob)) {
      for (Path path : stale) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new StoreException("Failed to remove stale batch files in " + directory + ": " + e, e);
    }
  }

  private static StoreException openFailure(Path file, SQLException e) {
    var message = String.valueOf(e.getMessage());
    if (message.contains("Could not set lock on file")) {
      return new StoreException(
          "Failed to open store " + file + ": it is in use by another process", e);
    }
    return new StoreException("Failed to open store " + file + ": " + message, e);
  }

  Path file() {
    return file;
  }

  /** A new path for a batch file, beside the database file; unique within this process. */
  Path newBatchFile() {
    return file.toAbsolutePath()
        .resolveSibling(file.getFileName() + ".batch-" + batchFiles.incrementAndGet() + ".tmp");
  }

  /** Runs {@code work} on the connection while holding the lock, in autocommit mode. */
  <T> T call(String what, Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("Failed to " + what + " in " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} in one transaction while holding the lock; rolls back on any failure. */
  <T> T transaction(String what, Work<T> work) {
    return call(what, connection -> inTransaction(connection, work));
  }

  private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollback(connection, e);
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** A new connection to the same database, for one user at a time. */
  DuckDBConnection duplicate() throws SQLException {
    lock.lock();
    try {
      return connection.duplicate();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("Failed to close store " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
