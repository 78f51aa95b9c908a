package dev.ferry.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.faults.CrashPoints;
import dev.ferry.ingest.ImportDefinitions.Secrets;
import dev.ferry.ingest.ImportException.Reason;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.store.ImportLedger;
import dev.ferry.store.IntegrationDefinitions;
import dev.ferry.store.RunRecords;
import dev.ferry.store.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring CSV imports: their definitions, validation, preview and runs. Two runs of one import
 * never overlap.
 */
public final class ImportService implements AutoCloseable {
  /** The kind of integration (and of run) an import is. */
  public static final String KIND = "import";

  private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IntegrationDefinitions definitions;
  private final ImportLedger ledger;
  private final RunRecords runs;
  private final Function<Optional<S3Connection>, ObjectStore> objectStores;
  private final Clock clock;
  private final int batchRecords;
  private final Map<String, Long> running = new ConcurrentHashMap<>();
  private final Map<Long, RunProgress> live = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newCachedThreadPool(ImportService::thread);

  /**
   * @param objectStores opens a connection; an empty connection means the server's default S3
   * @param batchRecords records per store transaction
   */
  public ImportService(
      IntegrationDefinitions definitions,
      ImportLedger ledger,
      RunRecords runs,
      Function<Optional<S3Connection>, ObjectStore> objectStores,
      Clock clock,
      int batchRecords) {
    this.definitions = definitions;
    this.ledger = ledger;
    this.runs = runs;
    this.objectStores = objectStores;
    this.clock = clock;
    this.batchRecords = batchRecords;
  }

  /** Saves imports declared in {@code ferry.yaml} without contacting their buckets. */
  public void declare(List<Map<String, Object>> declared) {
    for (int i = 0; i < declared.size(); i++) {
      save(ImportDefinitions.read("imports[" + i + "].", declared.get(i)));
    }
  }

  /** Validates (SPEC §2.1) and saves a new import. */
  public ImportDefinition create(Map<String, ?> settings) {
    ImportDefinition definition = ImportDefinitions.read("", settings);
    if (definitions.find(definition.name()).isPresent()) {
      throw new ImportException(
          Reason.ALREADY_EXISTS, "An integration named '" + definition.name() + "' exists");
    }
    validate(definition);
    save(definition);
    return definition;
  }

  /** Validates and replaces an import's settings. */
  public ImportDefinition replace(String name, Map<String, ?> settings) {
    find(name);
    ImportDefinition definition = ImportDefinitions.read("", settings);
    if (!definition.name().equals(name)) {
      throw new DefinitionException(
          "Invalid setting name = '" + definition.name() + "': an import cannot be renamed");
    }
    validate(definition);
    save(definition);
    return definition;
  }

  public List<ImportDefinition> list() {
    return definitions.list(KIND).stream().map(d -> parse(d.json())).toList();
  }

  public ImportDefinition find(String name) {
    return definitions
        .find(name)
        .filter(d -> d.kind().equals(KIND))
        .map(d -> parse(d.json()))
        .orElseThrow(() -> new ImportException(Reason.NOT_FOUND, "No import named '" + name + "'"));
  }

  public void delete(String name) {
    find(name);
    definitions.delete(name);
  }

  public Preview preview(String name, int limit) {
    ImportDefinition definition = find(name);
    try (ObjectStore objects = objectStores.apply(definition.connection())) {
      return Previewer.preview(definition, objects, limit);
    }
  }

  /** Starts a run now; returns its run id. */
  public long start(String name) {
    ImportDefinition definition = find(name);
    synchronized (running) {
      if (running.containsKey(name)) {
        throw new ImportException(
            Reason.ALREADY_RUNNING,
            "Import '" + name + "' is running (run " + running.get(name) + ")");
      }
      long runId = runs.start(name, KIND);
      running.put(name, runId);
      RunProgress progress = new RunProgress();
      live.put(runId, progress);
      executor.submit(() -> execute(definition, runId, progress));
      return runId;
    }
  }

  /** Runs now and waits for the end; returns the run id. */
  public long runAndWait(String name) throws InterruptedException {
    long runId = start(name);
    synchronized (running) {
      while (Long.valueOf(runId).equals(running.get(name))) {
        running.wait();
      }
    }
    return runId;
  }

  /** The live counters of a run that is going on. */
  public Optional<RunProgress> progress(long runId) {
    return Optional.ofNullable(live.get(runId));
  }

  /** Starts every import whose interval has passed since its last run (once, however late). */
  public void runDue() {
    for (ImportDefinition definition : list()) {
      Optional<Instant> last =
          runs.list(definition.name(), 1).stream().findFirst().map(run -> run.startedAt());
      boolean due =
          last.map(t -> !t.plus(definition.every()).isAfter(clock.instant())).orElse(true);
      if (due && !running.containsKey(definition.name())) {
        try {
          start(definition.name());
        } catch (ImportException e) {
          LOG.debug("Not starting {}: {}", definition.name(), e.getMessage());
        }
      }
    }
  }

  private void execute(ImportDefinition definition, long runId, RunProgress progress) {
    List<FileOutcome> outcomes = new ArrayList<>();
    try (ObjectStore objects = objectStores.apply(definition.connection())) {
      Instant deadline = clock.instant().plus(definition.timeBudget());
      ImportContext context =
          new ImportContext(
              definition,
              ImportFormats.from(definition.csv()),
              objects,
              ledger,
              clock,
              batchRecords,
              runId,
              deadline,
              progress);
      CrashPoints.reach("run-started");
      new ImportRun(context).run(outcomes);
      CrashPoints.reach("before-run-finish");
      runs.finish(
          runId,
          RunReport.status(outcomes),
          RunReport.details(outcomes),
          RunReport.errors(outcomes));
      LOG.info(
          "Import {} run {} finished: {}", definition.name(), runId, RunReport.status(outcomes));
    } catch (RuntimeException e) {
      List<String> errors = new ArrayList<>(RunReport.errors(outcomes));
      errors.add(e.getMessage());
      runs.finish(runId, RunStatus.FAILED, RunReport.details(outcomes), errors);
      LOG.warn("Import {} run {} failed: {}", definition.name(), runId, e.getMessage());
    } finally {
      live.remove(runId);
      synchronized (running) {
        running.remove(definition.name());
        running.notifyAll();
      }
    }
  }

  private void validate(ImportDefinition definition) {
    try (ObjectStore objects = objectStores.apply(definition.connection())) {
      Validation.check(definition, objects);
    }
  }

  private void save(ImportDefinition definition) {
    try {
      String json = JSON.writeValueAsString(ImportDefinitions.toSettings(definition, Secrets.KEPT));
      definitions.put(definition.name(), KIND, json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Failed to save import " + definition.name(), e);
    }
  }

  private static ImportDefinition parse(String json) {
    try {
      return ImportDefinitions.read(
          "", JSON.readValue(json, new TypeReference<Map<String, Object>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Failed to read a saved import definition", e);
    }
  }

  private static Thread thread(Runnable runnable) {
    Thread thread = new Thread(runnable, "ferry-import");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
