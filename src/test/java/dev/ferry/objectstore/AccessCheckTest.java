package dev.ferry.objectstore;

import static dev.ferry.objectstore.PermissionCheck.Outcome.GRANTED;
import static dev.ferry.objectstore.PermissionCheck.Outcome.MISSING;
import static dev.ferry.objectstore.PermissionCheck.Outcome.NOT_VERIFIED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

class AccessCheckTest {

  private static final String WRONG_SECRET = "notTheSecretNotTheSecretNotTheSecret0000";
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  @TempDir static Path directory;
  static EmbeddedS3 server;
  static S3Client raw;
  String bucket;

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

  @BeforeEach
  void createBucket() {
    bucket = "access-" + BUCKETS.incrementAndGet();
    raw.createBucket(r -> r.bucket(bucket));
  }

  @ParameterizedTest
  @EnumSource(IntegrationKind.class)
  void grantsEverythingToTheRightKeysAndLeavesNothingBehind(IntegrationKind kind) {
    raw.putObject(r -> r.bucket(bucket).key("in/data.csv"), RequestBody.fromString("a,b\n", UTF_8));

    List<PermissionCheck> checks = check(kind, server.connection(), "in/");

    assertThat(checks)
        .extracting(PermissionCheck::action)
        .containsExactlyElementsOf(kind.actions().stream().map(a -> a.policyName()).toList());
    assertThat(checks).allSatisfy(c -> assertThat(c.outcome()).as(c.reason()).isEqualTo(GRANTED));
    assertThat(rawKeys()).containsExactly("in/data.csv");
    assertThat(raw.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = IntegrationKind.class,
      names = {"IMPORT", "EXPORT"})
  void writersVerifyWithAProbeOnAnEmptyPrefix(IntegrationKind kind) {
    List<PermissionCheck> checks = check(kind, server.connection(), "empty/");

    assertThat(checks).extracting(PermissionCheck::outcome).containsOnly(GRANTED);
    assertThat(rawKeys()).isEmpty();
    assertThat(raw.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = IntegrationKind.class, names = "TABLES")
  void readOnlyKindCannotVerifyReadingWithoutAnObject(IntegrationKind kind) {
    List<PermissionCheck> checks = check(kind, server.connection(), "empty/");

    assertThat(checks)
        .containsExactly(
            new PermissionCheck("s3:ListBucket", GRANTED, "listed s3://" + bucket + "/empty/"),
            new PermissionCheck("s3:GetObject", NOT_VERIFIED, "not verified: no object to read"));
  }

  @ParameterizedTest
  @EnumSource(IntegrationKind.class)
  void wrongSecretMakesPermissionsMissingWithoutShowingAnySecret(IntegrationKind kind) {
    raw.putObject(r -> r.bucket(bucket).key("in/data.csv"), RequestBody.fromString("x", UTF_8));
    S3Credentials wrong = new S3Credentials.StaticKeys(server.keys().accessKey(), WRONG_SECRET);

    List<PermissionCheck> checks =
        check(kind, S3Connection.endpoint(server.endpoint(), wrong), "in/");

    assertThat(checks.get(0).outcome()).isEqualTo(MISSING);
    assertThat(checks).noneMatch(c -> c.outcome() == GRANTED);
    assertThat(checks)
        .filteredOn(c -> c.action().equals("s3:PutObject"))
        .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(MISSING));
    assertThat(checks)
        .allSatisfy(
            c ->
                assertThat(c.reason())
                    .isNotBlank()
                    .doesNotContain(WRONG_SECRET)
                    .doesNotContain(server.keys().secretKey()));
    assertThat(rawKeys()).containsExactly("in/data.csv");
  }

  private List<PermissionCheck> check(
      IntegrationKind kind, S3Connection connection, String prefix) {
    try (ObjectStore store = S3ObjectStore.connect(connection)) {
      return AccessCheck.run(store, kind, bucket, prefix);
    }
  }

  private List<String> rawKeys() {
    return raw.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
  }
}
