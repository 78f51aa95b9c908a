package dev.ferry.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The type of a configuration value, with its parser from text. */
enum ValueType {
  STRING("a string"),
  INTEGER("an integer"),
  BOOLEAN("true or false"),
  DURATION("a duration such as 30s, 5m, 12h or 2d"),
  PATH("a file system path"),
  URI("an http(s) URL");

  private static final Pattern DURATION_TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final String expected;

  ValueType(String expected) {
    this.expected = expected;
  }

  String expected() {
    return expected;
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} when it does not fit. */
  Object parse(String text) {
    return switch (this) {
      case STRING -> text;
      case INTEGER -> Long.parseLong(text.replace("_", ""));
      case BOOLEAN -> parseBoolean(text);
      case DURATION -> parseDuration(text);
      case PATH -> Path.of(text);
      case URI -> parseUri(text);
    };
  }

  private static Boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> Boolean.TRUE;
      case "false", "no", "off" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException(text);
    };
  }

  static Duration parseDuration(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.startsWith("p")) {
      return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
    }
    Matcher matcher = DURATION_TEXT.matcher(trimmed);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(text);
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private static URI parseUri(String text) {
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException(text);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
