package dev.ferry.export;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a running export, read by the API while the run goes on. */
public final class ExportProgress {
  private final AtomicLong revisionsTotal = new AtomicLong();
  private final AtomicLong revisionsPublished = new AtomicLong();
  private final AtomicLong recordsWritten = new AtomicLong();
  private final AtomicLong bytesWritten = new AtomicLong();

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

  /** Revisions this run set out to publish. */
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
