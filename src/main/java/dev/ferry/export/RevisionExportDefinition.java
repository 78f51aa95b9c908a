package dev.ferry.export;

import dev.ferry.objectstore.S3Connection;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One revision export (SPEC §4): where the revision files go, how often it runs and which closed
 * revisions it publishes.
 *
 * @param prefix key prefix, empty or ending with {@code /}; files go to {@code
 *     PREFIXrevisions/N.json}, {@code PREFIXindex.csv} and {@code PREFIXstatus.csv}
 * @param every how often it runs (default 12h)
 * @param timeBudget how long one run may go on; it stops after a whole revision
 * @param cutoff which closed revisions are ready
 * @param dedupe whether duplicates (Kissmetrics' rule) are dropped within each revision
 * @param connection how to reach the bucket; empty means the server's default (the embedded S3)
 */
public record RevisionExportDefinition(
    String name,
    String bucket,
    String prefix,
    Duration every,
    Duration timeBudget,
    Cutoff cutoff,
    boolean dedupe,
    Optional<S3Connection> connection)
    implements ExportDefinition {

  public static final Duration DEFAULT_EVERY = Duration.ofHours(12);
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofHours(1);

  public RevisionExportDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(timeBudget, "timeBudget");
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(connection, "connection");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      throw new IllegalArgumentException("prefix must be empty or end with '/', was " + prefix);
    }
  }

  /** Which closed revisions a run publishes. */
  public enum Cutoff {
    /** Those whose window ended before today (UTC), as Kissmetrics does. */
    YESTERDAY,
    /** Every closed revision, for fresher files. */
    CLOSED
  }
}
