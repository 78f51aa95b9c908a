package dev.ferry.export.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The two guide files of a Kissmetrics data export (SPEC §4), with the header names real exports
 * used: {@code index.csv} (one row per published revision) and {@code status.csv} (one row).
 * Timestamps are epoch seconds rounded down; dates look like {@code 2012-10-25 17:50 GMT}.
 */
public final class KmIndexFiles {
  static final String INDEX_HEADER =
      "filename,min_timestamp,max_timestamp,min_utc_date,max_utc_date";
  static final String STATUS_HEADER =
      "total_revisions,exported_revisions,max_exported_revision_timestamp,"
          + "max_exported_revision_utc_date";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'GMT'").withZone(ZoneOffset.UTC);

  private KmIndexFiles() {}

  /** The text of {@code index.csv}. */
  public static String index(List<Entry> entries) {
    StringBuilder text = new StringBuilder(INDEX_HEADER).append('\n');
    for (Entry entry : entries) {
      text.append(entry.filename())
          .append(',')
          .append(seconds(entry.min()))
          .append(',')
          .append(seconds(entry.max()))
          .append(',')
          .append(DATE.format(entry.min()))
          .append(',')
          .append(DATE.format(entry.max()))
          .append('\n');
    }
    return text.toString();
  }

  /**
   * The text of {@code status.csv}. With nothing exported yet, the last two fields are empty.
   *
   * @param totalRevisions how many revisions the store holds
   * @param exportedRevisions how many this export has published
   * @param maxExported the latest receive time among the published revisions
   */
  public static String status(
      long totalRevisions, long exportedRevisions, Optional<Instant> maxExported) {
    return STATUS_HEADER
        + '\n'
        + totalRevisions
        + ','
        + exportedRevisions
        + ','
        + maxExported.map(t -> String.valueOf(seconds(t))).orElse("")
        + ','
        + maxExported.map(DATE::format).orElse("")
        + '\n';
  }

  private static long seconds(Instant instant) {
    return Math.floorDiv(instant.toEpochMilli(), 1000);
  }

  /**
   * One row of {@code index.csv}.
   *
   * @param filename the key relative to the export's prefix, e.g. {@code revisions/12.json}
   * @param min the earliest receive time in the file
   * @param max the latest receive time in the file
   */
  public record Entry(String filename, Instant min, Instant max) {}
}
