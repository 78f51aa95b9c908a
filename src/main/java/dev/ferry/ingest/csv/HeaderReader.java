package dev.ferry.ingest.csv;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the header row and maps its columns (SPEC §2.2). */
final class HeaderReader {
  private static final String PROPERTY_PREFIX = "prop:";
  private static final int MAX_NAME = 255;

  private final ImportFormat format;
  private final List<String> header = new ArrayList<>();
  private final int[] roles = new int[Role.values().length];
  private final List<Integer> propertyColumns = new ArrayList<>();
  private final List<String> propertyNames = new ArrayList<>();
  private final Map<String, String> propertySources = new HashMap<>();
  private final List<String> ignored = new ArrayList<>();
  private long line;

  private HeaderReader(ImportFormat format) {
    this.format = format;
    Arrays.fill(roles, -1);
  }

  static HeaderMapping read(RowParser parser, ImportFormat format) throws IOException {
    parser.skipByteOrderMark();
    if (!parser.next()) {
      throw CsvFileException.atLine(1, "the file is empty; a header row is required");
    }
    return new HeaderReader(format).map(parser);
  }

  private HeaderMapping map(RowParser parser) {
    line = parser.rowLine();
    if (parser.problem() != null) {
      throw fail("header " + parser.problem());
    }
    for (int i = 0; i < parser.fieldCount(); i++) {
      header.add(name(parser, i));
      mapColumn(i, header.get(i));
    }
    requireMappedColumnsPresent();
    requireIdentityAndTimestamp();
    return new HeaderMapping(
        header,
        roles,
        propertyColumns.stream().mapToInt(Integer::intValue).toArray(),
        propertyNames.toArray(String[]::new),
        ignored);
  }

  private String name(RowParser parser, int column) {
    try {
      return parser.field(column).strip();
    } catch (CharacterCodingException e) {
      throw fail("the header is not valid UTF-8 at byte offset " + parser.firstMalformedOffset());
    }
  }

  private void mapColumn(int column, String name) {
    if (format.ignoredColumns().stream().anyMatch(name::equalsIgnoreCase)) {
      ignored.add(name);
      return;
    }
    Role role = roleOf(name);
    if (role == null) {
      addProperty(column, name);
    } else if (roles[role.ordinal()] >= 0) {
      throw fail(
          "columns '"
              + header.get(roles[role.ordinal()])
              + "' and '"
              + name
              + "' both map to "
              + role.label());
    } else {
      roles[role.ordinal()] = column;
    }
  }

  private Role roleOf(String name) {
    for (Role role : Role.values()) {
      String explicit = format.columns().get(role);
      if (explicit == null ? role.matches(name) : explicit.equalsIgnoreCase(name)) {
        return role;
      }
    }
    return null;
  }

  private void addProperty(int column, String name) {
    String property = propertyName(name);
    if (property.isEmpty()) {
      throw fail("column " + (column + 1) + " has no name");
    }
    if (property.length() > MAX_NAME) {
      throw fail(
          "column "
              + (column + 1)
              + ": property name is "
              + property.length()
              + " characters, over the limit of "
              + MAX_NAME);
    }
    String previous = propertySources.putIfAbsent(property, name);
    if (previous != null) {
      throw fail(
          "columns '" + previous + "' and '" + name + "' both set property '" + property + "'");
    }
    propertyColumns.add(column);
    propertyNames.add(property);
  }

  private static String propertyName(String name) {
    boolean prefixed = name.toLowerCase(Locale.ROOT).startsWith(PROPERTY_PREFIX);
    return prefixed ? name.substring(PROPERTY_PREFIX.length()).strip() : name;
  }

  private void requireMappedColumnsPresent() {
    format
        .columns()
        .forEach(
            (role, column) -> {
              if (roles[role.ordinal()] < 0) {
                throw fail(
                    "no column '"
                        + column
                        + "' for "
                        + role.label()
                        + " (columns: "
                        + String.join(", ", header)
                        + ")");
              }
            });
  }

  private void requireIdentityAndTimestamp() {
    if (roles[Role.IDENTITY.ordinal()] < 0) {
      throw fail(missing(Role.IDENTITY));
    }
    if (roles[Role.TIMESTAMP.ordinal()] < 0 && !isAliasOnly()) {
      throw fail(missing(Role.TIMESTAMP));
    }
  }

  private boolean isAliasOnly() {
    return roles[Role.ALIAS.ordinal()] >= 0
        && roles[Role.EVENT.ordinal()] < 0
        && propertyColumns.isEmpty();
  }

  private static String missing(Role role) {
    String title = role.names().get(0);
    return "no " + title + " column (accepted names: " + String.join(", ", role.names()) + ")";
  }

  private CsvFileException fail(String reason) {
    return CsvFileException.atLine(line, reason);
  }
}
