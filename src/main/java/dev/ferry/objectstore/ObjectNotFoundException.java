package dev.ferry.objectstore;

/** The bucket or key does not exist. A retry cannot help. */
public class ObjectNotFoundException extends ObjectStoreException {

  public ObjectNotFoundException(String message, Throwable cause) {
    super(message, Retry.CANNOT_HELP, cause);
  }
}
