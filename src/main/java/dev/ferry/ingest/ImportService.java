package dev.ferry.ingest;

import dev.ferry.faults.CrashPoints;
import dev.ferry.integration.Catalog;
import dev.ferry.integration.IntegrationRuns;
import dev.ferry.integration.RunResult;
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
import java.util.function.Function;

/**
 * Recurring CSV imports: their definitions, validation, preview and runs. Two runs of one import
 * never overlap.
 */
public final class ImportService implements AutoCloseable {
  /** The kind of integration (and of run) an import is. */
  public static final String KIND = "import";

  private final Catalog<ImportDefinition> catalog;
  private final IntegrationRuns<RunProgress> runs;
  private final ImportLedger ledger;
  private final Function<Optional<S3Connection>, ObjectStore> objectStores;
  private final Clock clock;
  private final int batchRecords;

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
    this.catalog = new Catalog<>(definitions, KIND, ImportDefinitions.CODEC);
    this.runs = new IntegrationRuns<>(KIND, KIND, runs, clock);
    this.ledger = ledger;
    this.objectStores = objectStores;
    this.clock = clock;
    this.batchRecords = batchRecords;
  }

  /** Saves imports declared in {@code ferry.yaml} without contacting their buckets. */
  public void declare(List<Map<String, Object>> declared) {
    catalog.declare("imports", declared);
  }

  /** Validates (SPEC §2.1) and saves a new import. */
  public ImportDefinition create(Map<String, ?> settings) {
    return catalog.create(settings, this::validate);
  }

  /** Validates and replaces an import's settings. */
  public ImportDefinition replace(String name, Map<String, ?> settings) {
    return catalog.replace(name, settings, this::validate);
  }

  public List<ImportDefinition> list() {
    return catalog.list();
  }

  public ImportDefinition find(String name) {
    return catalog.find(name);
  }

  public void delete(String name) {
    catalog.delete(name);
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
    return runs.start(
        name, new RunProgress(), (runId, progress) -> execute(definition, runId, progress));
  }

  /** Runs now and waits for the end; returns the run id. */
  public long runAndWait(String name) throws InterruptedException {
    ImportDefinition definition = find(name);
    return runs.runAndWait(
        name, new RunProgress(), (runId, progress) -> execute(definition, runId, progress));
  }

  /** The live counters of a run that is going on. */
  public Optional<RunProgress> progress(long runId) {
    return runs.progress(runId);
  }

  /** Starts every import whose interval has passed since its last run (once, however late). */
  public void runDue() {
    runs.runDue(
        list().stream().map(d -> new IntegrationRuns.Schedule(d.name(), d.every())).toList(),
        this::start);
  }

  private RunResult execute(ImportDefinition definition, long runId, RunProgress progress) {
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
      return new RunResult(
          RunReport.status(outcomes), RunReport.details(outcomes), RunReport.errors(outcomes));
    } catch (RuntimeException e) {
      List<String> errors = new ArrayList<>(RunReport.errors(outcomes));
      errors.add(IntegrationRuns.message(e));
      return new RunResult(RunStatus.FAILED, RunReport.details(outcomes), errors);
    }
  }

  private void validate(ImportDefinition definition) {
    try (ObjectStore objects = objectStores.apply(definition.connection())) {
      Validation.check(definition, objects);
    }
  }

  @Override
  public void close() {
    runs.close();
  }
}
