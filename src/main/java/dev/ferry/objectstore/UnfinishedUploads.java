package dev.ferry.objectstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Clears what an embedded S3 killed mid-PUT leaves behind. S3Proxy's file-system backend writes an
 * object to {@code KEY-<random UUID>}, sets its attributes ({@code user.content-md5} among them, as
 * Java names user attributes) and then renames it to {@code KEY}; after a kill -9 the half-written
 * file would be listed as an object. A finished object always carries {@code user.content-md5}, so
 * a file with a UUID suffix and without it is an unfinished upload, never a user's object.
 */
final class UnfinishedUploads {
  private static final Pattern TEMPORARY =
      Pattern.compile(".+-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  private static final String FINISHED_MARK = "user.content-md5";

  private UnfinishedUploads() {}

  /** Deletes the unfinished uploads under {@code root}; returns how many. */
  static int sweep(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> unfinished = files.filter(UnfinishedUploads::unfinished).toList();
      for (Path file : unfinished) {
        Files.deleteIfExists(file);
      }
      return unfinished.size();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Failed to clear unfinished uploads in " + root + ": " + e.getMessage(), e);
    }
  }

  private static boolean unfinished(Path file) {
    if (!Files.isRegularFile(file) || !TEMPORARY.matcher(file.getFileName().toString()).matches()) {
      return false;
    }
    UserDefinedFileAttributeView attributes =
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    if (attributes == null) {
      return false;
    }
    try {
      return !attributes.list().contains(FINISHED_MARK);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
