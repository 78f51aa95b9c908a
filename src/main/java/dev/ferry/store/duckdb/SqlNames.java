package dev.ferry.store.duckdb;

/** Quoting of the identifiers and literals that replicated tables put into SQL text. */
final class SqlNames {
  private SqlNames() {}

  /** {@code identifier} as a quoted identifier, embedded quotes doubled. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** {@code text} as a string literal, embedded quotes doubled. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** The name of the schema holding an integration's tables. */
  static String schema(String integration) {
    return "t_" + integration;
  }

  /** The quoted, schema-qualified name of an integration's table. */
  static String table(String integration, String table) {
    return quote(schema(integration)) + "." + quote(table);
  }
}
