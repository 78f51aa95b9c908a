package dev.ferry.objectstore;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Buffers one part in memory. Below the part size, {@code close()} sends a single PUT; once the
 * buffer fills, a multipart upload starts and each full buffer is sent as a part. Any failure
 * aborts the multipart upload before it is rethrown.
 */
final class S3ObjectWriter extends ObjectWriter {

  private enum State {
    OPEN,
    COMMITTED,
    ABORTED
  }

  private final S3Client client;
  private final Retrier retrier;
  private final String bucket;
  private final String key;
  private final List<CompletedPart> parts = new ArrayList<>();
  private byte[] buffer;
  private int count;
  private final MultipartCompletion completion = new MultipartCompletion();
  private String uploadId;
  private State state = State.OPEN;

  S3ObjectWriter(S3Client client, Retrier retrier, String bucket, String key, long partSize) {
    this.client = client;
    this.retrier = retrier;
    this.bucket = bucket;
    this.key = key;
    this.buffer = new byte[Math.toIntExact(partSize)];
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    ensureOpen();
    while (length > 0) {
      int n = Math.min(length, buffer.length - count);
      System.arraycopy(bytes, offset, buffer, count, n);
      count += n;
      offset += n;
      length -= n;
      if (count == buffer.length) {
        failSafe(this::sendPart);
      }
    }
  }

  /** Starts the multipart upload now rather than when the first buffer fills. */
  void startMultipart() {
    failSafe(this::ensureMultipart);
  }

  @Override
  public void close() {
    if (state != State.OPEN) {
      return;
    }
    failSafe(uploadId == null ? this::putWhole : this::completeMultipart);
    state = State.COMMITTED;
    buffer = null;
  }

  @Override
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    buffer = null;
    if (uploadId != null) {
      abortUpload();
    }
  }

  /** A retried abort whose first attempt went through finds no upload: it is gone either way. */
  private void abortUpload() {
    try {
      call(
          "abort upload of",
          () -> client.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)));
    } catch (ObjectNotFoundException e) {
      if (!MultipartCompletion.isNoSuchUpload(e)) {
        throw e;
      }
    }
  }

  private void putWhole() {
    call(
        "write",
        () ->
            client.putObject(
                r -> r.bucket(bucket).key(key),
                RequestBody.fromInputStream(bufferedBytes(), count)));
  }

  private void ensureMultipart() {
    if (uploadId == null) {
      uploadId =
          call(
                  "start upload of",
                  () -> client.createMultipartUpload(r -> r.bucket(bucket).key(key)))
              .uploadId();
    }
  }

  private void sendPart() {
    ensureMultipart();
    int number = parts.size() + 1;
    String etag =
        call(
                "upload part " + number + " of",
                () ->
                    client.uploadPart(
                        r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                        RequestBody.fromInputStream(bufferedBytes(), count)))
            .eTag();
    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    completion.add(buffer, count);
    count = 0;
  }

  private void completeMultipart() {
    if (count > 0 || parts.isEmpty()) {
      sendPart();
    }
    AtomicInteger attempts = new AtomicInteger();
    try {
      call("complete upload of", () -> completeAttempt(attempts.incrementAndGet()));
    } catch (ObjectNotFoundException e) {
      if (attempts.get() < 2 || !MultipartCompletion.isNoSuchUpload(e) || !completedEarlier()) {
        throw e;
      }
    }
  }

  /**
   * Before a retry, checks whether the attempt whose response was lost completed the upload after
   * all: then the object is there with our size and ETag (see {@link MultipartCompletion}).
   * Completing again would find no upload.
   */
  private Object completeAttempt(int attempt) {
    if (attempt > 1 && completedEarlier()) {
      abortQuietly();
      return null;
    }
    return client.completeMultipartUpload(
        r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
  }

  private boolean completedEarlier() {
    try {
      HeadObjectResponse head = client.headObject(r -> r.bucket(bucket).key(key));
      return completion.isOurs(head.contentLength(), head.eTag(), parts);
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** An identical object already there: the upload, if it still exists, is no longer needed. */
  private void abortQuietly() {
    try {
      client.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException | UncheckedIOException e) {
      // most likely the upload is gone because it completed; a leftover expires with the bucket's
      // lifecycle rule for incomplete uploads
    }
  }

  private ByteArrayInputStream bufferedBytes() {
    return new ByteArrayInputStream(buffer, 0, count);
  }

  private void failSafe(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      abortAfter(e);
      throw e;
    }
  }

  private void abortAfter(RuntimeException failure) {
    try {
      abort();
    } catch (RuntimeException abortFailure) {
      failure.addSuppressed(abortFailure);
    }
  }

  private void ensureOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "Writer of " + S3Errors.location(bucket, key) + " is " + state.name().toLowerCase());
    }
  }

  private <T> T call(String verb, Supplier<T> call) {
    return retrier.call(() -> S3ObjectStore.translated(verb, bucket, key, call));
  }
}
