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
 * retry then gets {@code NoSuchUpload}, and the object has our size and the ETag a store gives a
 * multipart object: S3's MD5 of the parts' binary MD5s followed by {@code -<part count>}, or the
 * MD5 of the whole content (S3Proxy's file-system backend).
 */
final class MultipartCompletion {

  private final MessageDigest content = md5();
  private long size;
  private String contentMd5;

  /** Adds the bytes of a part the store accepted. */
  void add(byte[] bytes, int length) {
    content.update(bytes, 0, length);
    size += length;
  }

  boolean isOurs(long objectSize, String etag, List<CompletedPart> parts) {
    return objectSize == size && etagMatches(etag, parts);
  }

  private boolean etagMatches(String etag, List<CompletedPart> parts) {
    if (contentMd5 == null) {
      contentMd5 = HexFormat.of().formatHex(content.digest());
    }
    return unquote(etag).equals(contentMd5) || matchesMultipartEtag(etag, parts);
  }

  static boolean isNoSuchUpload(ObjectStoreException failure) {
    Throwable cause = failure.getCause();
    return cause instanceof NoSuchUploadException
        || cause instanceof S3Exception s3
            && s3.awsErrorDetails() != null
            && "NoSuchUpload".equals(s3.awsErrorDetails().errorCode());
  }

  static boolean matchesMultipartEtag(String etag, List<CompletedPart> parts) {
    try {
      return unquote(etag).equals(multipartEtag(parts));
    } catch (IllegalArgumentException partEtagNotAnMd5) {
      return false;
    }
  }

  static String multipartEtag(List<CompletedPart> parts) {
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
