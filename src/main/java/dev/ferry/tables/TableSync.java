package dev.ferry.tables;

import dev.ferry.ingest.csv.CsvFileException;
import dev.ferry.objectstore.ObjectInfo;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.store.ReplicatedTables;
import dev.ferry.store.ReplicatedTables.LoadCounts;
import dev.ferry.store.ReplicatedTables.LoadedFile;
import dev.ferry.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One sync run of a table integration (SPEC §3). For each table: list the files under its prefix
 * that match its pattern; leave alone those modified before the start date and those the ledger has
 * with the same ETag; load the others oldest first (so a later file's rows win an upsert), each
 * file in one commit with its ledger entry. A file that cannot be loaded is reported and left out
 * of the ledger, so the next run tries it again; the other files go on.
 */
public final class TableSync {
  private final ReplicatedTables store;
  private final Clock clock;

  public TableSync(ReplicatedTables store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Runs every table of {@code integration} once; returns one report per table. */
  public List<TableReport> run(TableIntegration integration, ObjectStore objects) {
    List<TableReport> reports = new ArrayList<>();
    for (TableSpec table : integration.tables()) {
      reports.add(new TableRun(integration, table, objects).run());
    }
    return List.copyOf(reports);
  }

  /** One table's part of a run. */
  private final class TableRun {
    private final TableIntegration integration;
    private final TableSpec table;
    private final ObjectStore objects;
    private final List<TableReport.FileError> failed = new ArrayList<>();
    private final List<TableReport.RejectedRow> rejected = new ArrayList<>();
    private long loaded;
    private long skipped;
    private long read;
    private long inserted;
    private long updated;
    private long rejectedRows;

    TableRun(TableIntegration integration, TableSpec table, ObjectStore objects) {
      this.integration = integration;
      this.table = table;
      this.objects = objects;
    }

    TableReport run() {
      Instant start = clock.instant();
      List<ObjectInfo> files = files();
      Map<String, LoadedFile> ledger = store.ledger(integration.name(), table.table());
      for (ObjectInfo file : files) {
        if (file.lastModified().isBefore(integration.startDate()) || same(ledger, file)) {
          skipped++;
        } else {
          load(file);
        }
      }
      return new TableReport(
          table.table(),
          files.size(),
          loaded,
          skipped,
          failed,
          read,
          inserted,
          updated,
          rejectedRows,
          rejected,
          Duration.between(start, clock.instant()),
          note(files, start));
    }

    private List<ObjectInfo> files() {
      return objects
          .listAll(integration.bucket(), table.searchPrefix())
          .filter(info -> table.matches(info.key()))
          .sorted(Comparator.comparing(ObjectInfo::lastModified).thenComparing(ObjectInfo::key))
          .toList();
    }

    private static boolean same(Map<String, LoadedFile> ledger, ObjectInfo file) {
      LoadedFile known = ledger.get(file.key());
      return known != null && known.etag().equals(file.etag());
    }

    private void load(ObjectInfo file) {
      try (InputStream in = Decompression.open(objects, integration.bucket(), file.key())) {
        FileOutcome outcome =
            new FileLoader(store, integration.name(), table, clock).load(file, in);
        loaded++;
        read += outcome.rowsRead();
        inserted += outcome.counts().inserted();
        updated += outcome.counts().updated();
        rejectedRows += outcome.rejected().size();
        outcome.rejected().stream()
            .limit(Math.max(0, TableReport.MAX_LISTED - rejected.size()))
            .forEach(rejected::add);
      } catch (CsvFileException | TableFileException e) {
        failed.add(new TableReport.FileError(file.key(), e.getMessage()));
      } catch (IOException | ObjectStoreException | StoreException e) {
        failed.add(new TableReport.FileError(file.key(), "could not be loaded: " + e.getMessage()));
      }
    }

    private String note(List<ObjectInfo> files, Instant start) {
      if (integration.startDate().isAfter(start)) {
        return "the start date "
            + integration.startDate()
            + " is in the future: no file loads before then";
      }
      if (files.isEmpty()) {
        return "no file under prefix '"
            + table.searchPrefix()
            + "' matches the search pattern '"
            + table.searchPattern().pattern()
            + "'";
      }
      return "";
    }
  }

  /** What loading one file did. */
  record FileOutcome(long rowsRead, LoadCounts counts, List<TableReport.RejectedRow> rejected) {}
}
