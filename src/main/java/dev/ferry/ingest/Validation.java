package dev.ferry.ingest;

import dev.ferry.integration.BucketAccess;
import dev.ferry.integration.IntegrationException;
import dev.ferry.integration.IntegrationException.Reason;
import dev.ferry.objectstore.IntegrationKind;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.PermissionCheck.Outcome;
import java.util.Set;

/**
 * Checks before an import is saved (SPEC §2.1): the permissions it needs, at least one matching
 * file, and that the first file parses. Each failure is one precise message.
 */
final class Validation {
  private Validation() {}

  static void check(ImportDefinition definition, ObjectStore objects) {
    BucketAccess.require(
        objects,
        IntegrationKind.IMPORT,
        definition.bucket(),
        definition.folder(),
        Set.of(Outcome.MISSING));
    Previewer.preview(definition, objects, 1);
  }

  static IntegrationException noMatchingFile(ImportDefinition definition) {
    String stem = definition.baseFilename().substring(0, definition.baseFilename().length() - 4);
    return new IntegrationException(
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
