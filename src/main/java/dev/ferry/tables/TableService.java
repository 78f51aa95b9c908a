package dev.ferry.tables;

import dev.ferry.integration.Catalog;
import dev.ferry.integration.IntegrationException;
import dev.ferry.integration.IntegrationException.Reason;
import dev.ferry.integration.IntegrationRuns;
import dev.ferry.integration.RunResult;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.store.IntegrationDefinitions;
import dev.ferry.store.ReplicatedTables;
import dev.ferry.store.Run;
import dev.ferry.store.RunRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Table integrations (SPEC §3): their definitions, the checks before saving, discovery, sync runs
 * and the replicated rows. Two runs of one integration never overlap. Definitions are kept with
 * kind {@value #KIND}, runs with kind {@value #RUN_KIND}.
 */
public final class TableService implements AutoCloseable {
  /** The kind of integration a table integration is. */
  public static final String KIND = "tables";

  /** The kind of its runs. */
  public static final String RUN_KIND = "table-sync";

  private static final String NOUN = "table integration";

  private final Catalog<TableIntegration> catalog;

  /** A sync has no live counters yet; the value kept while it runs is when it started. */
  private final IntegrationRuns<Instant> runs;

  private final RunRecords records;
  private final ReplicatedTables tables;
  private final Function<Optional<S3Connection>, ObjectStore> objectStores;
  private final Clock clock;

  /**
   * @param objectStores opens a connection; an empty connection means the server's default S3
   */
  public TableService(
      IntegrationDefinitions definitions,
      ReplicatedTables tables,
      RunRecords runs,
      Function<Optional<S3Connection>, ObjectStore> objectStores,
      Clock clock) {
    this.catalog = new Catalog<>(definitions, KIND, NOUN, TableDefinitions.CODEC);
    this.runs = new IntegrationRuns<>(NOUN, RUN_KIND, runs, clock);
    this.records = runs;
    this.tables = tables;
    this.objectStores = objectStores;
    this.clock = clock;
  }

  /** Saves the table integrations declared in {@code ferry.yaml} without contacting buckets. */
  public void declare(List<Map<String, Object>> declared) {
    catalog.declare("tables", declared);
  }

  /** Checks the bucket and each table's files, then saves a new table integration. */
  public TableIntegration create(Map<String, ?> settings) {
    return catalog.create(settings, this::validate);
  }

  /** Checks and replaces a table integration's settings; its tables and ledger stay. */
  public TableIntegration replace(String name, Map<String, ?> settings) {
    return catalog.replace(name, settings, this::validate);
  }

  public List<TableIntegration> list() {
    return catalog.list();
  }

  public TableIntegration find(String name) {
    return catalog.find(name);
  }

  /** Deletes a table integration and drops its tables and ledger, unless it is running. */
  public void delete(String name) {
    find(name);
    runs.whileIdle(
        name,
        () -> {
          catalog.delete(name);
          tables.drop(name);
        });
  }

  /** Per table, the columns the newest few matching files would give it. */
  public List<TableDiscovery> discover(String name) {
    TableIntegration integration = find(name);
    try (ObjectStore objects = objectStores.apply(integration.connection())) {
      List<TableDiscovery> found = new ArrayList<>();
      for (TableSpec table : integration.tables()) {
        found.add(Discoverer.discover(objects, integration.bucket(), table));
      }
      return List.copyOf(found);
    }
  }

  /**
   * Up to {@code limit} rows of one table in load order; empty before its first load.
   *
   * @throws IntegrationException with {@link Reason#NOT_FOUND} when the integration has no such
   *     table
   */
  public List<Map<String, Object>> rows(String name, String table, int limit) {
    TableIntegration integration = find(name);
    String stored = Names.sanitize(table);
    if (integration.tables().stream().noneMatch(spec -> spec.table().equals(stored))) {
      throw new IntegrationException(
          Reason.NOT_FOUND, "No table '" + table + "' in table integration '" + name + "'");
    }
    return tables.rows(name, stored, limit);
  }

  /** Starts a run now; returns its run id. */
  public long start(String name) {
    TableIntegration integration = find(name);
    return runs.start(name, clock.instant(), (runId, started) -> sync(integration));
  }

  /** Runs now and waits for the end; returns the run id. */
  public long runAndWait(String name) throws InterruptedException {
    TableIntegration integration = find(name);
    return runs.runAndWait(name, clock.instant(), (runId, started) -> sync(integration));
  }

  /**
   * Starts every table integration that is due, once however late: without an anchor when its
   * interval has passed since its last run started; with one when a slot has passed (see {@link
   * TableSchedule}).
   */
  public void runDue() {
    List<IntegrationRuns.Schedule> due = new ArrayList<>();
    for (TableIntegration integration : list()) {
      schedule(integration).ifPresent(due::add);
    }
    runs.runDue(due, this::start);
  }

  private Optional<IntegrationRuns.Schedule> schedule(TableIntegration integration) {
    if (integration.anchor().isEmpty()) {
      return Optional.of(new IntegrationRuns.Schedule(integration.name(), integration.every()));
    }
    Optional<Instant> last =
        records.list(integration.name(), 1).stream().findFirst().map(Run::startedAt);
    boolean due =
        TableSchedule.due(integration.anchor().get(), integration.every(), last, clock.instant());
    return due
        ? Optional.of(new IntegrationRuns.Schedule(integration.name(), Duration.ZERO))
        : Optional.empty();
  }

  private RunResult sync(TableIntegration integration) {
    try (ObjectStore objects = objectStores.apply(integration.connection())) {
      return SyncReport.of(new TableSync(tables, clock).run(integration, objects));
    }
  }

  private void validate(TableIntegration integration) {
    try (ObjectStore objects = objectStores.apply(integration.connection())) {
      TableCheck.check(integration, objects);
    }
  }

  @Override
  public void close() {
    runs.close();
  }
}
