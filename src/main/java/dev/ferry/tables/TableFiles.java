package dev.ferry.tables;

import dev.ferry.ingest.csv.CsvRows;
import dev.ferry.objectstore.ObjectInfo;
import dev.ferry.objectstore.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/** A table's files in its bucket: those that match, in load order, and their headers. */
final class TableFiles {
  private TableFiles() {}

  /** The files under the table's prefix that match its pattern, oldest first (as they load). */
  static List<ObjectInfo> matching(ObjectStore objects, String bucket, TableSpec table) {
    return objects
        .listAll(bucket, table.searchPrefix())
        .filter(info -> table.matches(info.key()))
        .sorted(Comparator.comparing(ObjectInfo::lastModified).thenComparing(ObjectInfo::key))
        .toList();
  }

  /**
   * The header of one file, as written (gunzipped when gzip).
   *
   * @throws dev.ferry.ingest.csv.CsvFileException when the file is not readable CSV
   */
  static List<String> header(ObjectStore objects, String bucket, TableSpec table, String key) {
    try (InputStream in = Decompression.open(objects, bucket, key);
        CsvRows rows = CsvRows.open(in, (byte) table.delimiter())) {
      return rows.header();
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read the header of " + key, e);
    }
  }
}
