package dev.ferry.http;

/** An error a client caused or must know of; its message is safe to show to the client. */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
