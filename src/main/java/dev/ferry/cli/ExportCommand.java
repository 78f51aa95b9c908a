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
    description = "Manage and run exports (Kissmetrics-style revision files).",
    subcommands = {
      ExportCommand.Create.class,
      ExportCommand.ListExports.class,
      ExportCommand.Show.class,
      ExportCommand.Delete.class,
      ExportCommand.Run.class
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
        description = "revisions (the only kind so far; the default when the file sets none)")
    String kind;

    @Option(names = "--bucket")
    String bucket;

    @Option(names = "--prefix", description = "key prefix of everything the export writes")
    String prefix;

    @Option(names = "--every", description = "schedule, default 12h")
    String every;

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
      out.printf("%-24s %-10s %-40s %-8s %s%n", "NAME", "KIND", "DESTINATION", "EVERY", "CUTOFF");
      for (JsonNode item : exports) {
        out.printf(
            "%-24s %-10s %-40s %-8s %s%n",
            item.path("name").asText(),
            item.path("kind").asText(),
            "s3://" + item.path("bucket").asText() + "/" + item.path("prefix").asText(),
            item.path("every").asText(),
            item.path("cutoff").asText());
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
}
