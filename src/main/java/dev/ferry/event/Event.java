package dev.ferry.event;

import java.time.Instant;
import java.util.Map;

/**
 * Something a person did.
 *
 * @param identity the person, 1 to 255 characters
 * @param timestamp when, truncated to milliseconds
 * @param name the event name, 1 to 255 characters
 * @param properties zero or more properties in the order received; names 1 to 255 characters,
 *     values kept as received
 */
public record Event(String identity, Instant timestamp, String name, Map<String, String> properties)
    implements Record {

  public Event {
    identity = Names.require("identity", identity);
    timestamp = Names.timestamp(timestamp);
    name = Names.require("event name", name);
    properties = Names.properties(properties);
  }

  @Override
  public Kind kind() {
    return Kind.EVENT;
  }
}
