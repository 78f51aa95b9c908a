package dev.ferry.tables;

import dev.ferry.objectstore.S3Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table integration (SPEC §3): the tables fed from one bucket's CSV files.
 *
 * @param name the integration's name, also the store namespace of its tables
 * @param bucket the bucket to list
 * @param startDate only files modified at or after it load
 * @param every how often it runs (default 30 minutes)
 * @param anchor the time of day runs are aligned to, if any
 * @param tables its tables, at least one
 * @param connection how to reach the bucket; empty for the server's own S3
 */
public record TableIntegration(
    String name,
    String bucket,
    Instant startDate,
    Duration every,
    Optional<LocalTime> anchor,
    List<TableSpec> tables,
    Optional<S3Connection> connection) {

  /** The default interval between runs. */
  public static final Duration DEFAULT_EVERY = Duration.ofMinutes(30);

  public TableIntegration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(connection, "connection");
    tables = List.copyOf(tables);
  }
}
