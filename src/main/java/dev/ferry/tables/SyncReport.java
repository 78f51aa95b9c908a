package dev.ferry.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.integration.RunResult;
import dev.ferry.store.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sync run's record from its table reports. The status: {@code SUCCEEDED} when no file failed
 * (rejected rows are reported, not failures); {@code PARTIAL} when some file failed and some other
 * loaded; {@code FAILED} when files failed and none loaded. A failed file is tried again next run.
 */
final class SyncReport {
  /** How many rejected rows a run record lists per table. */
  static final int LISTED_REJECTED = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SyncReport() {}

  static RunResult of(List<TableReport> reports) {
    return new RunResult(status(reports), details(reports), errors(reports));
  }

  static RunStatus status(List<TableReport> reports) {
    long failed = reports.stream().mapToLong(r -> r.filesFailed().size()).sum();
    long loaded = reports.stream().mapToLong(TableReport::filesLoaded).sum();
    if (failed == 0) {
      return RunStatus.SUCCEEDED;
    }
    return loaded > 0 ? RunStatus.PARTIAL : RunStatus.FAILED;
  }

  private static List<String> errors(List<TableReport> reports) {
    List<String> errors = new ArrayList<>();
    for (TableReport report : reports) {
      report
          .filesFailed()
          .forEach(f -> errors.add(report.table() + ": " + f.key() + ": " + f.reason()));
    }
    return errors;
  }

  private static String details(List<TableReport> reports) {
    try {
      return JSON.writeValueAsString(
          Map.of("tables", reports.stream().map(SyncReport::table).toList()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps always serialize", e);
    }
  }

  private static Map<String, Object> table(TableReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("table", report.table());
    json.put("filesConsidered", report.filesConsidered());
    json.put("filesLoaded", report.filesLoaded());
    json.put("filesSkipped", report.filesSkipped());
    json.put("filesFailed", report.filesFailed().stream().map(SyncReport::failure).toList());
    json.put("rowsRead", report.rowsRead());
    json.put("rowsInserted", report.rowsInserted());
    json.put("rowsUpdated", report.rowsUpdated());
    json.put("rowsRejected", report.rowsRejected());
    json.put(
        "rejected",
        report.rejected().stream().limit(LISTED_REJECTED).map(SyncReport::rejected).toList());
    json.put("durationMillis", report.duration().toMillis());
    json.put("note", report.note());
    return json;
  }

  private static Map<String, Object> failure(TableReport.FileError error) {
    return Map.of("key", error.key(), "reason", error.reason());
  }

  private static Map<String, Object> rejected(TableReport.RejectedRow row) {
    return Map.of("key", row.key(), "line", row.line(), "reason", row.reason());
  }
}
