package dev.ferry.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The server's data directory, held with an exclusive OS file lock for the life of the server so
 * that a second server on the same directory stops at once with a clear message. The lock goes away
 * with the process, also after kill -9.
 */
final class DataDirectory implements AutoCloseable {
  private static final String LOCK_FILE = "ferry.lock";

  private final Path root;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectory(Path root, FileChannel channel, FileLock lock) {
    this.root = root;
    this.channel = channel;
    this.lock = lock;
  }

  /** Creates the directory if needed and locks it; fails if another server holds it. */
  static DataDirectory lock(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
      FileChannel channel =
          FileChannel.open(
              absolute.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel, absolute);
      writePid(channel);
      return new DataDirectory(absolute, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to open data directory " + absolute, e);
    }
  }

  private static FileLock tryLock(FileChannel channel, Path root) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new StartupException(
          "Data directory "
              + root
              + " is in use by another Ferry server; stop it or use --data-dir");
    }
    return lock;
  }

  private static void writePid(FileChannel channel) throws IOException {
    channel.truncate(0);
    channel.write(
        StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + System.lineSeparator()));
    channel.force(false);
  }

  Path root() {
    return root;
  }

  Path resolve(String name) {
    return root.resolve(name);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
