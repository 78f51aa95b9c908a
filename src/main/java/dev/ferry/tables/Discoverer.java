package dev.ferry.tables;

import dev.ferry.ingest.csv.CsvFileException;
import dev.ferry.objectstore.ObjectInfo;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.store.ReplicatedTables.StagedColumn;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the headers of a table's newest files to show the columns it would have. */
final class Discoverer {
  private Discoverer() {}

  static TableDiscovery discover(ObjectStore objects, String bucket, TableSpec table) {
    List<ObjectInfo> files = TableFiles.matching(objects, bucket, table);
    List<String> keys = new ArrayList<>();
    for (int i = files.size() - 1; i >= 0 && keys.size() < TableDiscovery.MAX_FILES; i--) {
      keys.add(files.get(i).key());
    }
    Map<String, TableDiscovery.Column> columns = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String key : keys) {
      try {
        add(FileColumns.of(TableFiles.header(objects, bucket, table, key), table), columns);
      } catch (TableFileException | CsvFileException | UncheckedIOException e) {
        problems.add(key + ": " + e.getMessage());
      }
    }
    return new TableDiscovery(table.table(), keys, List.copyOf(columns.values()), problems);
  }

  private static void add(FileColumns file, Map<String, TableDiscovery.Column> columns) {
    List<String> keys = file.keyNames();
    List<StagedColumn> data =
        file.staged().subList(0, file.staged().size() - FileColumns.METADATA.size());
    for (StagedColumn column : data) {
      columns.putIfAbsent(
          column.name(),
          new TableDiscovery.Column(
              column.name(),
              column.kind().name().toLowerCase(Locale.ROOT),
              keys.contains(column.name())));
    }
  }
}
