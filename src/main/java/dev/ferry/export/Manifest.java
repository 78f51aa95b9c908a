package dev.ferry.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.store.ExportActivity.Entry;
import dev.ferry.store.ExportActivity.ExportedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest of one run (SPEC §5), written after all its data files: the request id, the window,
 * what was exported, and every data file with its row count and byte size. It holds nothing that
 * changes when a window is retried, so a retry writes the same bytes.
 */
final class Manifest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Manifest() {}

  static byte[] bytes(
      EventExportDefinition definition, Entry window, String databaseId, List<ExportedFile> files) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("requestId", definition.name());
    manifest.put("databaseId", databaseId);
    manifest.put("type", definition.type().shown());
    manifest.put("format", definition.format().shown());
    manifest.put("windowStart", window.windowStart().toString());
    manifest.put("windowEnd", window.windowEnd().toString());
    manifest.put("rows", files.stream().mapToLong(ExportedFile::rows).sum());
    manifest.put("bytes", files.stream().mapToLong(ExportedFile::bytes).sum());
    List<Map<String, Object>> listed = new ArrayList<>();
    for (ExportedFile file : files) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("key", file.key());
      entry.put("rows", file.rows());
      entry.put("bytes", file.bytes());
      listed.add(entry);
    }
    manifest.put("files", listed);
    try {
      return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A manifest is always JSON", e);
    }
  }
}
