package dev.ferry.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory for files on their way to a bucket. At server start no run is going on, so whatever
 * it holds was left by a killed process and is deleted.
 */
final class SpoolDirectory {
  private SpoolDirectory() {}

  /** Creates {@code directory} if needed and deletes everything in it; returns it. */
  static Path emptied(Path directory) {
    try {
      Files.createDirectories(directory);
      for (Path entry : deepestFirst(directory)) {
        Files.delete(entry);
      }
      return directory;
    } catch (IOException e) {
      throw new StartupException("Failed to empty " + directory + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> deepestFirst(Path directory) throws IOException {
    try (Stream<Path> entries = Files.walk(directory)) {
      return entries
          .filter(entry -> !entry.equals(directory))
          .sorted(Comparator.reverseOrder())
          .toList();
    }
  }
}
