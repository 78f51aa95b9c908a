package dev.ferry.export.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV file both CSV writers write, UTF-8: a header of fixed columns followed by one column per
 * property name given up front, then one row per record.
 *
 * <p>A property column is headed by the property's name, unless that name is one of the fixed
 * columns or starts with {@value #PREFIX}: then it is headed {@value #PREFIX} followed by the name
 * (a property {@code identity} is headed {@code prop_identity}, a property {@code prop_x} is headed
 * {@code prop_prop_x}). So no property hides a fixed column, the headers stay distinct, and a
 * reader gets the property name back by removing one leading {@value #PREFIX}.
 *
 * <p>Quoting follows RFC 4180: a field holding a comma, a double quote, a carriage return or a line
 * feed is enclosed in double quotes, a double quote inside doubled; other fields are written as
 * they are. Rows end with a line feed. Unpaired surrogates become U+FFFD.
 */
final class CsvTable {
  /** What the header of a property column that would collide starts with. */
  static final String PREFIX = "prop_";

  private final Writer out;
  private final int fixedColumns;
  private final Map<String, Integer> columns = new HashMap<>();
  private final String[] row;

  /**
   * A file with the columns {@code fixed} and {@code propertyNames}; the header is written at once.
   *
   * @throws IllegalArgumentException if a property name is given twice
   * @throws IOException if the header cannot be written
   */
  CsvTable(OutputStream out, List<String> fixed, List<String> propertyNames) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.fixedColumns = fixed.size();
    List<String> header = new ArrayList<>(fixed);
    for (String name : propertyNames) {
      if (columns.put(name, fixed.size() + columns.size()) != null) {
        throw new IllegalArgumentException("property column \"" + name + "\" is given twice");
      }
      header.add(header(name, fixed));
    }
    row = header.toArray(new String[0]);
    writeRow();
  }

  /** The header of the column of the property {@code name}, given the fixed columns. */
  static String header(String name, List<String> fixed) {
    return fixed.contains(name) || name.startsWith(PREFIX) ? PREFIX + name : name;
  }

  /** Sets the fixed column {@code index} of the current row. */
  void fixed(int index, String value) {
    if (index >= fixedColumns) {
      throw new IndexOutOfBoundsException("fixed column " + index + " of " + fixedColumns);
    }
    row[index] = value;
  }

  /**
   * Sets the property columns of the current row; the others stay empty.
   *
   * @throws IllegalArgumentException if a property is not one of the columns
   */
  void properties(Map<String, String> properties) {
    properties.forEach((name, value) -> row[column(name)] = value);
  }

  private int column(String name) {
    Integer index = columns.get(name);
    if (index == null) {
      throw new IllegalArgumentException(
          "property \"" + name + "\" is not one of the CSV columns " + columns.keySet());
    }
    return index;
  }

  /** Writes the current row and starts an empty one. */
  void writeRow() throws IOException {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      field(Text.withoutUnpairedSurrogates(row[i]));
    }
    out.write('\n');
    Arrays.fill(row, "");
  }

  private void field(String value) throws IOException {
    if (!needsQuotes(value)) {
      out.write(value);
      return;
    }
    out.write('"');
    out.write(value.replace("\"", "\"\""));
    out.write('"');
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** Pushes the rows written so far into the stream and flushes it. */
  void flush() throws IOException {
    out.flush();
  }

  /** Flushes and closes the stream. */
  void close() throws IOException {
    out.close();
  }
}
