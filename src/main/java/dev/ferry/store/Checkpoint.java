package dev.ferry.store;

import java.util.Objects;

/**
 * How far an integration has consumed one object. Identified by {@code (integration, objectKey)};
 * the object version by {@code etag} and {@code size}.
 *
 * @param integration the integration's name
 * @param objectKey the object's key
 * @param etag the object's ETag when it was read
 * @param size the object's size in bytes
 * @param recordIndex how many data rows of the object have been consumed (imported or rejected)
 * @param byteOffset the byte offset in the object where reading resumes
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
    if (byteOffset > size) {
      throw new IllegalArgumentException(
          "byteOffset " + byteOffset + " is past the object's size " + size);
    }
  }

  private static void requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, was " + value);
    }
  }
}
