/**
 * The store's vocabulary, shared by every job: a {@link dev.ferry.event.Record} is an {@link
 * dev.ferry.event.Event}, a {@link dev.ferry.event.SetProperties} or an {@link
 * dev.ferry.event.Alias}. Records validate themselves: identities and names are 1 to 255
 * characters, timestamps are truncated to milliseconds, properties keep their order and their
 * values as received. JDK only.
 */
package dev.ferry.event;
