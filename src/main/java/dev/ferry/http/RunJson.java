package dev.ferry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.export.ExportProgress;
import dev.ferry.export.ExportService;
import dev.ferry.ingest.ImportService;
import dev.ferry.ingest.RunProgress;
import dev.ferry.store.Run;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Run records as JSON; a run going on carries the live progress of its job. */
final class RunJson {
  private final ImportService imports;
  private final ExportService exports;

  RunJson(ImportService imports, ExportService exports) {
    this.imports = imports;
    this.exports = exports;
  }

  Map<String, Object> of(Run run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", run.id());
    json.put("integration", run.integration());
    json.put("kind", run.kind());
    json.put("status", run.status().name().toLowerCase(Locale.ROOT));
    json.put("startedAt", run.startedAt().toString());
    run.finished().ifPresent(at -> json.put("finishedAt", at.toString()));
    json.put("details", details(run.details()));
    json.put("errors", run.errors());
    progress(run.id()).ifPresent(progress -> json.put("progress", progress));
    return json;
  }

  private Optional<Map<String, Object>> progress(long runId) {
    return imports
        .progress(runId)
        .map(RunJson::progress)
        .or(() -> exports.progress(runId).map(RunJson::progress));
  }

  private static Object details(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return text;
    }
  }

  private static Map<String, Object> progress(RunProgress progress) {
    return Map.of(
        "bytesRead", progress.bytesRead(),
        "bytesTotal", progress.bytesTotal(),
        "rowsRead", progress.rowsRead(),
        "currentKey", progress.currentKey());
  }

  private static Map<String, Object> progress(ExportProgress progress) {
    return Map.of(
        "revisionsPublished", progress.revisionsPublished(),
        "revisionsTotal", progress.revisionsTotal(),
        "unit", progress.unit(),
        "recordsWritten", progress.recordsWritten(),
        "bytesWritten", progress.bytesWritten());
  }
}
