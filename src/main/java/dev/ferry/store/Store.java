package dev.ferry.store;

/**
 * Ferry's store: the record log, its revisions, the run records and the integration definitions,
 * over one database. Close it to release the database.
 */
public interface Store extends AutoCloseable {

  /** The record log with its checkpoints. */
  RecordStore records();

  /** The revisions of the record log. */
  Revisions revisions();

  /** The recurring import's ledger of files. */
  ImportLedger imports();

  /** What each revision export has published. */
  ExportLedger exports();

  /** The activity log of event and profile exports. */
  ExportActivity activity();

  /** The profiles of the record log. */
  Profiles profiles();

  /** What the event and profile export reads, and the Parquet files it has the store write. */
  EventExports eventExports();

  /** The tables replicated from CSV files, with their ledger. */
  ReplicatedTables tables();

  /** The run records. */
  RunRecords runs();

  /** The persisted integration definitions. */
  IntegrationDefinitions integrations();

  /** Counts of records by kind and of revisions, and the last sequence. */
  StoreStats stats();

  /** Facts about the store's storage. */
  StoreInfo info();

  @Override
  void close();
}
