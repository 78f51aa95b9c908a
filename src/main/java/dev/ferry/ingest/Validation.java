package dev.ferry.ingest;

import dev.ferry.ingest.ImportException.Reason;
import dev.ferry.objectstore.AccessCheck;
import dev.ferry.objectstore.IntegrationKind;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.PermissionCheck;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks before an import is saved (SPEC §2.1): the permissions it needs, at least one matching
 * file, and that the first file parses. Each failure is one precise message.
 */
final class Validation {
  private Validation() {}

  static void check(ImportDefinition definition, ObjectStore objects) {
    checkAccess(definition, objects);
    Previewer.preview(definition, objects, 1);
  }

  private static void checkAccess(ImportDefinition definition, ObjectStore objects) {
    List<PermissionCheck> missing =
        AccessCheck.run(objects, IntegrationKind.IMPORT, definition.bucket(), definition.folder())
            .stream()
            .filter(check -> check.outcome() == PermissionCheck.Outcome.MISSING)
            .toList();
    if (!missing.isEmpty()) {
      throw new ImportException(
          Reason.VALIDATION_FAILED,
          "Ferry lacks permissions on bucket "
              + definition.bucket()
              + ": "
              + missing.stream()
                  .map(check -> check.action() + " (" + check.reason() + ")")
                  .collect(Collectors.joining("; "))
              + ". See `ferry policy --bucket "
              + definition.bucket()
              + " --for import`.");
    }
  }

  static ImportException noMatchingFile(ImportDefinition definition) {
    String stem = definition.baseFilename().substring(0, definition.baseFilename().length() - 4);
    return new ImportException(
        Reason.VALIDATION_FAILED,
        "No file in s3://"
            + definition.bucket()
            + "/"
            + definition.folder()
            + " matches "
            + stem
            + "*.csv or "
            + stem
            + "*.csv.gz");
  }
}
