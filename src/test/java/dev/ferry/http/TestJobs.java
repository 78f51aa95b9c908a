package dev.ferry.http;

import dev.ferry.export.EventExporter;
import dev.ferry.export.ExportService;
import dev.ferry.export.RevisionExporter;
import dev.ferry.ingest.ImportService;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.store.Store;
import dev.ferry.tables.TableService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** The jobs an API test serves: the import, export and table services over a real store. */
final class TestJobs {
  private TestJobs() {}

  /**
   * @param objectStores how the jobs reach S3
   * @param spool the revision exporter's spool directory
   */
  static ApiServer.Jobs over(
      Store store, Function<Optional<S3Connection>, ObjectStore> objectStores, Path spool) {
    Clock clock = Clock.systemUTC();
    ImportService imports =
        new ImportService(
            store.integrations(), store.imports(), store.runs(), objectStores, clock, 1000);
    RevisionExporter exporter =
        new RevisionExporter(store.records(), store.revisions(), store.exports(), spool, clock);
    EventExporter events = EventExporter.over(store, spool, "test-db", clock);
    ExportService exports =
        new ExportService(
            store.integrations(),
            store.exports(),
            store.activity(),
            store.runs(),
            exporter,
            events,
            objectStores,
            clock);
    TableService tables =
        new TableService(store.integrations(), store.tables(), store.runs(), objectStores, clock);
    return new ApiServer.Jobs(store, imports, exports, tables);
  }

  static void close(ApiServer.Jobs jobs) {
    jobs.imports().close();
    jobs.exports().close();
    jobs.tables().close();
  }
}
