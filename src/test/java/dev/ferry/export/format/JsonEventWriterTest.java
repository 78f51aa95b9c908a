package dev.ferry.export.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.event.Event;
import dev.ferry.export.format.JsonEventWriter.HeaderLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEventWriterTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void eventsReadBackWithJacksonEqualTheEventsWritten() throws IOException {
    List<Event> events = SampleEvents.awkward();
    List<String> lines = lines(write(events, "Viewed", HeaderLine.EVENT_NAME));

    assertThat(lines.get(0)).isEqualTo("Viewed");
    assertThat(lines).hasSize(events.size() + 1);
    for (int i = 0; i < events.size(); i++) {
      assertReadsBackAs(JACKSON.readTree(lines.get(i + 1)), events.get(i));
    }
  }

  @Test
  void withoutHeaderLineEveryLineIsAnObject() throws IOException {
    List<Event> events = SampleEvents.awkward();
    List<String> lines = lines(write(events, "Viewed", HeaderLine.NONE));

    assertThat(lines).hasSize(events.size());
    assertReadsBackAs(JACKSON.readTree(lines.get(0)), events.get(0));
  }

  @Test
  void headerLineKeepsAnEventNameWithLineBreaksOnOneLine() throws IOException {
    String text = write(List.of(), "Signed\r\nUp\nnow\r!", HeaderLine.EVENT_NAME);

    assertThat(text).isEqualTo("Signed Up now !\n");
  }

  @Test
  void objectHasTheFieldsOfSpecInThatOrder() throws IOException {
    Event event =
        SampleEvents.event("dqsndckfk234", "2017-11-09T00:00:15Z", "App Launched", props());

    assertThat(write(List.of(event), "App Launched", HeaderLine.NONE))
        .isEqualTo(
            "{\"profile\":{\"identity\":\"dqsndckfk234\"},\"ts\":20171109000015,"
                + "\"eventProps\":{\"ct_os_version\":\"5.1.1\",\"ct_app_version\":\"2.30.1\"}}\n");
  }

  private static Map<String, String> props() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("ct_os_version", "5.1.1");
    properties.put("ct_app_version", "2.30.1");
    return properties;
  }

  private static void assertReadsBackAs(JsonNode node, Event event) {
    assertThat(fieldNames(node)).containsExactly("profile", "ts", "eventProps");
    assertThat(node.get("profile").get("identity").textValue()).isEqualTo(event.identity());
    assertThat(node.get("ts").isIntegralNumber()).isTrue();
    assertThat(node.get("ts").longValue()).isEqualTo(SampleEvents.ts(event.timestamp()));
    Map<String, String> properties = new LinkedHashMap<>();
    node.get("eventProps")
        .properties()
        .forEach(p -> properties.put(p.getKey(), p.getValue().textValue()));
    assertThat(properties).containsExactlyEntriesOf(event.properties());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(p -> names.add(p.getKey()));
    return names;
  }

  private static String write(List<Event> events, String eventName, HeaderLine headerLine)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonEventWriter writer = new JsonEventWriter(bytes, eventName, headerLine)) {
      for (Event event : events) {
        writer.write(event, List.of(event.identity()));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Lines split at {@code \n} only: a raw CR or LF inside a line would show as an extra line. */
  private static List<String> lines(String text) {
    assertThat(text).endsWith("\n");
    return List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }
}
