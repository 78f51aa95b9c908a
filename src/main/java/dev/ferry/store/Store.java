package dev.ferry.store;

/**
 * Ferry's store: the record log, its revisions and the run records, over one database. Close it to
 * release the database.
 */
public interface Store extends AutoCloseable {

  /** The record log with its checkpoints. */
  RecordStore records();

  /** The revisions of the record log. */
  Revisions revisions();

  /** The run records. */
  RunRecords runs();

  /** Facts about the store's storage. */
  StoreInfo info();

  @Override
  void close();
}
