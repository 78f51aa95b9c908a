package dev.ferry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Independent readers of exported event files (SPEC §5): Jackson's tree for JSON, the JDK's DOM for
 * XML, commons-csv for CSV, DuckDB's {@code read_parquet} for Parquet. None of them is the writer's
 * code.
 */
final class ExportedFiles {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private ExportedFiles() {}

  /** An exported row: who, when (CleverTap's {@code ts} number), what and its properties. */
  record Row(String identity, long ts, String eventName, Map<String, String> properties) {
    static Row of(Event event) {
      return new Row(
          event.identity(),
          Long.parseLong(TS.format(event.timestamp())),
          event.name(),
          event.properties());
    }
  }

  static byte[] gunzip(byte[] gzipped) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON file's rows; the first line (the event name) is checked against {@code name}. */
  static List<Row> json(byte[] gzipped, String name, boolean headerLine) throws IOException {
    String[] lines = new String(gunzip(gzipped), StandardCharsets.UTF_8).split("\n", -1);
    List<Row> rows = new ArrayList<>();
    int first = 0;
    if (headerLine) {
      if (!lines[0].equals(name)) {
        throw new AssertionError("first line is '" + lines[0] + "', not the event name " + name);
      }
      first = 1;
    }
    for (int i = first; i < lines.length - 1; i++) {
      JsonNode line = JSON.readTree(lines[i]);
      rows.add(
          new Row(
              line.get("profile").get("identity").asText(),
              line.get("ts").asLong(),
              name,
              strings(line.get("eventProps"))));
    }
    if (!lines[lines.length - 1].isEmpty()) {
      throw new AssertionError("the file does not end with a line break");
    }
    return rows;
  }

  static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (!field.getValue().isTextual()) {
        throw new AssertionError("property " + field.getKey() + " is not a JSON string");
      }
      map.put(field.getKey(), field.getValue().asText());
    }
    return map;
  }

  /** An XML file's rows, each with its {@code all_identities}. */
  static List<Row> xml(byte[] gzipped, Map<Row, List<String>> identities) throws Exception {
    Document document =
        DocumentBuilderFactory.newDefaultInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new ByteArrayInputStream(gunzip(gzipped))));
    Element root = document.getDocumentElement();
    if (!root.getTagName().equals("Events")) {
      throw new AssertionError("root is " + root.getTagName());
    }
    List<Row> rows = new ArrayList<>();
    NodeList events = root.getElementsByTagName("Event");
    for (int i = 0; i < events.getLength(); i++) {
      Element event = (Element) events.item(i);
      Element profile = child(event, "profile");
      Map<String, String> properties = new LinkedHashMap<>();
      NodeList entries = child(event, "eventProps").getElementsByTagName("entry");
      for (int j = 0; j < entries.getLength(); j++) {
        Element entry = (Element) entries.item(j);
        properties.put(
            child(entry, "key").getTextContent(), child(entry, "value").getTextContent());
      }
      Row row =
          new Row(
              child(profile, "identity").getTextContent(),
              Long.parseLong(child(event, "ts").getTextContent()),
              child(event, "eventName").getTextContent(),
              properties);
      rows.add(row);
      List<String> linked = new ArrayList<>();
      NodeList all = profile.getElementsByTagName("all_identities");
      for (int j = 0; j < all.getLength(); j++) {
        linked.add(all.item(j).getTextContent());
      }
      identities.put(row, linked);
    }
    return rows;
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    throw new AssertionError(parent.getTagName() + " has no " + name);
  }

  /** A CSV file's rows; an empty field is a property the event lacks. */
  static List<Row> csv(byte[] gzipped, List<String> header) throws IOException {
    String text = new String(gunzip(gzipped), StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    try (var parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))) {
      header.addAll(parser.getHeaderNames());
      for (CSVRecord record : parser) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String column : parser.getHeaderNames().subList(3, parser.getHeaderNames().size())) {
          if (!record.get(column).isEmpty()) {
            properties.put(column, record.get(column));
          }
        }
        rows.add(
            new Row(
                record.get("identity"),
                Long.parseLong(record.get("ts")),
                record.get("eventName"),
                properties));
      }
    }
    return rows;
  }

  /** A Parquet file's rows, read by DuckDB; also checks the column types and exact times. */
  static List<Row> parquet(byte[] file, Path dir, List<Instant> times) throws Exception {
    Path copy = Files.createTempFile(dir, "read-", ".parquet");
    Files.write(copy, file);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        var statement = duck.createStatement()) {
      try (ResultSet types =
          statement.executeQuery(
              "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
                  + copy
                  + "'))")) {
        List<String> described = new ArrayList<>();
        while (types.next()) {
          described.add(types.getString(1) + " " + types.getString(2));
        }
        if (!described.equals(
            List.of(
                "ts TIMESTAMP",
                "identity VARCHAR",
                "eventName VARCHAR",
                "eventProps MAP(VARCHAR, VARCHAR)"))) {
          throw new AssertionError("Parquet columns are " + described);
        }
      }
      return parquetRows(statement, copy, times);
    } finally {
      Files.delete(copy);
    }
  }

  private static List<Row> parquetRows(java.sql.Statement statement, Path copy, List<Instant> times)
      throws SQLException, IOException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT epoch_ms(ts), strftime(ts, '%Y%m%d%H%M%S'), identity, eventName,"
                + " CAST(to_json(map_entries(eventProps)) AS VARCHAR) FROM read_parquet('"
                + copy
                + "')")) {
      while (result.next()) {
        times.add(Instant.ofEpochMilli(result.getLong(1)));
        Map<String, String> properties = new LinkedHashMap<>();
        for (JsonNode entry : JSON.readTree(result.getString(5))) {
          properties.put(entry.get("key").asText(), entry.get("value").asText());
        }
        rows.add(
            new Row(
                result.getString(3),
                Long.parseLong(result.getString(2)),
                result.getString(4),
                properties));
      }
    }
    return rows;
  }
}
