package dev.ferry.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a running import, read by the API while the run goes on. */
public final class RunProgress {
  private final AtomicLong bytesTotal = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong rowsRead = new AtomicLong();
  private volatile String currentKey = "";

  void expect(long bytes) {
    bytesTotal.addAndGet(bytes);
  }

  void advance(String key, long bytes, long rows) {
    currentKey = key;
    bytesRead.addAndGet(bytes);
    rowsRead.addAndGet(rows);
  }

  public long bytesTotal() {
    return bytesTotal.get();
  }

  public long bytesRead() {
    return bytesRead.get();
  }

  public long rowsRead() {
    return rowsRead.get();
  }

  public String currentKey() {
    return currentKey;
  }
}
