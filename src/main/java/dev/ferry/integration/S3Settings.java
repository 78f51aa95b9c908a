package dev.ferry.integration;

import dev.ferry.objectstore.S3Connection;
import dev.ferry.objectstore.S3Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings every integration has for its bucket: the bucket's name, a key prefix and the {@code
 * s3:} section (endpoint, region, path style, static keys or an assumed role), read from a settings
 * map and written back with secrets masked or kept.
 */
public final class S3Settings {
  private static final String MASK = "****";

  private S3Settings() {}

  /** The required setting {@code key}, checked to be a valid S3 bucket name. */
  public static String bucket(Fields fields, String key) {
    String bucket = fields.requiredText(key);
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw fields.invalid(key, bucket, "not a valid S3 bucket name");
    }
    return bucket;
  }

  /** The optional key prefix {@code key}: empty, or without a leading and with a trailing '/'. */
  public static String prefix(Fields fields, String key) {
    String prefix = fields.text(key).orElse("");
    while (prefix.startsWith("/")) {
      prefix = prefix.substring(1);
    }
    return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
  }

  /**
   * Reads the {@code s3:} section; empty when it names neither endpoint, region nor credentials,
   * which means the server's default S3.
   */
  public static Optional<S3Connection> connection(Fields s3) {
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

  /** The {@code s3:} section for {@code connection}, the shape {@link #connection} reads. */
  public static Map<String, Object> toSettings(S3Connection connection, Secrets secrets) {
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

  /**
   * {@code settings} with each secret of its {@code s3:} section that is still masked (as a GET
   * answer shows it) replaced by the secret in {@code stored}, so a definition read back from the
   * API can be sent back with a change without losing its secrets.
   */
  public static Map<String, Object> keepMaskedSecrets(
      Map<String, ?> settings, Map<String, Object> stored) {
    Map<String, Object> result = new LinkedHashMap<>(settings);
    if (!(settings.get("s3") instanceof Map<?, ?> s3)
        || !(stored.get("s3") instanceof Map<?, ?> storedS3)) {
      return result;
    }
    Map<String, Object> unmasked = new LinkedHashMap<>();
    s3.forEach((key, value) -> unmasked.put(String.valueOf(key), value));
    for (String secret : List.of("secret-key", "external-id")) {
      if (MASK.equals(unmasked.get(secret)) && storedS3.get(secret) != null) {
        unmasked.put(secret, storedS3.get(secret));
      }
    }
    result.put("s3", unmasked);
    return result;
  }

  private static String shown(String secret, Secrets secrets) {
    return secrets == Secrets.KEPT ? secret : MASK;
  }
}
