package dev.ferry.testing;

/** A failure {@link FaultyProxy} injects instead of (or in the middle of) relaying a response. */
public enum Fault {
  /** Answers {@code 500 InternalError} with an S3 error body; the target never sees the request. */
  INTERNAL_ERROR(500, "InternalError", "We encountered an internal error. Please try again."),
  /** Answers {@code 503 SlowDown} with an S3 error body; the target never sees the request. */
  SLOW_DOWN(503, "SlowDown", "Please reduce your request rate."),
  /**
   * Answers {@code 403 AccessDenied} as S3 does for an action the policy does not grant; the target
   * never sees the request. Never picked unless weighted (see {@link FaultyProxy.Builder#deny}).
   */
  ACCESS_DENIED(403, "AccessDenied", "Access Denied"),
  /**
   * Forwards the request (so the target acts on it), then resets the client connection (SO_LINGER
   * 0) before sending any byte of the response.
   */
  RESET_BEFORE_RESPONSE(0, "", ""),
  /**
   * Forwards the request, relays the response head and the first half of its body, then resets the
   * client connection. Without a body of known length, resets right after the head.
   */
  RESET_MID_BODY(0, "", ""),
  /**
   * Forwards the request, then holds the response for the proxy's stall time (set it longer than
   * the client's socket timeout) and closes the connection without answering.
   */
  STALL(0, "", "");

  private final int status;
  private final String code;
  private final String message;

  Fault(int status, String code, String message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  int status() {
    return status;
  }

  String reason() {
    return switch (status) {
      case 500 -> "Internal Server Error";
      case 403 -> "Forbidden";
      default -> "Service Unavailable";
    };
  }

  String errorXml(long requestNumber) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message><RequestId>faulty-proxy-"
        + requestNumber
        + "</RequestId></Error>";
  }
}
