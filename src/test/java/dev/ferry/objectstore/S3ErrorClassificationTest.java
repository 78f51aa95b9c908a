package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter classifies each failure once: what a retry can help with is retried, with backoff.
 */
class S3ErrorClassificationTest {

  private static final String WRONG_SECRET = "wrongSecretWrongSecretWrongSecret0123456";

  @TempDir static Path directory;
  static EmbeddedS3 server;

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Retrier retrier =
      new Retrier(4, Duration.ofMillis(100), Duration.ofMillis(250), sleeps::add);

  @BeforeAll
  static void startServer() {
    server = EmbeddedS3.start(directory, "127.0.0.1", 0, EmbeddedS3.generateKeys());
    try (ObjectStore store = S3ObjectStore.connect(server.connection())) {
      store.createBucket("present");
    }
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void wrongSecretIsAccessDeniedThatNoRetryHelps() {
    S3Credentials wrong = new S3Credentials.StaticKeys(server.keys().accessKey(), WRONG_SECRET);

    AccessDeniedException e = failure(S3Connection.endpoint(server.endpoint(), wrong));

    assertThat(e.canRetryHelp()).isFalse();
    assertThat(e.getMessage())
        .startsWith("Failed to list s3://present: ")
        .contains("(403)")
        .doesNotContain(WRONG_SECRET)
        .doesNotContain(server.keys().secretKey());
    assertThat(sleeps).isEmpty();
  }

  @Test
  void missingBucketIsNotFoundThatNoRetryHelps() {
    try (ObjectStore store = S3ObjectStore.connect(server.connection(), retrier)) {
      ObjectNotFoundException e =
          catchThrowableOfType(
              ObjectNotFoundException.class, () -> store.open("absent", "some/key", 0));

      assertThat(e.retry()).isEqualTo(ObjectStoreException.Retry.CANNOT_HELP);
      assertThat(e).hasMessageStartingWith("Failed to read s3://absent/some/key: ");
    }
    assertThat(sleeps).isEmpty();
  }

  @Test
  void refusedConnectionIsRetriedWithBackoffThenReportedAsRetryable() throws IOException {
    S3Connection closedPort = S3Connection.endpoint(closedPortUri(), server.keys());

    ObjectStoreException e = failure(closedPort);

    assertThat(e.canRetryHelp()).isTrue();
    assertThat(e).hasMessageStartingWith("Failed to list s3://present: ");
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
  }

  @Test
  void slowDownIsRetriedUntilItSucceeds() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer flaky = flakyServer(requests, 2);
    try (ObjectStore store = S3ObjectStore.connect(endpointOf(flaky), retrier)) {
      assertThat(store.list("present", "", null, 10).objects()).isEmpty();
    } finally {
      flaky.stop(0);
    }
    assertThat(requests).hasValue(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void serverErrorsThatPersistAreRetryableAfterTheLastAttempt() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer failing = flakyServer(requests, Integer.MAX_VALUE);
    try (ObjectStore store = S3ObjectStore.connect(endpointOf(failing), retrier)) {
      ObjectStoreException e =
          catchThrowableOfType(
              ObjectStoreException.class, () -> store.list("present", "", null, 10));
      assertThat(e.canRetryHelp()).isTrue();
      assertThat(e)
          .hasMessage("Failed to list s3://present: Please reduce your request rate. (503)");
    } finally {
      failing.stop(0);
    }
    assertThat(requests).hasValue(4);
  }

  private <T extends ObjectStoreException> T failure(S3Connection connection) {
    try (ObjectStore store = S3ObjectStore.connect(connection, retrier)) {
      @SuppressWarnings("unchecked")
      T e =
          (T)
              catchThrowableOfType(
                  ObjectStoreException.class, () -> store.list("present", "", null, 1));
      return e;
    }
  }

  private static URI closedPortUri() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  private S3Connection endpointOf(HttpServer http) {
    URI uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    return S3Connection.endpoint(uri, server.keys());
  }

  /** Answers 503 SlowDown to the first {@code failures} requests, then an empty listing. */
  private static HttpServer flakyServer(AtomicInteger requests, int failures) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/",
        exchange -> {
          boolean fail = requests.incrementAndGet() <= failures;
          byte[] body = (fail ? SLOW_DOWN : EMPTY_LISTING).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/xml");
          exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    http.start();
    return http;
  }

  private static final String SLOW_DOWN =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
          + "<Message>Please reduce your request rate.</Message></Error>";
  private static final String EMPTY_LISTING =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
          + "<Name>present</Name><Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>10</MaxKeys>"
          + "<IsTruncated>false</IsTruncated></ListBucketResult>";
}
