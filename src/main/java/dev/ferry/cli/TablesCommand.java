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

/** {@code ferry tables ...}: manage and run table integrations on a running server. */
@Command(
    name = "tables",
    description =
        "Manage and run table integrations: CSV files in a bucket replicated into tables"
            + " (upserted by a primary key, or appended).",
    subcommands = {
      TablesCommand.Create.class,
      TablesCommand.ListIntegrations.class,
      TablesCommand.Show.class,
      TablesCommand.Delete.class,
      TablesCommand.Run.class,
      TablesCommand.Discover.class,
      TablesCommand.Rows.class
    })
public final class TablesCommand implements Runnable {
  private static final String TABLES = "/api/tables";

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static String path(String name) {
    return IntegrationCalls.path(TABLES, name);
  }

  /**
   * {@code ferry tables create}: from a YAML/JSON file, or options for an integration of one table;
   * the server checks the bucket and each table's files.
   */
  @Command(
      name = "create",
      description =
          "Create a table integration; the server checks the bucket and that each table's"
              + " pattern matches a file.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Option(names = "--file", description = "Settings as YAML or JSON (same keys as ferry.yaml)")
    Path file;

    @Option(names = "--name")
    String name;

    @Option(names = "--bucket")
    String bucket;

    @Option(names = "--start-date", description = "only files modified since, e.g. 2026-01-01")
    String startDate;

    @Option(names = "--every", description = "schedule, 5m to 24h, default 30m")
    String every;

    @Option(names = "--anchor", description = "align runs to this UTC time of day, e.g. 02:00")
    String anchor;

    @Option(names = "--table", description = "one table's name (replaces the file's tables)")
    String table;

    @Option(names = "--search-prefix", description = "the table's key prefix")
    String searchPrefix;

    @Option(names = "--search-pattern", description = "regular expression matched on keys")
    String searchPattern;

    @Option(names = "--primary-key", split = ",", description = "fields, comma-separated")
    List<String> primaryKey;

    @Option(names = "--datetime-fields", split = ",", description = "fields loaded as timestamps")
    List<String> datetimeFields;

    @Option(names = "--delimiter", description = "one character or tab; default ,")
    String delimiter;

    @Option(names = "--columns", split = ",", description = "fields to replicate; default all")
    List<String> columns;

    @Option(names = "--infer-types", description = "type other fields by their values")
    Boolean inferTypes;

    @Override
    public Integer call() throws IOException {
      Map<String, Object> settings = IntegrationCalls.settings(file);
      IntegrationCalls.put(settings, "name", name);
      IntegrationCalls.put(settings, "bucket", bucket);
      IntegrationCalls.put(settings, "start-date", startDate);
      IntegrationCalls.put(settings, "every", every);
      IntegrationCalls.put(settings, "anchor", anchor);
      if (table != null) {
        settings.put("tables", List.of(table()));
      }
      IntegrationCalls.print(spec, options.client().post(TABLES, settings));
      return 0;
    }

    private Map<String, Object> table() {
      Map<String, Object> settings = new java.util.LinkedHashMap<>();
      settings.put("table", table);
      IntegrationCalls.put(settings, "search-prefix", searchPrefix);
      IntegrationCalls.put(settings, "search-pattern", searchPattern);
      IntegrationCalls.put(settings, "primary-key", primaryKey);
      IntegrationCalls.put(settings, "datetime-fields", datetimeFields);
      IntegrationCalls.put(settings, "delimiter", delimiter);
      IntegrationCalls.put(settings, "columns", columns);
      IntegrationCalls.put(settings, "infer-types", inferTypes);
      return settings;
    }
  }

  @Command(name = "list", description = "List table integrations.")
  static final class ListIntegrations implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      JsonNode integrations = options.client().get(TABLES);
      if (options.json) {
        IntegrationCalls.print(spec, integrations);
        return 0;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-24s %-24s %-8s %s%n", "NAME", "BUCKET", "EVERY", "TABLES");
      for (JsonNode item : integrations) {
        List<String> tables = new java.util.ArrayList<>();
        item.path("tables").forEach(t -> tables.add(t.path("table").asText()));
        out.printf(
            "%-24s %-24s %-8s %s%n",
            item.path("name").asText(),
            item.path("bucket").asText(),
            item.path("every").asText(),
            String.join(", ", tables));
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "show", description = "Show a table integration's settings (secrets masked).")
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

  @Command(name = "delete", description = "Delete a table integration and drop its tables.")
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      options.client().delete(path(name));
      IntegrationCalls.say(spec, "Deleted table integration " + name + " and its tables");
      return 0;
    }
  }

  @Command(name = "run", description = "Sync a table integration now.")
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
          spec, options, path(name), "table integration " + name, IntegrationCalls.Wait.of(wait));
    }
  }

  @Command(
      name = "discover",
      description = "Show each table's columns as its newest files (up to 5) would give them.")
  static final class Discover implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      JsonNode found = options.client().get(path(name) + "/discover");
      if (options.json) {
        IntegrationCalls.print(spec, found);
        return 0;
      }
      PrintWriter out = spec.commandLine().getOut();
      for (JsonNode table : found) {
        out.printf(
            "%s (%d files read)%n", table.path("table").asText(), table.path("files").size());
        for (JsonNode column : table.path("columns")) {
          out.printf(
              "  %-32s %-10s%s%n",
              column.path("name").asText(),
              column.path("kind").asText(),
              column.path("primaryKey").asBoolean() ? " primary key" : "");
        }
        table.path("problems").forEach(p -> out.println("  problem: " + p.asText()));
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "rows", description = "Show a replicated table's rows, in load order.")
  static final class Rows implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "TABLE")
    String table;

    @Option(names = "--limit", description = "at most this many rows (default 100, max 10000)")
    Integer limit;

    @Override
    public Integer call() {
      String query = limit == null ? "" : "?limit=" + limit;
      JsonNode rows =
          options.client().get(IntegrationCalls.path(path(name), table) + "/rows" + query);
      if (options.json) {
        IntegrationCalls.print(spec, rows);
      } else {
        TableText.print(rows, spec.commandLine().getOut());
      }
      return 0;
    }
  }
}
