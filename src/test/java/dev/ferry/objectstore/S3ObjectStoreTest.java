package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** The contract against {@link S3ObjectStore} on a real {@link EmbeddedS3}. */
class S3ObjectStoreTest extends ObjectStoreContractTest {

  @TempDir static Path directory;
  static EmbeddedS3 server;
  static S3Client raw;

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

  @Override
  protected ObjectStore newStore(long partSize) {
    return S3ObjectStore.connect(server.connection().withPartSize(partSize));
  }

  @Override
  protected byte[] readIndependently(String bucket, String key) {
    return raw.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
  }

  @Override
  protected List<String> pendingUploads(String bucket) {
    return raw.listMultipartUploads(r -> r.bucket(bucket)).uploads().stream()
        .map(MultipartUpload::key)
        .toList();
  }

  @Test
  void writesFiftyMegabytesThroughMultipartByteForByte() throws Exception {
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    byte[] chunk = randomBytes(1024 * 1024);
    try (ObjectWriter writer = store.create(bucket, "fifty")) {
      for (int i = 0; i < 50; i++) {
        chunk[0] = (byte) i;
        written.update(chunk);
        writer.write(chunk, 0, chunk.length);
      }
    }
    String expected = HexFormat.of().formatHex(written.digest());

    assertThat(digest(raw.getObject(r -> r.bucket(bucket).key("fifty")))).isEqualTo(expected);
    assertThat(digest(store.open(bucket, "fifty", 0))).isEqualTo(expected);
    assertThat(pendingUploads(bucket)).isEmpty();
  }

  private static String digest(java.io.InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (DigestInputStream stream = new DigestInputStream(in, digest)) {
      stream.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
