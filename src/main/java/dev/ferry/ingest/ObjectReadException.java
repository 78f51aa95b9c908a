package dev.ferry.ingest;

import java.io.IOException;

/** Reading the object from the store failed; a later run can try again. */
final class ObjectReadException extends IOException {
  private static final long serialVersionUID = 1L;

  ObjectReadException(IOException cause) {
    super(cause.getMessage(), cause);
  }
}
