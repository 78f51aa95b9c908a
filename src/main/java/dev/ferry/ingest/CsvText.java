package dev.ferry.ingest;

/** RFC 4180 quoting for the rejects file. */
final class CsvText {
  private CsvText() {}

  static String quote(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
