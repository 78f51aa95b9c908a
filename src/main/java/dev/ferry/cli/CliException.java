package dev.ferry.cli;

/** A command failed in a way the user can act on; the message is the whole story. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CliException(String message) {
    super(message);
  }
}
