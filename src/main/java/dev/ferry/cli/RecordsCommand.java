package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry records}: look at stored records. */
@Command(name = "records", description = "Show stored records, in receive order.")
public final class RecordsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  @Option(names = "--identity")
  String identity;

  @Option(names = "--event")
  String event;

  @Option(names = "--limit", defaultValue = "20")
  int limit;

  @Override
  public Integer call() {
    StringBuilder query = new StringBuilder("/api/records?limit=").append(limit);
    append(query, "identity", identity);
    append(query, "event", event);
    JsonNode records = options.client().get(query.toString());
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.println(ApiClient.pretty(records));
    } else {
      records.forEach(record -> out.println(record.toString()));
    }
    out.flush();
    return 0;
  }

  private static void append(StringBuilder query, String name, String value) {
    if (value != null) {
      query
          .append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
