package dev.ferry.integration;

/** An integration definition that cannot be used; the message names the setting and the value. */
public final class DefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DefinitionException(String message) {
    super(message);
  }
}
