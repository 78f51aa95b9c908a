package dev.ferry.ingest;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Where finished files go (SPEC §2.3): {@code completed_imports/YYYY/MM/DD/NAME} or {@code
 * failed_imports/YYYY/MM/DD/NAME} at the bucket's root, UTC date of completion, the key's folder
 * dropped. A taken name gets a numeric suffix before its extension ({@code accounts-1.csv});
 * nothing is overwritten.
 */
final class DestinationKeys {
  static final String COMPLETED = "completed_imports/";
  static final String FAILED = "failed_imports/";
  static final String REJECTS_SUFFIX = ".rejected.csv";
  static final String ERROR_SUFFIX = ".error.txt";

  private DestinationKeys() {}

  static String completed(LocalDate day, String sourceKey, Predicate<String> taken) {
    return free(COMPLETED, day, sourceKey, taken);
  }

  static String failed(LocalDate day, String sourceKey, Predicate<String> taken) {
    return free(FAILED, day, sourceKey, taken);
  }

  private static String free(
      String root, LocalDate day, String sourceKey, Predicate<String> taken) {
    String folder =
        String.format(
            Locale.ROOT,
            "%s%04d/%02d/%02d/",
            root,
            day.getYear(),
            day.getMonthValue(),
            day.getDayOfMonth());
    String name = FileMatcher.fileName(sourceKey);
    String candidate = folder + name;
    for (int suffix = 1; taken.test(candidate); suffix++) {
      candidate = folder + withSuffix(name, suffix);
    }
    return candidate;
  }

  static String withSuffix(String name, int suffix) {
    int extension = name.endsWith(".csv.gz") ? name.length() - 7 : name.lastIndexOf('.');
    if (extension <= 0) {
      return name + "-" + suffix;
    }
    return name.substring(0, extension) + "-" + suffix + name.substring(extension);
  }
}
