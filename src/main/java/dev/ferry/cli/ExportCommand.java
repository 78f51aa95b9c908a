package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry export ...}: manage and run exports on a running server. */
@Command(
    name = "export",
    description =
        "Manage and run exports: Kissmetrics-style revision files (kind revisions) or"
            + " CleverTap-style event and profile files (kind events).",
    subcommands = {
      ExportCommand.Create.class,
      ExportCommand.ListExports.class,
      ExportCommand.Show.class,
      ExportCommand.Delete.class,
      ExportCommand.Run.class,
      ExportCommand.Activity.class
    })
public final class ExportCommand implements Runnable {
  private static final String EXPORTS = "/api/exports";

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static String path(String name) {
    return IntegrationCalls.path(EXPORTS, name);
  }

  /**
   * {@code ferry export create}: from options or a YAML/JSON file; the server checks the bucket.
   */
  @Command(name = "create", description = "Create an export; the server checks its bucket first.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Option(names = "--file", description = "Settings as YAML or JSON (same keys as ferry.yaml)")
    Path file;

    @Option(names = "--name")
    String name;

    @Option(
        names = "--kind",
        description = "revisions (the default when the file sets none) or events")
    String kind;

    @Option(names = "--bucket")
    String bucket;

    @Option(names = "--prefix", description = "key prefix of everything the export writes")
    String prefix;

    @Option(
        names = "--every",
        description = "schedule: revisions default 12h; recurring events 4h to 24h, default 24h")
    String every;

    @Option(
        names = "--type",
        description = "events: all-events (default), selected-events, profiles")
    String type;

    @Option(
        names = "--events",
        split = ",",
        description = "events: the event names of a selected-events export, comma-separated")
    java.util.List<String> events;

    @Option(names = "--format", description = "events: json, xml, csv or parquet")
    String format;

    @Option(names = "--frequency", description = "events: recurring (default) or once")
    String frequency;

    @Option(names = "--from", description = "events, once: window start, e.g. 2026-10-01")
    String from;

    @Option(names = "--to", description = "events, once: window end (exclusive)")
    String to;

    @Option(names = "--chunk-size", description = "events: file size limit, default 100MB")
    String chunkSize;

    @Option(names = "--json-header-line", description = "events, json: event name line first")
    Boolean jsonHeaderLine;

    @Option(names = "--compression-level", description = "events: gzip level 1-9, default 6")
    Integer compressionLevel;

    @Option(names = "--time-budget", description = "default 1h")
    String timeBudget;

    @Option(
        names = "--cutoff",
        description = "yesterday (default): revisions closed before today (UTC); closed: all")
    String cutoff;

    @Option(names = "--dedupe", description = "drop duplicate records within each revision")
    Boolean dedupe;

    @Override
    public Integer call() throws IOException {
      Map<String, Object> settings = IntegrationCalls.settings(file);
      IntegrationCalls.put(settings, "name", name);
      IntegrationCalls.put(settings, "kind", kind);
      settings.putIfAbsent("kind", "revisions");
      IntegrationCalls.put(settings, "bucket", bucket);
      IntegrationCalls.put(settings, "prefix", prefix);
      IntegrationCalls.put(settings, "every", every);
      IntegrationCalls.put(settings, "time-budget", timeBudget);
      IntegrationCalls.put(settings, "cutoff", cutoff);
      IntegrationCalls.put(settings, "dedupe", dedupe);
      IntegrationCalls.put(settings, "type", type);
      IntegrationCalls.put(settings, "events", events);
      IntegrationCalls.put(settings, "format", format);
      IntegrationCalls.put(settings, "frequency", frequency);
      IntegrationCalls.put(settings, "from", from);
      IntegrationCalls.put(settings, "to", to);
      IntegrationCalls.put(settings, "chunk-size", chunkSize);
      IntegrationCalls.put(settings, "json-header-line", jsonHeaderLine);
      IntegrationCalls.put(settings, "compression-level", compressionLevel);
      IntegrationCalls.print(spec, options.client().post(EXPORTS, settings));
      return 0;
    }
  }

  @Command(name = "list", description = "List exports.")
  static final class ListExports implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      JsonNode exports = options.client().get(EXPORTS);
      if (options.json) {
        IntegrationCalls.print(spec, exports);
        return 0;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-24s %-10s %-40s %-8s %s%n", "NAME", "KIND", "DESTINATION", "EVERY", "WHAT");
      for (JsonNode item : exports) {
        boolean events = item.path("kind").asText().equals("events");
        out.printf(
            "%-24s %-10s %-40s %-8s %s%n",
            item.path("name").asText(),
            item.path("kind").asText(),
            "s3://" + item.path("bucket").asText() + "/" + item.path("prefix").asText(),
            item.has("every") ? item.path("every").asText() : "once",
            events
                ? item.path("type").asText() + " as " + item.path("format").asText()
                : "cutoff " + item.path("cutoff").asText());
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "show", description = "Show an export's settings (secrets masked).")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      IntegrationCalls.print(spec, options.client().get(path(name)));
      return 0;
    }
  }

  @Command(
      name = "delete",
      description =
          "Delete an export; its files stay in the bucket, what it published is forgotten.")
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      options.client().delete(path(name));
      IntegrationCalls.say(spec, "Deleted export " + name);
      return 0;
    }
  }

  @Command(name = "run", description = "Run an export now.")
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--wait", description = "Wait for the end and print the run report")
    boolean wait;

    @Override
    public Integer call() throws InterruptedException {
      return IntegrationCalls.run(
          spec, options, path(name), "export " + name, IntegrationCalls.Wait.of(wait));
    }
  }

  /** {@code ferry export activity NAME}: the activity log of an event or profile export. */
  @Command(
      name = "activity",
      description =
          "Show the activity log of an event or profile export (its name is its request id):"
              + " each window with status, files, rows, bytes, times and error.")
  static final class Activity implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME", description = "the export's name, which is its request id")
    String name;

    @Option(names = "--limit", description = "at most this many windows, latest first")
    Integer limit;

    @Override
    public Integer call() {
      String query = limit == null ? "" : "?limit=" + limit;
      JsonNode windows = options.client().get(path(name) + "/activity" + query);
      if (options.json) {
        IntegrationCalls.print(spec, windows);
        return 0;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%-15s %-8s %-41s %5s %10s %12s  %s%n",
          "RUN", "STATUS", "WINDOW", "FILES", "ROWS", "BYTES", "ERROR");
      for (JsonNode window : windows) {
        out.printf(
            "%-15s %-8s %-41s %5d %10d %12d  %s%n",
            window.path("runTimestamp").asText(),
            window.path("status").asText(),
            window.path("windowStart").asText() + " - " + window.path("windowEnd").asText(),
            window.path("files").size(),
            window.path("rows").asLong(),
            window.path("bytes").asLong(),
            window.path("error").isNull() ? "" : window.path("error").asText());
      }
      out.flush();
      return 0;
    }
  }
}
