package dev.ferry.ingest.csv;

/** Formats shared by the tests. */
final class ImportFormatsForTests {
  static final ImportFormat DEFAULT = ImportFormat.defaults();

  private ImportFormatsForTests() {}
}
