package dev.ferry.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The activity log of event and profile exports (SPEC §5): one entry per run window, keyed by the
 * export's request id and the window's end (the run timestamp of its file names). A window is added
 * {@link Status#PENDING} before any file is written, so a retry after a crash finds it and writes
 * the same keys.
 */
public interface ExportActivity {

  /**
   * Adds a window as pending.
   *
   * @throws StoreException if the request already has a window ending at that time
   */
  void add(Entry entry);

  /** Marks a window running from {@code at}; its files and error are cleared. */
  void running(String requestId, Instant windowEnd, Instant at);

  /** Marks a window done at {@code at} with the files it wrote. */
  void done(String requestId, Instant windowEnd, List<ExportedFile> files, Instant at);

  /** Marks a window failed at {@code at} with why. */
  void failed(String requestId, Instant windowEnd, String error, Instant at);

  /** The windows of {@code requestId}, latest window end first, at most {@code limit}. */
  List<Entry> list(String requestId, int limit);

  /** The window of {@code requestId} with the latest end, if any. */
  default Optional<Entry> latest(String requestId) {
    return list(requestId, 1).stream().findFirst();
  }

  /** Marks every running window failed with {@code error}, e.g. after a crash; returns how many. */
  int failRunning(String error, Instant at);

  /** Forgets every window of {@code requestId}, e.g. when its export is deleted. */
  void forget(String requestId);

  /** The state of a window. */
  enum Status {
    PENDING("Pending"),
    RUNNING("Running"),
    DONE("Done"),
    FAILED("Failed");

    private final String shown;

    Status(String shown) {
      this.shown = shown;
    }

    /** As SPEC §5 names it: {@code Pending}, {@code Running}, {@code Done}, {@code Failed}. */
    public String shown() {
      return shown;
    }

    /** The status named {@code shown}. */
    public static Status of(String shown) {
      for (Status status : values()) {
        if (status.shown.equals(shown)) {
          return status;
        }
      }
      throw new IllegalArgumentException("no export status " + shown);
    }
  }

  /**
   * One run window.
   *
   * @param requestId the export's request id (its name)
   * @param windowStart when the window starts (inclusive)
   * @param windowEnd when it ends (exclusive): the run timestamp, whole seconds
   * @param afterSequence the window reads sequences after this one ...
   * @param upToSequence ... up to and including this one
   * @param files the files written, data files in key order then the manifest; empty until done
   * @param error why it failed
   */
  record Entry(
      String requestId,
      Instant windowStart,
      Instant windowEnd,
      long afterSequence,
      long upToSequence,
      Status status,
      List<ExportedFile> files,
      Optional<Instant> startedAt,
      Optional<Instant> endedAt,
      Optional<String> error) {

    public Entry {
      Objects.requireNonNull(requestId, "requestId must not be null");
      Objects.requireNonNull(windowStart, "windowStart must not be null");
      Objects.requireNonNull(windowEnd, "windowEnd must not be null");
      Objects.requireNonNull(status, "status must not be null");
      files = List.copyOf(files);
      Objects.requireNonNull(startedAt, "startedAt must not be null");
      Objects.requireNonNull(endedAt, "endedAt must not be null");
      Objects.requireNonNull(error, "error must not be null");
    }

    /** A new pending window. */
    public static Entry pending(
        String requestId,
        Instant windowStart,
        Instant windowEnd,
        long afterSequence,
        long upToSequence) {
      return new Entry(
          requestId,
          windowStart,
          windowEnd,
          afterSequence,
          upToSequence,
          Status.PENDING,
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }

    /** The rows of its data files. */
    public long rows() {
      return files.stream().filter(f -> !f.manifest()).mapToLong(ExportedFile::rows).sum();
    }

    /** The bytes of all its files, the manifest included. */
    public long bytes() {
      return files.stream().mapToLong(ExportedFile::bytes).sum();
    }
  }

  /**
   * One file written to the bucket.
   *
   * @param rows its records (0 for the manifest)
   * @param manifest whether it is the run's manifest
   */
  record ExportedFile(String key, long rows, long bytes, boolean manifest) {
    public ExportedFile {
      Objects.requireNonNull(key, "key must not be null");
    }
  }
}
