package dev.ferry.export;

import dev.ferry.faults.CrashPoints;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.store.ExportLedger;
import dev.ferry.store.ExportLedger.PublishedRevision;
import java.io.IOException;
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
 * Uploads spooled revision files on two threads while the next revision is being written, and
 * records them as published strictly in number order, each only once its upload has finished. At
 * most {@link #IN_FLIGHT} files wait or upload at once, so the spool stays small.
 */
final class UploadPipeline implements AutoCloseable {
  static final int IN_FLIGHT = 2;

  private final RevisionExportDefinition definition;
  private final ObjectStore objects;
  private final ExportLedger ledger;
  private final ExportProgress progress;
  private final RunTotals totals;
  private final Deque<Upload> uploads = new ArrayDeque<>();
  private final ExecutorService executor =
      Executors.newFixedThreadPool(IN_FLIGHT, UploadPipeline::thread);

  UploadPipeline(
      RevisionExportDefinition definition,
      ObjectStore objects,
      ExportLedger ledger,
      ExportProgress progress,
      RunTotals totals) {
    this.definition = definition;
    this.objects = objects;
    this.ledger = ledger;
    this.progress = progress;
    this.totals = totals;
  }

  /**
   * Starts uploading {@code spooled}; first waits for the oldest upload if the pipeline is full.
   */
  void submit(Spooled spooled) {
    while (uploads.size() >= IN_FLIGHT) {
      publishOldest();
    }
    String key = ExportKeys.revision(definition, spooled.revision().number());
    uploads.addLast(
        new Upload(
            spooled,
            key,
            executor.submit(() -> objects.put(definition.bucket(), key, spooled.file()))));
  }

  /** Waits for every upload and records each as published. */
  void finish() {
    while (!uploads.isEmpty()) {
      publishOldest();
    }
  }

  private void publishOldest() {
    Upload oldest = uploads.removeFirst();
    try {
      await(oldest.future());
    } finally {
      delete(oldest.spooled().file());
    }
    CrashPoints.reach("export-uploaded");
    Spooled spooled = oldest.spooled();
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

  private static void await(Future<?> upload) {
    try {
      upload.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while uploading a revision", e);
    }
  }

  /** Stops uploads still going (after a failure) and removes their spool files. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    uploads.forEach(upload -> delete(upload.spooled().file()));
    uploads.clear();
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Failed to remove spool file " + file, e);
    }
  }

  private static Thread thread(Runnable runnable) {
    Thread thread = new Thread(runnable, "ferry-export-upload");
    thread.setDaemon(true);
    return thread;
  }

  private record Upload(Spooled spooled, String key, Future<?> future) {}
}
