package dev.ferry.export;

import dev.ferry.event.Event;
import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.format.CsvEventWriter;
import dev.ferry.export.format.EventWriter;
import dev.ferry.export.format.JsonEventWriter;
import dev.ferry.export.format.JsonEventWriter.HeaderLine;
import dev.ferry.export.format.JsonLineWriter;
import dev.ferry.export.format.XmlEventWriter;
import dev.ferry.store.EventExports;
import dev.ferry.store.EventExports.EventGroup;
import dev.ferry.store.EventExports.WrittenFile;
import dev.ferry.store.ExportSelection;
import dev.ferry.store.LineCursor;
import dev.ferry.store.RecordCursor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the files of one event group (one event name on one UTC day) and hands each to the run's
 * {@link Uploads}: JSON, XML and CSV through the format writers and gzip, chunked by {@link
 * ChunkedFiles}; Parquet by the store.
 */
final class EventGroupFiles {
  private final EventExportDefinition definition;
  private final EventExports reads;
  private final ExportSelection selection;
  private final Map<String, List<String>> identities;
  private final Path spool;

  /**
   * @param identities the linked identities of each identity, for XML's {@code all_identities};
   *     empty for the other formats
   */
  EventGroupFiles(
      EventExportDefinition definition,
      EventExports reads,
      ExportSelection selection,
      Map<String, List<String>> identities,
      Path spool) {
    this.definition = definition;
    this.reads = reads;
    this.selection = selection;
    this.identities = identities;
    this.spool = spool;
  }

  void write(EventGroup group, ChunkedFiles.Sink sink) throws IOException {
    if (definition.format() == Format.PARQUET) {
      parquet(group, sink);
      return;
    }
    if (definition.format() == Format.JSON) {
      json(group, sink);
      return;
    }
    List<String> columns = definition.format() == Format.CSV ? columns(group) : List.of();
    ChunkedFiles<Event> chunks =
        new ChunkedFiles<>(
            spool,
            definition.chunkSize(),
            definition.compressionLevel(),
            out -> opener(group, columns, out),
            sink);
    try (RecordCursor events = reads.events(selection, group)) {
      while (events.hasNext()) {
        chunks.write((Event) events.next().record());
      }
      chunks.close();
    } finally {
      chunks.abandon();
    }
  }

  /** JSON from the lines the store builds, the same bytes as {@link JsonEventWriter} writes. */
  private void json(EventGroup group, ChunkedFiles.Sink sink) throws IOException {
    HeaderLine header = definition.jsonHeaderLine() ? HeaderLine.EVENT_NAME : HeaderLine.NONE;
    ChunkedFiles<byte[]> chunks =
        new ChunkedFiles<>(
            spool,
            definition.chunkSize(),
            definition.compressionLevel(),
            out -> lineWriter(new JsonLineWriter(out, group.eventName(), header)),
            sink);
    try (LineCursor lines = reads.jsonLines(selection, group)) {
      while (lines.hasNext()) {
        chunks.write(lines.nextUtf8());
      }
      chunks.close();
    } finally {
      chunks.abandon();
    }
  }

  private static ChunkedFiles.ItemWriter<byte[]> lineWriter(JsonLineWriter writer) {
    return ChunkedFiles.ItemWriter.of(writer, JsonLineWriter::write);
  }

  /** The property names of the group's events, sorted: a first pass over them. */
  private List<String> columns(EventGroup group) {
    TreeSet<String> names = new TreeSet<>();
    try (RecordCursor events = reads.events(selection, group)) {
      events.forEachRemaining(e -> names.addAll(((Event) e.record()).properties().keySet()));
    }
    return List.copyOf(names);
  }

  private ChunkedFiles.ItemWriter<Event> opener(
      EventGroup group, List<String> columns, OutputStream gzip) throws IOException {
    EventWriter writer =
        switch (definition.format()) {
          case JSON ->
              new JsonEventWriter(
                  gzip,
                  group.eventName(),
                  definition.jsonHeaderLine() ? HeaderLine.EVENT_NAME : HeaderLine.NONE);
          case XML -> new XmlEventWriter(gzip);
          default -> new CsvEventWriter(gzip, columns);
        };
    return ChunkedFiles.ItemWriter.of(
        writer,
        (events, event) ->
            events.write(
                event, identities.getOrDefault(event.identity(), List.of(event.identity()))));
  }

  private void parquet(EventGroup group, ChunkedFiles.Sink sink) throws IOException {
    Path directory = Files.createTempDirectory(spool, "parquet-");
    try {
      List<WrittenFile> files =
          reads.writeParquet(selection, group, directory, definition.chunkSize());
      for (int i = 0; i < files.size(); i++) {
        sink.accept(i, files.get(i).path(), files.get(i).rows());
      }
    } finally {
      deleteTree(directory);
    }
  }

  static void deleteTree(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      List<Path> all = new ArrayList<>(paths.toList());
      java.util.Collections.reverse(all);
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    }
  }
}
