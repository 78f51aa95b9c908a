package dev.ferry.export;

import dev.ferry.export.RevisionExportDefinition.Cutoff;
import dev.ferry.store.Revision;
import dev.ferry.store.Revisions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The closed revisions after the last published one that are ready: with {@link Cutoff#YESTERDAY}
 * those whose window ended by the start of today (UTC), as Kissmetrics exports "up to yesterday";
 * with {@link Cutoff#CLOSED} every closed one. Revisions close in number order, so the ready ones
 * are a run of consecutive numbers.
 */
final class ReadyRevisions {
  private static final int PAGE = 1000;

  private ReadyRevisions() {}

  static List<Revision> after(Revisions revisions, long lastPublished, Cutoff cutoff, Instant now) {
    Instant limit =
        cutoff == Cutoff.YESTERDAY
            ? now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant()
            : Instant.MAX;
    List<Revision> ready = new ArrayList<>();
    long after = lastPublished;
    while (true) {
      List<Revision> page = revisions.closed(after, PAGE);
      for (Revision revision : page) {
        if (revision.closedAt().isAfter(limit)) {
          return ready;
        }
        ready.add(revision);
      }
      if (page.size() < PAGE) {
        return ready;
      }
      after = page.get(page.size() - 1).number();
    }
  }
}
