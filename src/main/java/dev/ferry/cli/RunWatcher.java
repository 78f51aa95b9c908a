package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;

/** Polls a run until it ends; on a terminal, draws a progress bar on standard error. */
final class RunWatcher {
  private static final long POLL_MILLIS = 500;
  private static final int WIDTH = 30;

  private RunWatcher() {}

  static JsonNode await(ApiClient client, long runId, PrintWriter err) throws InterruptedException {
    boolean terminal = System.console() != null;
    while (true) {
      JsonNode run = client.get("/api/runs/" + runId);
      if (!"running".equals(run.path("status").asText())) {
        if (terminal) {
          err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
          err.flush();
        }
        return run;
      }
      if (terminal) {
        err.print("\r" + bar(run.path("progress")));
        err.flush();
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  static String bar(JsonNode progress) {
    long total = Math.max(1, progress.path("bytesTotal").asLong());
    long done = Math.min(total, progress.path("bytesRead").asLong());
    int filled = (int) (WIDTH * done / total);
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%%  %s / %s  %,d rows",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        100 * done / total,
        Sizes.bytes(done),
        Sizes.bytes(total),
        progress.path("rowsRead").asLong());
  }
}
