package dev.ferry.event;

import java.time.Instant;
import java.util.Map;

/**
 * Properties set on a person (Kissmetrics' "set" record).
 *
 * @param identity the person, 1 to 255 characters
 * @param timestamp when, truncated to milliseconds
 * @param properties one or more properties in the order received
 */
public record SetProperties(String identity, Instant timestamp, Map<String, String> properties)
    implements Record {

  public SetProperties {
    identity = Names.require("identity", identity);
    timestamp = Names.timestamp(timestamp);
    properties = Names.properties(properties);
    if (properties.isEmpty()) {
      throw new IllegalArgumentException(
          "properties record for identity \"" + identity + "\" must set at least one property");
    }
  }

  @Override
  public Kind kind() {
    return Kind.PROPERTIES;
  }
}
