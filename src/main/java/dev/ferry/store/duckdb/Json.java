package dev.ferry.store.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.store.StoreException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON text for the store's JSON columns. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP =
      new TypeReference<>() {};
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StoreException("Failed to write JSON: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, String> stringMap(String json) {
    if (json == null) {
      return Map.of();
    }
    return Collections.unmodifiableMap(read(json, STRING_MAP));
  }

  static List<String> stringList(String json) {
    return List.copyOf(read(json, STRING_LIST));
  }

  static void requireObject(String what, String json) {
    try {
      if (!MAPPER.readTree(json).isObject()) {
        throw new StoreException("Failed to store " + what + ": not a JSON object: " + json);
      }
    } catch (JsonProcessingException e) {
      throw new StoreException("Failed to store " + what + ": " + e.getOriginalMessage(), e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("Failed to read JSON: " + e.getOriginalMessage(), e);
    }
  }
}
