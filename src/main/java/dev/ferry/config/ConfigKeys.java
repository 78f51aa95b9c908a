package dev.ferry.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every configuration key Ferry knows, with its default and bounds. */
final class ConfigKeys {
  static final ConfigKey SERVER_HOST =
      ConfigKey.plain("server.host", ValueType.STRING, "127.0.0.1");
  static final ConfigKey SERVER_PORT =
      ConfigKey.bounded("server.port", ValueType.INTEGER, "8080", 0, 65_535);
  static final ConfigKey SERVER_DATA_DIR =
      ConfigKey.plain("server.data-dir", ValueType.PATH, "ferry-data");
  static final ConfigKey SERVER_AUTH_TOKEN = ConfigKey.secret("server.auth-token");
  static final ConfigKey S3_PORT =
      ConfigKey.bounded("s3.port", ValueType.INTEGER, "9000", 0, 65_535);
  static final ConfigKey S3_ENDPOINT = ConfigKey.plain("s3.endpoint", ValueType.URI, null);
  static final ConfigKey S3_REGION = ConfigKey.plain("s3.region", ValueType.STRING, "us-east-1");
  static final ConfigKey S3_PATH_STYLE =
      ConfigKey.plain("s3.path-style", ValueType.BOOLEAN, "true");
  static final ConfigKey S3_ACCESS_KEY = ConfigKey.plain("s3.access-key", ValueType.STRING, null);
  static final ConfigKey S3_SECRET_KEY = ConfigKey.secret("s3.secret-key");
  static final ConfigKey S3_ROLE_ARN = ConfigKey.plain("s3.role-arn", ValueType.STRING, null);
  static final ConfigKey S3_EXTERNAL_ID = ConfigKey.secret("s3.external-id");
  static final ConfigKey STORE_REVISION_WINDOW =
      ConfigKey.bounded("store.revision-window", ValueType.DURATION, "5m", 1, 7 * 86_400);
  static final ConfigKey STORE_REVISION_MAX_RECORDS =
      ConfigKey.bounded(
          "store.revision-max-records", ValueType.INTEGER, "1000000", 1, 1_000_000_000);
  static final ConfigKey STORE_DATABASE_ID =
      ConfigKey.plain("store.database-id", ValueType.STRING, "ferry");

  static final ConfigKey INGEST_BATCH_RECORDS =
      ConfigKey.bounded("ingest.batch-records", ValueType.INTEGER, "100000", 1, 5_000_000);

  static final List<ConfigKey> ALL =
      List.of(
          SERVER_HOST,
          SERVER_PORT,
          SERVER_DATA_DIR,
          SERVER_AUTH_TOKEN,
          S3_PORT,
          S3_ENDPOINT,
          S3_REGION,
          S3_PATH_STYLE,
          S3_ACCESS_KEY,
          S3_SECRET_KEY,
          S3_ROLE_ARN,
          S3_EXTERNAL_ID,
          STORE_REVISION_WINDOW,
          STORE_REVISION_MAX_RECORDS,
          STORE_DATABASE_ID,
          INGEST_BATCH_RECORDS);

  private static final Map<String, ConfigKey> BY_NAME = index();

  private ConfigKeys() {}

  static ConfigKey named(String name) {
    return BY_NAME.get(name);
  }

  private static Map<String, ConfigKey> index() {
    Map<String, ConfigKey> byName = new LinkedHashMap<>();
    ALL.forEach(key -> byName.put(key.name(), key));
    return byName;
  }
}
