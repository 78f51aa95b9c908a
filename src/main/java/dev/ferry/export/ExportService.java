package dev.ferry.export;

import dev.ferry.integration.BucketAccess;
import dev.ferry.integration.Catalog;
import dev.ferry.integration.IntegrationRuns;
import dev.ferry.integration.RunResult;
import dev.ferry.objectstore.IntegrationKind;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.PermissionCheck.Outcome;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.store.ExportLedger;
import dev.ferry.store.IntegrationDefinitions;
import dev.ferry.store.RunRecords;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Exports: their definitions, the bucket check before saving, and runs. Two runs of one export
 * never overlap. Definitions are kept with kind {@value #KIND}; their runs have kind {@value
 * #RUN_KIND}.
 */
public final class ExportService implements AutoCloseable {
  /** The kind of integration an export is. */
  public static final String KIND = "export";

  /** The kind of a revision export's runs. */
  public static final String RUN_KIND = "revision-export";

  private final Catalog<RevisionExportDefinition> catalog;
  private final IntegrationRuns<ExportProgress> runs;
  private final ExportLedger ledger;
  private final RevisionExporter exporter;
  private final Function<Optional<S3Connection>, ObjectStore> objectStores;
  private final Clock clock;

  /**
   * @param objectStores opens a connection; an empty connection means the server's default S3
   */
  public ExportService(
      IntegrationDefinitions definitions,
      ExportLedger ledger,
      RunRecords runs,
      RevisionExporter exporter,
      Function<Optional<S3Connection>, ObjectStore> objectStores,
      Clock clock) {
    this.catalog = new Catalog<>(definitions, KIND, ExportDefinitions.CODEC);
    this.runs = new IntegrationRuns<>(KIND, RUN_KIND, runs, clock);
    this.ledger = ledger;
    this.exporter = exporter;
    this.objectStores = objectStores;
    this.clock = clock;
  }

  /** Saves exports declared in {@code ferry.yaml} without contacting their buckets. */
  public void declare(List<Map<String, Object>> declared) {
    catalog.declare("exports", declared);
  }

  /** Checks the bucket grants what an export needs, then saves a new export. */
  public RevisionExportDefinition create(Map<String, ?> settings) {
    return catalog.create(settings, this::validate);
  }

  /** Checks the bucket and replaces an export's settings; what it published stays published. */
  public RevisionExportDefinition replace(String name, Map<String, ?> settings) {
    return catalog.replace(name, settings, this::validate);
  }

  public List<RevisionExportDefinition> list() {
    return catalog.list();
  }

  public RevisionExportDefinition find(String name) {
    return catalog.find(name);
  }

  /**
   * Deletes an export and forgets what it published (its files stay in the bucket), unless it is
   * running.
   */
  public void delete(String name) {
    runs.whileIdle(
        name,
        () -> {
          catalog.delete(name);
          ledger.forget(name);
        });
  }

  /** Starts a run now; returns its run id. */
  public long start(String name) {
    RevisionExportDefinition definition = find(name);
    return runs.start(name, new ExportProgress(), (runId, progress) -> run(definition, progress));
  }

  /** Runs now and waits for the end; returns the run id. */
  public long runAndWait(String name) throws InterruptedException {
    RevisionExportDefinition definition = find(name);
    return runs.runAndWait(
        name, new ExportProgress(), (runId, progress) -> run(definition, progress));
  }

  /** The live counters of a run that is going on. */
  public Optional<ExportProgress> progress(long runId) {
    return runs.progress(runId);
  }

  /** Starts every export whose interval has passed since its last run (once, however late). */
  public void runDue() {
    runs.runDue(
        list().stream().map(d -> new IntegrationRuns.Schedule(d.name(), d.every())).toList(),
        this::start);
  }

  private RunResult run(RevisionExportDefinition definition, ExportProgress progress) {
    try (ObjectStore objects = objectStores.apply(definition.connection())) {
      ExportOutcome outcome =
          exporter.run(
              definition, objects, clock.instant().plus(definition.timeBudget()), progress);
      return new RunResult(outcome.status(), outcome.details(), outcome.errors());
    }
  }

  private void validate(RevisionExportDefinition definition) {
    try (ObjectStore objects = objectStores.apply(definition.connection())) {
      BucketAccess.require(
          objects,
          IntegrationKind.EXPORT,
          definition.bucket(),
          definition.prefix(),
          Set.of(Outcome.MISSING, Outcome.NOT_VERIFIED));
    }
  }

  @Override
  public void close() {
    runs.close();
  }
}
