package dev.ferry.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.objectstore.EmbeddedS3;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

class FaultyProxyTest {

  @TempDir static Path directory;
  static EmbeddedS3 server;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServer() {
    server = EmbeddedS3.start(directory, "127.0.0.1", 0, EmbeddedS3.generateKeys());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void forwardsSignedRequestsFaithfullyWhenTheRateIsZero() {
    try (FaultyProxy proxy = FaultyProxy.to(server.endpoint()).rate(0).start();
        S3Client client = signedClient(proxy.endpoint())) {
      String key = "a dir/ä+b?c=1.txt";
      client.createBucket(r -> r.bucket("faithful"));
      client.putObject(r -> r.bucket("faithful").key(key), RequestBody.fromString("hello", UTF_8));

      assertThat(client.getObjectAsBytes(r -> r.bucket("faithful").key(key)).asUtf8String())
          .isEqualTo("hello");
      assertThat(client.headObject(r -> r.bucket("faithful").key(key)).contentLength())
          .isEqualTo(5);
      assertThat(
              client.listObjectsV2(r -> r.bucket("faithful").prefix("a dir/")).contents().stream()
                  .map(S3Object::key))
          .containsExactly(key);
      client.deleteObject(r -> r.bucket("faithful").key(key));
      assertThat(proxy.requests()).isEqualTo(6);
      assertThat(proxy.injectedTotal()).isZero();
    }
  }

  @Test
  void answersInternalErrorWithAnS3ErrorBody() throws Exception {
    try (FaultyProxy proxy = alwaysFailing(Fault.INTERNAL_ERROR)) {
      HttpResponse<String> response = get(proxy, "/bucket/key", Duration.ofSeconds(5));

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).contains("<Code>InternalError</Code>");
      assertThat(proxy.injected(Fault.INTERNAL_ERROR)).isEqualTo(1);
    }
  }

  @Test
  void answersSlowDownWithServiceUnavailable() throws Exception {
    try (FaultyProxy proxy = alwaysFailing(Fault.SLOW_DOWN)) {
      HttpResponse<String> response = get(proxy, "/bucket/key", Duration.ofSeconds(5));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("<Code>SlowDown</Code>");
    }
  }

  @Test
  void resetsTheConnection() {
    try (FaultyProxy proxy = alwaysFailing(Fault.RESET_BEFORE_RESPONSE)) {
      assertThatThrownBy(() -> get(proxy, "/bucket/key", Duration.ofSeconds(5)))
          .isInstanceOf(IOException.class);
      assertThat(proxy.injected())
          .containsEntry(Fault.INTERNAL_ERROR, 0)
          .containsEntry(Fault.STALL, 0);
      // the JDK client retries an idempotent GET once after a reset
      assertThat(proxy.injected(Fault.RESET_BEFORE_RESPONSE)).isPositive();
    }
  }

  @Test
  void stallsLongerThanTheClientWaits() {
    try (FaultyProxy proxy =
        FaultyProxy.to(server.endpoint())
            .rate(1)
            .only(Fault.STALL)
            .stall(Duration.ofSeconds(2))
            .start()) {
      assertThatThrownBy(() -> get(proxy, "/bucket/key", Duration.ofMillis(300)))
          .isInstanceOf(HttpTimeoutException.class);
      assertThat(proxy.injected(Fault.STALL)).isEqualTo(1);
    }
  }

  @Test
  void injectsOnlyIntoMatchingRequestsAndNotWhileDisabled() throws Exception {
    try (FaultyProxy proxy =
        FaultyProxy.to(server.endpoint())
            .rate(1)
            .only(Fault.SLOW_DOWN)
            .onlyWhen(request -> request.query().contains("uploadId="))
            .start()) {
      assertThat(get(proxy, "/bucket/key?x=1", Duration.ofSeconds(5)).statusCode())
          .isNotEqualTo(503);
      assertThat(get(proxy, "/bucket/key?uploadId=7", Duration.ofSeconds(5)).statusCode())
          .isEqualTo(503);
      proxy.disable();
      assertThat(get(proxy, "/bucket/key?uploadId=7", Duration.ofSeconds(5)).statusCode())
          .isNotEqualTo(503);
      assertThat(proxy.injectedTotal()).isEqualTo(1);
    }
  }

  @Test
  void rejectsRatesOutsideZeroToOne() {
    assertThatThrownBy(() -> FaultyProxy.to(server.endpoint()).rate(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }

  private static FaultyProxy alwaysFailing(Fault fault) {
    return FaultyProxy.to(server.endpoint()).rate(1).only(fault).start();
  }

  private HttpResponse<String> get(FaultyProxy proxy, String target, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(proxy.endpoint() + target)).timeout(timeout).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static S3Client signedClient(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(server.keys().accessKey(), server.keys().secretKey())))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }
}
