package dev.ferry.ingest.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One conformance case read from a YAML file: options, the input bytes and the expected outcome,
 * each row rendered as one line of text. See {@code src/test/resources/ingest/csv/spec/README.md}.
 */
record SpecCase(String name, ImportFormat format, byte[] input, List<String> expected) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern TOKEN = Pattern.compile("\\{\\{(.*?)}}");

  static SpecCase read(Path file) throws IOException {
    JsonNode root = YAML.readTree(file.toFile());
    String name = file.getFileName().toString().replace(".yaml", "");
    return new SpecCase(name, format(root.path("options")), input(root), expected(root));
  }

  @Override
  public String toString() {
    return name;
  }

  static String render(ParsedRow row) {
    if (row instanceof ParsedRow.Accepted accepted) {
      return "line " + accepted.line() + ": " + accepted.records();
    }
    var rejected = (ParsedRow.Rejected) row;
    return "line " + rejected.line() + ": rejected " + rejected.cause() + ": " + rejected.reason();
  }

  static String renderError(String message) {
    return "error: " + message;
  }

  private static ImportFormat format(JsonNode options) {
    var format = ImportFormat.defaults();
    if (options.has("timestamp-format")) {
      format =
          format.withTimestampFormat(
              TimestampFormat.parse(options.get("timestamp-format").asText()));
    }
    if (options.has("timezone")) {
      format = format.withZone(ZoneId.of(options.get("timezone").asText()));
    }
    if (options.has("delimiter")) {
      format = format.withDelimiter(options.get("delimiter").asText().charAt(0));
    }
    var columns = new EnumMap<Role, String>(Role.class);
    options
        .path("columns")
        .properties()
        .forEach(
            e ->
                columns.put(Role.valueOf(e.getKey().toUpperCase(Locale.ROOT)), text(e.getValue())));
    var ignored = new LinkedHashSet<String>();
    options.path("ignored").forEach(node -> ignored.add(node.asText()));
    return format.withColumns(columns).withIgnoredColumns(ignored);
  }

  private static byte[] input(JsonNode root) {
    String text = root.get("input").asText();
    var out = new ByteArrayOutputStream();
    Matcher matcher = TOKEN.matcher(text);
    int last = 0;
    while (matcher.find()) {
      out.writeBytes(text.substring(last, matcher.start()).getBytes(StandardCharsets.UTF_8));
      out.writeBytes(token(matcher.group(1)));
      last = matcher.end();
    }
    out.writeBytes(text.substring(last).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] token(String token) {
    return switch (token) {
      case "CR" -> new byte[] {'\r'};
      case "TAB" -> new byte[] {'\t'};
      case "BOM" -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      default ->
          token.matches("x[0-9A-Fa-f]{2}")
              ? new byte[] {(byte) Integer.parseInt(token.substring(1), 16)}
              : repeat(token).getBytes(StandardCharsets.UTF_8);
    };
  }

  /** {@code {{a*3}}} is {@code aaa}. */
  private static String repeat(String token) {
    int star = token.lastIndexOf('*');
    if (star < 0) {
      throw new IllegalArgumentException("unknown token {{" + token + "}}");
    }
    return token.substring(0, star).repeat(Integer.parseInt(token.substring(star + 1)));
  }

  /** Expands {@code {{x*N}}} in expected text. */
  private static String text(JsonNode node) {
    return expand(node.asText());
  }

  private static String expand(String text) {
    Matcher matcher = TOKEN.matcher(text);
    var out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(repeat(matcher.group(1))));
    }
    return matcher.appendTail(out).toString();
  }

  private static List<String> expected(JsonNode root) {
    var expected = new ArrayList<String>();
    root.path("rows").forEach(row -> expected.add(expectedRow(row)));
    if (root.has("error")) {
      expected.add(renderError(text(root.get("error"))));
    }
    return expected;
  }

  private static String expectedRow(JsonNode row) {
    long line = row.get("line").asLong();
    if (row.has("rejected")) {
      String cause = row.path("cause").asText("CONTENT");
      return "line " + line + ": rejected " + cause + ": " + text(row.get("rejected"));
    }
    var records = new ArrayList<Record>();
    row.get("records").forEach(node -> records.add(record(node)));
    return "line " + line + ": " + records;
  }

  private static Record record(JsonNode node) {
    String identity = text(node.get("identity"));
    Instant timestamp = Instant.parse(node.get("timestamp").asText());
    return switch (node.get("kind").asText()) {
      case "event" -> new Event(identity, timestamp, text(node.get("event")), properties(node));
      case "properties" -> new SetProperties(identity, timestamp, properties(node));
      case "alias" -> new Alias(identity, text(node.get("alias")), timestamp);
      default -> throw new IllegalArgumentException("unknown kind " + node.get("kind"));
    };
  }

  private static Map<String, String> properties(JsonNode node) {
    var properties = new LinkedHashMap<String, String>();
    node.path("properties")
        .properties()
        .forEach(e -> properties.put(expand(e.getKey()), text(e.getValue())));
    return properties;
  }
}
