package dev.ferry.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads settings from a plain map (parsed YAML or JSON), naming the setting by its path in every
 * error, and refusing keys nobody read.
 */
public final class Fields {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

  private final String path;
  private final Map<String, Object> values;
  private final Set<String> read = new TreeSet<>();

  /**
   * @param path how errors name the settings, e.g. {@code imports[2].}; empty for a REST body
   */
  public Fields(String path, Map<String, ?> values) {
    this.path = path;
    this.values = new LinkedHashMap<>(values);
  }

  public Optional<String> text(String key) {
    Object value = values.get(key);
    read.add(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map || value instanceof List) {
      throw invalid(key, value, "expected a single value");
    }
    return Optional.of(value.toString().trim());
  }

  public String requiredText(String key) {
    return text(key).filter(s -> !s.isEmpty()).orElseThrow(() -> missing(key));
  }

  public long number(String key, long fallback, long min, long max) {
    Optional<String> text = text(key);
    if (text.isEmpty()) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text.get());
    } catch (NumberFormatException e) {
      throw invalid(key, text.get(), "expected an integer");
    }
    if (value < min || value > max) {
      throw invalid(key, text.get(), "must be between " + min + " and " + max);
    }
    return value;
  }

  public Duration duration(String key, Duration fallback, Duration min, Duration max) {
    Optional<String> text = text(key);
    if (text.isEmpty()) {
      return fallback;
    }
    Duration value = parseDuration(key, text.get());
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw invalid(key, text.get(), "must be between " + show(min) + " and " + show(max));
    }
    return value;
  }

  public boolean flag(String key, boolean fallback) {
    return text(key)
        .map(
            text ->
                switch (text.toLowerCase(Locale.ROOT)) {
                  case "true" -> true;
                  case "false" -> false;
                  default -> throw invalid(key, text, "expected true or false");
                })
        .orElse(fallback);
  }

  public List<String> list(String key) {
    Object value = values.get(key);
    read.add(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw invalid(key, value, "expected a list");
    }
    return items.stream().map(item -> String.valueOf(item).trim()).toList();
  }

  public Fields section(String key) {
    Object value = values.get(key);
    read.add(key);
    if (value == null) {
      return new Fields(path + key + ".", Map.of());
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(key, value, "expected a mapping");
    }
    Map<String, Object> section = new LinkedHashMap<>();
    map.forEach((k, v) -> section.put(String.valueOf(k), v));
    return new Fields(path + key + ".", section);
  }

  /**
   * The list of mappings {@code key}, each read by its own {@link Fields} whose errors name it as
   * {@code key[N].}; empty when the key is absent.
   */
  public List<Fields> sections(String key) {
    Object value = values.get(key);
    read.add(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw invalid(key, value, "expected a list of mappings");
    }
    List<Fields> sections = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String entry = key + "[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> map)) {
        throw invalid(entry, items.get(i), "expected a mapping");
      }
      Map<String, Object> section = new LinkedHashMap<>();
      map.forEach((k, v) -> section.put(String.valueOf(k), v));
      sections.add(new Fields(path + entry + ".", section));
    }
    return List.copyOf(sections);
  }

  /** Fails on the first key that no reader asked for: a misspelt setting must not be ignored. */
  public void rejectUnknown() {
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        throw new DefinitionException("Unknown setting '" + path + key + "'");
      }
    }
  }

  public DefinitionException invalid(String key, Object value, String why) {
    return new DefinitionException("Invalid setting " + path + key + " = '" + value + "': " + why);
  }

  public DefinitionException missing(String key) {
    return new DefinitionException("Missing setting " + path + key);
  }

  private Duration parseDuration(String key, String text) {
    Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw invalid(key, text, "expected a duration such as 30s, 5m, 1h or 1d");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** A duration the way {@link #duration} reads it, e.g. {@code 12h}. */
  public static String show(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
