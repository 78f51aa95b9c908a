package dev.ferry.export.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading the XML writers' documents back with the JDK's DOM parser, the independent oracle. */
final class Dom {
  private Dom() {}

  static Document parse(byte[] xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml));
  }

  /** The child elements of {@code parent}; asserts that the text between them is blank. */
  static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      } else {
        assertThat(node.getTextContent()).isBlank();
      }
    }
    return elements;
  }

  /** The texts of the child elements {@code tag} of {@code parent}, in document order. */
  static List<String> texts(Element parent, String tag) {
    return children(parent).stream()
        .filter(e -> e.getTagName().equals(tag))
        .map(Element::getTextContent)
        .toList();
  }

  static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent();
  }

  static Element child(Element parent, String tag) {
    return (Element) parent.getElementsByTagName(tag).item(0);
  }

  static List<String> names(List<Element> elements) {
    return elements.stream().map(Element::getTagName).toList();
  }

  /** The {@code <entry><key/><value/></entry>} children of {@code parent}, in order. */
  static Map<String, String> entries(Element parent) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (Element entry : children(parent)) {
      assertThat(names(children(entry))).containsExactly("key", "value");
      entries.put(text(entry, "key"), text(entry, "value"));
    }
    return entries;
  }

  /** The documented replacements, written out independently of the writers. */
  static String xmlSafe(String text) {
    return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "\uFFFD")
        .replaceAll("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])", "\uFFFD")
        .replaceAll("(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]", "\uFFFD");
  }
}
