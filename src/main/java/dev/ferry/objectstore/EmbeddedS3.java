package dev.ferry.objectstore;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobProviderMetadata;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3-compatible server in this JVM (S3Proxy), storing buckets as directories under a base
 * directory, so they survive a restart on the same directory. Requests must be signed (AWS
 * signature v2 or v4) with the given keys. Clients must compute checksums only when required (see
 * {@link S3Clients}).
 */
public final class EmbeddedS3 implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);

  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String BASE64ISH =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final BlobStoreContext context;
  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3Credentials.StaticKeys keys;

  private EmbeddedS3(
      BlobStoreContext context, S3Proxy proxy, String host, S3Credentials.StaticKeys keys) {
    this.context = context;
    this.proxy = proxy;
    this.endpoint = URI.create("http://" + host + ":" + proxy.getPort());
    this.keys = keys;
  }

  /**
   * Starts the server.
   *
   * @param directory where buckets live; created if missing
   * @param host the address to bind, e.g. {@code 127.0.0.1}
   * @param port the port to bind; 0 picks a free one (see {@link #endpoint()})
   */
  public static EmbeddedS3 start(
      Path directory, String host, int port, S3Credentials.StaticKeys keys) {
    BlobStoreContext context = blobStore(directory);
    int unfinished = UnfinishedUploads.sweep(directory);
    if (unfinished > 0) {
      LOG.info("Removed {} unfinished upload(s) left by a stop in the middle of a PUT", unfinished);
    }
    try {
      S3Proxy proxy = proxy(context, host, port, keys);
      proxy.start();
      return new EmbeddedS3(context, proxy, host, keys);
    } catch (Exception e) {
      context.close();
      throw new IllegalStateException(
          "Failed to start embedded S3 on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private static BlobStoreContext blobStore(Path directory) {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", createDirectories(directory).toString());
    return ContextBuilder.newBuilder(new FilesystemNio2BlobProviderMetadata())
        .credentials("embedded", "unused")
        .overrides(properties)
        .build(BlobStoreContext.class);
  }

  private static Path createDirectories(Path directory) {
    try {
      return Files.createDirectories(directory).toAbsolutePath();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "Failed to create embedded S3 directory " + directory + ": " + e.getMessage(), e);
    }
  }

  private static S3Proxy proxy(
      BlobStoreContext context, String host, int port, S3Credentials.StaticKeys keys) {
    return S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://" + host + ":" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, keys.accessKey(), keys.secretKey())
        .ignoreUnknownHeaders(true)
        .build();
  }

  /** A fresh key pair: a 20-character access key and a 40-character secret. */
  public static S3Credentials.StaticKeys generateKeys() {
    return new S3Credentials.StaticKeys(random(ALPHANUMERIC, 20), random(BASE64ISH, 40));
  }

  private static String random(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** The URI clients connect to, with the actual port. */
  public URI endpoint() {
    return endpoint;
  }

  public S3Credentials.StaticKeys keys() {
    return keys;
  }

  /** How to reach this server: its endpoint, path-style, its keys. */
  public S3Connection connection() {
    return S3Connection.endpoint(endpoint, keys);
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Failed to stop embedded S3 at " + endpoint, e);
    } finally {
      context.close();
    }
  }
}
