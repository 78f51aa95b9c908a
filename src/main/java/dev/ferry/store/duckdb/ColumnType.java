package dev.ferry.store.duckdb;

import dev.ferry.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The DuckDB types of replicated table columns: how staged text fits, becomes and is read. */
enum ColumnType {
  VARCHAR {
    @Override
    String fits(String text) {
      return "true";
    }

    @Override
    String value(String text) {
      return text;
    }

    @Override
    Object read(ResultSet row, int column) throws SQLException {
      return row.getString(column);
    }
  },
  BIGINT {
    @Override
    String fits(String text) {
      return matches(text, "[+-]?(0|[1-9][0-9]*)") + " AND " + casts(text);
    }

    @Override
    Object read(ResultSet row, int column) throws SQLException {
      long value = row.getLong(column);
      return row.wasNull() ? null : value;
    }
  },
  DOUBLE {
    @Override
    String fits(String text) {
      return matches(text, "[+-]?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?")
          + " AND "
          + casts(text);
    }

    @Override
    Object read(ResultSet row, int column) throws SQLException {
      double value = row.getDouble(column);
      return row.wasNull() ? null : value;
    }
  },
  BOOLEAN {
    @Override
    String fits(String text) {
      return "lower(" + text + ") IN ('true', 'false')";
    }

    @Override
    Object read(ResultSet row, int column) throws SQLException {
      boolean value = row.getBoolean(column);
      return row.wasNull() ? null : value;
    }
  },
  TIMESTAMP {
    @Override
    String value(String text) {
      return "CAST(" + text + " AS TIMESTAMP)";
    }

    @Override
    String select(String column) {
      return "epoch_us(" + column + ")";
    }

    @Override
    Object read(ResultSet row, int column) throws SQLException {
      long micros = row.getLong(column);
      return row.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
  };

  /** The type of a column whose DuckDB type is {@code name}. */
  static ColumnType of(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new StoreException("Replicated tables hold no columns of type " + name, e);
    }
  }

  /**
   * SQL that is true when the non-NULL text {@code text} (an expression) is a value of this type
   * written plainly: numbers without leading zeros or blanks (so codes such as {@code 007} stay
   * text), booleans as {@code true} or {@code false} in any case.
   */
  String fits(String text) {
    return casts(text);
  }

  /** SQL turning the text {@code text} (an expression) into a value of this type. */
  String value(String text) {
    return "CAST(" + text + " AS " + name() + ")";
  }

  String casts(String text) {
    return "TRY_CAST(" + text + " AS " + name() + ") IS NOT NULL";
  }

  private static String matches(String text, String pattern) {
    return "regexp_full_match(" + text + ", '" + pattern + "')";
  }

  /** SQL selecting {@code column} (quoted) for {@link #read}. */
  String select(String column) {
    return column;
  }

  /** The value selected by {@link #select} at {@code column} of {@code row}. */
  abstract Object read(ResultSet row, int column) throws SQLException;
}
