package dev.ferry.http;

import dev.ferry.store.ExportActivity.Entry;
import dev.ferry.store.ExportActivity.ExportedFile;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One window of an export's activity log as the API shows it. */
final class ActivityJson {
  private static final DateTimeFormatter RUN =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private ActivityJson() {}

  static Map<String, Object> entry(Entry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("requestId", entry.requestId());
    json.put("runTimestamp", RUN.format(entry.windowEnd()));
    json.put("status", entry.status().shown());
    json.put("windowStart", entry.windowStart().toString());
    json.put("windowEnd", entry.windowEnd().toString());
    json.put("rows", entry.rows());
    json.put("bytes", entry.bytes());
    json.put("startedAt", entry.startedAt().map(Object::toString).orElse(null));
    json.put("endedAt", entry.endedAt().map(Object::toString).orElse(null));
    json.put("error", entry.error().orElse(null));
    json.put("files", files(entry.files()));
    return json;
  }

  private static List<Map<String, Object>> files(List<ExportedFile> files) {
    return files.stream()
        .map(
            file -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("key", file.key());
              json.put("rows", file.rows());
              json.put("bytes", file.bytes());
              json.put("manifest", file.manifest());
              return json;
            })
        .toList();
  }
}
