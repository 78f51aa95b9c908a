package dev.ferry.store.duckdb;

import dev.ferry.store.EventExports.EventGroup;
import dev.ferry.store.ExportSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code WHERE} conditions of an {@link ExportSelection} over {@code records}, with the values
 * written as SQL literals: DuckDB takes no parameters inside {@code COPY}, and one rendering serves
 * every statement. Strings are quoted by doubling {@code '} (DuckDB's standard strings have no
 * backslash escapes); times are compared as epoch milliseconds, so no session time zone applies.
 */
final class ExportWhere {
  private ExportWhere() {}

  /** Records of every kind in the selection's sequence and receive windows. */
  static String records(ExportSelection selection) {
    var conditions = new ArrayList<String>();
    conditions.add("sequence > " + selection.afterSequence());
    conditions.add("sequence <= " + selection.upToSequence());
    selection.receivedFrom().ifPresent(from -> conditions.add("received_at >= " + time(from)));
    selection.receivedBefore().ifPresent(to -> conditions.add("received_at < " + time(to)));
    return String.join(" AND ", conditions);
  }

  /** The selected events: kind event and, unless the set is empty, one of the names. */
  static String events(ExportSelection selection) {
    var where = records(selection) + " AND kind = 'event'";
    if (selection.eventNames().isEmpty()) {
      return where;
    }
    return where + " AND event_name IN (" + literals(selection.eventNames()) + ")";
  }

  /**
   * The selected events of one group. The day is a range of {@code ts} ({@code CAST(ts AS DATE) =
   * day} means the same for a {@code TIMESTAMP}), which DuckDB checks against each row group's
   * minimum and maximum, so a group's query skips the row groups of other days instead of reading
   * the whole table (measured: most of the JSON export's time went to those full scans).
   */
  static String group(ExportSelection selection, EventGroup group) {
    return events(selection)
        + " AND event_name = "
        + literal(group.eventName())
        + " AND ts >= TIMESTAMP '"
        + group.day()
        + " 00:00:00' AND ts < TIMESTAMP '"
        + group.day().plusDays(1)
        + " 00:00:00'";
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String literals(Iterable<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(value -> quoted.add(literal(value)));
    return quoted.stream().sorted().collect(Collectors.joining(", "));
  }

  private static String time(Instant instant) {
    return "epoch_ms(" + instant.toEpochMilli() + ")";
  }
}
