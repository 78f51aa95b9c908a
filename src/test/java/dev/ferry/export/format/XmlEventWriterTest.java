package dev.ferry.export.format;

import static dev.ferry.export.format.Dom.child;
import static dev.ferry.export.format.Dom.children;
import static dev.ferry.export.format.Dom.entries;
import static dev.ferry.export.format.Dom.names;
import static dev.ferry.export.format.Dom.parse;
import static dev.ferry.export.format.Dom.text;
import static dev.ferry.export.format.Dom.texts;
import static dev.ferry.export.format.Dom.xmlSafe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlEventWriterTest {

  @Test
  void eventsReadBackWithTheDomParserEqualTheEventsWritten() throws Exception {
    List<Event> events = SampleEvents.awkward();
    Document document = parse(write(events, e -> List.of(e.identity(), e.identity() + "@b.c")));

    Element root = document.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("Events");
    List<Element> read = children(root);
    assertThat(read).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      assertReadsBackAs(read.get(i), events.get(i));
    }
  }

  @Test
  void charactersXmlCannotCarryBecomeTheReplacementCharacter() throws Exception {
    Event event =
        SampleEvents.event("a\u0001b", "2020-01-01T00:00:00Z", "n\u001f", props("k\u0000", "v"));
    Element read =
        children(parse(write(List.of(event), e -> List.of("x\uFFFE"))).getDocumentElement()).get(0);

    assertThat(text(read, "identity")).isEqualTo("a\uFFFDb");
    assertThat(text(read, "eventName")).isEqualTo("n\uFFFD");
    assertThat(text(read, "all_identities")).isEqualTo("x\uFFFD");
    assertThat(text(read, "key")).isEqualTo("k\uFFFD");
  }

  @Test
  void documentStartsWithTheDeclarationAndHasNoEventsWhenNoneAreWritten() throws Exception {
    byte[] xml = write(List.of(), e -> List.of());

    assertThat(new String(xml, StandardCharsets.UTF_8))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Events>\n");
    assertThat(children(parse(xml).getDocumentElement())).isEmpty();
  }

  private static void assertReadsBackAs(Element read, Event event) {
    assertThat(read.getTagName()).isEqualTo("Event");
    assertThat(names(children(read))).containsExactly("ts", "eventName", "profile", "eventProps");
    assertThat(Long.parseLong(text(read, "ts"))).isEqualTo(SampleEvents.ts(event.timestamp()));
    assertThat(text(read, "eventName")).isEqualTo(xmlSafe(event.name()));
    Element profile = child(read, "profile");
    assertThat(text(profile, "identity")).isEqualTo(xmlSafe(event.identity()));
    assertThat(texts(profile, "all_identities"))
        .containsExactly(xmlSafe(event.identity()), xmlSafe(event.identity() + "@b.c"));
    Map<String, String> expected = new LinkedHashMap<>();
    event.properties().forEach((k, v) -> expected.put(xmlSafe(k), xmlSafe(v)));
    assertThat(entries(child(read, "eventProps"))).containsExactlyEntriesOf(expected);
  }

  private static Map<String, String> props(String name, String value) {
    return Map.of(name, value);
  }

  interface Identities {
    List<String> of(Event event);
  }

  private static byte[] write(List<Event> events, Identities identities) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XmlEventWriter writer = new XmlEventWriter(bytes)) {
      for (Event event : events) {
        writer.write(event, identities.of(event));
      }
    }
    return bytes.toByteArray();
  }
}
