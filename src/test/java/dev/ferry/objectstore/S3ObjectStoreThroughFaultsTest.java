package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.Fault;
import dev.ferry.testing.FaultyProxy;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every operation of the port completes with the same result when an HTTP proxy between Ferry and
 * the embedded S3 fails about 10 % of requests (500, 503, connection resets, stalled responses).
 * Written data is checked through a raw SDK client straight to the server, not through the proxy.
 */
class S3ObjectStoreThroughFaultsTest {

  private static final long SEED = 20240607L;
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration STALL = Duration.ofSeconds(3);
  private static final int SMALL_OBJECTS = 200;
  private static final int LARGE_OBJECTS = 3;
  private static final int LARGE_SIZE = 20 * 1024 * 1024;
  private static final int PAGE = 50;

  @TempDir static Path directory;
  static EmbeddedS3 server;
  static S3Client raw;

  /** The highest attempt number any call needed, read off the backoff delays. */
  private final AtomicInteger highestAttempt = new AtomicInteger(1);

  @BeforeAll
  static void startServer() {
    server = EmbeddedS3.start(directory, "127.0.0.1", 0, EmbeddedS3.generateKeys());
    raw = S3Clients.create(server.connection());
  }

  @AfterAll
  static void stopServer() {
    raw.close();
    server.close();
  }

  @Test
  void everyOperationCompletesWithTheSameResultThroughTenPercentFaults() throws Exception {
    long start = System.nanoTime();
    Outcome clean;
    try (FaultyProxy proxy = FaultyProxy.to(server.endpoint()).rate(0).start()) {
      clean = runWorkload(proxy, "clean");
    }
    try (FaultyProxy proxy =
        FaultyProxy.to(server.endpoint()).rate(0.10).seed(SEED).stall(STALL).start()) {
      long faultFree = System.nanoTime();
      Outcome faulty = runWorkload(proxy, "faulty");
      long end = System.nanoTime();

      System.out.printf(
          "Fault-free run %d ms; through faults %d ms: %d requests, injected %s, highest attempt"
              + " %d%n",
          (faultFree - start) / 1_000_000,
          (end - faultFree) / 1_000_000,
          proxy.requests(),
          proxy.injected(),
          highestAttempt.get());
      assertThat(proxy.possible())
          .isNotEmpty()
          .allSatisfy(
              fault -> assertThat(proxy.injected(fault)).as("%s injected", fault).isPositive());
      assertThat(faulty).isEqualTo(clean);
    }
  }

  /** What a workload leaves in its bucket: keys in listing order with their size and digest. */
  record Outcome(List<String> listedKeys, Map<String, String> digests) {}

  private Outcome runWorkload(FaultyProxy proxy, String bucket) throws Exception {
    try (ObjectStore store = storeThrough(proxy)) {
      store.createBucket(bucket);
      Map<String, String> written = writeAll(store, bucket);
      assertThat(listInPages(store, bucket)).containsExactlyElementsOf(written.keySet());
      for (Map.Entry<String, String> object : written.entrySet()) {
        assertThat(digest(store.open(bucket, object.getKey(), 0))).isEqualTo(object.getValue());
        assertThat(rawDigest(bucket, object.getKey())).isEqualTo(object.getValue());
      }
      copyAndDelete(store, bucket, written);
      return new Outcome(listInPages(store, bucket), rawDigests(bucket));
    }
  }

  private ObjectStore storeThrough(FaultyProxy proxy) {
    S3Connection connection =
        S3Connection.endpoint(proxy.endpoint(), server.keys())
            .withPartSize(S3Connection.MINIMUM_PART_SIZE)
            .withTimeouts(SOCKET_TIMEOUT, SOCKET_TIMEOUT);
    Retrier retrier =
        new Retrier(8, Duration.ofMillis(5), Duration.ofSeconds(10), this::recordAndSleep);
    return S3ObjectStore.connect(connection, retrier);
  }

  private void recordAndSleep(Duration delay) throws InterruptedException {
    int attempt = 2 + Long.numberOfTrailingZeros(delay.toMillis() / 5);
    highestAttempt.accumulateAndGet(attempt, Math::max);
    Thread.sleep(delay.toMillis());
  }

  private static Map<String, String> writeAll(ObjectStore store, String bucket) throws Exception {
    Map<String, String> written = new TreeMap<>();
    for (int i = 0; i < SMALL_OBJECTS; i++) {
      String key = String.format("small/%03d", i);
      written.put(key, write(store, bucket, key, 1 + new Random(i).nextInt(20_000), i));
    }
    for (int i = 0; i < LARGE_OBJECTS; i++) {
      written.put("large/" + i, write(store, bucket, "large/" + i, LARGE_SIZE, 1000 + i));
    }
    return written;
  }

  /** Writes {@code size} seeded random bytes in 1 MiB chunks; returns their SHA-256. */
  private static String write(ObjectStore store, String bucket, String key, int size, long seed)
      throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Random random = new Random(seed);
    byte[] chunk = new byte[1024 * 1024];
    try (ObjectWriter writer = store.create(bucket, key)) {
      for (int left = size; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        int n = Math.min(left, chunk.length);
        sha.update(chunk, 0, n);
        writer.write(chunk, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static List<String> listInPages(ObjectStore store, String bucket) {
    List<String> keys = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      ObjectListing page = store.list(bucket, "", after.orElse(null), PAGE);
      assertThat(page.objects()).hasSizeLessThanOrEqualTo(PAGE);
      page.objects().forEach(object -> keys.add(object.key()));
      after = page.nextStartAfter();
    } while (after.isPresent());
    return keys;
  }

  private static void copyAndDelete(ObjectStore store, String bucket, Map<String, String> written) {
    for (int i = 0; i < 20; i++) {
      store.copy(bucket, String.format("small/%03d", i), String.format("copies/%03d", i));
    }
    store.copy(bucket, "large/0", "copies/large");
    for (int i = 180; i < SMALL_OBJECTS; i++) {
      store.delete(bucket, String.format("small/%03d", i));
      store.delete(bucket, String.format("small/%03d", i));
      assertThat(store.exists(bucket, String.format("small/%03d", i))).isFalse();
    }
    assertThat(store.stat(bucket, "copies/large").size()).isEqualTo(LARGE_SIZE);
    assertThat(store.exists(bucket, "copies/000")).isTrue();
    assertThat(written).containsKey("small/000");
  }

  private static Map<String, String> rawDigests(String bucket) throws Exception {
    Map<String, String> digests = new TreeMap<>();
    for (var object : raw.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
      digests.put(object.key(), object.size() + ":" + rawDigest(bucket, object.key()));
    }
    return digests;
  }

  private static String rawDigest(String bucket, String key) throws Exception {
    return digest(raw.getObject(r -> r.bucket(bucket).key(key)));
  }

  private static String digest(InputStream in) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (DigestInputStream stream = new DigestInputStream(in, sha)) {
      stream.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  @Test
  void aCompleteRetriedAfterItsResponseWasLostSucceedsWhenTheObjectIsOurs() throws Exception {
    AtomicBoolean first = new AtomicBoolean(true);
    try (FaultyProxy proxy =
            FaultyProxy.to(server.endpoint())
                .rate(1)
                .only(Fault.RESET_BEFORE_RESPONSE)
                .onlyWhen(request -> isComplete(request) && first.getAndSet(false))
                .start();
        ObjectStore store = storeThrough(proxy)) {
      store.createBucket("lost-complete");
      String written = write(store, "lost-complete", "object", 12 * 1024 * 1024, 7);

      assertThat(proxy.injected(Fault.RESET_BEFORE_RESPONSE)).isEqualTo(1);
      assertThat(rawDigest("lost-complete", "object")).isEqualTo(written);
    }
  }

  @Test
  void aReadResumesAfterTheConnectionDropsMidBody() throws Exception {
    AtomicBoolean first = new AtomicBoolean(true);
    try (FaultyProxy proxy =
            FaultyProxy.to(server.endpoint())
                .rate(1)
                .only(Fault.RESET_MID_BODY)
                .onlyWhen(request -> request.method().equals("GET") && first.getAndSet(false))
                .start();
        ObjectStore store = storeThrough(proxy)) {
      proxy.disable();
      store.createBucket("mid-body");
      String written = write(store, "mid-body", "object", 3 * 1024 * 1024, 8);
      proxy.enable();

      assertThat(digest(store.open("mid-body", "object", 0))).isEqualTo(written);
      assertThat(proxy.injected(Fault.RESET_MID_BODY)).isEqualTo(1);
    }
  }

  private static boolean isComplete(FaultyProxy.Request request) {
    return request.method().equals("POST") && request.query().startsWith("uploadId=");
  }
}
