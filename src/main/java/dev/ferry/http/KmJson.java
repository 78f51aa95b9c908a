package dev.ferry.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads records in Kissmetrics' JSON shape: {@code _p} identity, {@code _t} epoch seconds, {@code
 * _n} event name, {@code _p2} alias, every other key a property. One object can give several
 * records: an alias, and an event or a properties record.
 */
final class KmJson {
  private KmJson() {}

  static List<Record> records(JsonNode object, int index) {
    try {
      return parse(object);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "Record " + index + ": " + e.getMessage());
    }
  }

  private static List<Record> parse(JsonNode object) {
    if (!object.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, got " + object.getNodeType());
    }
    String identity = text(object, "_p", "identity");
    Instant timestamp = timestamp(object.get("_t"));
    Map<String, String> properties = properties(object);
    List<Record> records = new ArrayList<>();
    if (object.hasNonNull("_p2")) {
      records.add(new Alias(identity, text(object, "_p2", "alias"), timestamp));
    }
    if (object.hasNonNull("_n")) {
      records.add(new Event(identity, timestamp, text(object, "_n", "event name"), properties));
    } else if (!properties.isEmpty()) {
      records.add(new SetProperties(identity, timestamp, properties));
    }
    if (records.isEmpty()) {
      throw new IllegalArgumentException(
          "no _n (event), _p2 (alias) or property: nothing to store");
    }
    return records;
  }

  private static String text(JsonNode object, String key, String meaning) {
    JsonNode value = object.get(key);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException("missing " + key + " (" + meaning + ") as a string");
    }
    return value.asText();
  }

  private static Instant timestamp(JsonNode value) {
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("missing _t (timestamp) as epoch seconds");
    }
    BigDecimal millis = value.decimalValue().movePointRight(3);
    return Instant.ofEpochMilli(millis.longValue());
  }

  private static Map<String, String> properties(JsonNode object) {
    Map<String, String> properties = new LinkedHashMap<>();
    object
        .properties()
        .forEach(
            field -> {
              JsonNode value = field.getValue();
              if (!field.getKey().startsWith("_") && !value.isNull()) {
                properties.put(
                    field.getKey(), value.isValueNode() ? value.asText() : value.toString());
              }
            });
    return properties;
  }
}
