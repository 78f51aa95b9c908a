package dev.ferry.store;

import java.util.Objects;

/**
 * How far an integration has consumed one version of an object. Identified by {@code (integration,
 * objectKey, etag, size)}: the same key with another ETag or size is another file (SPEC 2.3).
 *
 * @param integration the integration's name
 * @param objectKey the object's key
 * @param etag the object's ETag when it was read
 * @param size the object's size in bytes
 * @param recordIndex how many data rows of the object have been consumed (imported or rejected)
 * @param byteOffset where reading resumes: a byte offset in the object, or in its decompressed
 *     content for a compressed object (so it may exceed {@code size})
 * @param done whether the object has been consumed completely
 */
public record Checkpoint(
    String integration,
    String objectKey,
    String etag,
    long size,
    long recordIndex,
    long byteOffset,
    boolean done) {

  public Checkpoint {
    Objects.requireNonNull(integration, "integration must not be null");
    Objects.requireNonNull(objectKey, "objectKey must not be null");
    Objects.requireNonNull(etag, "etag must not be null");
    requireNotNegative("size", size);
    requireNotNegative("recordIndex", recordIndex);
    requireNotNegative("byteOffset", byteOffset);
  }

  private static void requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, was " + value);
    }
  }
}
