package dev.ferry.app;

import java.net.BindException;

/** Recognises "address already in use" anywhere in a failure's causes. */
final class Ports {
  private Ports() {}

  static boolean inUse(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException
          || String.valueOf(cause.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }
}
