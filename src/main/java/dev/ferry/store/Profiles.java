package dev.ferry.store;

/**
 * The profiles of the record log (SPEC §1): aliases link identities into groups (the connected
 * components of the alias graph: A→B and B→C link all three), and each group that appears in any
 * record has one {@link Profile}.
 *
 * <p>A cursor reads a snapshot taken when it is opened: records appended later do not change it.
 * Profiles come in order of their canonical identity, compared by Unicode code point (UTF-8 byte
 * order).
 */
public interface Profiles {

  /** Every profile, from all records stored when the cursor is opened. */
  default ProfileCursor profiles() {
    return profiles(Long.MAX_VALUE);
  }

  /**
   * Every profile, from the records with sequence {@code <= upToSequence} only, so an export run
   * sees the same profiles however many records arrive meanwhile.
   */
  ProfileCursor profiles(long upToSequence);
}
