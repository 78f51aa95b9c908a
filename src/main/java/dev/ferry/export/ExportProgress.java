package dev.ferry.export;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a running export, read by the API while the run goes on. */
public final class ExportProgress {
  private final String unit;
  private final AtomicLong revisionsTotal = new AtomicLong();
  private final AtomicLong revisionsPublished = new AtomicLong();
  private final AtomicLong recordsWritten = new AtomicLong();
  private final AtomicLong bytesWritten = new AtomicLong();

  /** Progress of a revision export: its parts are revisions. */
  public ExportProgress() {
    this("revisions");
  }

  /**
   * @param unit what the parts a run publishes are called, e.g. {@code revisions} or, for an event
   *     export, {@code groups} (an event name on one day)
   */
  public ExportProgress(String unit) {
    this.unit = unit;
  }

  /** What the parts are called. */
  public String unit() {
    return unit;
  }

  void expect(long revisions) {
    revisionsTotal.addAndGet(revisions);
  }

  void wrote(long records, long bytes) {
    recordsWritten.addAndGet(records);
    bytesWritten.addAndGet(bytes);
  }

  void published() {
    revisionsPublished.incrementAndGet();
  }

  /** Parts (revisions, or groups of an event export) this run set out to publish. */
  public long revisionsTotal() {
    return revisionsTotal.get();
  }

  public long revisionsPublished() {
    return revisionsPublished.get();
  }

  public long recordsWritten() {
    return recordsWritten.get();
  }

  public long bytesWritten() {
    return bytesWritten.get();
  }
}
