package dev.ferry.export.format;

import dev.ferry.event.Event;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * CleverTap's XML event file (SPEC §5): a UTF-8 document with an XML declaration and the root
 * element {@code <Events>}, holding one {@code <Event>} per event, each on its own line:
 *
 * <pre>{@code
 * <Event><ts>20200220130735</ts><eventName>Viewed</eventName>
 *   <profile><identity>john</identity><all_identities>john</all_identities>
 *     <all_identities>john@example.com</all_identities></profile>
 *   <eventProps><entry><key>plan</key><value>pro</value></entry></eventProps></Event>
 * }</pre>
 *
 * (shown wrapped; written without the indentation). The JDK's own StAX writer is used ({@code
 * newDefaultFactory}), not whichever one the class path offers (Woodstox is on it), so the bytes do
 * not change with the dependencies. {@code ts} is the UTC time as {@code yyyyMMddHHmmss}; {@code
 * <all_identities>} is repeated once per linked identity; the entries keep the order received.
 *
 * <p>Characters XML 1.0 cannot carry (control characters other than tab, line feed and carriage
 * return, U+FFFE, U+FFFF, unpaired surrogates) are written as U+FFFD, so the document is always
 * well-formed. A carriage return is written as {@code &#13;} so that a parser gives it back instead
 * of normalising it to a line feed.
 */
public final class XmlEventWriter implements EventWriter {
  private final XmlDocument xml;

  /**
   * A writer of a new document to {@code out}; the declaration and the root start tag are written
   * at once.
   *
   * @throws IOException if they cannot be written
   */
  public XmlEventWriter(OutputStream out) throws IOException {
    xml = new XmlDocument(out, "Events");
  }

  @Override
  public void write(Event event, List<String> identities) throws IOException {
    try {
      xml.start("Event");
      xml.element("ts", Long.toString(Timestamps.number(event.timestamp())));
      xml.element("eventName", event.name());
      profile(event.identity(), identities);
      xml.entries("eventProps", event.properties());
      xml.endLine();
    } catch (XMLStreamException e) {
      throw XmlDocument.failed("write an event to", e);
    }
  }

  private void profile(String identity, List<String> identities) throws XMLStreamException {
    xml.start("profile");
    xml.element("identity", identity);
    for (String linked : identities) {
      xml.element("all_identities", linked);
    }
    xml.end();
  }

  @Override
  public void flush() throws IOException {
    xml.flush();
  }

  @Override
  public void close() throws IOException {
    xml.close();
  }
}
