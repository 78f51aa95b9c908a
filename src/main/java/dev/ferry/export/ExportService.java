package dev.ferry.export;

import dev.ferry.integration.BucketAccess;
import dev.ferry.integration.Catalog;
import dev.ferry.integration.IntegrationException;
import dev.ferry.integration.IntegrationRuns;
import dev.ferry.integration.RunResult;
import dev.ferry.objectstore.IntegrationKind;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.PermissionCheck.Outcome;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.store.ExportActivity;
import dev.ferry.store.ExportLedger;
import dev.ferry.store.IntegrationDefinitions;
import dev.ferry.store.RunRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Exports: their definitions, the bucket check before saving, and runs. Two runs of one export
 * never overlap. Definitions are kept with kind {@value #KIND}; the runs of revision exports have
 * kind {@value #RUN_KIND}, those of event and profile exports {@value #EVENT_RUN_KIND}.
 */
public final class ExportService implements AutoCloseable {
  /** The kind of integration an export is. */
  public static final String KIND = "export";

  /** The kind of a revision export's runs. */
  public static final String RUN_KIND = "revision-export";

  /** The kind of an event or profile export's runs. */
  public static final String EVENT_RUN_KIND = "event-export";

  /** How often a one-time export that failed is tried again. */
  static final Duration ONCE_RETRY = Duration.ofHours(1);

  private final Catalog<ExportDefinition> catalog;
  private final IntegrationRuns<ExportProgress> runs;
  private final IntegrationRuns<ExportProgress> eventRuns;
  private final ExportLedger ledger;
  private final ExportActivity activity;
  private final RevisionExporter exporter;
  private final EventExporter eventExporter;
  private final Function<Optional<S3Connection>, ObjectStore> objectStores;
  private final Clock clock;

  /**
   * @param objectStores opens a connection; an empty connection means the server's default S3
   */
  public ExportService(
      IntegrationDefinitions definitions,
      ExportLedger ledger,
      ExportActivity activity,
      RunRecords runs,
      RevisionExporter exporter,
      EventExporter eventExporter,
      Function<Optional<S3Connection>, ObjectStore> objectStores,
      Clock clock) {
    this.catalog = new Catalog<>(definitions, KIND, ExportDefinitions.CODEC);
    this.runs = new IntegrationRuns<>(KIND, RUN_KIND, runs, clock);
    this.eventRuns = new IntegrationRuns<>(KIND, EVENT_RUN_KIND, runs, clock);
    this.ledger = ledger;
    this.activity = activity;
    this.exporter = exporter;
    this.eventExporter = eventExporter;
    this.objectStores = objectStores;
    this.clock = clock;
  }

  /** Saves exports declared in {@code ferry.yaml} without contacting their buckets. */
  public void declare(List<Map<String, Object>> declared) {
    catalog.declare("exports", declared);
  }

  /** Checks the bucket grants what an export needs, then saves a new export. */
  public ExportDefinition create(Map<String, ?> settings) {
    return catalog.create(settings, this::validate);
  }

  /** Checks the bucket and replaces an export's settings; what it published stays published. */
  public ExportDefinition replace(String name, Map<String, ?> settings) {
    return catalog.replace(name, settings, this::validate);
  }

  public List<ExportDefinition> list() {
    return catalog.list();
  }

  public ExportDefinition find(String name) {
    return catalog.find(name);
  }

  /**
   * The activity log of an event or profile export: its windows, latest first.
   *
   * @throws IntegrationException if there is no such export
   */
  public List<ExportActivity.Entry> activity(String requestId, int limit) {
    find(requestId);
    return activity.list(requestId, limit);
  }

  /**
   * Deletes an export and forgets what it published (its files stay in the bucket), unless it is
   * running.
   */
  public void delete(String name) {
    runsOf(find(name))
        .whileIdle(
            name,
            () -> {
              catalog.delete(name);
              ledger.forget(name);
              activity.forget(name);
            });
  }

  /** Starts a run now; returns its run id. */
  public long start(String name) {
    ExportDefinition definition = find(name);
    return runsOf(definition)
        .start(name, progress(definition), (runId, progress) -> run(definition, progress));
  }

  /** Runs now and waits for the end; returns the run id. */
  public long runAndWait(String name) throws InterruptedException {
    ExportDefinition definition = find(name);
    return runsOf(definition)
        .runAndWait(name, progress(definition), (runId, progress) -> run(definition, progress));
  }

  /** The live counters of a run that is going on. */
  public Optional<ExportProgress> progress(long runId) {
    return runs.progress(runId).or(() -> eventRuns.progress(runId));
  }

  /**
   * Starts every export that is due, once however late: a revision export or a recurring event
   * export when its interval has passed since its last run started; a one-time export until one of
   * its runs has finished its window (retrying a failure hourly).
   */
  public void runDue() {
    List<IntegrationRuns.Schedule> revisions = new java.util.ArrayList<>();
    List<IntegrationRuns.Schedule> events = new java.util.ArrayList<>();
    for (ExportDefinition definition : list()) {
      if (definition instanceof RevisionExportDefinition revision) {
        revisions.add(new IntegrationRuns.Schedule(revision.name(), revision.every()));
      } else {
        schedule((EventExportDefinition) definition).ifPresent(events::add);
      }
    }
    runs.runDue(revisions, this::start);
    eventRuns.runDue(events, this::start);
  }

  private Optional<IntegrationRuns.Schedule> schedule(EventExportDefinition definition) {
    if (definition.frequency() instanceof EventExportDefinition.Recurring recurring) {
      return Optional.of(new IntegrationRuns.Schedule(definition.name(), recurring.every()));
    }
    boolean done =
        activity
            .latest(definition.name())
            .filter(entry -> entry.status() == ExportActivity.Status.DONE)
            .isPresent();
    return done
        ? Optional.empty()
        : Optional.of(new IntegrationRuns.Schedule(definition.name(), ONCE_RETRY));
  }

  private static ExportProgress progress(ExportDefinition definition) {
    return definition instanceof EventExportDefinition
        ? new ExportProgress("groups")
        : new ExportProgress();
  }

  private IntegrationRuns<ExportProgress> runsOf(ExportDefinition definition) {
    return definition instanceof EventExportDefinition ? eventRuns : runs;
  }

  private RunResult run(ExportDefinition definition, ExportProgress progress) {
    if (definition instanceof EventExportDefinition events) {
      try (ObjectStore objects = objectStores.apply(events.connection())) {
        ExportOutcome outcome = eventExporter.run(events, objects, progress);
        return new RunResult(outcome.status(), outcome.details(), outcome.errors());
      }
    }
    return run((RevisionExportDefinition) definition, progress);
  }

  private RunResult run(RevisionExportDefinition definition, ExportProgress progress) {
    try (ObjectStore objects = objectStores.apply(definition.connection())) {
      ExportOutcome outcome =
          exporter.run(
              definition, objects, clock.instant().plus(definition.timeBudget()), progress);
      return new RunResult(outcome.status(), outcome.details(), outcome.errors());
    }
  }

  private void validate(ExportDefinition definition) {
    if (definition instanceof EventExportDefinition events) {
      EventExportDefinitions.requireRecent(events, clock.instant());
    }
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
    eventRuns.close();
  }
}
