package dev.ferry.event;

import java.time.Instant;

/**
 * Two identities that name the same person.
 *
 * @param identity the first identity, 1 to 255 characters
 * @param secondIdentity the identity linked to it, 1 to 255 characters
 * @param timestamp when, truncated to milliseconds
 */
public record Alias(String identity, String secondIdentity, Instant timestamp) implements Record {

  public Alias {
    identity = Names.require("identity", identity);
    secondIdentity = Names.require("second identity", secondIdentity);
    timestamp = Names.timestamp(timestamp);
  }

  @Override
  public Kind kind() {
    return Kind.ALIAS;
  }
}
