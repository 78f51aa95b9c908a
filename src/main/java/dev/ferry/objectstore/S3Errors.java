package dev.ferry.objectstore;

import dev.ferry.objectstore.ObjectStoreException.Retry;
import java.io.IOException;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Translates SDK failures into {@link ObjectStoreException}s, once, at the adapter. */
final class S3Errors {

  private static final Pattern SDK_ATTEMPTS = Pattern.compile(" \\(SDK Attempt Count: \\d+\\)");

  private S3Errors() {}

  static String location(String bucket, String key) {
    return key == null || key.isEmpty() ? "s3://" + bucket : "s3://" + bucket + "/" + key;
  }

  static ObjectStoreException translate(String verb, String bucket, String key, Throwable error) {
    String message = "Failed to " + verb + " " + location(bucket, key) + ": " + cause(error);
    if (error instanceof ObjectStoreException known) {
      return known;
    }
    if (error instanceof S3Exception s3) {
      return fromStatus(message, s3.statusCode(), s3);
    }
    return new ObjectStoreException(message, retryFor(error), error);
  }

  private static ObjectStoreException fromStatus(String message, int status, S3Exception error) {
    if (status == 404
        || error instanceof NoSuchKeyException
        || error instanceof NoSuchBucketException) {
      return new ObjectNotFoundException(message, error);
    }
    if (status == 403) {
      return new AccessDeniedException(message, error);
    }
    return new ObjectStoreException(message, retryForStatus(status), error);
  }

  private static Retry retryForStatus(int status) {
    return status >= 500 || status == 429 || status == 408 ? Retry.CAN_HELP : Retry.CANNOT_HELP;
  }

  /** Dropped connections, timeouts, and response bodies cut short (XML that ends early). */
  private static Retry retryFor(Throwable error) {
    if (error instanceof SdkException sdk && sdk.retryable()) {
      return Retry.CAN_HELP;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IOException
          || t instanceof ApiCallAttemptTimeoutException
          || t instanceof XMLStreamException) {
        return Retry.CAN_HELP;
      }
    }
    return Retry.CANNOT_HELP;
  }

  private static String cause(Throwable error) {
    if (error instanceof S3Exception s3) {
      return describe(s3);
    }
    String text = error.getMessage();
    return text == null ? error.getClass().getSimpleName() : firstLine(text);
  }

  private static String describe(S3Exception error) {
    String code = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
    String text = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorMessage();
    String reason = text != null ? text : code != null ? code : byStatus(error.statusCode());
    return reason + " (" + error.statusCode() + ")";
  }

  private static String byStatus(int status) {
    return switch (status) {
      case 403 -> "Access Denied";
      case 404 -> "Not Found";
      default -> "HTTP error";
    };
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return SDK_ATTEMPTS.matcher(line).replaceAll("");
  }
}
