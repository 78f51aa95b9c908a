package dev.ferry.export.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.event.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvEventWriterTest {
  private static final CSVFormat RFC_4180 =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  @Test
  void eventsReadBackWithCommonsCsvEqualTheEventsWritten() throws IOException {
    List<Event> events = SampleEvents.awkward();
    List<String> columns = SampleEvents.columns(events);

    try (CSVParser parser = RFC_4180.parse(new StringReader(write(events, columns)))) {
      List<String> header = new ArrayList<>(List.of("ts", "identity", "eventName"));
      header.addAll(columns);
      assertThat(parser.getHeaderNames()).isEqualTo(header);
      List<CSVRecord> rows = parser.getRecords();
      assertThat(rows).hasSize(events.size());
      for (int i = 0; i < events.size(); i++) {
        assertReadsBackAs(rows.get(i), events.get(i), columns);
      }
    }
  }

  @Test
  void headerWithoutPropertiesHasTheThreeFixedColumns() throws IOException {
    Event event = SampleEvents.event("john", "2017-11-09T00:00:15Z", "Viewed", Map.of());

    assertThat(write(List.of(event), List.of()))
        .isEqualTo("ts,identity,eventName\n20171109000015,john,Viewed\n");
  }

  @Test
  void quotesOnlyFieldsThatNeedIt() throws IOException {
    Event event =
        SampleEvents.event(
            "a b", "2017-11-09T00:00:15Z", "x,y", Map.of("q", "say \"hi\"", "t", "a\tb"));

    assertThat(write(List.of(event), List.of("q", "t")))
        .isEqualTo(
            "ts,identity,eventName,q,t\n20171109000015,a b,\"x,y\",\"say \"\"hi\"\"\",a\tb\n");
  }

  @Test
  void propertyNamedLikeAFixedColumnOrThePrefixHasAPrefixedHeader() throws IOException {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("eventName", "1");
    properties.put("identity", "2");
    properties.put("prop_x", "3");
    properties.put("ts", "4");
    properties.put("x", "5");
    Event event = SampleEvents.event("john", "2017-11-09T00:00:15Z", "Viewed", properties);

    assertThat(write(List.of(event), List.copyOf(properties.keySet())))
        .isEqualTo(
            "ts,identity,eventName,prop_eventName,prop_identity,prop_prop_x,prop_ts,x\n"
                + "20171109000015,john,Viewed,1,2,3,4,5\n");
  }

  @Test
  void propertyOutsideTheColumnsIsRefused() {
    Event event = SampleEvents.event("john", "2017-11-09T00:00:15Z", "Viewed", Map.of("b", "1"));

    assertThatThrownBy(() -> write(List.of(event), List.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property \"b\" is not one of the CSV columns [a]");
  }

  @Test
  void columnGivenTwiceIsRefused() {
    assertThatThrownBy(() -> write(List.of(), List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property column \"a\" is given twice");
  }

  private static void assertReadsBackAs(CSVRecord row, Event event, List<String> columns) {
    assertThat(Long.parseLong(row.get("ts"))).isEqualTo(SampleEvents.ts(event.timestamp()));
    assertThat(row.get("identity")).isEqualTo(event.identity());
    assertThat(row.get("eventName")).isEqualTo(event.name());
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    for (String column : columns) {
      String value = event.properties().getOrDefault(column, "");
      expected.put(column, value.replace(SampleEvents.LONE_SURROGATE, "lone\uFFFDx"));
      actual.put(column, row.get(column));
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  private static String write(List<Event> events, List<String> columns) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvEventWriter writer = new CsvEventWriter(bytes, columns)) {
      for (Event event : events) {
        writer.write(event, List.of(event.identity()));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
