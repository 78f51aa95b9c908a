package dev.ferry.ingest;

/**
 * Which keys an import picks up (SPEC §2.1): base filename {@code accounts.csv} matches every key
 * directly in the folder of the form {@code accounts*.csv} or {@code accounts*.csv.gz}. Keys in
 * sub-folders, {@code completed_imports/} and {@code failed_imports/} among them, never match.
 */
final class FileMatcher {
  private static final String CSV = ".csv";
  private static final String GZIP = ".csv.gz";

  private final String folder;
  private final String stem;

  FileMatcher(String folder, String baseFilename) {
    this.folder = folder;
    this.stem = baseFilename.substring(0, baseFilename.length() - CSV.length());
  }

  /** The narrowest prefix to list under. */
  String listPrefix() {
    return folder + stem;
  }

  boolean matches(String key) {
    if (!key.startsWith(folder)) {
      return false;
    }
    String name = key.substring(folder.length());
    return name.indexOf('/') < 0
        && name.startsWith(stem)
        && (name.endsWith(CSV) && name.length() >= stem.length() + CSV.length()
            || name.endsWith(GZIP) && name.length() >= stem.length() + GZIP.length());
  }

  static boolean isGzip(String key) {
    return key.endsWith(GZIP);
  }

  /** The file name of a key: what follows its last {@code /}. */
  static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }
}
