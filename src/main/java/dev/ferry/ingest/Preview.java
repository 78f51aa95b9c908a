package dev.ferry.ingest;

import dev.ferry.event.Record;
import java.util.List;
import java.util.Map;

/**
 * What the first matching file will produce, written nowhere (SPEC §2.1).
 *
 * @param mapping role or property name per column, as detected
 */
public record Preview(
    String file, Map<String, String> mapping, List<Row> records, List<RowError> errors) {

  /** A record and the physical line it comes from. */
  public record Row(long line, Record record) {}

  /** A row that would be rejected. */
  public record RowError(long line, String reason) {}
}
