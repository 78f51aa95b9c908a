package dev.ferry.tables;

import dev.ferry.store.ReplicatedTables.Kind;
import dev.ferry.store.ReplicatedTables.StagedColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How one file's header maps onto its table (SPEC §3): which header fields load, under which store
 * names and kinds, followed by the metadata columns every row carries. Settings name header fields
 * as written or by their store names.
 *
 * @param header the store name of every header field, in order
 * @param loaded the positions of the header fields that load ({@code columns}, else all)
 * @param staged the staged columns: the loaded fields, then the metadata columns
 * @param keyPositions the positions in {@code staged} of the primary key's columns
 * @param datetimePositions the header positions of datetime fields that load
 */
record FileColumns(
    List<String> header,
    List<Integer> loaded,
    List<StagedColumn> staged,
    List<Integer> keyPositions,
    Set<Integer> datetimePositions) {

  static final String SOURCE_KEY = "_ferry_source_key";
  static final String SOURCE_LINE = "_ferry_source_line";
  static final String LOADED_AT = "_ferry_loaded_at";
  static final String EXTRA = "_ferry_extra";
  static final Set<String> METADATA = Set.of(SOURCE_KEY, SOURCE_LINE, LOADED_AT, EXTRA);

  /**
   * Maps a header.
   *
   * @throws TableFileException when a primary-key field is not in the header
   */
  static FileColumns of(List<String> rawHeader, TableSpec spec) {
    List<String> header = Names.columns(rawHeader, METADATA);
    Set<String> wanted = names(spec.columns());
    Set<String> datetimes = names(spec.datetimeFields());
    List<Integer> loaded = new ArrayList<>();
    List<StagedColumn> staged = new ArrayList<>();
    Set<Integer> datetimePositions = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (!wanted.isEmpty() && !wanted.contains(name) && !isKey(spec, name)) {
        continue;
      }
      loaded.add(i);
      boolean datetime = datetimes.contains(name);
      if (datetime) {
        datetimePositions.add(i);
      }
      staged.add(new StagedColumn(name, kind(spec, datetime)));
    }
    staged.add(new StagedColumn(SOURCE_KEY, Kind.STRING));
    staged.add(new StagedColumn(SOURCE_LINE, Kind.INTEGER));
    staged.add(new StagedColumn(LOADED_AT, Kind.TIMESTAMP));
    staged.add(new StagedColumn(EXTRA, Kind.STRING));
    return new FileColumns(
        header, List.copyOf(loaded), List.copyOf(staged), keys(spec, staged), datetimePositions);
  }

  /** The store names of the primary key's columns. */
  List<String> keyNames() {
    return keyPositions.stream().map(i -> staged.get(i).name()).toList();
  }

  private static Kind kind(TableSpec spec, boolean datetime) {
    if (datetime) {
      return Kind.TIMESTAMP;
    }
    return spec.inferTypes() ? Kind.INFERRED : Kind.STRING;
  }

  private static boolean isKey(TableSpec spec, String name) {
    return names(spec.primaryKey()).contains(name);
  }

  private static List<Integer> keys(TableSpec spec, List<StagedColumn> staged) {
    List<Integer> positions = new ArrayList<>();
    for (String field : spec.primaryKey()) {
      String name = Names.sanitize(field);
      int position = -1;
      for (int i = 0; i < staged.size() - METADATA.size(); i++) {
        if (staged.get(i).name().equals(name)) {
          position = i;
        }
      }
      if (position < 0) {
        throw new TableFileException(
            "the primary-key field '" + field + "' is not in the file's header");
      }
      positions.add(position);
    }
    return List.copyOf(positions);
  }

  private static Set<String> names(List<String> fields) {
    Set<String> names = new HashSet<>();
    fields.forEach(field -> names.add(Names.sanitize(field)));
    return names;
  }
}
