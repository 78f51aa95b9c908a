package dev.ferry.store.duckdb;

import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Kind;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import dev.ferry.store.Source;
import dev.ferry.store.SourcedRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bulk path into {@code records}: the batch is written to a temporary delimited file (see
 * {@link RowBuffer}) and loaded with DuckDB's parallel {@code read_csv} in the caller's
 * transaction, several times faster than the appender. Sources are written as an index into the
 * batch's distinct sources, which go into the statement as literals. Columns the statement can
 * derive are not written: the kind (from which of event name and second identity is set) and the
 * revision (from the row, as revisions are runs of sequences); nor the sequence: rows hold their
 * index in the batch, so the file can be written before the sequences are known.
 */
final class BatchFile {
  private static final String COLUMNS =
      "{'row_index': 'BIGINT', 'identity': 'VARCHAR',"
          + " 'second_identity': 'VARCHAR', 'event_name': 'VARCHAR', 'ts': 'BIGINT',"
          + " 'properties': 'VARCHAR', 'source': 'INTEGER', 'line': 'BIGINT'}";

  private final Path file;
  private final List<Source> sources = new ArrayList<>();
  private final Map<Source, Integer> sourceIndex = new HashMap<>();
  private final List<long[]> revisionRuns = new ArrayList<>();
  private Source lastSource;
  private int lastSourceIndex;

  BatchFile(Path file) {
    this.file = file;
  }

  /**
   * Writes the rows; returns false, leaving no file, when some text cannot be carried exactly (the
   * caller then takes the appender path).
   */
  boolean write(List<SourcedRecord> batch) {
    try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      var rows = new RowBuffer(out);
      for (int i = 0; i < batch.size(); i++) {
        row(rows, i, batch.get(i));
      }
      rows.drain();
      return true;
    } catch (RowBuffer.UnencodableException e) {
      delete();
      return false;
    } catch (IOException e) {
      delete();
      throw new UncheckedIOException("Failed to write batch file " + file, e);
    }
  }

  /** Keeps {first row index, revision} of each run of equal revisions. */
  private void keepRevisionRuns(long[] revisions) {
    revisionRuns.clear();
    for (int i = 0; i < revisions.length; i++) {
      if (i == 0 || revisions[i] != revisions[i - 1]) {
        revisionRuns.add(new long[] {i, revisions[i]});
      }
    }
  }

  private void row(RowBuffer rows, long index, SourcedRecord sourced)
      throws IOException, RowBuffer.UnencodableException {
    Record record = sourced.record();
    rows.number(index);
    rows.delimiter();
    rows.text(record.identity());
    rows.delimiter();
    rows.text(record instanceof Alias alias ? alias.secondIdentity() : null);
    rows.delimiter();
    rows.text(record instanceof Event event ? event.name() : null);
    rows.delimiter();
    rows.number(record.timestamp().toEpochMilli());
    rows.delimiter();
    properties(rows, record);
    rows.delimiter();
    rows.number(source(sourced.source()));
    rows.delimiter();
    rows.number(sourced.source().line());
    rows.endRow();
  }

  private static void properties(RowBuffer rows, Record record) throws IOException {
    if (record instanceof Event event) {
      rows.json(event.properties());
    } else if (record instanceof SetProperties set) {
      rows.json(set.properties());
    }
  }

  private int source(Source source) throws RowBuffer.UnencodableException {
    if (lastSource != null && sameFile(lastSource, source)) {
      return lastSourceIndex;
    }
    lastSourceIndex = indexOf(source);
    lastSource = source;
    return lastSourceIndex;
  }

  /** Whether both come from the same run and object (the same strings, as rows of a file do). */
  private static boolean sameFile(Source one, Source other) {
    return one.integration() == other.integration()
        && one.runId() == other.runId()
        && one.objectKey() == other.objectKey();
  }

  private int indexOf(Source source) throws RowBuffer.UnencodableException {
    var withoutLine = source.atLine(0);
    Integer index = sourceIndex.get(withoutLine);
    if (index != null) {
      return index;
    }
    if ((source.integration() + source.runId() + source.objectKey()).indexOf('\0') >= 0) {
      throw new RowBuffer.UnencodableException();
    }
    return sourceIndex.computeIfAbsent(
        withoutLine,
        s -> {
          sources.add(s);
          return sources.size();
        });
  }

  /**
   * Loads the written file into {@code records} on {@code connection}, the rows numbered from
   * {@code firstSequence} with the given revisions; returns the row count.
   */
  long load(Connection connection, Instant receivedAt, long firstSequence, long[] revisions)
      throws SQLException {
    keepRevisionRuns(revisions);
    try (var statement = connection.createStatement()) {
      return statement.executeLargeUpdate(insert(receivedAt, firstSequence));
    }
  }

  private String insert(Instant receivedAt, long firstSequence) {
    return "INSERT INTO records SELECT row_index + "
        + firstSequence
        + ", "
        + kind()
        + ", identity, second_identity, event_name, epoch_ms(ts), properties, epoch_ms("
        + receivedAt.toEpochMilli()
        + "), "
        + revision()
        + ", "
        + list(Source::integration)
        + ", "
        + list(Source::runId)
        + ", "
        + list(Source::objectKey)
        + ", line FROM "
        + readCsv(file, Integer.MAX_VALUE, COLUMNS);
  }

  /**
   * {@code read_csv} of a file {@link RowBuffer} wrote: its delimiter and quote, no header, no
   * detection, an unquoted empty field NULL, lines up to {@code maxLineSize} bytes, {@code columns}
   * a DuckDB struct literal of names and types.
   */
  static String readCsv(Path file, long maxLineSize, String columns) {
    return "read_csv("
        + literal(file.toAbsolutePath().toString())
        + ", header = false, auto_detect = false, delim = '"
        + RowBuffer.DELIMITER
        + "', quote = '"
        + RowBuffer.QUOTE
        + "', escape = '"
        + RowBuffer.QUOTE
        + "', allow_quoted_nulls = false, max_line_size = "
        + maxLineSize
        + ", columns = "
        + columns
        + ")";
  }

  private static String kind() {
    return "CASE WHEN event_name IS NOT NULL THEN "
        + literal(RecordRows.name(Kind.EVENT))
        + " WHEN second_identity IS NOT NULL THEN "
        + literal(RecordRows.name(Kind.ALIAS))
        + " ELSE "
        + literal(RecordRows.name(Kind.PROPERTIES))
        + " END";
  }

  /** The revision of a sequence: the last run starting at or before it. */
  private String revision() {
    if (revisionRuns.size() == 1) {
      return Long.toString(revisionRuns.get(0)[1]);
    }
    var sql = new StringBuilder("CASE");
    for (int i = revisionRuns.size() - 1; i > 0; i--) {
      long[] run = revisionRuns.get(i);
      sql.append(" WHEN row_index >= ").append(run[0]).append(" THEN ").append(run[1]);
    }
    return sql.append(" ELSE ").append(revisionRuns.get(0)[1]).append(" END").toString();
  }

  /** The part of the row's source; a literal when the batch has one source. */
  private String list(java.util.function.Function<Source, String> part) {
    if (sources.size() == 1) {
      return literal(part.apply(sources.get(0)));
    }
    var literals = sources.stream().map(part).map(BatchFile::literal).toList();
    return "list_extract([" + String.join(", ", literals) + "]::VARCHAR[], source)";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to delete batch file " + file, e);
    }
  }
}
