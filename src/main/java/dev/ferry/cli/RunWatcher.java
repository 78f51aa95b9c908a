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
    return progress.has("revisionsTotal") ? revisionsBar(progress) : bytesBar(progress);
  }

  private static String bytesBar(JsonNode progress) {
    long total = Math.max(1, progress.path("bytesTotal").asLong());
    long done = Math.min(total, progress.path("bytesRead").asLong());
    return String.format(
        Locale.ROOT,
        "%s  %s / %s  %,d rows",
        filled(done, total),
        Sizes.bytes(done),
        Sizes.bytes(total),
        progress.path("rowsRead").asLong());
  }

  private static String revisionsBar(JsonNode progress) {
    long total = progress.path("revisionsTotal").asLong();
    long done = Math.min(total, progress.path("revisionsPublished").asLong());
    return String.format(
        Locale.ROOT,
        "%s  %,d / %,d %s  %,d records",
        filled(done, Math.max(1, total)),
        done,
        total,
        progress.path("unit").asText("revisions"),
        progress.path("recordsWritten").asLong());
  }

  /** {@code [####------] 40%} */
  private static String filled(long done, long total) {
    int filled = (int) (WIDTH * done / total);
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%%",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        100 * done / total);
  }
}
