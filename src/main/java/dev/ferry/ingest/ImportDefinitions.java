package dev.ferry.ingest;

import dev.ferry.ingest.ImportDefinition.CsvSettings;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.objectstore.S3Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads import definitions from settings maps (a {@code ferry.yaml} entry or a REST body) and
 * writes them back, with secrets masked or kept for the store.
 */
public final class ImportDefinitions {
  private static final String MASK = "****";

  /** Whether {@link #toSettings} shows secrets: masked for people, kept for the store. */
  public enum Secrets {
    MASKED,
    KEPT
  }

  private ImportDefinitions() {}

  /**
   * Reads one definition.
   *
   * @param path how errors name the entry, e.g. {@code imports[2].}; empty for a REST body
   */
  public static ImportDefinition read(String path, Map<String, ?> settings) {
    Fields fields = new Fields(path, settings);
    ImportDefinition definition =
        new ImportDefinition(
            fields.requiredText("name"),
            bucket(fields),
            folder(fields),
            baseFilename(fields),
            fields.duration(
                "every",
                ImportDefinition.DEFAULT_EVERY,
                Duration.ofMinutes(1),
                Duration.ofDays(30)),
            (int) fields.number("files-per-run", 1, 1, 10_000),
            fields.duration(
                "time-budget",
                ImportDefinition.DEFAULT_TIME_BUDGET,
                Duration.ofSeconds(1),
                Duration.ofHours(24)),
            csv(fields),
            connection(fields.section("s3")));
    fields.rejectUnknown();
    return definition;
  }

  private static String bucket(Fields fields) {
    String bucket = fields.requiredText("bucket");
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw fields.invalid("bucket", bucket, "not a valid S3 bucket name");
    }
    return bucket;
  }

  private static String folder(Fields fields) {
    String folder = fields.text("folder").orElse("");
    while (folder.startsWith("/")) {
      folder = folder.substring(1);
    }
    return folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
  }

  private static String baseFilename(Fields fields) {
    String base = fields.requiredText("base-filename");
    if (base.contains("/") || !base.endsWith(".csv") || base.length() == ".csv".length()) {
      throw fields.invalid(
          "base-filename", base, "expected a file name ending in .csv, e.g. accounts.csv");
    }
    return base;
  }

  private static CsvSettings csv(Fields fields) {
    String zone = fields.text("timezone").orElse(CsvSettings.DEFAULT.timezone());
    try {
      ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw fields.invalid("timezone", zone, "not a time zone such as UTC or Europe/Paris");
    }
    return new CsvSettings(
        fields.text("timestamp-format").orElse(CsvSettings.DEFAULT.timestampFormat()),
        zone,
        delimiter(fields),
        columns(fields.section("columns")),
        fields.list("ignore-columns"));
  }

  private static String delimiter(Fields fields) {
    String delimiter = fields.text("delimiter").orElse(",");
    String resolved = delimiter.equals("\\t") || delimiter.equals("tab") ? "\t" : delimiter;
    if (resolved.length() != 1 || resolved.charAt(0) > 127 || "\"\r\n".contains(resolved)) {
      throw fields.invalid(
          "delimiter", delimiter, "expected one ASCII character such as , ; | or tab");
    }
    return resolved;
  }

  private static Map<String, String> columns(Fields section) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String role : List.of("identity", "timestamp", "event", "alias")) {
      section.text(role).ifPresent(column -> columns.put(role, column));
    }
    section.rejectUnknown();
    return columns;
  }

  private static Optional<S3Connection> connection(Fields s3) {
    Optional<String> endpoint = s3.text("endpoint");
    Optional<String> region = s3.text("region");
    Optional<String> pathStyle = s3.text("path-style");
    S3Credentials credentials = credentials(s3);
    s3.rejectUnknown();
    if (endpoint.isEmpty()
        && region.isEmpty()
        && credentials instanceof S3Credentials.DefaultChain) {
      return Optional.empty();
    }
    Optional<URI> uri = endpoint.map(text -> uri(s3, text));
    return Optional.of(
        new S3Connection(
            uri,
            region.orElse(S3Connection.DEFAULT_REGION),
            pathStyle.map(Boolean::parseBoolean).orElse(uri.isPresent()),
            credentials,
            S3Connection.DEFAULT_PART_SIZE));
  }

  private static URI uri(Fields s3, String text) {
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        throw s3.invalid("endpoint", text, "expected an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw s3.invalid("endpoint", text, "expected an http(s) URL");
    }
  }

  private static S3Credentials credentials(Fields s3) {
    Optional<String> access = s3.text("access-key");
    Optional<String> secret = s3.text("secret-key");
    Optional<String> role = s3.text("role-arn");
    Optional<String> externalId = s3.text("external-id");
    if (access.isPresent() != secret.isPresent()) {
      throw new DefinitionException("Settings s3.access-key and s3.secret-key go together");
    }
    if (access.isPresent()) {
      return new S3Credentials.StaticKeys(access.get(), secret.get());
    }
    return role.<S3Credentials>map(arn -> new S3Credentials.AssumedRole(arn, externalId, "ferry"))
        .orElseGet(S3Credentials.DefaultChain::new);
  }

  /** The definition as a settings map, the shape {@link #read} accepts. */
  public static Map<String, Object> toSettings(ImportDefinition definition, Secrets secrets) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("name", definition.name());
    settings.put("bucket", definition.bucket());
    settings.put("folder", definition.folder());
    settings.put("base-filename", definition.baseFilename());
    settings.put("every", Fields.show(definition.every()));
    settings.put("files-per-run", definition.filesPerRun());
    settings.put("time-budget", Fields.show(definition.timeBudget()));
    settings.put("timestamp-format", definition.csv().timestampFormat());
    settings.put("timezone", definition.csv().timezone());
    settings.put(
        "delimiter",
        definition.csv().delimiter().equals("\t") ? "tab" : definition.csv().delimiter());
    settings.put("columns", definition.csv().columns());
    settings.put("ignore-columns", definition.csv().ignoreColumns());
    definition.connection().ifPresent(c -> settings.put("s3", connectionSettings(c, secrets)));
    return settings;
  }

  private static Map<String, Object> connectionSettings(S3Connection connection, Secrets secrets) {
    Map<String, Object> s3 = new LinkedHashMap<>();
    connection.endpoint().ifPresent(uri -> s3.put("endpoint", uri.toString()));
    s3.put("region", connection.region());
    s3.put("path-style", connection.pathStyle());
    if (connection.credentials() instanceof S3Credentials.StaticKeys keys) {
      s3.put("access-key", keys.accessKey());
      s3.put("secret-key", shown(keys.secretKey(), secrets));
    } else if (connection.credentials() instanceof S3Credentials.AssumedRole role) {
      s3.put("role-arn", role.roleArn());
      role.externalId().ifPresent(id -> s3.put("external-id", shown(id, secrets)));
    }
    return s3;
  }

  private static String shown(String secret, Secrets secrets) {
    return secrets == Secrets.KEPT ? secret : MASK;
  }
}
