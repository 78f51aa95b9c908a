package dev.ferry.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
  void aPutCutOffByAKillIsNotListedAfterTheRestartButObjectsNamedLikeItAre() throws IOException {
    S3Credentials.StaticKeys keys = EmbeddedS3.generateKeys();
    String uuidName = "report.json-0b6c9a52-3f1e-4d2a-9c4e-5a7d2e8f1b30";
    try (EmbeddedS3 server = EmbeddedS3.start(directory, "127.0.0.1", 0, keys);
        ObjectStore store = S3ObjectStore.connect(server.connection())) {
      store.createBucket("kept");
      try (ObjectWriter writer = store.create("kept", "dir/" + uuidName)) {
        writer.write("a user's object".getBytes(UTF_8));
      }
    }
    // what S3Proxy's file-system backend leaves when killed while it receives a PUT
    Files.writeString(
        directory.resolve("kept/dir/object.txt-7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"), "half");

    try (EmbeddedS3 server = EmbeddedS3.start(directory, "127.0.0.1", 0, keys);
        ObjectStore store = S3ObjectStore.connect(server.connection())) {
      assertThat(store.listAll("kept", "").map(ObjectInfo::key)).containsExactly("dir/" + uuidName);
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
