package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** A preview as text: mapping, records, row errors. */
final class PreviewText {
  private PreviewText() {}

  static void print(JsonNode preview, PrintWriter out) {
    out.println("File: " + preview.path("file").asText());
    out.println("Columns:");
    preview
        .path("mapping")
        .properties()
        .forEach(e -> out.println("  " + e.getKey() + " → " + e.getValue().asText()));
    out.println("Records:");
    for (JsonNode record : preview.path("records")) {
      out.printf(
          "  line %-6d %-10s %-24s %s %s %s%n",
          record.path("line").asLong(),
          record.path("kind").asText(),
          record.path("identity").asText(),
          record.path("timestamp").asText(),
          record.path("event").asText(record.path("alias").asText("")),
          record.path("properties").isMissingNode() ? "" : record.path("properties").toString());
    }
    if (!preview.path("errors").isEmpty()) {
      out.println("Rows that would be rejected:");
      preview
          .path("errors")
          .forEach(
              e ->
                  out.println(
                      "  line " + e.path("line").asLong() + ": " + e.path("reason").asText()));
    }
    out.flush();
  }
}
