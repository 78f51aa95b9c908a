package dev.ferry.app;

import dev.ferry.objectstore.EmbeddedS3;
import dev.ferry.objectstore.S3Credentials.StaticKeys;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The embedded S3's key pair: generated on first start, then kept in the data directory in a file
 * only the owner can read (mode 0600), so it stays the same across restarts.
 */
final class EmbeddedS3Keys {
  static final String FILE = "s3-credentials.properties";
  private static final String ACCESS = "access-key";
  private static final String SECRET = "secret-key";

  private EmbeddedS3Keys() {}

  static StaticKeys loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      return Files.exists(file) ? read(file) : create(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to keep the embedded S3 keys in " + file, e);
    }
  }

  private static StaticKeys read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return new StaticKeys(properties.getProperty(ACCESS), properties.getProperty(SECRET));
  }

  private static StaticKeys create(Path file) throws IOException {
    StaticKeys keys = EmbeddedS3.generateKeys();
    Path temporary = file.resolveSibling(FILE + ".tmp");
    Files.deleteIfExists(temporary);
    Files.createFile(
        temporary,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Properties properties = new Properties();
    properties.setProperty(ACCESS, keys.accessKey());
    properties.setProperty(SECRET, keys.secretKey());
    try (Writer writer = Files.newBufferedWriter(temporary)) {
      properties.store(writer, "Keys of Ferry's embedded S3; keep this file private");
    }
    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return keys;
  }
}
