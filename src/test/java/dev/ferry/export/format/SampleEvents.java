package dev.ferry.export.format;

import dev.ferry.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/** Events with awkward values for the round trips, and the helpers the tests share. */
final class SampleEvents {
  static final String CONTROL = "bell\u0007nul\u0000esc\u001bvt\u000bff\u000c";
  static final String LONE_SURROGATE = "lone\uD800x";

  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private SampleEvents() {}

  /** Events whose identities, names and values need quoting, escaping or replacing. */
  static List<Event> awkward() {
    Map<String, String> awkward = new LinkedHashMap<>();
    awkward.put("quote", "say \"hi\"");
    awkward.put("comma", "a,b");
    awkward.put("newline", "line1\nline2");
    awkward.put("crlf", "a\r\nb");
    awkward.put("cr", "a\rb");
    awkward.put("tab", "a\tb");
    awkward.put("markup", "<a href=\"x\">&amp;</a> ]]>");
    awkward.put("non-ascii", "Zürich ñ 日本");
    awkward.put("emoji", "🚀👍🏽");
    awkward.put("empty", "");
    awkward.put("padded", "  padded  ");
    awkward.put("control", CONTROL);
    awkward.put("surrogate", LONE_SURROGATE);
    awkward.put("key, \"odd\"\n<&>", "v");
    return List.of(
        event("john", "2017-11-09T00:00:15Z", "Viewed", Map.of("plan", "pro")),
        event("quote\"comma, <&>\tü🚀", "2017-11-09T23:59:59.999Z", "Signed\nUp, \"now\"", awkward),
        event("none", "2020-02-20T13:07:35.123Z", "Viewed", Map.of()),
        event("many", "1999-12-31T23:00:00Z", "Viewed", many(300)));
  }

  static Event event(String identity, String time, String name, Map<String, String> properties) {
    return new Event(identity, Instant.parse(time), name, properties);
  }

  private static Map<String, String> many(int count) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = count - 1; i >= 0; i--) {
      properties.put(String.format("p%03d", i), "value " + i);
    }
    return properties;
  }

  /** CleverTap's {@code ts} of {@code instant}, computed independently of the writers. */
  static long ts(Instant instant) {
    return Long.parseLong(TS.format(instant));
  }

  /** Every property name of {@code events}, sorted. */
  static List<String> columns(List<Event> events) {
    TreeSet<String> names = new TreeSet<>();
    events.forEach(e -> names.addAll(e.properties().keySet()));
    return new ArrayList<>(names);
  }

  /** {@code gzipped} decompressed by the JDK. */
  static byte[] gunzip(byte[] gzipped) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
