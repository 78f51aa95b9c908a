package dev.ferry.store.duckdb;

import dev.ferry.store.ReplicatedTables.FileLoad;
import dev.ferry.store.ReplicatedTables.LoadCounts;
import dev.ferry.store.ReplicatedTables.TableLoad;
import dev.ferry.store.StoreException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A file being loaded into a replicated table: rows are written to a batch file beside the database
 * (see {@link RowBuffer}) without holding the store's lock; {@link #commit()} reads it back and
 * applies it in one transaction. The batch file is deleted on commit or close.
 */
final class StagedFile implements TableLoad {
  private final Database database;
  private final Clock clock;
  private final FileLoad file;
  private final Path batch;
  private final OutputStream out;
  private final RowBuffer rows;
  private long count;
  private long longestRow;
  private boolean finished;

  private StagedFile(Database database, Clock clock, FileLoad file, Path batch, OutputStream out) {
    this.database = database;
    this.clock = clock;
    this.file = file;
    this.batch = batch;
    this.out = out;
    this.rows = new RowBuffer(out);
  }

  static StagedFile open(Database database, Clock clock, FileLoad file) {
    Path batch = database.newBatchFile();
    try {
      var out = new BufferedOutputStream(Files.newOutputStream(batch), 1 << 16);
      return new StagedFile(database, clock, file, batch, out);
    } catch (IOException e) {
      throw new StoreException("Failed to stage " + describe(file) + ": " + e, e);
    }
  }

  @Override
  public void add(List<String> values) {
    checkOpen();
    if (values.size() != file.columns().size()) {
      throw new IllegalArgumentException(
          "a row of "
              + values.size()
              + " values for "
              + file.columns().size()
              + " columns of "
              + describe(file));
    }
    try {
      write(values);
    } catch (IOException e) {
      throw discard(new StoreException("Failed to stage " + describe(file) + ": " + e, e));
    } catch (RowBuffer.UnencodableException e) {
      throw discard(
          new StoreException(
              "Failed to stage row "
                  + (count + 1)
                  + " of "
                  + describe(file)
                  + ": it holds NUL or an unpaired surrogate",
              e));
    }
  }

  /** Discards the load, as a row was written in part; returns {@code failure} to throw. */
  private StoreException discard(StoreException failure) {
    try {
      close();
    } catch (StoreException e) {
      failure.addSuppressed(e);
    }
    return failure;
  }

  private void write(List<String> values) throws IOException, RowBuffer.UnencodableException {
    long start = rows.written();
    rows.number(count);
    for (String value : values) {
      rows.delimiter();
      rows.text(value);
    }
    rows.endRow();
    longestRow = Math.max(longestRow, rows.written() - start);
    count++;
  }

  @Override
  public LoadCounts commit() {
    checkOpen();
    try {
      closeOutput();
      var work = new TableCommit(file, batch, count, longestRow);
      return database.transaction(
          "load " + describe(file), connection -> work.run(connection, clock.instant()));
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      out.close();
      Files.deleteIfExists(batch);
    } catch (IOException e) {
      throw new StoreException("Failed to delete batch file " + batch + ": " + e, e);
    }
  }

  private void closeOutput() {
    try {
      rows.drain();
      out.close();
    } catch (IOException e) {
      throw new StoreException("Failed to stage " + describe(file) + ": " + e, e);
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("the load of " + describe(file) + " is finished");
    }
  }

  static String describe(FileLoad file) {
    return file.key() + " into table " + file.integration() + "." + file.table();
  }
}
