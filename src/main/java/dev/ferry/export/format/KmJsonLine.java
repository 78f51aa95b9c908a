package dev.ferry.export.format;

import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import java.util.List;
import java.util.Map;

/**
 * One record as a line of a Kissmetrics revision file (SPEC §4): {@code _p}, {@code _t} (integer
 * epoch seconds, rounded down), {@code _n} for events, then the properties in the order received,
 * every value a JSON string; an alias line holds only {@code _p}, {@code _t} and {@code _p2}.
 *
 * <p>Strings are escaped as Jackson and DuckDB's {@code to_json} escape them: {@code \"}, {@code
 * \\}, {@code \b \f \n \r \t}, other control characters as a six-character escape (upper-case hex),
 * an unpaired surrogate as a six-character escape; everything else is written as it is (UTF-8 once
 * encoded). The store's fast path produces the same bytes ({@code RecordStore#readRevisionLines}).
 */
public final class KmJsonLine {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private KmJsonLine() {}

  /** The line of {@code record}, without the line break. */
  public static String of(Record record) {
    StringBuilder line = new StringBuilder(128);
    line.append("{\"_p\":");
    string(line, record.identity());
    line.append(",\"_t\":").append(Math.floorDiv(record.timestamp().toEpochMilli(), 1000));
    if (record instanceof Alias alias) {
      line.append(",\"_p2\":");
      string(line, alias.secondIdentity());
    } else if (record instanceof Event event) {
      line.append(",\"_n\":");
      string(line, event.name());
      properties(line, event.properties());
    } else {
      properties(line, ((SetProperties) record).properties());
    }
    return line.append('}').toString();
  }

  private static void properties(StringBuilder line, Map<String, String> properties) {
    properties.forEach(
        (name, value) -> {
          line.append(',');
          string(line, name);
          line.append(':');
          string(line, value);
        });
  }

  /** Appends {@code properties} as a JSON object of strings, in their order. */
  static void object(StringBuilder out, Map<String, String> properties) {
    out.append('{');
    String separator = "";
    for (Map.Entry<String, String> property : properties.entrySet()) {
      out.append(separator);
      string(out, property.getKey());
      out.append(':');
      string(out, property.getValue());
      separator = ",";
    }
    out.append('}');
  }

  /** Appends {@code texts} as a JSON array of strings, in their order. */
  static void array(StringBuilder out, List<String> texts) {
    out.append('[');
    for (int i = 0; i < texts.size(); i++) {
      out.append(i > 0 ? "," : "");
      string(out, texts.get(i));
    }
    out.append(']');
  }

  /** Appends {@code text} as a JSON string. */
  static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        control(out, c);
      } else if (Character.isSurrogate(c)) {
        i = surrogate(out, text, i);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static void control(StringBuilder out, char c) {
    switch (c) {
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> unicode(out, c);
    }
  }

  private static int surrogate(StringBuilder out, String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1))) {
      out.append(c).append(text.charAt(i + 1));
      return i + 1;
    }
    unicode(out, c);
    return i;
  }

  private static void unicode(StringBuilder out, char c) {
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(HEX[(c >> shift) & 0xf]);
    }
  }
}
