package dev.ferry.tables;

import dev.ferry.ingest.csv.CsvFileException;
import dev.ferry.integration.BucketAccess;
import dev.ferry.integration.DefinitionException;
import dev.ferry.integration.Fields;
import dev.ferry.integration.IntegrationException;
import dev.ferry.integration.IntegrationException.Reason;
import dev.ferry.objectstore.IntegrationKind;
import dev.ferry.objectstore.ObjectInfo;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.objectstore.PermissionCheck;
import dev.ferry.objectstore.PermissionCheck.Outcome;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Checks before a table integration is saved: the bucket can be listed and read, and each table's
 * pattern matches at least one file under its prefix whose header has the primary-key fields. Each
 * failure is one message naming the setting.
 */
final class TableCheck {
  private TableCheck() {}

  static void check(TableIntegration integration, ObjectStore objects) {
    BucketAccess.require(
        objects, IntegrationKind.TABLES, integration.bucket(), "", TableCheck::refused);
    for (int i = 0; i < integration.tables().size(); i++) {
      check(integration.bucket(), integration.tables().get(i), objects, entry(i));
    }
  }

  private static void check(String bucket, TableSpec table, ObjectStore objects, Fields entry) {
    List<ObjectInfo> files = TableFiles.matching(objects, bucket, table);
    if (files.isEmpty()) {
      throw entry.invalid(
          "search-pattern",
          table.searchPattern().pattern(),
          "no file under s3://" + bucket + "/" + table.searchPrefix() + " matches it");
    }
    String first = files.get(0).key();
    try {
      FileColumns.of(TableFiles.header(objects, bucket, table, first), table);
    } catch (TableFileException e) {
      throw entry.invalid("primary-key", table.primaryKey(), e.getMessage() + " (" + first + ")");
    } catch (CsvFileException e) {
      throw new DefinitionException(unreadable(bucket, first, e));
    } catch (UncheckedIOException | ObjectStoreException e) {
      throw new IntegrationException(Reason.VALIDATION_FAILED, unreadable(bucket, first, e));
    }
  }

  private static String unreadable(String bucket, String key, RuntimeException e) {
    return "Failed to read the header of s3://" + bucket + "/" + key + ": " + e.getMessage();
  }

  /** A denied action, or a listing that could not be made; reading may stay unverified. */
  private static boolean refused(PermissionCheck check) {
    return check.outcome() == Outcome.MISSING
        || check.outcome() == Outcome.NOT_VERIFIED
            && check.action().equals(IntegrationKind.S3Action.LIST_BUCKET.policyName());
  }

  private static Fields entry(int index) {
    return new Fields("tables[" + index + "].", Map.of());
  }
}
