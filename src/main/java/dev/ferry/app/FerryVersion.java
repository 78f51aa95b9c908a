package dev.ferry.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven stamped into the build. */
final class FerryVersion {
  private FerryVersion() {}

  static String current() {
    try (InputStream in = FerryVersion.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read the build's version", e);
    }
  }
}
