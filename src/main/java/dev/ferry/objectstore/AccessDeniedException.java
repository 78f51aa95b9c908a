package dev.ferry.objectstore;

/** The credentials are wrong or lack a permission. A retry cannot help. */
public class AccessDeniedException extends ObjectStoreException {

  public AccessDeniedException(String message, Throwable cause) {
    super(message, Retry.CANNOT_HELP, cause);
  }
}
