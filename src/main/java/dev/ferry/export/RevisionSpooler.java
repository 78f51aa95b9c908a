package dev.ferry.export;

import dev.ferry.export.format.KmJsonLine;
import dev.ferry.faults.CrashPoints;
import dev.ferry.store.LineCursor;
import dev.ferry.store.RecordCursor;
import dev.ferry.store.RecordStore;
import dev.ferry.store.Revision;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one revision as a Kissmetrics revision file into the spool directory: the store's lines as
 * they are, or, with {@code dedupe}, the records re-encoded with duplicates left out.
 */
final class RevisionSpooler {
  private static final int BUFFER = 1 << 16;

  private final RecordStore records;
  private final Path directory;

  RevisionSpooler(RecordStore records, Path directory) {
    this.records = records;
    this.directory = directory;
  }

  /** Where {@link #write} puts {@code revision} of {@code export}. */
  Path file(String export, Revision revision) {
    return directory.resolve(export + "-" + revision.number() + ".json.part");
  }

  Spooled write(String export, Revision revision, boolean dedupe) {
    Path file = file(export, revision);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
      Counter counter = new Counter(out, revision.recordCount() / 2);
      long duplicates = dedupe ? writeDistinct(revision, counter) : writeAll(revision, counter);
      return new Spooled(revision, file, counter.lines, counter.bytes, duplicates);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Failed to write revision " + revision.number() + " to " + file + ": " + e.getMessage(),
          e);
    }
  }

  private long writeAll(Revision revision, Counter out) throws IOException {
    try (LineCursor lines = records.readRevisionLines(revision.number())) {
      while (lines.hasNext()) {
        out.line(lines.nextUtf8());
      }
    }
    return 0;
  }

  private long writeDistinct(Revision revision, Counter out) throws IOException {
    DuplicateFilter filter = new DuplicateFilter();
    long duplicates = 0;
    try (RecordCursor cursor = records.readRevision(revision.number())) {
      while (cursor.hasNext()) {
        var record = cursor.next().record();
        if (filter.first(record)) {
          out.line(KmJsonLine.of(record).getBytes(StandardCharsets.UTF_8));
        } else {
          duplicates++;
        }
      }
    }
    return duplicates;
  }

  /** Writes lines and counts them; reaches the mid-revision crash point half way. */
  private static final class Counter {
    private final OutputStream out;
    private final long half;
    private long lines;
    private long bytes;

    Counter(OutputStream out, long half) {
      this.out = out;
      this.half = half;
    }

    void line(byte[] encoded) throws IOException {
      out.write(encoded);
      out.write('\n');
      bytes += encoded.length + 1;
      if (++lines == half) {
        CrashPoints.reach("export-mid-revision");
      }
    }
  }
}
