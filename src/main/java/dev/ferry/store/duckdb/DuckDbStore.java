package dev.ferry.store.duckdb;

import dev.ferry.store.EventExports;
import dev.ferry.store.ExportActivity;
import dev.ferry.store.ExportLedger;
import dev.ferry.store.ImportLedger;
import dev.ferry.store.IntegrationDefinitions;
import dev.ferry.store.Profiles;
import dev.ferry.store.RecordStore;
import dev.ferry.store.ReplicatedTables;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Revisions;
import dev.ferry.store.RunRecords;
import dev.ferry.store.Store;
import dev.ferry.store.StoreException;
import dev.ferry.store.StoreInfo;
import dev.ferry.store.StoreStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Ferry's store in one DuckDB database file. Only one process may open the file; within the
 * process, use {@link #dataSource()} for other JDBC users (e.g. the scheduler).
 */
public final class DuckDbStore implements Store {
  private final Database database;
  private final DuckDbRecordStore records;
  private final DuckDbRevisions revisions;
  private final DuckDbRunRecords runs;
  private final DuckDbIntegrationDefinitions integrations;
  private final DuckDbImportLedger imports;
  private final DuckDbExportLedger exports;
  private final DuckDbProfiles profiles;
  private final DuckDbExportActivity activity;
  private final DuckDbEventExports eventExports;
  private final DuckDbReplicatedTables tables;

  private DuckDbStore(Database database, Clock clock, RevisionPolicy policy) {
    this.database = database;
    this.records = new DuckDbRecordStore(database, clock, policy);
    this.revisions = new DuckDbRevisions(database, clock, policy);
    this.runs = new DuckDbRunRecords(database, clock);
    this.integrations = new DuckDbIntegrationDefinitions(database, clock);
    this.imports = new DuckDbImportLedger(database, records, clock);
    this.exports = new DuckDbExportLedger(database, clock);
    this.profiles = new DuckDbProfiles(database);
    this.activity = new DuckDbExportActivity(database);
    this.eventExports = new DuckDbEventExports(database);
    this.tables = new DuckDbReplicatedTables(database, clock);
  }

  /**
   * Opens (creating if needed) the store in {@code databaseFile} and applies pending schema
   * migrations.
   *
   * @throws StoreException when the file cannot be opened, e.g. because another process holds it
   */
  public static DuckDbStore open(Path databaseFile, Clock clock, RevisionPolicy policy) {
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(policy, "policy must not be null");
    createParent(databaseFile);
    var database = Database.open(databaseFile);
    try {
      database.call("migrate the schema", Migrations.DUCKDB::apply);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new DuckDbStore(database, clock, policy);
  }

  private static void createParent(Path databaseFile) {
    var parent = databaseFile.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException("Failed to open store " + databaseFile + ": " + e.getMessage(), e);
    }
  }

  @Override
  public RecordStore records() {
    return records;
  }

  @Override
  public Revisions revisions() {
    return revisions;
  }

  @Override
  public ImportLedger imports() {
    return imports;
  }

  @Override
  public ExportLedger exports() {
    return exports;
  }

  @Override
  public ExportActivity activity() {
    return activity;
  }

  @Override
  public Profiles profiles() {
    return profiles;
  }

  @Override
  public EventExports eventExports() {
    return eventExports;
  }

  @Override
  public ReplicatedTables tables() {
    return tables;
  }

  /** The database, for tests of this package that read it with their own settings. */
  Database database() {
    return database;
  }

  @Override
  public RunRecords runs() {
    return runs;
  }

  @Override
  public IntegrationDefinitions integrations() {
    return integrations;
  }

  @Override
  public StoreStats stats() {
    return database.transaction(
        "read the store's statistics",
        connection -> {
          revisions.closeDueIn(connection);
          return RecordQueries.stats(connection);
        });
  }

  @Override
  public StoreInfo info() {
    var file = database.file();
    return new StoreInfo(file.toString(), size(file) + size(Path.of(file + ".wal")));
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new StoreException("Failed to read the size of " + file + ": " + e.getMessage(), e);
    }
  }

  /** A data source whose connections share this store's database; close each one after use. */
  public DataSource dataSource() {
    return new DuplicatingDataSource(database);
  }

  @Override
  public void close() {
    database.close();
  }
}
