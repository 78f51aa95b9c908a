package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;

/** A table sync run's report as text: per table, its files and rows, then what went wrong. */
final class TableSyncText {
  private TableSyncText() {}

  static void print(JsonNode details, PrintWriter out) {
    for (JsonNode table : details.path("tables")) {
      out.printf(
          Locale.ROOT,
          "  %s: files %d considered, %d loaded, %d skipped, %d failed; rows %,d read, %,d"
              + " inserted, %,d updated, %,d rejected; %d ms%n",
          table.path("table").asText(),
          table.path("filesConsidered").asLong(),
          table.path("filesLoaded").asLong(),
          table.path("filesSkipped").asLong(),
          table.path("filesFailed").size(),
          table.path("rowsRead").asLong(),
          table.path("rowsInserted").asLong(),
          table.path("rowsUpdated").asLong(),
          table.path("rowsRejected").asLong(),
          table.path("durationMillis").asLong());
      if (!table.path("note").asText().isEmpty()) {
        out.println("    note: " + table.path("note").asText());
      }
      table
          .path("rejected")
          .forEach(
              row ->
                  out.printf(
                      "    rejected %s line %d: %s%n",
                      row.path("key").asText(),
                      row.path("line").asLong(),
                      row.path("reason").asText()));
    }
  }
}
