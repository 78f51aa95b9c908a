package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry runs NAME}: an integration's runs, newest first. */
@Command(name = "runs", description = "List an integration's runs, newest first.")
public final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  @Parameters(paramLabel = "NAME", description = "The integration")
  String name;

  @Option(names = "--limit", defaultValue = "20")
  int limit;

  @Override
  public Integer call() {
    JsonNode runs =
        options
            .client()
            .get(
                "/api/runs?integration="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "&limit="
                    + limit);
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.println(ApiClient.pretty(runs));
    } else {
      runs.forEach(run -> printReport(run, out));
    }
    out.flush();
    return 0;
  }

  static void printReport(JsonNode run, PrintWriter out) {
    out.printf(
        "Run %d of %s: %s  (%s → %s)%n",
        run.path("id").asLong(),
        run.path("integration").asText(),
        run.path("status").asText(),
        run.path("startedAt").asText(),
        run.path("finishedAt").asText("-"));
    if ("import".equals(run.path("kind").asText())) {
      printImportDetails(run.path("details"), out);
    } else if ("table-sync".equals(run.path("kind").asText())) {
      TableSyncText.print(run.path("details"), out);
    } else {
      printDetails(run.path("details"), out);
    }
    run.path("errors").forEach(error -> out.println("  error: " + error.asText()));
    out.flush();
  }

  private static void printImportDetails(JsonNode details, PrintWriter out) {
    out.printf(
        "  files: %d completed, %d unfinished, %d failed, %d skipped%n",
        details.path("filesCompleted").asLong(),
        details.path("filesUnfinished").asLong(),
        details.path("filesFailed").asLong(),
        details.path("filesSkipped").asLong());
    out.printf(
        "  rows: %,d read, %,d records imported, %,d rejected; %s read%n",
        details.path("rowsRead").asLong(),
        details.path("recordsImported").asLong(),
        details.path("rowsRejected").asLong(),
        Sizes.bytes(details.path("bytesRead").asLong()));
    for (JsonNode file : details.path("files")) {
      out.printf(
          "  %-10s %s%s%n",
          file.path("result").asText().toLowerCase(Locale.ROOT),
          file.path("key").asText(),
          file.path("destination").isTextual() ? " → " + file.path("destination").asText() : "");
    }
  }

  /** Other kinds report plain counts: one line each, as the job named them. */
  private static void printDetails(JsonNode details, PrintWriter out) {
    details
        .properties()
        .forEach(
            field ->
                out.printf(
                    Locale.ROOT,
                    "  %s: %s%n",
                    field.getKey(),
                    field.getValue().isIntegralNumber()
                        ? String.format(Locale.ROOT, "%,d", field.getValue().asLong())
                        : field.getValue().toString()));
  }
}
