package dev.ferry.store.duckdb;

import dev.ferry.store.ReplicatedTables.Kind;
import dev.ferry.store.ReplicatedTables.StagedColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Decides the type each staged column has in the table, from its kind, the type the table already
 * gives it ({@code existing}, by lower-case name) and, for {@link Kind#INFERRED}, the staged
 * values. A column already typed that the new values do not fit becomes VARCHAR.
 */
final class ColumnTyping {
  private static final List<ColumnType> INFERABLE =
      List.of(ColumnType.BIGINT, ColumnType.DOUBLE, ColumnType.BOOLEAN);

  private final List<StagedColumn> columns;
  private final Map<String, ColumnType> existing;

  ColumnTyping(List<StagedColumn> columns, Map<String, ColumnType> existing) {
    this.columns = columns;
    this.existing = existing;
  }

  /** The target types, one per staged column, checking the staged table where needed. */
  List<ColumnType> resolve(Connection connection) throws SQLException {
    List<Check> checks = checks();
    boolean[] fit = fit(connection, checks);
    List<ColumnType> types = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      types.add(type(i, checks, fit));
    }
    return types;
  }

  private ColumnType type(int index, List<Check> checks, boolean[] fit) {
    ColumnType current = existingType(index);
    return switch (columns.get(index).kind()) {
      case STRING -> ColumnType.VARCHAR;
      case TIMESTAMP -> fixed(ColumnType.TIMESTAMP, current);
      case INTEGER -> fixed(ColumnType.BIGINT, current);
      case INFERRED -> firstFit(index, checks, fit);
    };
  }

  /** A column of fixed type: kept if new, the same or VARCHAR; else VARCHAR. */
  private static ColumnType fixed(ColumnType type, ColumnType current) {
    return current == null || current == type ? type : ColumnType.VARCHAR;
  }

  private static ColumnType firstFit(int index, List<Check> checks, boolean[] fit) {
    for (int i = 0; i < checks.size(); i++) {
      if (checks.get(i).index() == index && fit[i]) {
        return checks.get(i).type();
      }
    }
    return ColumnType.VARCHAR;
  }

  private ColumnType existingType(int index) {
    return existing.get(TableSchema.key(columns.get(index).name()));
  }

  /** The types to try for inferred columns, in order of preference. */
  private List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).kind() == Kind.INFERRED) {
        ColumnType current = existingType(i);
        for (ColumnType type : current == null ? INFERABLE : List.of(current)) {
          checks.add(new Check(i, type));
        }
      }
    }
    return checks;
  }

  private static boolean[] fit(Connection connection, List<Check> checks) throws SQLException {
    boolean[] fit = new boolean[checks.size()];
    if (checks.isEmpty()) {
      return fit;
    }
    try (var statement = connection.createStatement();
        var result = statement.executeQuery(query(checks))) {
      result.next();
      for (int i = 0; i < fit.length; i++) {
        fit[i] = result.getBoolean(i + 1);
      }
    }
    return fit;
  }

  private static String query(List<Check> checks) {
    var select = new StringJoiner(", ", "SELECT ", " FROM " + StageTable.NAME + " AS s");
    for (Check check : checks) {
      String text = StageTable.ref(check.index());
      select.add(
          "coalesce(bool_and(CASE WHEN "
              + text
              + " IS NULL THEN true ELSE "
              + check.type().fits(text)
              + " END), true)");
    }
    return select.toString();
  }

  /** Whether every staged value of the column at {@code index} fits {@code type}. */
  private record Check(int index, ColumnType type) {}
}
