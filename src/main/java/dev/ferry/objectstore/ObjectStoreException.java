package dev.ferry.objectstore;

/**
 * A failed object store call, classified once by the adapter. Messages read "Failed to &lt;verb&gt;
 * s3://bucket/key: &lt;cause&gt;" and never contain credentials.
 */
public class ObjectStoreException extends RuntimeException {

  /** Whether calling again, unchanged, can succeed. */
  public enum Retry {
    /** Throttling, server errors, dropped connections, timeouts. */
    CAN_HELP,
    /** Client errors: missing objects, denied access, bad requests. */
    CANNOT_HELP
  }

  private final Retry retry;

  public ObjectStoreException(String message, Retry retry, Throwable cause) {
    super(message, cause);
    this.retry = retry;
  }

  public Retry retry() {
    return retry;
  }

  public boolean canRetryHelp() {
    return retry == Retry.CAN_HELP;
  }
}
