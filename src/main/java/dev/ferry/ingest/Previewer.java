package dev.ferry.ingest;

import dev.ferry.event.Record;
import dev.ferry.ingest.csv.CsvFileException;
import dev.ferry.ingest.csv.CsvRecordReader;
import dev.ferry.ingest.csv.HeaderMapping;
import dev.ferry.ingest.csv.ParsedRow;
import dev.ferry.ingest.csv.Role;
import dev.ferry.integration.IntegrationException;
import dev.ferry.objectstore.ObjectInfo;
import dev.ferry.objectstore.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the start of the first matching file; writes nothing anywhere. */
final class Previewer {
  private static final int MAX_ROWS_READ = 10_000;

  private Previewer() {}

  static Optional<ObjectInfo> firstFile(ImportDefinition definition, ObjectStore objects) {
    FileMatcher matcher = new FileMatcher(definition.folder(), definition.baseFilename());
    try (Stream<ObjectInfo> listing = objects.listAll(definition.bucket(), matcher.listPrefix())) {
      return listing.filter(info -> matcher.matches(info.key())).findFirst();
    }
  }

  static Preview preview(ImportDefinition definition, ObjectStore objects, int limit) {
    ObjectInfo file =
        firstFile(definition, objects).orElseThrow(() -> Validation.noMatchingFile(definition));
    try (CsvRecordReader reader =
        CsvRecordReader.open(
            ObjectStreams.open(objects, definition.bucket(), file.key(), 0),
            ImportFormats.from(definition.csv()))) {
      return read(file.key(), reader, limit);
    } catch (CsvFileException e) {
      throw new IntegrationException(
          IntegrationException.Reason.VALIDATION_FAILED,
          "The first file s3://"
              + definition.bucket()
              + "/"
              + file.key()
              + " cannot be imported: "
              + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Failed to read s3://" + definition.bucket() + "/" + file.key() + ": " + e.getMessage(),
          e);
    }
  }

  private static Preview read(String key, CsvRecordReader reader, int limit) throws IOException {
    List<Preview.Row> rows = new ArrayList<>();
    List<Preview.RowError> errors = new ArrayList<>();
    ParsedRow row;
    int read = 0;
    while (rows.size() < limit && read++ < MAX_ROWS_READ && (row = reader.next()) != null) {
      if (row instanceof ParsedRow.Accepted accepted) {
        for (Record record : accepted.records()) {
          rows.add(new Preview.Row(accepted.line(), record));
        }
      } else if (row instanceof ParsedRow.Rejected rejected) {
        errors.add(new Preview.RowError(rejected.line(), rejected.reason()));
      }
    }
    return new Preview(
        key,
        mapping(reader.mapping()),
        List.copyOf(rows.subList(0, Math.min(limit, rows.size()))),
        errors);
  }

  private static Map<String, String> mapping(HeaderMapping header) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      header
          .column(role)
          .ifPresent(column -> mapping.put(column, role.name().toLowerCase(java.util.Locale.ROOT)));
    }
    header.properties().forEach((column, property) -> mapping.put(column, "property " + property));
    header.ignoredColumns().forEach(column -> mapping.put(column, "ignored"));
    return mapping;
  }
}
