package dev.ferry.ingest.csv;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How an import's CSV files are written. {@link #defaults()} is the Kissmetrics format: epoch
 * seconds, UTC, comma, columns found by their header names.
 *
 * @param timestampFormat how the timestamp column is written
 * @param zone the zone of timestamps written without an offset (ISO-8601 and patterns)
 * @param delimiter the field delimiter, one ASCII byte other than {@code "}, CR and LF
 * @param columns explicit mapping of a role to a header name (e.g. identity to {@code user_email});
 *     it replaces the default names of that role, so a column that would otherwise match them
 *     becomes a property
 * @param ignoredColumns header names whose cells are dropped, matched case-insensitively
 */
public record ImportFormat(
    TimestampFormat timestampFormat,
    ZoneId zone,
    byte delimiter,
    Map<Role, String> columns,
    Set<String> ignoredColumns) {

  public ImportFormat {
    Objects.requireNonNull(timestampFormat, "timestampFormat");
    Objects.requireNonNull(zone, "zone");
    requireDelimiter(delimiter);
    columns = copyColumns(columns);
    ignoredColumns = copyIgnored(ignoredColumns, columns);
  }

  /** Epoch seconds, UTC, comma, no explicit mapping, nothing ignored. */
  public static ImportFormat defaults() {
    return new ImportFormat(
        TimestampFormat.Standard.EPOCH_SECONDS, ZoneOffset.UTC, (byte) ',', Map.of(), Set.of());
  }

  /** This format with another timestamp format. */
  public ImportFormat withTimestampFormat(TimestampFormat format) {
    return new ImportFormat(format, zone, delimiter, columns, ignoredColumns);
  }

  /** This format with another zone. */
  public ImportFormat withZone(ZoneId newZone) {
    return new ImportFormat(timestampFormat, newZone, delimiter, columns, ignoredColumns);
  }

  /** This format with another delimiter. */
  public ImportFormat withDelimiter(char newDelimiter) {
    if (newDelimiter > 127) {
      throw new IllegalArgumentException(delimiterMessage(newDelimiter));
    }
    return new ImportFormat(timestampFormat, zone, (byte) newDelimiter, columns, ignoredColumns);
  }

  /** This format with an explicit mapping. */
  public ImportFormat withColumns(Map<Role, String> newColumns) {
    return new ImportFormat(timestampFormat, zone, delimiter, newColumns, ignoredColumns);
  }

  /** This format with these columns ignored. */
  public ImportFormat withIgnoredColumns(Set<String> newIgnored) {
    return new ImportFormat(timestampFormat, zone, delimiter, columns, newIgnored);
  }

  private static void requireDelimiter(byte delimiter) {
    if (delimiter <= 0 || delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
      throw new IllegalArgumentException(delimiterMessage((char) (delimiter & 0xff)));
    }
  }

  private static String delimiterMessage(char delimiter) {
    return String.format(
        "delimiter must be one ASCII character other than '\"', CR and LF, got U+%04X",
        (int) delimiter);
  }

  private static Map<Role, String> copyColumns(Map<Role, String> columns) {
    Objects.requireNonNull(columns, "columns");
    var copy = new EnumMap<Role, String>(Role.class);
    columns.forEach(
        (role, name) -> {
          Objects.requireNonNull(role, "column role");
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                "column for " + role.label() + " must be a header name, got '" + name + "'");
          }
          copy.put(role, name.strip());
        });
    return Collections.unmodifiableMap(copy);
  }

  private static Set<String> copyIgnored(Set<String> ignored, Map<Role, String> columns) {
    Objects.requireNonNull(ignored, "ignoredColumns");
    var copy = new LinkedHashSet<String>();
    for (String name : ignored) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(
            "ignored column must be a header name, got '" + name + "'");
      }
      columns.forEach(
          (role, mapped) -> {
            if (mapped.equalsIgnoreCase(name.strip())) {
              throw new IllegalArgumentException(
                  "column '" + name + "' is both ignored and mapped to " + role.label());
            }
          });
      copy.add(name.strip());
    }
    return Collections.unmodifiableSet(copy);
  }
}
