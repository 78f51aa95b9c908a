package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferry status}: the running server's version, uptime, data directory and store size. */
@Command(name = "status", description = "Show the running server's version, uptime and store.")
public final class StatusCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode status = options.client().get("/api/status");
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.println(ApiClient.pretty(status));
    } else {
      print(status, out);
    }
    out.flush();
    return 0;
  }

  private static void print(JsonNode status, PrintWriter out) {
    out.println("Version:        " + status.path("version").asText());
    out.println(
        "Uptime:         "
            + Sizes.duration(Duration.ofSeconds(status.path("uptimeSeconds").asLong())));
    out.println("Data directory: " + status.path("dataDir").asText());
    out.println("Store size:     " + Sizes.bytes(status.path("storeSizeBytes").asLong()));
    out.println("S3 endpoint:    " + status.path("s3Endpoint").asText());
  }
}
