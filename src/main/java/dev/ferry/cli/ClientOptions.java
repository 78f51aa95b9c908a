package dev.ferry.cli;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that talks to a running server shares. */
public final class ClientOptions {
  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "${env:FERRY_URL:-http://127.0.0.1:8080}",
      description = "Ferry server to talk to (env FERRY_URL; default: ${DEFAULT-VALUE})")
  URI url;

  @Option(names = "--json", description = "Print machine-readable JSON")
  boolean json;

  ApiClient client() {
    return new ApiClient(url, Optional.ofNullable(System.getenv("FERRY_TOKEN")));
  }
}
