package dev.ferry.integration;

import java.util.regex.Pattern;

/** The rule for integration names, which are unique across all kinds and appear in URLs. */
public final class IntegrationName {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private IntegrationName() {}

  /**
   * Returns {@code name} when it follows the rule.
   *
   * @throws DefinitionException naming the setting {@code name} and the value otherwise
   */
  public static String check(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new DefinitionException(
          "Invalid setting name = '"
              + name
              + "': use 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
    }
    return name;
  }
}
