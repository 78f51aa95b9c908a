package dev.ferry.objectstore;

import dev.ferry.objectstore.IntegrationKind.S3Action;
import dev.ferry.objectstore.PermissionCheck.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies, against the real bucket, each permission an integration needs, leaving nothing behind.
 *
 * <p>{@code s3:ListBucket}: list one key under the prefix. {@code s3:PutObject} (import): write a
 * small probe object {@code <prefix>.ferry-access-check-<random>}; {@code s3:DeleteObject}: delete
 * it (if deleting is denied, the reason says the probe remains). For export, which may not delete,
 * {@code s3:PutObject} is verified by starting a multipart upload and {@code
 * s3:AbortMultipartUpload} by aborting it. {@code s3:GetObject}: read the first byte of an object
 * under the prefix, else of the probe; with neither, the action is {@link Outcome#NOT_VERIFIED}.
 */
public final class AccessCheck {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] PROBE =
      "ferry access check\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final ObjectStore store;
  private final String bucket;
  private final String prefix;
  private final String probeKey;
  private final Map<S3Action, PermissionCheck> results = new EnumMap<>(S3Action.class);
  private Optional<String> existingKey = Optional.empty();
  private boolean probeWritten;

  private AccessCheck(ObjectStore store, String bucket, String prefix) {
    this.store = store;
    this.bucket = bucket;
    this.prefix = prefix == null ? "" : prefix;
    this.probeKey =
        this.prefix + ".ferry-access-check-" + HexFormat.of().toHexDigits(RANDOM.nextLong());
  }

  /** Checks every action {@code kind} needs, in the order of {@link IntegrationKind#actions()}. */
  public static List<PermissionCheck> run(
      ObjectStore store, IntegrationKind kind, String bucket, String prefix) {
    AccessCheck check = new AccessCheck(store, bucket, prefix);
    check.checkAll(kind);
    return kind.actions().stream().map(check.results::get).toList();
  }

  private void checkAll(IntegrationKind kind) {
    checkList();
    switch (kind) {
      case IMPORT -> {
        checkPut();
        checkGet();
        checkDelete();
      }
      case TABLES -> checkGet();
      case EXPORT -> checkMultipartPutAndAbort();
    }
  }

  private void checkList() {
    try {
      ObjectListing listing = store.list(bucket, prefix, null, 1);
      existingKey = listing.objects().stream().map(ObjectInfo::key).findFirst();
      granted(S3Action.LIST_BUCKET, "listed " + location(prefix));
    } catch (ObjectStoreException e) {
      failed(S3Action.LIST_BUCKET, e);
    }
  }

  private void checkPut() {
    try {
      ObjectWriter writer = store.create(bucket, probeKey);
      writer.write(PROBE);
      writer.close();
      probeWritten = true;
      granted(S3Action.PUT_OBJECT, "wrote probe object " + location(probeKey));
    } catch (ObjectStoreException e) {
      failed(S3Action.PUT_OBJECT, e);
    }
  }

  private void checkGet() {
    Optional<String> key = existingKey.or(() -> Optional.of(probeKey).filter(k -> probeWritten));
    if (key.isEmpty()) {
      record(S3Action.GET_OBJECT, Outcome.NOT_VERIFIED, "not verified: no object to read");
      return;
    }
    try (InputStream in = store.open(bucket, key.get(), 0)) {
      in.read();
      granted(S3Action.GET_OBJECT, "read the first byte of " + location(key.get()));
    } catch (ObjectStoreException e) {
      failed(S3Action.GET_OBJECT, e);
    } catch (IOException e) {
      record(S3Action.GET_OBJECT, Outcome.NOT_VERIFIED, "not verified: " + e.getMessage());
    }
  }

  /** Deleting a missing key needs the permission too, so this runs even if the put failed. */
  private void checkDelete() {
    try {
      store.delete(bucket, probeKey);
      granted(S3Action.DELETE_OBJECT, "deleted probe object " + location(probeKey));
    } catch (ObjectStoreException e) {
      String remains = probeWritten ? "; the probe object " + location(probeKey) + " remains" : "";
      record(S3Action.DELETE_OBJECT, outcomeOf(e), e.getMessage() + remains);
    }
  }

  private void checkMultipartPutAndAbort() {
    ObjectWriter writer;
    try {
      writer = store.create(bucket, probeKey, ObjectStore.Upload.MULTIPART);
      granted(S3Action.PUT_OBJECT, "started a multipart upload to " + location(probeKey));
    } catch (ObjectStoreException e) {
      failed(S3Action.PUT_OBJECT, e);
      record(
          S3Action.ABORT_MULTIPART_UPLOAD,
          Outcome.NOT_VERIFIED,
          "not verified: no upload to abort");
      return;
    }
    checkAbort(writer);
  }

  private void checkAbort(ObjectWriter writer) {
    try {
      writer.abort();
      granted(S3Action.ABORT_MULTIPART_UPLOAD, "aborted the upload to " + location(probeKey));
    } catch (ObjectStoreException e) {
      record(
          S3Action.ABORT_MULTIPART_UPLOAD,
          outcomeOf(e),
          e.getMessage() + "; a pending multipart upload to " + location(probeKey) + " remains");
    }
  }

  private void granted(S3Action action, String reason) {
    record(action, Outcome.GRANTED, reason);
  }

  private void failed(S3Action action, ObjectStoreException e) {
    record(action, outcomeOf(e), e.getMessage());
  }

  /** Only a denial proves the permission is missing; other failures leave it unknown. */
  private static Outcome outcomeOf(ObjectStoreException e) {
    return e instanceof AccessDeniedException ? Outcome.MISSING : Outcome.NOT_VERIFIED;
  }

  private void record(S3Action action, Outcome outcome, String reason) {
    results.put(action, new PermissionCheck(action.policyName(), outcome, reason));
  }

  private String location(String key) {
    return S3Errors.location(bucket, key);
  }
}
