package dev.ferry.store;

/** A store operation failed; the message reads "Failed to &lt;verb&gt; &lt;what&gt;: cause". */
public class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
