package dev.ferry.config;

import java.time.Duration;

/**
 * One configuration key: its dotted name, type, default, bounds and whether it is a secret.
 *
 * @param name dotted, lower-case, words joined by {@code -}
 * @param defaultValue default as text, or {@code null} when the key is unset by default
 * @param min lower bound for integers and durations (seconds), inclusive
 * @param max upper bound for integers and durations (seconds), inclusive
 */
record ConfigKey(
    String name, ValueType type, String defaultValue, long min, long max, Secrecy secrecy) {

  enum Secrecy {
    PLAIN,
    SECRET
  }

  static ConfigKey plain(String name, ValueType type, String defaultValue) {
    return new ConfigKey(name, type, defaultValue, Long.MIN_VALUE, Long.MAX_VALUE, Secrecy.PLAIN);
  }

  static ConfigKey bounded(String name, ValueType type, String defaultValue, long min, long max) {
    return new ConfigKey(name, type, defaultValue, min, max, Secrecy.PLAIN);
  }

  static ConfigKey secret(String name) {
    return new ConfigKey(
        name, ValueType.STRING, null, Long.MIN_VALUE, Long.MAX_VALUE, Secrecy.SECRET);
  }

  boolean isSecret() {
    return secrecy == Secrecy.SECRET;
  }

  /** Parses and bounds-checks {@code text}, naming this key and the value when it does not fit. */
  Object parse(String text, String origin) {
    Object value;
    try {
      value = type.parse(text.trim());
    } catch (RuntimeException e) {
      throw invalid(text, origin, "expected " + type.expected());
    }
    checkBounds(value, text, origin);
    return value;
  }

  private void checkBounds(Object value, String text, String origin) {
    long measure =
        switch (type) {
          case INTEGER -> (Long) value;
          case DURATION -> ((Duration) value).toSeconds();
          case STRING, BOOLEAN, PATH, URI -> 0;
        };
    if (measure < min || measure > max) {
      throw invalid(text, origin, "must be between " + bound(min) + " and " + bound(max));
    }
  }

  private String bound(long value) {
    return type == ValueType.DURATION ? value + "s" : Long.toString(value);
  }

  private ConfigException invalid(String text, String origin, String why) {
    String shown = isSecret() ? "****" : text;
    return new ConfigException(
        "Invalid configuration " + name + " = '" + shown + "' (" + origin + "): " + why);
  }
}
