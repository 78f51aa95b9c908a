package dev.ferry.store.duckdb;

import dev.ferry.store.MutableClock;
import dev.ferry.store.ProfilesContract;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DuckDbProfilesTest extends ProfilesContract {
  @TempDir Path directory;

  @Override
  protected Store open(MutableClock clock, RevisionPolicy policy) {
    return DuckDbStore.open(directory.resolve("ferry.duckdb"), clock, policy);
  }
}
