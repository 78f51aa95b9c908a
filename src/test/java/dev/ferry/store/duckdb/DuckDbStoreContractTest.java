package dev.ferry.store.duckdb;

import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Store;
import dev.ferry.store.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreContractTest extends StoreContract {
  @TempDir Path directory;

  @Override
  protected Store open(MutableClock clock, RevisionPolicy policy) {
    return DuckDbStore.open(directory.resolve("ferry.duckdb"), clock, policy);
  }

  @Override
  protected void breakCheckpointWrites(Store store) {
    Sql.execute(store, "ALTER TABLE checkpoints RENAME TO checkpoints_away");
  }

  @Override
  protected void repairCheckpointWrites(Store store) {
    Sql.execute(store, "ALTER TABLE checkpoints_away RENAME TO checkpoints");
  }
}
