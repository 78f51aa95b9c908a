package dev.ferry.store;

/**
 * What one append stored: sequences {@code firstSequence} to {@code firstSequence + count - 1}.
 *
 * @param firstSequence the sequence of the first appended record (the next free sequence when
 *     {@code count} is 0)
 * @param count how many records were appended
 */
public record Appended(long firstSequence, int count) {

  public Appended {
    if (firstSequence < 1 || count < 0) {
      throw new IllegalArgumentException(
          "invalid append result: first sequence " + firstSequence + ", count " + count);
    }
  }

  /** The sequence of the last appended record; {@code firstSequence - 1} when none was. */
  public long lastSequence() {
    return firstSequence + count - 1;
  }
}
