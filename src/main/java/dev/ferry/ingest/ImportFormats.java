package dev.ferry.ingest;

import dev.ferry.ingest.ImportDefinition.CsvSettings;
import dev.ferry.ingest.csv.ImportFormat;
import dev.ferry.ingest.csv.Role;
import dev.ferry.ingest.csv.TimestampFormat;
import dev.ferry.integration.DefinitionException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;

/** Turns an import's CSV settings into the reader's format. */
final class ImportFormats {
  private ImportFormats() {}

  static ImportFormat from(CsvSettings csv) {
    try {
      return new ImportFormat(
          TimestampFormat.parse(csv.timestampFormat()),
          ZoneId.of(csv.timezone()),
          (byte) csv.delimiter().charAt(0),
          roles(csv.columns()),
          new HashSet<>(csv.ignoreColumns()));
    } catch (IllegalArgumentException e) {
      throw new DefinitionException("Invalid CSV settings: " + e.getMessage());
    }
  }

  private static Map<Role, String> roles(Map<String, String> columns) {
    Map<Role, String> roles = new EnumMap<>(Role.class);
    columns.forEach(
        (role, column) -> roles.put(Role.valueOf(role.toUpperCase(Locale.ROOT)), column));
    return roles;
  }
}
