package dev.ferry.export;

import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.format.CsvProfileWriter;
import dev.ferry.export.format.JsonEventWriter.HeaderLine;
import dev.ferry.export.format.JsonProfileWriter;
import dev.ferry.export.format.ProfileWriter;
import dev.ferry.export.format.XmlProfileWriter;
import dev.ferry.store.EventExports;
import dev.ferry.store.EventExports.WrittenFile;
import dev.ferry.store.ExportActivity.Entry;
import dev.ferry.store.ExportActivity.ExportedFile;
import dev.ferry.store.ExportSelection;
import dev.ferry.store.Profile;
import dev.ferry.store.ProfileCursor;
import dev.ferry.store.Profiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the profile files of one run (SPEC §5, type {@code profiles}): the current state, as of
 * the window's end, of every profile whose identities appear in a record of the window, in identity
 * order, named with {@code profiles} in place of the event name and the UTC day the window ends on.
 */
final class ProfileFiles {
  static final String NAME = "profiles";

  private final EventExportDefinition definition;
  private final EventExports reads;
  private final Profiles profiles;
  private final Path spool;

  ProfileFiles(
      EventExportDefinition definition, EventExports reads, Profiles profiles, Path spool) {
    this.definition = definition;
    this.reads = reads;
    this.profiles = profiles;
    this.spool = spool;
  }

  List<ExportedFile> write(
      ExportSelection selection, Entry window, EventFileKeys keys, EventExporter.Uploads uploads) {
    Set<String> touched = reads.identities(selection);
    LocalDate day = LocalDate.ofInstant(window.windowEnd(), ZoneOffset.UTC);
    List<ExportedFile> written = new ArrayList<>();
    ChunkedFiles.Sink sink =
        (index, file, rows) -> written.add(uploads.put(keys.data(NAME, day, index), file, rows));
    try {
      if (!touched.isEmpty()) {
        write(selection.upToSequence(), touched, sink);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to write the profiles: " + e.getMessage(), e);
    }
    return written;
  }

  private void write(long upTo, Set<String> touched, ChunkedFiles.Sink sink) throws IOException {
    if (definition.format() == Format.PARQUET) {
      parquet(upTo, touched, sink);
      return;
    }
    List<String> columns = definition.format() == Format.CSV ? columns(upTo, touched) : List.of();
    ChunkedFiles<Profile> chunks =
        new ChunkedFiles<>(
            spool,
            definition.chunkSize(),
            definition.compressionLevel(),
            out -> opener(columns, out),
            sink);
    try (ProfileCursor cursor = profiles.profiles(upTo)) {
      Iterator<Profile> selected = touching(cursor, touched);
      while (selected.hasNext()) {
        chunks.write(selected.next());
      }
      chunks.close();
    } finally {
      chunks.abandon();
    }
  }

  private List<String> columns(long upTo, Set<String> touched) {
    TreeSet<String> names = new TreeSet<>();
    try (ProfileCursor cursor = profiles.profiles(upTo)) {
      touching(cursor, touched).forEachRemaining(p -> names.addAll(p.properties().keySet()));
    }
    return List.copyOf(names);
  }

  private ChunkedFiles.ItemWriter<Profile> opener(List<String> columns, OutputStream gzip)
      throws IOException {
    ProfileWriter writer =
        switch (definition.format()) {
          case JSON ->
              new JsonProfileWriter(
                  gzip, definition.jsonHeaderLine() ? HeaderLine.EVENT_NAME : HeaderLine.NONE);
          case XML -> new XmlProfileWriter(gzip);
          default -> new CsvProfileWriter(gzip, columns);
        };
    return ChunkedFiles.ItemWriter.of(writer, ProfileWriter::write);
  }

  private void parquet(long upTo, Set<String> touched, ChunkedFiles.Sink sink) throws IOException {
    Path directory = Files.createTempDirectory(spool, "parquet-");
    try (ProfileCursor cursor = profiles.profiles(upTo)) {
      List<WrittenFile> files =
          reads.writeProfilesParquet(touching(cursor, touched), directory, definition.chunkSize());
      for (int i = 0; i < files.size(); i++) {
        sink.accept(i, files.get(i).path(), files.get(i).rows());
      }
    } finally {
      EventGroupFiles.deleteTree(directory);
    }
  }

  /** The profiles with at least one identity in {@code touched}. */
  private static Iterator<Profile> touching(Iterator<Profile> all, Set<String> touched) {
    return new Iterator<>() {
      private Profile next = advance();

      private Profile advance() {
        while (all.hasNext()) {
          Profile profile = all.next();
          if (profile.allIdentities().stream().anyMatch(touched::contains)) {
            return profile;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Profile next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Profile current = next;
        next = advance();
        return current;
      }
    };
  }
}
