package dev.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.S3Credentials.StaticKeys;
import dev.ferry.testing.RawS3;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code ferry check} in its own JVM, credentials from the AWS environment variables. */
class CheckCommandTest {
  @TempDir Path dir;
  private EmbeddedS3 s3;
  private S3Client raw;

  @BeforeEach
  void startS3() {
    s3 = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, EmbeddedS3.generateKeys());
    raw = RawS3.client(s3.endpoint(), s3.keys().accessKey(), s3.keys().secretKey());
    raw.createBucket(b -> b.bucket("incoming"));
  }

  @AfterEach
  void stopS3() {
    raw.close();
    s3.close();
  }

  @Test
  void rightKeysGrantEveryImportPermissionAndLeaveNothing() throws Exception {
    try (FerryProcess check = check(s3.keys(), "import")) {
      assertThat(check.awaitExit(Duration.ofSeconds(60))).as(check.output()).isZero();
      assertThat(check.out())
          .hasSize(4)
          .allMatch(line -> line.matches("s3:\\w+ +granted .*"))
          .anyMatch(line -> line.startsWith("s3:DeleteObject"));
    }
    assertThat(raw.listObjectsV2(b -> b.bucket("incoming")).contents()).isEmpty();
    assertThat(raw.listMultipartUploads(b -> b.bucket("incoming")).uploads()).isEmpty();
  }

  @Test
  void wrongSecretReportsMissingWithoutPrintingIt() throws Exception {
    StaticKeys wrong =
        new StaticKeys(s3.keys().accessKey(), "Wr0ngSecretWr0ngSecretWr0ngSecret12345");

    try (FerryProcess check = check(wrong, "export")) {
      assertThat(check.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(check.out()).anyMatch(line -> line.matches("s3:ListBucket +missing .*403.*"));
      assertThat(check.output()).doesNotContain(wrong.secretKey());
    }
  }

  private FerryProcess check(StaticKeys keys, String kind) {
    return FerryProcess.start(
        dir,
        Map.of(
            "AWS_ACCESS_KEY_ID", keys.accessKey(),
            "AWS_SECRET_ACCESS_KEY", keys.secretKey(),
            "AWS_REGION", "us-east-1",
            "AWS_CONFIG_FILE", dir.resolve("none").toString(),
            "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString()),
        "check",
        "--bucket",
        "incoming",
        "--for",
        kind,
        "--endpoint",
        s3.endpoint().toString());
  }
}
