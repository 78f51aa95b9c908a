package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** What the commands for each kind of integration ({@code import}, {@code export}) share. */
final class IntegrationCalls {
  private IntegrationCalls() {}

  /** The API path of one integration, e.g. {@code /api/imports/accounts}. */
  static String path(String collection, String name) {
    return collection + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static void print(CommandSpec spec, JsonNode node) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(ApiClient.pretty(node));
    out.flush();
  }

  static void say(CommandSpec spec, String line) {
    spec.commandLine().getOut().println(line);
    spec.commandLine().getOut().flush();
  }

  /** Settings from a YAML or JSON file (same keys as {@code ferry.yaml}), or none. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> settings(Path file) throws IOException {
    if (file == null) {
      return new LinkedHashMap<>();
    }
    return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), LinkedHashMap.class);
  }

  /** Sets {@code key} when an option gave a value; options win over the file. */
  static void put(Map<String, Object> settings, String key, Object value) {
    if (value != null) {
      settings.put(key, value);
    }
  }

  /**
   * Starts a run of the integration at {@code path}; with {@code wait}, follows it to its end and
   * prints its report. Returns the exit code: 1 when the run failed.
   *
   * @param what the integration for messages, e.g. {@code import accounts}
   */
  static int run(CommandSpec spec, ClientOptions options, String path, String what, Wait wait)
      throws InterruptedException {
    JsonNode started = options.client().post(path + "/runs", null);
    long runId = started.path("runId").asLong();
    if (wait == Wait.NO) {
      say(spec, "Started run " + runId + " of " + what);
      return 0;
    }
    JsonNode run = RunWatcher.await(options.client(), runId, spec.commandLine().getErr());
    if (options.json) {
      print(spec, run);
    } else {
      RunsCommand.printReport(run, spec.commandLine().getOut());
    }
    return "failed".equals(run.path("status").asText()) ? 1 : 0;
  }

  /** Whether {@link #run} follows the run to its end. */
  enum Wait {
    YES,
    NO;

    static Wait of(boolean option) {
      return option ? YES : NO;
    }
  }
}
