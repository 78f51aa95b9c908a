package dev.ferry.ingest;

import dev.ferry.integration.BucketAccess;
import dev.ferry.integration.IntegrationException;
import dev.ferry.integration.IntegrationException.Reason;
import dev.ferry.objectstore.IntegrationKind;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.PermissionCheck;
import dev.ferry.objectstore.PermissionCheck.Outcome;

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
        Validation::refused);
    Previewer.preview(definition, objects, 1);
  }

  /**
   * A denied action, or a listing that could not be made (e.g. the bucket does not exist); reading
   * may stay unverified when there is no file yet to read.
   */
  private static boolean refused(PermissionCheck check) {
    return check.outcome() == Outcome.MISSING
        || check.outcome() == Outcome.NOT_VERIFIED
            && check.action().equals(IntegrationKind.S3Action.LIST_BUCKET.policyName());
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
