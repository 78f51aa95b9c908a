package dev.ferry.export.format;

import dev.ferry.event.Event;
import dev.ferry.export.format.JsonEventWriter.HeaderLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden files of the event writers (SPEC §5): a small fixed set of events of one name, written
 * through gzip at level 6 and gunzipped, gives byte for byte the files under {@code
 * export/format/golden/}.
 *
 * <p>To regenerate after a deliberate format change, run with {@code -Dferry.golden.update=true}
 * and review the diff.
 */
class EventWritersGoldenTest {
  private static final String NAME = "Viewed Page";

  @Test
  void jsonGivesTheGoldenFile() throws IOException {
    assertGolden("events.json", out -> new JsonEventWriter(out, NAME, HeaderLine.EVENT_NAME));
  }

  @Test
  void xmlGivesTheGoldenFile() throws IOException {
    assertGolden("events.xml", XmlEventWriter::new);
  }

  @Test
  void csvGivesTheGoldenFile() throws IOException {
    assertGolden("events.csv", out -> new CsvEventWriter(out, SampleEvents.columns(events())));
  }

  interface Opener {
    EventWriter open(OutputStream out) throws IOException;
  }

  private static void assertGolden(String file, Opener opener) throws IOException {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (EventWriter writer = opener.open(Compression.gzip(gzipped, Compression.DEFAULT_LEVEL))) {
      for (Event event : events()) {
        writer.write(event, identities(event));
      }
    }
    Golden.assertMatches(file, SampleEvents.gunzip(gzipped.toByteArray()));
  }

  private static List<Event> events() {
    Map<String, String> awkward = new LinkedHashMap<>();
    awkward.put("plan", "Zürich 🚀");
    awkward.put("note", "said \"hi\", then\nleft <fast> & gone");
    awkward.put("empty", "");
    return List.of(
        SampleEvents.event("john", "2017-11-09T00:00:15Z", NAME, properties()),
        SampleEvents.event("jane@example.com", "2017-11-09T08:30:00.500Z", NAME, awkward),
        SampleEvents.event("anon-42", "2017-11-09T23:59:59Z", NAME, Map.of()));
  }

  private static Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("url", "https://example.com/a?b=1&c=2");
    properties.put("plan", "pro");
    return properties;
  }

  private static List<String> identities(Event event) {
    return event.identity().equals("jane@example.com")
        ? List.of("jane@example.com", "jane-device-7")
        : List.of(event.identity());
  }
}
