package dev.ferry.store;

import java.util.Objects;

/**
 * Where a record came from: an integration's run, the object key and the physical line it was read
 * from, or an API call ({@link #api(String)}: no object key, line 0).
 *
 * @param integration the integration's name, or {@code "api"}
 * @param runId the run that appended the record (an import run's id, or a request id)
 * @param objectKey the object the record was read from; empty when not read from an object
 * @param line the 1-based physical line in that object; 0 when not read from an object
 */
public record Source(String integration, String runId, String objectKey, long line) {

  /** The integration name of records received through the API. */
  public static final String API = "api";

  public Source {
    Objects.requireNonNull(integration, "integration must not be null");
    Objects.requireNonNull(runId, "runId must not be null");
    Objects.requireNonNull(objectKey, "objectKey must not be null");
    if (integration.isBlank()) {
      throw new IllegalArgumentException("integration must not be blank");
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more, was " + line);
    }
  }

  /** A record received through the API within request {@code requestId}. */
  public static Source api(String requestId) {
    return new Source(API, requestId, "", 0);
  }

  /** The same source at another line. */
  public Source atLine(long otherLine) {
    return new Source(integration, runId, objectKey, otherLine);
  }
}
