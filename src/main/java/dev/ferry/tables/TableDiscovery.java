package dev.ferry.tables;

import java.util.List;

/**
 * What a table would look like (SPEC §3): the union of the headers of a few of its files, each
 * column with its store name and how it would load.
 *
 * @param table the table's store name
 * @param files the keys whose headers were read, newest first
 * @param columns the table's data columns in first-seen order (metadata columns not included)
 * @param problems files whose header could not be read or lacks a primary-key field, with why
 */
public record TableDiscovery(
    String table, List<String> files, List<Column> columns, List<String> problems) {

  /** How many files discovery reads per table. */
  public static final int MAX_FILES = 5;

  public TableDiscovery {
    files = List.copyOf(files);
    columns = List.copyOf(columns);
    problems = List.copyOf(problems);
  }

  /**
   * A column.
   *
   * @param name its store name
   * @param kind {@code string}, {@code timestamp} or {@code inferred} (typed by its values)
   * @param primaryKey whether it is part of the primary key
   */
  public record Column(String name, String kind, boolean primaryKey) {}
}
