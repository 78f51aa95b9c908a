package dev.ferry.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The {@link ObjectStore} on AWS S3 or any S3-compatible store, through the AWS SDK v2. */
public final class S3ObjectStore implements ObjectStore {

  private static final int MAX_KEYS = 1000;
  private static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;

  private final S3Client client;
  private final Retrier retrier;
  private final long partSize;
  private final Region region;
  private final List<AutoCloseable> owned;

  S3ObjectStore(
      S3Client client, Retrier retrier, long partSize, Region region, List<AutoCloseable> owned) {
    this.client = client;
    this.retrier = retrier;
    this.partSize = partSize;
    this.region = region;
    this.owned = owned;
  }

  /**
   * Connects with the standard retry policy (8 attempts, exponential backoff from 200 ms to 5 s).
   */
  public static S3ObjectStore connect(S3Connection connection) {
    return connect(connection, Retrier.standard());
  }

  static S3ObjectStore connect(S3Connection connection, Retrier retrier) {
    List<AutoCloseable> owned = new ArrayList<>();
    S3Client client = S3Clients.create(connection, owned);
    return new S3ObjectStore(
        client, retrier, connection.partSize(), Region.of(connection.region()), owned);
  }

  @Override
  public ObjectListing list(String bucket, String prefix, String startAfter, int maxKeys) {
    if (maxKeys < 1 || maxKeys > MAX_KEYS) {
      throw new IllegalArgumentException("maxKeys must be between 1 and 1000: " + maxKeys);
    }
    ListObjectsV2Response response =
        call(
            "list",
            bucket,
            prefix,
            () ->
                client.listObjectsV2(
                    r -> r.bucket(bucket).prefix(prefix).startAfter(startAfter).maxKeys(maxKeys)));
    return toListing(response);
  }

  private static ObjectListing toListing(ListObjectsV2Response response) {
    List<ObjectInfo> objects = response.contents().stream().map(S3ObjectStore::toInfo).toList();
    boolean more = Boolean.TRUE.equals(response.isTruncated()) && !objects.isEmpty();
    Optional<String> next =
        more ? Optional.of(objects.get(objects.size() - 1).key()) : Optional.empty();
    return new ObjectListing(objects, next);
  }

  private static ObjectInfo toInfo(S3Object object) {
    return new ObjectInfo(object.key(), object.size(), object.eTag(), object.lastModified());
  }

  @Override
  public InputStream open(String bucket, String key, long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("Offset must not be negative: " + offset);
    }
    S3RangeReader reader = new S3RangeReader(client, retrier, bucket, key);
    return new ResumingInputStream(reader::openAt, S3Errors.location(bucket, key), offset);
  }

  @Override
  public ObjectInfo stat(String bucket, String key) {
    HeadObjectResponse head =
        call("stat", bucket, key, () -> client.headObject(r -> r.bucket(bucket).key(key)));
    return new ObjectInfo(key, head.contentLength(), head.eTag(), head.lastModified());
  }

  @Override
  public boolean exists(String bucket, String key) {
    try {
      stat(bucket, key);
      return true;
    } catch (ObjectNotFoundException e) {
      return false;
    }
  }

  @Override
  public ObjectWriter create(String bucket, String key, Upload upload) {
    S3ObjectWriter writer = new S3ObjectWriter(client, retrier, bucket, key, partSize);
    if (upload == Upload.MULTIPART) {
      writer.startMultipart();
    }
    return writer;
  }

  /** One PUT up to S3's 5 GiB limit for a single request; larger files go in parts. */
  @Override
  public void put(String bucket, String key, Path file) {
    long size = size(file);
    if (size > MAX_SINGLE_PUT) {
      ObjectStore.super.put(bucket, key, file);
      return;
    }
    call(
        "write",
        bucket,
        key,
        () -> client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(file)));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read the size of " + file, e);
    }
  }

  @Override
  public void copy(String bucket, String sourceKey, String targetKey) {
    call(
        "copy",
        bucket,
        sourceKey + " to " + targetKey,
        () ->
            client.copyObject(
                r ->
                    r.sourceBucket(bucket)
                        .sourceKey(sourceKey)
                        .destinationBucket(bucket)
                        .destinationKey(targetKey)));
  }

  @Override
  public void delete(String bucket, String key) {
    call("delete", bucket, key, () -> client.deleteObject(r -> r.bucket(bucket).key(key)));
  }

  @Override
  public void createBucket(String bucket) {
    try {
      call("create bucket", bucket, null, () -> client.createBucket(createRequest(bucket)));
    } catch (ObjectStoreException e) {
      if (!(e.getCause() instanceof BucketAlreadyOwnedByYouException)) {
        throw e;
      }
    }
  }

  private CreateBucketRequest createRequest(String bucket) {
    CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(bucket);
    if (!Region.US_EAST_1.equals(region)) {
      request.createBucketConfiguration(c -> c.locationConstraint(region.id()));
    }
    return request.build();
  }

  @Override
  public boolean bucketExists(String bucket) {
    try {
      call("find bucket", bucket, null, () -> client.headBucket(r -> r.bucket(bucket)));
      return true;
    } catch (ObjectNotFoundException e) {
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
    owned.forEach(S3ObjectStore::closeQuietly);
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      // nothing left to do with a resource that fails to close at shutdown
    }
  }

  private <T> T call(String verb, String bucket, String key, Supplier<T> call) {
    return retrier.call(() -> translated(verb, bucket, key, call));
  }

  /**
   * Runs one SDK call, translating its failure. A connection dropped while the SDK parses a
   * response body surfaces as an {@link UncheckedIOException}, not an {@link SdkException}.
   */
  static <T> T translated(String verb, String bucket, String key, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException | UncheckedIOException e) {
      throw S3Errors.translate(verb, bucket, key, e);
    }
  }
}
