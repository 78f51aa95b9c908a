package dev.ferry.app;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** What a started {@code ferry server} printed: where its API and embedded S3 are, and the keys. */
record RunningServer(URI api, URI s3, String accessKey, String secretKey) {
  private static final Pattern URL = Pattern.compile("(http://\\S+)");
  private static final Duration START = Duration.ofSeconds(60);

  static RunningServer awaitStart(FerryProcess server) throws InterruptedException {
    URI api = url(server.awaitLine(line -> line.contains("REST API"), START));
    URI s3 = url(server.awaitLine(line -> line.contains("Embedded S3"), START));
    String access = value(server.awaitLine(line -> line.contains("AWS_ACCESS_KEY_ID="), START));
    String secret = value(server.awaitLine(line -> line.contains("AWS_SECRET_ACCESS_KEY="), START));
    return new RunningServer(api, s3, access, secret);
  }

  /** A raw SDK client, independent of Ferry's object store code, as the AWS CLI would be. */
  S3Client rawS3() {
    return S3Client.builder()
        .endpointOverride(s3)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .build();
  }

  private static URI url(String line) {
    Matcher matcher = URL.matcher(line);
    if (!matcher.find()) {
      throw new AssertionError("No URL in: " + line);
    }
    return URI.create(matcher.group(1));
  }

  private static String value(String line) {
    return line.substring(line.indexOf('=') + 1).trim();
  }
}
