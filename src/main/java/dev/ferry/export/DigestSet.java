package dev.ferry.export;

/** A set of 128-bit values in two open-addressing arrays, kept at most half full. */
final class DigestSet {
  private long[] high = new long[1024];
  private long[] low = new long[1024];
  private boolean hasZero;
  private int size;

  /** Adds the value; returns whether it was new. */
  boolean add(long h, long l) {
    if (h == 0 && l == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (2 * (size + 1) > high.length) {
      grow();
    }
    if (!insert(high, low, h, l)) {
      return false;
    }
    size++;
    return true;
  }

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  private static boolean insert(long[] high, long[] low, long h, long l) {
    int mask = high.length - 1;
    int slot = (int) (l ^ (l >>> 32)) & mask;
    while (high[slot] != 0 || low[slot] != 0) {
      if (high[slot] == h && low[slot] == l) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    high[slot] = h;
    low[slot] = l;
    return true;
  }

  private void grow() {
    long[] newHigh = new long[high.length * 2];
    long[] newLow = new long[low.length * 2];
    for (int i = 0; i < high.length; i++) {
      if (high[i] != 0 || low[i] != 0) {
        insert(newHigh, newLow, high[i], low[i]);
      }
    }
    high = newHigh;
    low = newLow;
  }
}
