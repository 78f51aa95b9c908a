package dev.ferry.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code ferry.yaml} and command-line overrides into a validated {@link FerryConfig}.
 *
 * <p>Every key must be known ({@link ConfigKeys}); a misspelt key fails instead of being ignored.
 * Command-line values win over the file, the file over defaults.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String IMPORTS = "imports";
  private static final String EXPORTS = "exports";
  private static final String TABLES = "tables";

  private ConfigLoader() {}

  /**
   * Loads the configuration.
   *
   * @param file the YAML file, or empty for defaults only
   * @param overrides values from the command line, by dotted key name
   */
  public static FerryConfig load(Optional<Path> file, Map<String, String> overrides) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();
    file.ifPresent(
        path -> readFile(path, lists).forEach((name, text) -> put(settings, name, text, path)));
    overrides.forEach((name, text) -> put(settings, name, text, null));
    return FerryConfig.from(
        new Settings(settings),
        lists.getOrDefault(IMPORTS, List.of()),
        lists.getOrDefault(EXPORTS, List.of()),
        lists.getOrDefault(TABLES, List.of()));
  }

  private static void put(Map<String, Setting> settings, String name, String text, Path file) {
    ConfigKey key = ConfigKeys.named(name);
    String origin = file == null ? "command line" : "in " + file;
    if (key == null) {
      throw new ConfigException("Unknown configuration key '" + name + "' (" + origin + ")");
    }
    settings.put(name, new Setting(key, key.parse(text, origin)));
  }

  private static Map<String, String> readFile(
      Path file, Map<String, List<Map<String, Object>>> lists) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (JacksonException e) {
      throw new ConfigException(
          "Failed to read configuration " + file + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("Failed to read configuration " + file + ": " + e.getMessage());
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) {
        throw new ConfigException("Invalid configuration " + file + ": expected a mapping of keys");
      }
      for (String list : List.of(IMPORTS, EXPORTS, TABLES)) {
        JsonNode entries = ((ObjectNode) root).remove(list);
        if (entries != null) {
          lists.put(list, entries(list, entries, file));
        }
      }
      flatten("", root, flat, file);
    }
    return flat;
  }

  private static List<Map<String, Object>> entries(String name, JsonNode list, Path file) {
    if (!list.isArray()) {
      throw new ConfigException(
          "Invalid configuration " + name + " (in " + file + "): expected a list");
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    for (JsonNode entry : list) {
      if (!entry.isObject()) {
        throw new ConfigException(
            "Invalid configuration "
                + name
                + "["
                + entries.size()
                + "] (in "
                + file
                + "): expected a mapping");
      }
      entries.add(YAML.convertValue(entry, new TypeReference<Map<String, Object>>() {}));
    }
    return entries;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat, Path file) {
    node.properties()
        .forEach(
            field -> {
              String name = prefix + field.getKey();
              JsonNode value = field.getValue();
              if (value.isObject()) {
                flatten(name + ".", value, flat, file);
              } else if (value.isValueNode()) {
                flat.put(name, value.asText());
              } else {
                throw new ConfigException(
                    "Invalid configuration "
                        + name
                        + " (in "
                        + file
                        + "): expected a single value");
              }
            });
  }

  /** A parsed value and the key it belongs to. */
  record Setting(ConfigKey key, Object value) {}

  /** The parsed values, with defaults for what was not set. */
  static final class Settings {
    private final Map<String, Setting> values;

    Settings(Map<String, Setting> values) {
      this.values = Map.copyOf(values);
    }

    <T> Optional<T> optional(ConfigKey key, Class<T> type) {
      Setting setting = values.get(key.name());
      if (setting != null) {
        return Optional.of(type.cast(setting.value()));
      }
      return Optional.ofNullable(key.defaultValue())
          .map(text -> type.cast(key.parse(text, "default")));
    }

    <T> T required(ConfigKey key, Class<T> type) {
      return optional(key, type).orElseThrow();
    }
  }
}
