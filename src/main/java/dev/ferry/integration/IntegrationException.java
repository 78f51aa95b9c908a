package dev.ferry.integration;

/**
 * A request about an integration that cannot be carried out; the message says why, for the user.
 */
public final class IntegrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  /** Why the request failed: decides the HTTP status. */
  public enum Reason {
    NOT_FOUND,
    ALREADY_EXISTS,
    ALREADY_RUNNING,
    VALIDATION_FAILED
  }

  public IntegrationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
