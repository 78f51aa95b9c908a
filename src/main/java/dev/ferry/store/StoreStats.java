package dev.ferry.store;

/**
 * Counts that describe the store's contents, for a user looking at the data.
 *
 * @param events how many event records are stored
 * @param properties how many properties records are stored
 * @param aliases how many alias records are stored
 * @param openRevisions how many revisions are open (0 or 1)
 * @param closedRevisions how many revisions are closed
 * @param lastSequence the sequence of the last record; 0 when there is none
 */
public record StoreStats(
    long events,
    long properties,
    long aliases,
    long openRevisions,
    long closedRevisions,
    long lastSequence) {

  /** How many records are stored. */
  public long records() {
    return events + properties + aliases;
  }
}
