package dev.ferry.store;

import java.util.List;
import java.util.Optional;

/**
 * The revisions of the record log. Records are grouped in receive order into revisions numbered 1,
 * 2, 3, … without gaps; a revision holds at least one record. At most one revision is open: appends
 * go to it. It closes, following the store's {@link RevisionPolicy}, when its window has ended
 * ({@code clock.instant() >= firstReceivedAt + window}) or when it reached the maximum record
 * count; the next append then opens the next revision. A batch may span revisions.
 *
 * <p>Closing by window is lazy and driven by the store's clock: it happens in {@link #closeDue()},
 * at the start of every append, and before every query of this interface, so a reader never sees a
 * revision open whose window has ended.
 */
public interface Revisions {

  /** Closes the open revision if its window has ended; returns whether it did. */
  boolean closeDue();

  /** The closed revisions numbered above {@code afterNumber}, ascending, at most {@code limit}. */
  List<Revision> closed(long afterNumber, int limit);

  /** The open revision, or empty when there is none. */
  Optional<Revision> open();

  /** Revision {@code number}, open or closed, or empty when it does not exist (yet). */
  Optional<Revision> revision(long number);

  /** The highest closed revision number; 0 when none is closed. */
  long lastClosedNumber();
}
