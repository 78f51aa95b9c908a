package dev.ferry.export;

import dev.ferry.faults.CrashPoints;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.store.ExportLedger;
import dev.ferry.store.ExportLedger.PublishedRevision;
import dev.ferry.store.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Spools and uploads revisions, {@link #IN_FLIGHT} at a time, each on its own thread: the file is
 * written to the spool directory, sent in one PUT and removed. While one revision uploads, the next
 * is being written; two large revisions are written side by side. Revisions are recorded as
 * published strictly in number order, each only once its upload has finished, so at most {@link
 * #IN_FLIGHT} spool files exist at once.
 */
final class UploadPipeline implements AutoCloseable {
  static final int IN_FLIGHT = 2;

  private final RevisionExportDefinition definition;
  private final RevisionSpooler spooler;
  private final ObjectStore objects;
  private final ExportLedger ledger;
  private final ExportProgress progress;
  private final RunTotals totals;
  private final Deque<Job> jobs = new ArrayDeque<>();
  private final ExecutorService executor =
      Executors.newFixedThreadPool(IN_FLIGHT, UploadPipeline::thread);

  UploadPipeline(
      RevisionExportDefinition definition,
      RevisionSpooler spooler,
      ObjectStore objects,
      ExportLedger ledger,
      ExportProgress progress,
      RunTotals totals) {
    this.definition = definition;
    this.spooler = spooler;
    this.objects = objects;
    this.ledger = ledger;
    this.progress = progress;
    this.totals = totals;
  }

  /** Waits until a revision can start: publishes the oldest ones while the pipeline is full. */
  void awaitRoom() {
    while (jobs.size() >= IN_FLIGHT) {
      publishOldest();
    }
  }

  /** Starts spooling and uploading {@code revision}; call {@link #awaitRoom()} first. */
  void start(Revision revision) {
    String key = ExportKeys.revision(definition, revision.number());
    jobs.addLast(new Job(key, executor.submit(() -> spoolAndUpload(revision, key))));
  }

  private Spooled spoolAndUpload(Revision revision, String key) {
    Path file = spooler.file(definition.name(), revision);
    try {
      Spooled spooled = spooler.write(definition.name(), revision, definition.dedupe());
      progress.wrote(spooled.records(), spooled.bytes());
      objects.put(definition.bucket(), key, file);
      return spooled;
    } finally {
      delete(file);
    }
  }

  /** Waits for every revision started and records each as published. */
  void finish() {
    while (!jobs.isEmpty()) {
      publishOldest();
    }
  }

  private void publishOldest() {
    Job oldest = jobs.removeFirst();
    Spooled spooled = await(oldest.future());
    CrashPoints.reach("export-uploaded");
    ledger.publish(
        definition.name(),
        new PublishedRevision(
            spooled.revision().number(),
            oldest.key(),
            spooled.records(),
            spooled.bytes(),
            spooled.revision().firstReceivedAt(),
            spooled.revision().lastReceivedAt()));
    totals.published(spooled);
    progress.published();
    CrashPoints.reach("export-published");
  }

  private static Spooled await(Future<Spooled> job) {
    try {
      return job.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while exporting a revision", e);
    }
  }

  /** Stops revisions still going (after a failure); each removes its own spool file. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    jobs.clear();
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to remove spool file " + file, e);
    }
  }

  private static Thread thread(Runnable runnable) {
    Thread thread = new Thread(runnable, "ferry-export-revision");
    thread.setDaemon(true);
    return thread;
  }

  private record Job(String key, Future<Spooled> future) {}
}
