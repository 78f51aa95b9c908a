package dev.ferry.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What each revision export has published (SPEC §4): revisions in order from 1, without gaps.
 * Progress lives here, not in the bucket, so a revision a user deletes from the bucket is not
 * written again.
 */
public interface ExportLedger {

  /** The revisions {@code export} has published, ascending by number. */
  List<PublishedRevision> published(String export);

  /** The highest revision number {@code export} has published; 0 when none. */
  long lastPublished(String export);

  /**
   * Records that {@code export} has published {@code revision}.
   *
   * @throws StoreException unless {@code revision.number()} is {@link #lastPublished} + 1
   */
  void publish(String export, PublishedRevision revision);

  /** Forgets everything {@code export} has published, e.g. when the export is deleted. */
  void forget(String export);

  /**
   * One published revision file.
   *
   * @param number the revision number
   * @param key the object key it was written to
   * @param records the lines it holds
   * @param bytes its size
   * @param firstReceivedAt the revision's first receive time
   * @param lastReceivedAt the revision's last receive time
   */
  record PublishedRevision(
      long number,
      String key,
      long records,
      long bytes,
      Instant firstReceivedAt,
      Instant lastReceivedAt) {

    public PublishedRevision {
      if (number < 1) {
        throw new IllegalArgumentException("number must be 1 or more, was " + number);
      }
      Objects.requireNonNull(key, "key must not be null");
      Objects.requireNonNull(firstReceivedAt, "firstReceivedAt must not be null");
      Objects.requireNonNull(lastReceivedAt, "lastReceivedAt must not be null");
    }
  }
}
