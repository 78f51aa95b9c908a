package dev.ferry.objectstore;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Recognises a multipart upload that an earlier attempt completed although its response was lost: a
 * retry then gets {@code NoSuchUpload}, and the object carries the ETag S3 gives a multipart
 * object, the MD5 of the parts' binary MD5s followed by {@code -<part count>}.
 */
final class MultipartCompletion {

  private MultipartCompletion() {}

  static boolean isNoSuchUpload(ObjectStoreException failure) {
    Throwable cause = failure.getCause();
    return cause instanceof NoSuchUploadException
        || cause instanceof S3Exception s3
            && s3.awsErrorDetails() != null
            && "NoSuchUpload".equals(s3.awsErrorDetails().errorCode());
  }

  static boolean etagMatches(String etag, List<CompletedPart> parts) {
    try {
      return unquote(etag).equals(expectedEtag(parts));
    } catch (IllegalArgumentException partEtagNotAnMd5) {
      return false;
    }
  }

  static String expectedEtag(List<CompletedPart> parts) {
    MessageDigest md5 = md5();
    HexFormat hex = HexFormat.of();
    parts.forEach(part -> md5.update(hex.parseHex(unquote(part.eTag()))));
    return hex.formatHex(md5.digest()) + "-" + parts.size();
  }

  private static String unquote(String etag) {
    return etag.replace("\"", "");
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has MD5", e);
    }
  }
}
