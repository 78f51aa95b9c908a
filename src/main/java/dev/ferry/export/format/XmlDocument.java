package dev.ferry.export.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The StAX document the XML writers share: a UTF-8 declaration, a root element, one record element
 * per line. The JDK's own StAX writer is used ({@code newDefaultFactory}), not whichever one the
 * class path offers (Woodstox is on it), so the bytes do not change with the dependencies.
 *
 * <p>Text goes through {@link Text#xmlSafe}, so the document is always well-formed; a carriage
 * return is written as {@code &#13;} so that a parser gives it back instead of normalising it to a
 * line feed.
 */
final class XmlDocument {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final OutputStream stream;
  private final XMLStreamWriter xml;

  /**
   * A new document on {@code out}; the declaration and the start tag of {@code root} are written at
   * once.
   *
   * @throws IOException if they cannot be written
   */
  XmlDocument(OutputStream out, String root) throws IOException {
    this.stream = new BufferedOutputStream(out, 1 << 16);
    try {
      xml = FACTORY.createXMLStreamWriter(stream, StandardCharsets.UTF_8.name());
      xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement(root);
      xml.writeCharacters("\n");
    } catch (XMLStreamException e) {
      throw failed("start", e);
    }
  }

  /** Writes the start tag {@code name}. */
  void start(String name) throws XMLStreamException {
    xml.writeStartElement(name);
  }

  /** Writes the end tag of the innermost open element. */
  void end() throws XMLStreamException {
    xml.writeEndElement();
  }

  /** Writes the end tag of a record element and the line break after it. */
  void endLine() throws XMLStreamException {
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  /** Writes {@code <name>text</name>}. */
  void element(String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    characters(Text.xmlSafe(text));
    xml.writeEndElement();
  }

  /**
   * Writes {@code <name>} holding one {@code <entry><key/><value/></entry>} per entry, in order.
   */
  void entries(String name, Map<String, String> entries) throws XMLStreamException {
    xml.writeStartElement(name);
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      xml.writeStartElement("entry");
      element("key", entry.getKey());
      element("value", entry.getValue());
      xml.writeEndElement();
    }
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

  /** Pushes what was written so far into the stream and flushes it. */
  void flush() throws IOException {
    try {
      xml.flush();
      stream.flush();
    } catch (XMLStreamException e) {
      throw failed("flush", e);
    }
  }

  /**
   * Writes the root end tag, flushes and closes the stream.
   *
   * @throws IOException if the end cannot be written
   */
  void close() throws IOException {
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

  /** The exception for a failure to {@code verb} the document. */
  static IOException failed(String verb, XMLStreamException cause) {
    return new IOException("Failed to " + verb + " the XML document: " + cause.getMessage(), cause);
  }
}
