package dev.ferry.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tables replicated from CSV files (SPEC §3), with their ledger of loaded files. Each table
 * integration has its own namespace, so two integrations may both have a table {@code customers};
 * names given here are already sanitized (letters, digits, {@code _}).
 *
 * <p>A file is loaded through a {@link TableLoad}: its rows are staged, then {@link
 * TableLoad#commit()} applies them and records the file in the ledger in one transaction, so after
 * a crash a file is either wholly loaded and in the ledger, or neither.
 */
public interface ReplicatedTables {

  /** Starts loading one file into a table. Close the load to discard it if it was not committed. */
  TableLoad begin(FileLoad file);

  /** The files loaded into a table, by key; empty when the table has none. */
  Map<String, LoadedFile> ledger(String integration, String table);

  /** A table's columns in order; empty when the table does not exist. */
  List<TableColumn> columns(String integration, String table);

  /** The names of an integration's tables that exist, sorted. */
  List<String> tables(String integration);

  /**
   * Up to {@code limit} rows of a table, in the order they were loaded, each a map from column name
   * to value ({@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code Instant} or
   * {@code null}), columns in table order.
   */
  List<Map<String, Object>> rows(String integration, String table, int limit);

  /** Drops an integration's tables and ledger. */
  void drop(String integration);

  /** How a staged column's text becomes the table's column. */
  enum Kind {
    /** Text as it is. */
    STRING,
    /** Text in ISO form {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, UTC, already checked. */
    TIMESTAMP,
    /** A whole number written as text (metadata such as the source line). */
    INTEGER,
    /**
     * Typed by the values: BIGINT, DOUBLE or BOOLEAN when every non-NULL value of the file (and of
     * the column already in the table) fits, else VARCHAR. A column already typed whose new values
     * do not fit becomes VARCHAR, its earlier values kept as text.
     */
    INFERRED
  }

  /** A column of a staged file. */
  record StagedColumn(String name, Kind kind) {
    public StagedColumn {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * One file to load.
   *
   * @param integration the table integration's name
   * @param table the destination table
   * @param key the object key
   * @param etag the object's ETag when listed
   * @param lastModified the object's modification time when listed
   * @param columns the staged values' columns, in order (the file's columns and the metadata
   *     columns); a column the table lacks is added, a table column the file lacks gets NULL
   * @param primaryKey the columns of the primary key, empty to append
   */
  record FileLoad(
      String integration,
      String table,
      String key,
      String etag,
      Instant lastModified,
      List<StagedColumn> columns,
      List<String> primaryKey) {
    public FileLoad {
      Objects.requireNonNull(integration, "integration");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(etag, "etag");
      Objects.requireNonNull(lastModified, "lastModified");
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
    }
  }

  /** A file staged row by row, then committed. */
  interface TableLoad extends AutoCloseable {
    /**
     * Stages one row: one value per staged column, {@code null} for NULL. With a primary key, a
     * later row with the same key replaces an earlier one of the same file.
     */
    void add(List<String> values);

    /**
     * Applies the staged rows to the table (creating it, adding columns, widening types as needed),
     * upserting by the primary key or appending, and records the file in the ledger, all in one
     * transaction.
     */
    LoadCounts commit();

    /** Discards what was staged unless committed. */
    @Override
    void close();
  }

  /** What a commit did: rows new to the table and rows that replaced one with the same key. */
  record LoadCounts(long inserted, long updated) {}

  /** A ledger entry: the file as it was when loaded. */
  record LoadedFile(String key, String etag, Instant lastModified, Instant loadedAt, long rows) {}

  /** A column of a replicated table: its name and DuckDB type name (e.g. {@code VARCHAR}). */
  record TableColumn(String name, String type) {}
}
