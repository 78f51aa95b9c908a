package dev.ferry.store.duckdb;

import dev.ferry.store.ImportLedgerContract;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DuckDbImportLedgerTest extends ImportLedgerContract {
  @TempDir Path directory;

  @Override
  protected Store open(MutableClock clock, RevisionPolicy policy) {
    return DuckDbStore.open(directory.resolve("ferry.duckdb"), clock, policy);
  }

  @Override
  protected void breakLedgerWrites(Store store) {
    Sql.execute(store, "ALTER TABLE import_files RENAME TO import_files_away");
  }
}
