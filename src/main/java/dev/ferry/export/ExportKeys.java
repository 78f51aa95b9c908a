package dev.ferry.export;

/** The keys a revision export writes, all under its prefix (SPEC §4). */
final class ExportKeys {
  private ExportKeys() {}

  /** The key relative to the prefix, as {@code index.csv} names it: {@code revisions/N.json}. */
  static String revisionFile(long number) {
    return "revisions/" + number + ".json";
  }

  static String revision(RevisionExportDefinition definition, long number) {
    return definition.prefix() + revisionFile(number);
  }

  static String index(RevisionExportDefinition definition) {
    return definition.prefix() + "index.csv";
  }

  static String status(RevisionExportDefinition definition) {
    return definition.prefix() + "status.csv";
  }
}
