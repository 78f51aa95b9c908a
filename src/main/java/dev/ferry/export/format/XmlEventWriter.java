package dev.ferry.export.format;

import dev.ferry.event.Event;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final OutputStream stream;
  private final XMLStreamWriter xml;

  /**
   * A writer of a new document to {@code out}; the declaration and the root start tag are written
   * at once.
   *
   * @throws IOException if they cannot be written
   */
  public XmlEventWriter(OutputStream out) throws IOException {
    this.stream = new BufferedOutputStream(out, 1 << 16);
    try {
      xml = FACTORY.createXMLStreamWriter(stream, StandardCharsets.UTF_8.name());
      xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("Events");
      xml.writeCharacters("\n");
    } catch (XMLStreamException e) {
      throw failed("start", e);
    }
  }

  @Override
  public void write(Event event, List<String> identities) throws IOException {
    try {
      xml.writeStartElement("Event");
      element("ts", Long.toString(Timestamps.number(event.timestamp())));
      element("eventName", event.name());
      profile(event.identity(), identities);
      properties(event.properties());
      xml.writeEndElement();
      xml.writeCharacters("\n");
    } catch (XMLStreamException e) {
      throw failed("write an event to", e);
    }
  }

  private void profile(String identity, List<String> identities) throws XMLStreamException {
    xml.writeStartElement("profile");
    element("identity", identity);
    for (String linked : identities) {
      element("all_identities", linked);
    }
    xml.writeEndElement();
  }

  private void properties(Map<String, String> properties) throws XMLStreamException {
    xml.writeStartElement("eventProps");
    for (Map.Entry<String, String> property : properties.entrySet()) {
      xml.writeStartElement("entry");
      element("key", property.getKey());
      element("value", property.getValue());
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private void element(String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    characters(Text.xmlSafe(text));
    xml.writeEndElement();
  }

  /** Writes {@code text}, each carriage return as a character reference. */
  private void characters(String text) throws XMLStreamException {
    int start = 0;
    for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', start)) {
      xml.writeCharacters(text.substring(start, cr));
      xml.writeEntityRef("#13");
      start = cr + 1;
    }
    xml.writeCharacters(text.substring(start));
  }

  @Override
  public void close() throws IOException {
    try {
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw failed("finish", e);
    } finally {
      stream.close();
    }
  }

  private static IOException failed(String verb, XMLStreamException cause) {
    return new IOException("Failed to " + verb + " the XML document: " + cause.getMessage(), cause);
  }
}
