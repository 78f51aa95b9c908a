package dev.ferry.ingest;

import java.util.Optional;

/**
 * What one run did with one file.
 *
 * @param destination where the file went, once finished
 */
public record FileOutcome(
    String key,
    String etag,
    long size,
    Result result,
    long rowsRead,
    long recordsImported,
    long rowsRejected,
    long bytesRead,
    Optional<String> destination,
    Optional<String> error) {

  /** How the file ended this run. */
  public enum Result {
    /** Every row read; the file was moved to {@code completed_imports/}. */
    COMPLETED,
    /** The time budget ran out; the next run resumes where this one stopped. */
    UNFINISHED,
    /** A bad file, moved to {@code failed_imports/} with an explanation beside it. */
    FAILED,
    /** Already imported (same key, ETag and size); moved away again, nothing imported. */
    SKIPPED
  }
}
