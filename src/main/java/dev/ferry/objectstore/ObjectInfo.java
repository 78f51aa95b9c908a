package dev.ferry.objectstore;

import java.time.Instant;
import java.util.Objects;

/**
 * What the store knows about one object.
 *
 * @param key the full object key
 * @param size the length in bytes
 * @param etag the entity tag as the store reports it, without surrounding quotes
 * @param lastModified when the object was last written
 */
public record ObjectInfo(String key, long size, String etag, Instant lastModified) {

  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(lastModified, "lastModified");
    if (size < 0) {
      throw new IllegalArgumentException("Object size must not be negative: " + size);
    }
    etag = unquote(etag);
  }

  private static String unquote(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1)
        : etag;
  }
}
