package dev.ferry.objectstore;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an S3 (or S3-compatible) store.
 *
 * @param endpoint an endpoint override for S3-compatible stores; empty means AWS
 * @param region the signing region
 * @param pathStyle whether buckets go in the path ({@code host/bucket/key}) rather than the host
 * @param credentials where the credentials come from
 * @param partSize bytes a writer buffers before sending a part; objects smaller than this go in a
 *     single request. At least 5 MiB, the S3 minimum part size.
 * @param connectTimeout how long to wait for a TCP connection
 * @param socketTimeout how long a request may wait for the next bytes of a response before the
 *     attempt fails (and is retried)
 */
public record S3Connection(
    Optional<URI> endpoint,
    String region,
    boolean pathStyle,
    S3Credentials credentials,
    long partSize,
    Duration connectTimeout,
    Duration socketTimeout) {

  public static final String DEFAULT_REGION = "us-east-1";
  public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;
  static final long MINIMUM_PART_SIZE = 5L * 1024 * 1024;
  private static final long MAXIMUM_PART_SIZE = 5L * 1024 * 1024 * 1024;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);

  public S3Connection {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credentials, "credentials");
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("Region must not be blank: '" + region + "'");
    }
    if (partSize < MINIMUM_PART_SIZE || partSize > MAXIMUM_PART_SIZE) {
      throw new IllegalArgumentException(
          "Part size must be between 5 MiB and 5 GiB: " + partSize + " bytes");
    }
    requirePositive("Connect timeout", connectTimeout);
    requirePositive("Socket timeout", socketTimeout);
  }

  /** A connection with the default timeouts (10 s to connect, 60 s between response bytes). */
  public S3Connection(
      Optional<URI> endpoint,
      String region,
      boolean pathStyle,
      S3Credentials credentials,
      long partSize) {
    this(
        endpoint,
        region,
        pathStyle,
        credentials,
        partSize,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_SOCKET_TIMEOUT);
  }

  private static void requirePositive(String name, Duration timeout) {
    Objects.requireNonNull(timeout, name);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + timeout);
    }
  }

  /** AWS S3 in {@code region}, virtual-hosted addressing. */
  public static S3Connection aws(String region, S3Credentials credentials) {
    return new S3Connection(Optional.empty(), region, false, credentials, DEFAULT_PART_SIZE);
  }

  /** An S3-compatible store at {@code endpoint}, path-style addressing, region us-east-1. */
  public static S3Connection endpoint(URI endpoint, S3Credentials credentials) {
    return new S3Connection(
        Optional.of(endpoint), DEFAULT_REGION, true, credentials, DEFAULT_PART_SIZE);
  }

  public S3Connection withPartSize(long bytes) {
    return new S3Connection(
        endpoint, region, pathStyle, credentials, bytes, connectTimeout, socketTimeout);
  }

  /** The same connection with other timeouts; tests use short ones to fail stalled calls fast. */
  public S3Connection withTimeouts(Duration connect, Duration socket) {
    return new S3Connection(endpoint, region, pathStyle, credentials, partSize, connect, socket);
  }
}
