package dev.ferry.app;

import dev.ferry.config.ConfigException;
import dev.ferry.config.FerryConfig;
import dev.ferry.export.EventExporter;
import dev.ferry.export.ExportService;
import dev.ferry.export.RevisionExporter;
import dev.ferry.http.ApiServer;
import dev.ferry.http.ServerStatus;
import dev.ferry.ingest.ImportService;
import dev.ferry.integration.DefinitionException;
import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.schedule.JobScheduler;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.Run;
import dev.ferry.store.duckdb.DuckDbStore;
import dev.ferry.tables.TableService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Ferry server: the composition root. Starts the data-directory lock, the embedded S3
 * (unless an external endpoint is configured), the store, the import, export and table services,
 * the scheduler and the REST API, in that order; {@link #close()} stops them in reverse.
 */
final class FerryServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FerryServer.class);
  static final String STORE_FILE = "ferry.duckdb";
  static final String EXPORT_SPOOL = "export-spool";
  private static final Duration TICK = Duration.ofSeconds(15);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final FerryConfig config;
  private final Clock clock;
  private final Instant startedAt;
  private DataDirectory dataDirectory;
  private Optional<EmbeddedS3> embeddedS3 = Optional.empty();
  private S3Connection s3;
  private DuckDbStore store;
  private ImportService imports;
  private ExportService exports;
  private TableService tables;
  private ApiServer api;

  private FerryServer(FerryConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  /** Starts every component; on failure stops what had started and rethrows. */
  static FerryServer start(FerryConfig config, Clock clock) {
    FerryServer server = new FerryServer(config, clock);
    try {
      server.startComponents();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private void startComponents() {
    dataDirectory = keep(DataDirectory.lock(config.server().dataDir()));
    LOG.info("Starting Ferry {} with {}", FerryVersion.current(), config.describe());
    s3 = startS3();
    store = keep(openStore());
    List<Run> interrupted = InterruptedRuns.fail(store.runs());
    store.activity().failRunning("Interrupted by a stop; the window runs again", clock.instant());
    imports = keep(importService());
    exports = keep(exportService());
    tables = keep(tableService());
    declare();
    resume(interrupted);
    keep(
        JobScheduler.start(
            store.dataSource(),
            TICK,
            List.of(
                new JobScheduler.Tick("ferry-imports", imports::runDue),
                new JobScheduler.Tick("ferry-exports", exports::runDue),
                new JobScheduler.Tick("ferry-tables", tables::runDue))));
    api = keep(startApi());
    LOG.info("Ferry is ready: REST API on {}", apiUrl());
  }

  private S3Connection startS3() {
    if (!config.s3().embedded()) {
      return S3Connections.external(config.s3());
    }
    EmbeddedS3 server =
        keep(
            startOrExplain(
                () ->
                    EmbeddedS3.start(
                        dataDirectory.resolve("s3"),
                        "127.0.0.1",
                        config.s3().port(),
                        EmbeddedS3Keys.loadOrCreate(dataDirectory.root())),
                "embedded S3",
                config.s3().port(),
                "--s3-port"));
    embeddedS3 = Optional.of(server);
    return server.connection();
  }

  /** Saves the integrations declared in {@code ferry.yaml}; a bad one stops the start. */
  private void declare() {
    try {
      imports.declare(config.imports());
      exports.declare(config.exports());
      tables.declare(config.tables());
    } catch (DefinitionException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /**
   * Imports, exports and table syncs cut off by a stop go on at once rather than at their next
   * slot.
   */
  private void resume(List<Run> interrupted) {
    resume(interrupted, ImportService.KIND, "import", imports::start);
    resume(interrupted, ExportService.RUN_KIND, "export", exports::start);
    resume(interrupted, ExportService.EVENT_RUN_KIND, "export", exports::start);
    resume(interrupted, TableService.RUN_KIND, "table integration", tables::start);
  }

  private static void resume(
      List<Run> interrupted, String runKind, String noun, ToLongFunction<String> start) {
    interrupted.stream()
        .filter(run -> run.kind().equals(runKind))
        .map(Run::integration)
        .distinct()
        .forEach(name -> resume(name, noun, start));
  }

  private static void resume(String name, String noun, ToLongFunction<String> start) {
    try {
      LOG.info(
          "Resuming {} {} after an interrupted run (run {})", noun, name, start.applyAsLong(name));
    } catch (RuntimeException e) {
      LOG.warn("Could not resume {} {}: {}", noun, name, e.getMessage());
    }
  }

  private ImportService importService() {
    return new ImportService(
        store.integrations(),
        store.imports(),
        store.runs(),
        connection -> S3ObjectStore.connect(connection.orElse(s3)),
        clock,
        config.ingest().batchRecords());
  }

  private ExportService exportService() {
    Path spool = SpoolDirectory.emptied(dataDirectory.resolve(EXPORT_SPOOL));
    RevisionExporter exporter =
        new RevisionExporter(store.records(), store.revisions(), store.exports(), spool, clock);
    EventExporter events = EventExporter.over(store, spool, config.store().databaseId(), clock);
    return new ExportService(
        store.integrations(),
        store.exports(),
        store.activity(),
        store.runs(),
        exporter,
        events,
        connection -> S3ObjectStore.connect(connection.orElse(s3)),
        clock);
  }

  private TableService tableService() {
    return new TableService(
        store.integrations(),
        store.tables(),
        store.runs(),
        connection -> S3ObjectStore.connect(connection.orElse(s3)),
        clock);
  }

  private DuckDbStore openStore() {
    RevisionPolicy policy =
        new RevisionPolicy(config.store().revisionWindow(), config.store().revisionMaxRecords());
    return DuckDbStore.open(dataDirectory.resolve(STORE_FILE), clock, policy);
  }

  private ApiServer startApi() {
    return startOrExplain(
        () ->
            ApiServer.start(
                config.server().host(),
                config.server().port(),
                config.server().authToken(),
                this::status,
                new ApiServer.Jobs(store, imports, exports, tables)),
        "REST API",
        config.server().port(),
        "--port");
  }

  private static <T> T startOrExplain(
      java.util.function.Supplier<T> starter, String what, int port, String option) {
    try {
      return starter.get();
    } catch (RuntimeException e) {
      if (Ports.inUse(e)) {
        throw new StartupException(
            "Failed to start the "
                + what
                + ": port "
                + port
                + " is in use; choose another with "
                + option);
      }
      throw e;
    }
  }

  ServerStatus status() {
    Instant now = clock.instant();
    return new ServerStatus(
        FerryVersion.current(),
        startedAt,
        Duration.between(startedAt, now).toSeconds(),
        dataDirectory.root().toString(),
        store.info().sizeBytes(),
        s3.endpoint().map(Object::toString).orElse("AWS S3 (" + s3.region() + ")"));
  }

  String apiUrl() {
    return "http://" + config.server().host() + ":" + api.port();
  }

  Optional<EmbeddedS3> embeddedS3() {
    return embeddedS3;
  }

  S3Connection s3() {
    return s3;
  }

  private <T extends AutoCloseable> T keep(T component) {
    started.push(component);
    return component;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable component = started.pop();
      try {
        component.close();
      } catch (Exception e) {
        LOG.warn("Failed to stop {}: {}", component.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
