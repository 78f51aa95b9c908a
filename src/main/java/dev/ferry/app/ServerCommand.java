package dev.ferry.app;

import dev.ferry.config.ConfigException;
import dev.ferry.config.ConfigLoader;
import dev.ferry.config.FerryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry server}: runs the scheduler, REST API, embedded store and embedded S3. */
@Command(
    name = "server",
    description = "Run the Ferry server (REST API, scheduler, embedded store and S3).")
final class ServerCommand implements Callable<Integer> {
  /** Exit code that tells {@link Main} to leave the JVM running until it is stopped. */
  static final int KEEP_RUNNING = -1;

  private static final Path DEFAULT_CONFIG = Path.of("ferry.yaml");

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration (default: ferry.yaml if present)")
  Path config;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "(server.data-dir) default ./ferry-data")
  String dataDir;

  @Option(names = "--host", description = "(server.host) default 127.0.0.1")
  String host;

  @Option(names = "--port", description = "(server.port) REST API port, default 8080")
  String port;

  @Option(names = "--s3-port", description = "(s3.port) embedded S3 port, default 9000")
  String s3Port;

  @Override
  public Integer call() {
    FerryConfig effective = ConfigLoader.load(configFile(), overrides());
    FerryServer server = FerryServer.start(effective, Clock.systemUTC());
    Banner.print(server, spec.commandLine().getOut());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ferry-shutdown"));
    return KEEP_RUNNING;
  }

  private Optional<Path> configFile() {
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new ConfigException("Configuration file " + config + " does not exist");
      }
      return Optional.of(config);
    }
    return Files.exists(DEFAULT_CONFIG) ? Optional.of(DEFAULT_CONFIG) : Optional.empty();
  }

  private Map<String, String> overrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    putIfSet(overrides, "server.data-dir", dataDir);
    putIfSet(overrides, "server.host", host);
    putIfSet(overrides, "server.port", port);
    putIfSet(overrides, "s3.port", s3Port);
    return overrides;
  }

  private static void putIfSet(Map<String, String> overrides, String key, String value) {
    if (value != null) {
      overrides.put(key, value);
    }
  }
}
