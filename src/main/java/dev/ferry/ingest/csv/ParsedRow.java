package dev.ferry.ingest.csv;

import dev.ferry.event.Record;
import java.util.List;
import java.util.Objects;

/**
 * One data row of a CSV file: {@link Accepted} with its records or {@link Rejected} with the
 * reason. Both carry the physical line where the row starts (the header is line 1) and the byte
 * offset just after the row's line terminator, where reading resumes.
 */
public sealed interface ParsedRow {

  /** Physical line number (1-based) where the row starts. */
  long line();

  /** Byte offset in the file just after this row's line terminator: the resume point. */
  long endOffset();

  /** Why a row was rejected. */
  enum Cause {
    /** The row's bytes are not valid UTF-8; the caller may fail the whole file. */
    ENCODING,
    /** Anything else: field count, missing identity, bad timestamp, a name too long, … */
    CONTENT
  }

  /**
   * A row that produced records: an alias record first when the alias cell is set, then an event or
   * a properties record when the row has an event name or properties.
   *
   * @param line physical line where the row starts
   * @param records one or two records
   * @param endOffset byte offset just after the row's line terminator
   */
  record Accepted(long line, List<Record> records, long endOffset) implements ParsedRow {
    public Accepted {
      records = List.copyOf(records);
    }
  }

  /**
   * A row that produced no record.
   *
   * @param line physical line where the row starts
   * @param reason why, e.g. {@code "missing identity"}
   * @param rawText the row as written (without its line terminator), invalid UTF-8 replaced
   * @param endOffset byte offset just after the row's line terminator
   * @param cause whether the bytes were not UTF-8 or the content was wrong
   */
  record Rejected(long line, String reason, String rawText, long endOffset, Cause cause)
      implements ParsedRow {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(rawText, "rawText");
      Objects.requireNonNull(cause, "cause");
    }
  }
}
