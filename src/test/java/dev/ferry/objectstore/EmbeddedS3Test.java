package dev.ferry.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedS3Test {

  @TempDir Path directory;

  @Test
  void keepsBucketsAndObjectsAcrossARestartOnTheSameDirectory() throws IOException {
    S3Credentials.StaticKeys keys = EmbeddedS3.generateKeys();
    try (EmbeddedS3 server = EmbeddedS3.start(directory, "127.0.0.1", 0, keys);
        ObjectStore store = S3ObjectStore.connect(server.connection())) {
      store.createBucket("kept");
      try (ObjectWriter writer = store.create("kept", "dir/object.txt")) {
        writer.write("survives".getBytes(UTF_8));
      }
    }

    try (EmbeddedS3 server = EmbeddedS3.start(directory, "127.0.0.1", 0, keys);
        ObjectStore store = S3ObjectStore.connect(server.connection());
        InputStream in = store.open("kept", "dir/object.txt", 0)) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("survives");
      assertThat(store.bucketExists("kept")).isTrue();
    }
  }

  @Test
  void reportsTheActualPortWhenAskedForAnyFreePort() {
    try (EmbeddedS3 server =
        EmbeddedS3.start(directory, "127.0.0.1", 0, EmbeddedS3.generateKeys())) {
      assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(server.endpoint().getPort()).isPositive();
    }
  }

  @Test
  void generatesKeysOfTheAwsShape() {
    S3Credentials.StaticKeys keys = EmbeddedS3.generateKeys();

    assertThat(keys.accessKey()).matches("[A-Z0-9]{20}");
    assertThat(keys.secretKey()).matches("[A-Za-z0-9+/]{40}");
    assertThat(EmbeddedS3.generateKeys()).isNotEqualTo(keys);
    assertThat(keys.toString()).contains(keys.accessKey()).doesNotContain(keys.secretKey());
  }
}
