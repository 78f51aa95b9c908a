package dev.ferry.export;

import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kissmetrics' duplicate rule (SPEC §1) within one revision: two records are duplicates when kind,
 * identity (and second identity), event name, timestamp to the second and all property names and
 * values (in any order) are equal. The first one seen is kept.
 *
 * <p>Each record's fields are digested with MD5 into 128 bits, and only the digests are kept: 16
 * bytes per distinct record in a {@link DigestSet}, so a revision of a million records needs about
 * 32 MB. Two different records share a digest with a probability far below that of a disk error.
 */
final class DuplicateFilter {
  private final MessageDigest md5 = newDigest();
  private final DigestSet seen = new DigestSet();

  /** Whether {@code record} is the first of its kind in this revision (and remembers it). */
  boolean first(Record record) {
    md5.reset();
    field(record.kind().name());
    field(record.identity());
    field(record instanceof Alias alias ? alias.secondIdentity() : "");
    field(record instanceof Event event ? event.name() : "");
    field(Long.toString(Math.floorDiv(record.timestamp().toEpochMilli(), 1000)));
    for (Map.Entry<String, String> property : sorted(record).entrySet()) {
      field(property.getKey());
      field(property.getValue());
    }
    ByteBuffer digest = ByteBuffer.wrap(md5.digest());
    return seen.add(digest.getLong(), digest.getLong());
  }

  private static Map<String, String> sorted(Record record) {
    if (record instanceof Event event) {
      return new TreeMap<>(event.properties());
    }
    if (record instanceof dev.ferry.event.SetProperties set) {
      return new TreeMap<>(set.properties());
    }
    return Map.of();
  }

  /** A length-prefixed field, so that no two different field lists give the same bytes. */
  private void field(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    md5.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    md5.update(bytes);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no MD5", e);
    }
  }
}
