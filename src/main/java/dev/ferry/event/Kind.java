package dev.ferry.event;

/** The three kinds of record the store holds, as Kissmetrics has them. */
public enum Kind {
  /** Something a person did: identity, timestamp, event name, properties. */
  EVENT,
  /** Properties set on a person: identity, timestamp, one or more properties. */
  PROPERTIES,
  /** Two identities that name the same person. */
  ALIAS
}
