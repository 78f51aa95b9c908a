package dev.ferry.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the event and profile export (SPEC §5) reads from the store, and the Parquet files the store
 * writes for it. Only events (records of kind event) are exported as rows; properties records and
 * aliases shape profiles.
 */
public interface EventExports {

  /**
   * The groups of the selected events, one per event name and UTC day of the event's timestamp,
   * with their row counts, ordered by event name (UTF-8 byte order) then day. Empty groups are
   * absent.
   */
  List<EventGroup> groups(ExportSelection selection);

  /**
   * The selected events of one group, ordered by timestamp then sequence, streamed in bounded
   * memory.
   */
  RecordCursor events(ExportSelection selection, EventGroup group);

  /**
   * The selected events of one group as the lines of a JSON export file, without the line break and
   * without the file's first line, in the order of {@link #events}, as UTF-8 ({@link
   * LineCursor#nextUtf8}): the same bytes as {@code JsonEventWriter} writes for each event, built
   * by the store (the export's fast path).
   */
  LineCursor jsonLines(ExportSelection selection, EventGroup group);

  /**
   * Writes the selected events of one group as Parquet files into {@code directory} (which exists
   * and is empty), in the order of {@link #events}, starting a new file once the current one
   * reaches {@code chunkBytes} (at a row-group boundary, so a file may pass it by up to one row
   * group and its footer). Columns: {@code ts} (TIMESTAMP, UTC), {@code identity} (VARCHAR), {@code
   * eventName} (VARCHAR), {@code eventProps} (MAP(VARCHAR, VARCHAR), in the order received). The
   * same rows give the same bytes.
   *
   * @return the files in row order, at least one
   */
  List<WrittenFile> writeParquet(
      ExportSelection selection, EventGroup group, Path directory, long chunkBytes);

  /**
   * Writes profiles, in the order given, as Parquet files into {@code directory} (which exists and
   * is empty), chunked as {@link #writeParquet}. Columns: {@code identity} (VARCHAR), {@code
   * all_identities} (VARCHAR[]), {@code updated} (TIMESTAMP, UTC), {@code properties} (MAP(VARCHAR,
   * VARCHAR), sorted by name). The same profiles give the same bytes.
   *
   * @return the files in row order, at least one (with no rows when there are no profiles)
   */
  List<WrittenFile> writeProfilesParquet(
      Iterator<Profile> profiles, Path directory, long chunkBytes);

  /**
   * Every identity (identity and, for aliases, second identity) of the selected records of every
   * kind, ignoring the selection's event names: whose profiles a run's records touched.
   */
  Set<String> identities(ExportSelection selection);

  /** One event name on one UTC day, and how many selected events it has. */
  record EventGroup(String eventName, LocalDate day, long rows) {
    public EventGroup {
      Objects.requireNonNull(eventName, "eventName must not be null");
      Objects.requireNonNull(day, "day must not be null");
    }
  }

  /** A file written to local disk, with its rows and size. */
  record WrittenFile(Path path, long rows, long bytes) {
    public WrittenFile {
      Objects.requireNonNull(path, "path must not be null");
    }
  }
}
