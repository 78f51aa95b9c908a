package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows of a replicated table as tab-separated text: a header line, then one line per row. */
final class TableText {
  private TableText() {}

  static void print(JsonNode rows, PrintWriter out) {
    if (rows.isEmpty()) {
      out.println("(no rows)");
      out.flush();
      return;
    }
    List<String> columns = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(columns::add);
    out.println(String.join("\t", columns));
    for (JsonNode row : rows) {
      List<String> values = new ArrayList<>();
      columns.forEach(c -> values.add(row.path(c).isNull() ? "" : row.path(c).asText()));
      out.println(String.join("\t", values));
    }
    out.flush();
  }
}
