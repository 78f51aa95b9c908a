package dev.ferry.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link ObjectStore} contract, run against every implementation. Subclasses provide the store
 * and an independent way to look at the bucket (not through the port under test).
 */
abstract class ObjectStoreContractTest {

  static final long PART_SIZE = S3Connection.MINIMUM_PART_SIZE;
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  protected ObjectStore store;
  protected String bucket;

  /** A store whose writers buffer {@code partSize} bytes before switching to multipart. */
  protected abstract ObjectStore newStore(long partSize);

  /** The object's bytes, read without the port. */
  protected abstract byte[] readIndependently(String bucket, String key);

  /** Keys of multipart uploads started and neither completed nor aborted, read without the port. */
  protected abstract List<String> pendingUploads(String bucket);

  @BeforeEach
  void createBucket() {
    store = newStore(PART_SIZE);
    bucket = "contract-" + BUCKETS.incrementAndGet() + "-" + System.nanoTime();
    store.createBucket(bucket);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void listsKeysInLexicographicByteOrder() {
    // no key that is also a "directory" of another key: file-system backends cannot hold both
    List<String> keys = List.of("b", "a/b", "a-b", "a.b", "a0", "A", "z/ä", "z/a", "0", "a/a/a");
    keys.forEach(key -> put(key, key));

    assertThat(store.list(bucket, "", null, 1000).objects())
        .extracting(ObjectInfo::key)
        .containsExactlyElementsOf(sortedByBytes(keys));
  }

  @Test
  void listsPastOneThousandKeysInPages() throws Exception {
    List<String> keys = putManyInParallel(1205);

    assertThat(store.listAll(bucket, "").map(ObjectInfo::key).toList())
        .containsExactlyElementsOf(keys);
    assertThat(store.list(bucket, "", null, 1000).nextStartAfter()).contains(keys.get(999));
    assertThat(listInPagesOf(97)).containsExactlyElementsOf(keys);
  }

  @Test
  void listStartsStrictlyAfterTheGivenKey() {
    List.of("k1", "k2", "k3", "k4").forEach(key -> put(key, key));

    ObjectListing listing = store.list(bucket, "", "k2", 1000);

    assertThat(listing.objects()).extracting(ObjectInfo::key).containsExactly("k3", "k4");
    assertThat(listing.nextStartAfter()).isEmpty();
    assertThat(store.list(bucket, "", "k25", 1).nextStartAfter()).contains("k3");
  }

  @Test
  void listFiltersByPrefix() {
    List.of("in/a.csv", "in/b.csv", "inbox/c.csv", "out/d.csv").forEach(key -> put(key, key));

    assertThat(store.listAll(bucket, "in/").map(ObjectInfo::key))
        .containsExactly("in/a.csv", "in/b.csv");
    assertThat(store.listAll(bucket, "nothing/")).isEmpty();
  }

  @Test
  void listReportsSizeAndEtag() {
    put("sized", "12345");

    ObjectInfo info = store.list(bucket, "", null, 10).objects().get(0);

    assertThat(info.size()).isEqualTo(5);
    assertThat(info.etag()).isNotBlank().doesNotContain("\"");
    assertThat(store.stat(bucket, "sized")).isEqualTo(info);
  }

  @Test
  void listOfMissingBucketFailsAsNotFound() {
    assertThatThrownBy(() -> store.list("no-such-bucket-here", "", null, 10))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessageStartingWith("Failed to list s3://no-such-bucket-here");
  }

  @Test
  void opensAtByteOffsets() {
    put("digits", "0123456789");

    assertThat(read("digits", 0)).isEqualTo("0123456789");
    assertThat(read("digits", 4)).isEqualTo("456789");
    assertThat(read("digits", 9)).isEqualTo("9");
    assertThat(read("digits", 10)).isEmpty();
  }

  @Test
  void opensAnEmptyObject() {
    put("empty", "");

    assertThat(read("empty", 0)).isEmpty();
  }

  @Test
  void openOfMissingKeyFailsAsNotFoundNamingBucketAndKey() {
    assertThatThrownBy(() -> store.open(bucket, "missing/key.csv", 0))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessageStartingWith("Failed to read s3://" + bucket + "/missing/key.csv: ")
        .satisfies(e -> assertThat(((ObjectStoreException) e).canRetryHelp()).isFalse());
  }

  @Test
  void statOfMissingKeyFailsAsNotFound() {
    assertThatThrownBy(() -> store.stat(bucket, "gone"))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessageContaining("s3://" + bucket + "/gone");
    assertThat(store.exists(bucket, "gone")).isFalse();
  }

  @Test
  void writerCommitsOnlyOnClose() {
    ObjectWriter writer = store.create(bucket, "later");
    writer.write("hello".getBytes(UTF_8), 0, 5);

    assertThat(store.exists(bucket, "later")).isFalse();
    writer.close();

    assertThat(readIndependently(bucket, "later")).asString(UTF_8).isEqualTo("hello");
  }

  @Test
  void abortOfSmallWriterLeavesNothing() {
    ObjectWriter writer = store.create(bucket, "small");
    writer.write(new byte[100], 0, 100);
    writer.abort();
    writer.close();

    assertThat(store.exists(bucket, "small")).isFalse();
    assertThat(pendingUploads(bucket)).isEmpty();
  }

  @Test
  void abortOfMultipartWriterLeavesNoObjectAndNoPendingUpload() {
    ObjectWriter writer = store.create(bucket, "big");
    byte[] data = randomBytes((int) PART_SIZE + 1000);
    writer.write(data, 0, data.length);
    assertThat(pendingUploads(bucket)).containsExactly("big");

    writer.abort();

    assertThat(pendingUploads(bucket)).isEmpty();
    assertThat(store.exists(bucket, "big")).isFalse();
    assertThat(store.listAll(bucket, "")).isEmpty();
  }

  @Test
  void abortKeepsThePreviousObject() {
    put("kept", "old");

    ObjectWriter writer = store.create(bucket, "kept", ObjectStore.Upload.MULTIPART);
    writer.write("new".getBytes(UTF_8), 0, 3);
    writer.abort();

    assertThat(readIndependently(bucket, "kept")).asString(UTF_8).isEqualTo("old");
    assertThat(pendingUploads(bucket)).isEmpty();
  }

  @Test
  void putsAFileReplacingAnyObjectUnderTheKey(@TempDir Path dir) throws Exception {
    byte[] data = randomBytes((int) (2 * PART_SIZE) + 777);
    Path file = Files.write(dir.resolve("file.bin"), data);
    store.put(bucket, "file", Files.write(dir.resolve("old.bin"), randomBytes(10)));

    store.put(bucket, "file", file);

    assertThat(readIndependently(bucket, "file")).isEqualTo(data);
    assertThat(pendingUploads(bucket)).isEmpty();
  }

  @Test
  void putOfAMissingFileFailsAndWritesNothing(@TempDir Path dir) {
    assertThatThrownBy(() -> store.put(bucket, "none", dir.resolve("missing")))
        .isInstanceOf(RuntimeException.class);
    assertThat(store.exists(bucket, "none")).isFalse();
  }

  @Test
  void multipartWriterCommitsAllParts() {
    byte[] data = randomBytes((int) (2 * PART_SIZE) + 12_345);

    try (ObjectWriter writer = store.create(bucket, "parts")) {
      writer.write(data, 0, 7);
      writer.write(data, 7, data.length - 7);
    }

    assertThat(readIndependently(bucket, "parts")).isEqualTo(data);
    assertThat(store.stat(bucket, "parts").size()).isEqualTo(data.length);
    assertThat(pendingUploads(bucket)).isEmpty();
  }

  @Test
  void multipartUploadModeCommitsSmallObjects() {
    ObjectWriter writer = store.create(bucket, "tiny", ObjectStore.Upload.MULTIPART);
    assertThat(pendingUploads(bucket)).containsExactly("tiny");
    writer.write('x');
    writer.close();

    assertThat(readIndependently(bucket, "tiny")).asString(UTF_8).isEqualTo("x");
    assertThat(pendingUploads(bucket)).isEmpty();
  }

  @Test
  void writerRefusesWritesAfterClose() {
    ObjectWriter writer = store.create(bucket, "closed");
    writer.close();

    assertThatThrownBy(() -> writer.write(1)).isInstanceOf(IllegalStateException.class);
    assertThat(readIndependently(bucket, "closed")).isEmpty();
  }

  @Test
  void copiesAnObject() {
    put("source", "payload");

    store.copy(bucket, "source", "target");

    assertThat(readIndependently(bucket, "target")).asString(UTF_8).isEqualTo("payload");
    assertThat(readIndependently(bucket, "source")).asString(UTF_8).isEqualTo("payload");
  }

  @Test
  void copyOfMissingSourceFailsAsNotFound() {
    assertThatThrownBy(() -> store.copy(bucket, "nope", "target"))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessageContaining("s3://" + bucket + "/nope");
  }

  @Test
  void deletesAnObject() {
    put("doomed", "x");
    put("survivor", "y");

    store.delete(bucket, "doomed");

    assertThat(store.listAll(bucket, "").map(ObjectInfo::key)).containsExactly("survivor");
  }

  @Test
  void deletingAMissingKeySucceeds() {
    store.delete(bucket, "never-existed");

    assertThat(store.exists(bucket, "never-existed")).isFalse();
  }

  @Test
  void createBucketIsIdempotent() {
    put("inside", "x");

    store.createBucket(bucket);

    assertThat(store.bucketExists(bucket)).isTrue();
    assertThat(store.exists(bucket, "inside")).isTrue();
    assertThat(store.bucketExists("missing-bucket-" + System.nanoTime())).isFalse();
  }

  protected void put(String key, String content) {
    byte[] bytes = content.getBytes(UTF_8);
    try (ObjectWriter writer = store.create(bucket, key)) {
      writer.write(bytes, 0, bytes.length);
    }
  }

  protected String read(String key, long offset) {
    try (InputStream in = store.open(bucket, key, offset)) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> putManyInParallel(int count) throws Exception {
    List<String> keys = IntStream.range(0, count).mapToObj(i -> "many/%05d".formatted(i)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> puts = new ArrayList<>();
      keys.forEach(key -> puts.add(pool.submit(() -> put(key, key))));
      for (Future<?> put : puts) {
        put.get();
      }
    } finally {
      pool.shutdown();
    }
    return keys;
  }

  private List<String> listInPagesOf(int size) {
    List<String> keys = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      ObjectListing page = store.list(bucket, "many/", after.orElse(null), size);
      assertThat(page.objects().size()).isLessThanOrEqualTo(size);
      page.objects().forEach(info -> keys.add(info.key()));
      after = page.nextStartAfter();
    } while (after.isPresent());
    return keys;
  }

  static List<String> sortedByBytes(List<String> keys) {
    List<String> sorted = new ArrayList<>(keys);
    Collections.sort(
        sorted, (a, b) -> Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8)));
    return sorted;
  }

  static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
