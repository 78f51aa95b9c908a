package dev.ferry.config;

import static dev.ferry.config.ConfigKeys.INGEST_BATCH_RECORDS;
import static dev.ferry.config.ConfigKeys.S3_ACCESS_KEY;
import static dev.ferry.config.ConfigKeys.S3_ENDPOINT;
import static dev.ferry.config.ConfigKeys.S3_EXTERNAL_ID;
import static dev.ferry.config.ConfigKeys.S3_PATH_STYLE;
import static dev.ferry.config.ConfigKeys.S3_PORT;
import static dev.ferry.config.ConfigKeys.S3_REGION;
import static dev.ferry.config.ConfigKeys.S3_ROLE_ARN;
import static dev.ferry.config.ConfigKeys.S3_SECRET_KEY;
import static dev.ferry.config.ConfigKeys.SERVER_AUTH_TOKEN;
import static dev.ferry.config.ConfigKeys.SERVER_DATA_DIR;
import static dev.ferry.config.ConfigKeys.SERVER_HOST;
import static dev.ferry.config.ConfigKeys.SERVER_PORT;
import static dev.ferry.config.ConfigKeys.STORE_DATABASE_ID;
import static dev.ferry.config.ConfigKeys.STORE_REVISION_MAX_RECORDS;
import static dev.ferry.config.ConfigKeys.STORE_REVISION_WINDOW;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The effective, validated configuration of a Ferry server.
 *
 * @param imports the {@code imports:} list of {@code ferry.yaml}, each entry a settings map
 * @param exports the {@code exports:} list, likewise
 * @param tables the {@code tables:} list of table integrations, likewise
 */
public record FerryConfig(
    Server server,
    S3 s3,
    Store store,
    Ingest ingest,
    List<Map<String, Object>> imports,
    List<Map<String, Object>> exports,
    List<Map<String, Object>> tables) {

  /** Where the server listens and keeps its data. */
  public record Server(String host, int port, Path dataDir, Optional<String> authToken) {
    /** True when the REST API is reachable from other machines and so needs a bearer token. */
    public boolean exposed() {
      return !(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1"));
    }

    @Override
    public String toString() {
      return "Server[host=" + host + ", port=" + port + ", dataDir=" + dataDir + "]";
    }
  }

  /**
   * The default S3 connection: the embedded S3 on {@code port} unless {@code endpoint} is set.
   * Credentials: static keys when both are set, else an assumed role when {@code roleArn} is set,
   * else the AWS default chain.
   */
  public record S3(
      int port,
      Optional<URI> endpoint,
      String region,
      boolean pathStyle,
      Optional<String> accessKey,
      Optional<String> secretKey,
      Optional<String> roleArn,
      Optional<String> externalId) {

    public boolean embedded() {
      return endpoint.isEmpty();
    }

    @Override
    public String toString() {
      return "S3[endpoint=" + endpoint + ", region=" + region + ", secrets masked]";
    }
  }

  /**
   * The embedded store's revision rules (SPEC §1) and the installation's id.
   *
   * @param databaseId the installation's id, the last part of event export file names (SPEC §5)
   */
  public record Store(Duration revisionWindow, long revisionMaxRecords, String databaseId) {
    public Store {
      if (!databaseId.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new ConfigException(
            "Invalid configuration store.database-id = '"
                + databaseId
                + "': use 1 to 64 of A-Z a-z 0-9 . _ - (it becomes part of object keys)");
      }
    }
  }

  /** How imports load: records per store transaction. */
  public record Ingest(int batchRecords) {}

  public FerryConfig {
    imports = List.copyOf(imports);
    exports = List.copyOf(exports);
    tables = List.copyOf(tables);
    if (server.exposed() && server.authToken().isEmpty()) {
      throw new ConfigException(
          "Invalid configuration server.host = '"
              + server.host()
              + "': binding to an address other than loopback requires server.auth-token");
    }
    if (s3.accessKey().isPresent() != s3.secretKey().isPresent()) {
      throw new ConfigException(
          "Invalid configuration s3.access-key / s3.secret-key: set both or neither");
    }
  }

  static FerryConfig from(
      ConfigLoader.Settings settings,
      List<Map<String, Object>> imports,
      List<Map<String, Object>> exports,
      List<Map<String, Object>> tables) {
    return new FerryConfig(
        server(settings),
        s3(settings),
        store(settings),
        new Ingest(settings.required(INGEST_BATCH_RECORDS, Long.class).intValue()),
        imports,
        exports,
        tables);
  }

  private static Server server(ConfigLoader.Settings settings) {
    return new Server(
        settings.required(SERVER_HOST, String.class),
        settings.required(SERVER_PORT, Long.class).intValue(),
        settings.required(SERVER_DATA_DIR, Path.class),
        settings.optional(SERVER_AUTH_TOKEN, String.class));
  }

  private static S3 s3(ConfigLoader.Settings settings) {
    return new S3(
        settings.required(S3_PORT, Long.class).intValue(),
        settings.optional(S3_ENDPOINT, URI.class),
        settings.required(S3_REGION, String.class),
        settings.required(S3_PATH_STYLE, Boolean.class),
        settings.optional(S3_ACCESS_KEY, String.class),
        settings.optional(S3_SECRET_KEY, String.class),
        settings.optional(S3_ROLE_ARN, String.class),
        settings.optional(S3_EXTERNAL_ID, String.class));
  }

  private static Store store(ConfigLoader.Settings settings) {
    return new Store(
        settings.required(STORE_REVISION_WINDOW, Duration.class),
        settings.required(STORE_REVISION_MAX_RECORDS, Long.class),
        settings.required(STORE_DATABASE_ID, String.class));
  }

  /** One line naming every key and its effective value, secrets masked. */
  public String describe() {
    StringJoiner line = new StringJoiner(", ");
    line.add(SERVER_HOST.name() + "=" + server.host());
    line.add(SERVER_PORT.name() + "=" + server.port());
    line.add(SERVER_DATA_DIR.name() + "=" + server.dataDir());
    line.add(SERVER_AUTH_TOKEN.name() + "=" + masked(server.authToken()));
    line.add(S3_PORT.name() + "=" + s3.port());
    line.add(S3_ENDPOINT.name() + "=" + s3.endpoint().map(URI::toString).orElse("(embedded)"));
    line.add(S3_REGION.name() + "=" + s3.region());
    line.add(S3_PATH_STYLE.name() + "=" + s3.pathStyle());
    line.add(S3_ACCESS_KEY.name() + "=" + s3.accessKey().orElse("(unset)"));
    line.add(S3_SECRET_KEY.name() + "=" + masked(s3.secretKey()));
    line.add(S3_ROLE_ARN.name() + "=" + s3.roleArn().orElse("(unset)"));
    line.add(S3_EXTERNAL_ID.name() + "=" + masked(s3.externalId()));
    line.add(STORE_REVISION_WINDOW.name() + "=" + store.revisionWindow());
    line.add(STORE_REVISION_MAX_RECORDS.name() + "=" + store.revisionMaxRecords());
    line.add(STORE_DATABASE_ID.name() + "=" + store.databaseId());
    line.add(INGEST_BATCH_RECORDS.name() + "=" + ingest.batchRecords());
    line.add("imports=" + imports.size() + " declared");
    line.add("exports=" + exports.size() + " declared");
    line.add("tables=" + tables.size() + " declared");
    return line.toString();
  }

  private static String masked(Optional<String> secret) {
    return secret.isPresent() ? "****" : "(unset)";
  }

  @Override
  public String toString() {
    return "FerryConfig[" + describe() + "]";
  }
}
