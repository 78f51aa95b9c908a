package dev.ferry.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The object store port: flat buckets of immutable objects addressed by key.
 *
 * <p>Every method throws {@link ObjectStoreException} (unchecked) on failure, already classified:
 * {@link ObjectNotFoundException} for a missing bucket or key, {@link AccessDeniedException} for
 * wrong credentials or a missing permission, and {@link ObjectStoreException#retry()} saying
 * whether calling again can help. Implementations retry the calls that can help themselves before
 * giving up; a caller that gets an exception should not retry it again right away. Messages name
 * the bucket and key, never a secret.
 *
 * <p>Implementations are thread safe. {@link #close()} releases connections; streams and writers
 * still open fail afterwards.
 */
public interface ObjectStore extends AutoCloseable {

  /** The number of keys {@link #listAll} asks for per page. */
  int DEFAULT_PAGE_SIZE = 1000;

  /**
   * Lists one page of objects whose keys start with {@code prefix}, in lexicographic order of their
   * UTF-8 bytes, strictly after {@code startAfter}.
   *
   * @param prefix key prefix; empty lists the whole bucket
   * @param startAfter exclusive lower bound; {@code null} starts at the beginning
   * @param maxKeys at most this many objects, 1 to 1000
   * @throws ObjectNotFoundException if the bucket does not exist
   */
  ObjectListing list(String bucket, String prefix, String startAfter, int maxKeys);

  /**
   * Lists every object under {@code prefix}, paginating lazily in key order. Errors surface while
   * the stream is consumed.
   */
  default Stream<ObjectInfo> listAll(String bucket, String prefix) {
    Iterator<ObjectInfo> pages = new ListingIterator(this, bucket, prefix);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            pages, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
        false);
  }

  /**
   * Opens the object for reading from byte {@code offset} to its end. An offset equal to the size
   * gives an empty stream. If the connection drops mid-read, the stream reopens at the current
   * position (a bounded number of times) so the caller sees no gap.
   *
   * @throws ObjectNotFoundException if the key does not exist (at open time)
   * @throws IllegalArgumentException if {@code offset} is negative
   */
  InputStream open(String bucket, String key, long offset);

  /**
   * Describes one object.
   *
   * @throws ObjectNotFoundException if the key does not exist
   */
  ObjectInfo stat(String bucket, String key);

  /** Whether the key exists. */
  boolean exists(String bucket, String key);

  /**
   * Starts a new object that becomes visible only when the returned writer is closed; it replaces
   * any object under the key. Small objects are sent in one request; larger ones as a multipart
   * upload whose parts are sent as the writer's buffer fills, so memory stays bounded.
   */
  default ObjectWriter create(String bucket, String key) {
    return create(bucket, key, Upload.AUTOMATIC);
  }

  /** As {@link #create(String, String)}, choosing how the bytes are uploaded. */
  ObjectWriter create(String bucket, String key, Upload upload);

  /**
   * Uploads {@code file} as the object {@code key}, replacing any object there; the object appears
   * whole or not at all. Adapters send a file in one request where they can (a retry re-reads the
   * file); this default streams it through {@link #create(String, String)}.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  default void put(String bucket, String key, Path file) {
    ObjectWriter writer = create(bucket, key);
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(writer);
    } catch (IOException e) {
      writer.abort();
      throw new UncheckedIOException("Failed to read " + file + " for " + key, e);
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    writer.close();
  }

  /**
   * Copies {@code sourceKey} to {@code targetKey} in the same bucket, replacing any target.
   *
   * @throws ObjectNotFoundException if the source does not exist
   */
  void copy(String bucket, String sourceKey, String targetKey);

  /** Deletes the key. Deleting a key that does not exist succeeds and does nothing. */
  void delete(String bucket, String key);

  /** Creates the bucket; does nothing if it exists already and is ours. */
  void createBucket(String bucket);

  /** Whether the bucket exists and the credentials may see it. */
  boolean bucketExists(String bucket);

  @Override
  void close();

  /** How a writer uploads its bytes. */
  enum Upload {
    /** One request below the part size; a multipart upload at or above it. */
    AUTOMATIC,
    /**
     * A multipart upload started when the writer is created, whatever the size; {@link
     * ObjectWriter#abort()} then aborts that upload. Used to verify multipart permissions.
     */
    MULTIPART
  }
}
