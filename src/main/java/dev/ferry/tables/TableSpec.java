package dev.ferry.tables;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One table of a table integration (SPEC §3): the files whose keys, listed under {@code
 * searchPrefix}, match {@code searchPattern} load into {@code table}.
 *
 * @param table the destination table's store name (already sanitized)
 * @param searchPrefix the key prefix to list under, may be empty
 * @param searchPattern matched against the whole object key ({@link java.util.regex.Matcher#find})
 * @param primaryKey header fields of the key; rows are upserted with one and appended without
 * @param datetimeFields header fields loaded as timestamps
 * @param delimiter the field delimiter, one ASCII character
 * @param columns header fields to replicate; empty for all
 * @param inferTypes whether other fields are typed by their values instead of kept as text
 */
public record TableSpec(
    String table,
    String searchPrefix,
    Pattern searchPattern,
    List<String> primaryKey,
    List<String> datetimeFields,
    char delimiter,
    List<String> columns,
    boolean inferTypes) {

  public TableSpec {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(searchPrefix, "searchPrefix");
    Objects.requireNonNull(searchPattern, "searchPattern");
    primaryKey = List.copyOf(primaryKey);
    datetimeFields = List.copyOf(datetimeFields);
    columns = List.copyOf(columns);
  }

  /** Whether {@code key} is one of this table's files. */
  public boolean matches(String key) {
    return key.startsWith(searchPrefix) && searchPattern.matcher(key).find();
  }
}
