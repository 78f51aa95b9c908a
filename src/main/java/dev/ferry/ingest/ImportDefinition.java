package dev.ferry.ingest;

import dev.ferry.integration.IntegrationName;
import dev.ferry.objectstore.S3Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recurring CSV import (SPEC §2.1): where its files are, how often it runs and how it reads
 * them.
 *
 * @param folder key prefix, empty or ending with {@code /}
 * @param baseFilename e.g. {@code accounts.csv}: matches {@code accounts*.csv} and {@code
 *     accounts*.csv.gz} directly in the folder
 * @param connection how to reach the bucket; empty means the server's default (the embedded S3)
 */
public record ImportDefinition(
    String name,
    String bucket,
    String folder,
    String baseFilename,
    Duration every,
    int filesPerRun,
    Duration timeBudget,
    CsvSettings csv,
    Optional<S3Connection> connection) {

  static final Duration DEFAULT_EVERY = Duration.ofHours(1);
  static final Duration DEFAULT_TIME_BUDGET = Duration.ofMinutes(5);

  public ImportDefinition {
    IntegrationName.check(name);
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(connection, "connection");
  }

  /**
   * How the files are read: timestamp format and zone, delimiter, explicit column names per role
   * ({@code identity}, {@code timestamp}, {@code event}, {@code alias}) and ignored columns.
   */
  public record CsvSettings(
      String timestampFormat,
      String timezone,
      String delimiter,
      Map<String, String> columns,
      List<String> ignoreColumns) {

    public static final CsvSettings DEFAULT =
        new CsvSettings("epoch-seconds", "UTC", ",", Map.of(), List.of());

    public CsvSettings {
      columns = Map.copyOf(columns);
      ignoreColumns = List.copyOf(ignoreColumns);
    }
  }
}
