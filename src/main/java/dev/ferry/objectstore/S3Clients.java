package dev.ferry.objectstore;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Builds SDK clients from an {@link S3Connection}. The SDK's own retries are off: {@link Retrier}
 * decides, so the behaviour is ours and testable. Checksums are computed and validated only when an
 * operation requires them, which real S3 accepts and S3Proxy needs.
 */
final class S3Clients {

  private S3Clients() {}

  static S3Client create(S3Connection connection) {
    return create(connection, new ArrayList<>());
  }

  /**
   * Builds the client; resources it depends on that closing the client does not release (the STS
   * client of an assumed role) are added to {@code owned}.
   */
  static S3Client create(S3Connection connection, List<AutoCloseable> owned) {
    Region region = Region.of(connection.region());
    S3ClientBuilder builder =
        S3Client.builder()
            .region(region)
            .credentialsProvider(credentials(connection.credentials(), region, owned))
            .forcePathStyle(connection.pathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .connectionTimeout(connection.connectTimeout())
                    .socketTimeout(connection.socketTimeout())
                    .maxConnections(64));
    connection.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(
      S3Credentials credentials, Region region, List<AutoCloseable> owned) {
    if (credentials instanceof S3Credentials.StaticKeys keys) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(keys.accessKey(), keys.secretKey()));
    }
    if (credentials instanceof S3Credentials.AssumedRole role) {
      StsClient sts = StsClient.builder().region(region).build();
      owned.add(sts);
      return assumeRole(role, sts);
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static AwsCredentialsProvider assumeRole(S3Credentials.AssumedRole role, StsClient sts) {
    AssumeRoleRequest.Builder request =
        AssumeRoleRequest.builder().roleArn(role.roleArn()).roleSessionName(role.sessionName());
    role.externalId().ifPresent(request::externalId);
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(request.build())
        .build();
  }
}
