package dev.ferry.objectstore;

import java.io.InputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Opens ranged GETs of one object. An offset equal to the size opens an empty stream. */
final class S3RangeReader {

  private static final int RANGE_NOT_SATISFIABLE = 416;

  private final S3Client client;
  private final Retrier retrier;
  private final String bucket;
  private final String key;

  S3RangeReader(S3Client client, Retrier retrier, String bucket, String key) {
    this.client = client;
    this.retrier = retrier;
    this.bucket = bucket;
    this.key = key;
  }

  InputStream openAt(long offset) {
    return retrier.call(() -> attempt(offset));
  }

  private InputStream attempt(long offset) {
    try {
      return client.getObject(request(offset));
    } catch (S3Exception e) {
      if (e.statusCode() == RANGE_NOT_SATISFIABLE && offset == size()) {
        return InputStream.nullInputStream();
      }
      throw S3Errors.translate("read", bucket, key, e);
    } catch (RuntimeException e) {
      throw S3Errors.translate("read", bucket, key, e);
    }
  }

  private GetObjectRequest request(long offset) {
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
    if (offset > 0) {
      request.range("bytes=" + offset + "-");
    }
    return request.build();
  }

  private long size() {
    return S3ObjectStore.translated(
            "read", bucket, key, () -> client.headObject(r -> r.bucket(bucket).key(key)))
        .contentLength();
  }
}
