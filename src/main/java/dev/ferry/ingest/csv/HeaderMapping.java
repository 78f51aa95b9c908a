package dev.ferry.ingest.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each column of a file's header means: the columns of the {@link Role}s, the property columns
 * with the property each sets, and the ignored columns. Column names are as written in the header,
 * trimmed. {@link #toString()} prints it for a preview.
 */
public final class HeaderMapping {
  private final List<String> header;
  private final int[] roleColumns;
  private final int[] propertyColumns;
  private final String[] propertyNames;
  private final List<String> ignored;

  HeaderMapping(
      List<String> header,
      int[] roleColumns,
      int[] propertyColumns,
      String[] propertyNames,
      List<String> ignored) {
    this.header = List.copyOf(header);
    this.roleColumns = roleColumns.clone();
    this.propertyColumns = propertyColumns.clone();
    this.propertyNames = propertyNames.clone();
    this.ignored = List.copyOf(ignored);
  }

  /** The header's column names, trimmed, in order. */
  public List<String> columns() {
    return header;
  }

  /** The column that plays this role, if the header has one ({@link Role#IDENTITY} always). */
  public Optional<String> column(Role role) {
    int index = roleColumns[role.ordinal()];
    return index < 0 ? Optional.empty() : Optional.of(header.get(index));
  }

  /** Property columns in header order: column name to property name. */
  public Map<String, String> properties() {
    var properties = new LinkedHashMap<String, String>();
    for (int i = 0; i < propertyColumns.length; i++) {
      properties.put(header.get(propertyColumns[i]), propertyNames[i]);
    }
    return Collections.unmodifiableMap(properties);
  }

  /** Columns whose cells are dropped. */
  public List<String> ignoredColumns() {
    return ignored;
  }

  int columnCount() {
    return header.size();
  }

  int index(Role role) {
    return roleColumns[role.ordinal()];
  }

  int propertyCount() {
    return propertyColumns.length;
  }

  int propertyColumn(int property) {
    return propertyColumns[property];
  }

  String propertyName(int property) {
    return propertyNames[property];
  }

  @Override
  public String toString() {
    var parts = new ArrayList<String>();
    for (Role role : Role.values()) {
      parts.add(role.label() + ": " + column(role).orElse("(none)"));
    }
    var properties = new ArrayList<String>();
    properties().forEach((column, name) -> properties.add(describe(column, name)));
    parts.add("properties: " + (properties.isEmpty() ? "(none)" : String.join(", ", properties)));
    parts.add("ignored: " + (ignored.isEmpty() ? "(none)" : String.join(", ", ignored)));
    return String.join("; ", parts);
  }

  private static String describe(String column, String property) {
    return column.equals(property) ? property : property + " (from " + column + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HeaderMapping that
        && header.equals(that.header)
        && Arrays.equals(roleColumns, that.roleColumns)
        && Arrays.equals(propertyColumns, that.propertyColumns)
        && Arrays.equals(propertyNames, that.propertyNames)
        && ignored.equals(that.ignored);
  }

  @Override
  public int hashCode() {
    return header.hashCode() * 31 + Arrays.hashCode(roleColumns);
  }
}
