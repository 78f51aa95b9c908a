package dev.ferry.store.duckdb;

import dev.ferry.store.EventExports;
import dev.ferry.store.ExportSelection;
import dev.ferry.store.LineCursor;
import dev.ferry.store.Profile;
import dev.ferry.store.RecordCursor;
import dev.ferry.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The export's reads and Parquet files on DuckDB. Event names sort in UTF-8 byte order because
 * DuckDB compares {@code VARCHAR}s by their bytes; days are {@code CAST(ts AS DATE)} of the stored
 * UTC timestamps, which no session time zone shifts. Properties become a {@code MAP(VARCHAR,
 * VARCHAR)} through {@code json_transform}, which keeps the stored order and gives each value as
 * the string received.
 */
final class DuckDbEventExports implements EventExports {
  static final int PAGE_SIZE = 10_000;

  /** Lines per page of {@link #jsonLines}: about 10 MB for typical events. */
  static final int LINE_PAGE_SIZE = 40_000;

  private static final String PROPERTIES_MAP = "'\"MAP(VARCHAR, VARCHAR)\"'";

  private final Database database;
  private final ParquetCopy.OneThread oneThread = new ParquetCopy.OneThread();

  DuckDbEventExports(Database database) {
    this.database = database;
  }

  @Override
  public List<EventGroup> groups(ExportSelection selection) {
    var sql =
        "SELECT event_name, CAST(CAST(ts AS DATE) AS VARCHAR), count(*) FROM records WHERE "
            + ExportWhere.events(selection)
            + " GROUP BY 1, 2 ORDER BY 1, 2";
    return database.call(
        "group the export's events",
        connection -> {
          var groups = new ArrayList<EventGroup>();
          try (var statement = connection.createStatement();
              var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
              var day = LocalDate.parse(rows.getString(2));
              groups.add(new EventGroup(rows.getString(1), day, rows.getLong(3)));
            }
          }
          return groups;
        });
  }

  @Override
  public RecordCursor events(ExportSelection selection, EventGroup group) {
    return new GroupCursor(database, ExportWhere.group(selection, group), PAGE_SIZE);
  }

  @Override
  public LineCursor jsonLines(ExportSelection selection, EventGroup group) {
    return EventLines.open(
        database, ExportWhere.group(selection, group), LINE_PAGE_SIZE, group.rows(), oneThread);
  }

  @Override
  public List<WrittenFile> writeParquet(
      ExportSelection selection, EventGroup group, Path directory, long chunkBytes) {
    var query =
        "SELECT ts, identity, event_name AS eventName, json_transform(properties, "
            + PROPERTIES_MAP
            + ") AS eventProps FROM records WHERE "
            + ExportWhere.group(selection, group)
            + " ORDER BY ts, sequence";
    try (Connection connection = database.duplicate()) {
      return ParquetCopy.copy(oneThread, connection, query, directory, chunkBytes);
    } catch (SQLException e) {
      throw new StoreException(
          "Failed to write "
              + group.eventName()
              + " on "
              + group.day()
              + " as Parquet into "
              + directory
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public List<WrittenFile> writeProfilesParquet(
      Iterator<Profile> profiles, Path directory, long chunkBytes) {
    try (Connection connection = database.duplicate()) {
      String table = ProfileRows.load(connection, profiles);
      var query =
          "SELECT identity, json_transform(all_identities, '[\"VARCHAR\"]') AS all_identities,"
              + " updated, json_transform(properties, "
              + PROPERTIES_MAP
              + ") AS properties FROM "
              + table
              + " ORDER BY ordinal";
      return ParquetCopy.copy(oneThread, connection, query, directory, chunkBytes);
    } catch (SQLException e) {
      throw new StoreException(
          "Failed to write profiles as Parquet into " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Set<String> identities(ExportSelection selection) {
    var where = ExportWhere.records(selection);
    var sql =
        "SELECT identity FROM records WHERE "
            + where
            + " UNION SELECT second_identity FROM records WHERE second_identity IS NOT NULL AND "
            + where;
    return database.call(
        "read the export's identities",
        connection -> {
          var identities = new LinkedHashSet<String>();
          try (var statement = connection.createStatement();
              var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
              identities.add(rows.getString(1));
            }
          }
          return identities;
        });
  }
}
