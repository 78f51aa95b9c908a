package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3ConnectionTest {

  private final S3Credentials keys = new S3Credentials.StaticKeys("AKIAEXAMPLE", "s3cr3t-value");

  @Test
  void endpointDefaultsToPathStyleInUsEast1WithEightMebibyteParts() {
    S3Connection connection = S3Connection.endpoint(URI.create("http://127.0.0.1:9000"), keys);

    assertThat(connection.pathStyle()).isTrue();
    assertThat(connection.region()).isEqualTo("us-east-1");
    assertThat(connection.partSize()).isEqualTo(8L * 1024 * 1024);
  }

  @Test
  void timeoutsDefaultToTenSecondsToConnectAndSixtyBetweenResponseBytes() {
    S3Connection connection = S3Connection.endpoint(URI.create("http://127.0.0.1:9000"), keys);

    assertThat(connection.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(connection.socketTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(connection.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .extracting(S3Connection::connectTimeout, S3Connection::socketTimeout)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void rejectsATimeoutThatIsNotPositive() {
    assertThatThrownBy(
            () ->
                S3Connection.aws("us-east-1", keys)
                    .withTimeouts(Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Socket timeout must be positive: PT0S");
  }

  @Test
  void awsUsesVirtualHostedAddressingAndNoEndpoint() {
    S3Connection connection = S3Connection.aws("eu-west-1", new S3Credentials.DefaultChain());

    assertThat(connection.pathStyle()).isFalse();
    assertThat(connection.endpoint()).isEmpty();
  }

  @Test
  void rejectsPartsBelowTheS3Minimum() {
    assertThatThrownBy(() -> S3Connection.aws("us-east-1", keys).withPartSize(1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
  }

  @Test
  void masksTheSecretInEveryToString() {
    S3Connection connection = S3Connection.aws("us-east-1", keys);

    assertThat(connection.toString()).contains("AKIAEXAMPLE").doesNotContain("s3cr3t-value");
  }

  @Test
  void assumedRoleBuildsAStoreWithoutCallingStsUntilUsed() {
    S3Credentials role =
        new S3Credentials.AssumedRole(
            "arn:aws:iam::123456789012:role/ferry", Optional.of("external"), "ferry");

    S3ObjectStore.connect(S3Connection.aws("us-east-1", role)).close();
  }
}
