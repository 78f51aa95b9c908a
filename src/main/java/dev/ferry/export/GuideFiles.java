package dev.ferry.export;

import dev.ferry.export.format.KmIndexFiles;
import dev.ferry.faults.CrashPoints;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectWriter;
import dev.ferry.store.ExportLedger.PublishedRevision;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites {@code index.csv} and then {@code status.csv} from what the ledger says is published, so
 * {@code status.csv}, written last, never claims a revision that is not in the bucket.
 */
final class GuideFiles {
  private GuideFiles() {}

  static void write(
      RevisionExportDefinition definition,
      ObjectStore objects,
      List<PublishedRevision> published,
      long totalRevisions) {
    CrashPoints.reach("export-before-index");
    put(objects, definition.bucket(), ExportKeys.index(definition), index(published));
    CrashPoints.reach("export-before-status");
    Optional<PublishedRevision> last =
        published.isEmpty() ? Optional.empty() : Optional.of(published.get(published.size() - 1));
    String status =
        KmIndexFiles.status(
            totalRevisions, published.size(), last.map(PublishedRevision::lastReceivedAt));
    put(objects, definition.bucket(), ExportKeys.status(definition), status);
    CrashPoints.reach("export-after-status");
  }

  private static String index(List<PublishedRevision> published) {
    return KmIndexFiles.index(
        published.stream()
            .map(
                p ->
                    new KmIndexFiles.Entry(
                        ExportKeys.revisionFile(p.number()),
                        p.firstReceivedAt(),
                        p.lastReceivedAt()))
            .toList());
  }

  private static void put(ObjectStore objects, String bucket, String key, String text) {
    ObjectWriter writer = objects.create(bucket, key);
    try {
      writer.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    writer.close();
  }
}
