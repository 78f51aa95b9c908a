package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry import ...}: manage and run recurring CSV imports on a running server. */
@Command(
    name = "import",
    description = "Manage and run recurring CSV imports (Kissmetrics-style).",
    subcommands = {
      ImportCommand.Create.class,
      ImportCommand.ListImports.class,
      ImportCommand.Show.class,
      ImportCommand.Delete.class,
      ImportCommand.PreviewImport.class,
      ImportCommand.Run.class
    })
public final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static String path(String name) {
    return IntegrationCalls.path("/api/imports", name);
  }

  private static void print(CommandSpec spec, JsonNode node) {
    IntegrationCalls.print(spec, node);
  }

  /** {@code ferry import create}: from options or a YAML/JSON file; validated by the server. */
  @Command(name = "create", description = "Create an import; the server validates it first.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Option(names = "--file", description = "Settings as YAML or JSON (same keys as ferry.yaml)")
    Path file;

    @Option(names = "--name")
    String name;

    @Option(names = "--bucket")
    String bucket;

    @Option(names = "--folder")
    String folder;

    @Option(names = "--base-filename", description = "e.g. accounts.csv")
    String baseFilename;

    @Option(names = "--every", description = "schedule, default 1h")
    String every;

    @Option(names = "--files-per-run", description = "default 1")
    String filesPerRun;

    @Option(names = "--time-budget", description = "default 5m")
    String timeBudget;

    @Option(
        names = "--timestamp-format",
        description = "epoch-seconds (default), epoch-millis, iso-8601 or a pattern")
    String timestampFormat;

    @Option(names = "--timezone")
    String timezone;

    @Option(names = "--delimiter")
    String delimiter;

    @Option(
        names = "--column",
        paramLabel = "ROLE=HEADER",
        description = "e.g. identity=user_email")
    Map<String, String> columns;

    @Option(names = "--ignore-column", paramLabel = "HEADER")
    List<String> ignoreColumns;

    @Override
    public Integer call() throws IOException {
      Map<String, Object> settings = IntegrationCalls.settings(file);
      put(settings, "name", name);
      put(settings, "bucket", bucket);
      put(settings, "folder", folder);
      put(settings, "base-filename", baseFilename);
      put(settings, "every", every);
      put(settings, "files-per-run", filesPerRun);
      put(settings, "time-budget", timeBudget);
      put(settings, "timestamp-format", timestampFormat);
      put(settings, "timezone", timezone);
      put(settings, "delimiter", delimiter);
      put(settings, "columns", columns);
      put(settings, "ignore-columns", ignoreColumns);
      JsonNode created = options.client().post("/api/imports", settings);
      print(spec, created);
      return 0;
    }

    private static void put(Map<String, Object> settings, String key, Object value) {
      IntegrationCalls.put(settings, key, value);
    }
  }

  @Command(name = "list", description = "List imports.")
  static final class ListImports implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      JsonNode imports = options.client().get("/api/imports");
      if (options.json) {
        print(spec, imports);
        return 0;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-24s %-40s %-8s%n", "NAME", "FILES", "EVERY");
      for (JsonNode item : imports) {
        out.printf(
            "%-24s %-40s %-8s%n",
            item.path("name").asText(),
            "s3://"
                + item.path("bucket").asText()
                + "/"
                + item.path("folder").asText()
                + item.path("base-filename").asText(),
            item.path("every").asText());
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "show", description = "Show an import's settings (secrets masked).")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      print(spec, options.client().get(path(name)));
      return 0;
    }
  }

  @Command(name = "delete", description = "Delete an import (its data stays in the store).")
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      options.client().delete(path(name));
      IntegrationCalls.say(spec, "Deleted import " + name);
      return 0;
    }
  }

  @Command(name = "preview", description = "Show what the first matching file would import.")
  static final class PreviewImport implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
      JsonNode preview = options.client().get(path(name) + "/preview?limit=" + limit);
      if (options.json) {
        print(spec, preview);
      } else {
        PreviewText.print(preview, spec.commandLine().getOut());
      }
      return 0;
    }
  }

  @Command(name = "run", description = "Run an import now.")
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
          spec, options, path(name), "import " + name, IntegrationCalls.Wait.of(wait));
    }
  }
}
