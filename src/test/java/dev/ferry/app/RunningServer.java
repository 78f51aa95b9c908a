package dev.ferry.app;

import dev.ferry.testing.RawS3;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    return RawS3.client(s3, accessKey, secretKey);
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
