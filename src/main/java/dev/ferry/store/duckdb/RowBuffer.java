package dev.ferry.store.duckdb;

import dev.ferry.event.OrderedProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes rows of the batch file {@link BatchFile} reads back: UTF-8, fields separated by {@link
 * #DELIMITER}, quoted with {@link #QUOTE} only when a field holds a delimiter, quote or line break
 * (or is empty, to tell it from NULL), a quote inside a quoted field doubled. The JSON it writes
 * escapes every control character, so a JSON field never needs quoting.
 */
final class RowBuffer {
  /** Field separator: a control character, which JSON text never holds unescaped. */
  static final char DELIMITER = '\u0002';

  /** Quote character, also its own escape. */
  static final char QUOTE = '\u0001';

  private static final byte[] HEX =
      "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Strings shorter than this are checked for the fast path of {@link #jsonString}. */
  private static final int PLAIN_LIMIT = 4096;

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 16];
  private int length;
  private long drained;

  RowBuffer(OutputStream out) {
    this.out = out;
  }

  /** Thrown for text the batch file cannot carry exactly (NUL, an unpaired surrogate). */
  static final class UnencodableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnencodableException() {
      super("text the batch file cannot carry", null, false, false);
    }
  }

  /** Bytes written so far, including those still in the buffer. */
  long written() {
    return drained + length;
  }

  void delimiter() throws IOException {
    put(DELIMITER);
  }

  void endRow() throws IOException {
    put('\n');
  }

  void number(long value) throws IOException {
    ensure(20);
    if (value < 0) {
      buffer[length++] = '-';
      value = -value;
    }
    int start = length;
    do {
      buffer[length++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    reverse(start, length - 1);
  }

  private void reverse(int from, int to) {
    for (; from < to; from++, to--) {
      byte swap = buffer[from];
      buffer[from] = buffer[to];
      buffer[to] = swap;
    }
  }

  /** Writes {@code text} as one field; {@code null} as NULL (nothing). */
  void text(String text) throws IOException, UnencodableException {
    if (text == null) {
      return;
    }
    if (text.isEmpty() || needsQuotes(text)) {
      quoted(text);
    } else {
      utf8(text, '\0');
    }
  }

  private static boolean needsQuotes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == DELIMITER || c == QUOTE || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private void quoted(String text) throws IOException, UnencodableException {
    put(QUOTE);
    utf8(text, QUOTE);
    put(QUOTE);
  }

  /** Writes {@code properties} as a JSON object, names and values in map order. */
  void json(Map<String, String> properties) throws IOException {
    if (properties instanceof OrderedProperties ordered) {
      json(ordered);
      return;
    }
    put('{');
    boolean first = true;
    for (var property : properties.entrySet()) {
      if (!first) {
        put(',');
      }
      first = false;
      jsonString(property.getKey());
      put(':');
      jsonString(property.getValue());
    }
    put('}');
  }

  private void json(OrderedProperties properties) throws IOException {
    put('{');
    for (int i = 0; i < properties.size(); i++) {
      if (i > 0) {
        put(',');
      }
      jsonString(properties.name(i));
      put(':');
      jsonString(properties.value(i));
    }
    put('}');
  }

  private void jsonString(String text) throws IOException {
    if (text.length() < PLAIN_LIMIT && plainJson(text)) {
      return;
    }
    put('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        jsonAscii(c);
      } else if (Character.isSurrogate(c)) {
        i = jsonSurrogate(text, i);
      } else {
        encode(c);
      }
    }
    put('"');
  }

  /**
   * Writes {@code text} as a JSON string if it is printable ASCII without quote or backslash (no
   * escapes needed); otherwise writes nothing and returns false.
   */
  private boolean plainJson(String text) throws IOException {
    ensure(text.length() + 2);
    int start = length;
    buffer[length++] = '"';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        length = start;
        return false;
      }
      buffer[length++] = (byte) c;
    }
    buffer[length++] = '"';
    return true;
  }

  private void jsonAscii(char c) throws IOException {
    if (c == '"' || c == '\\') {
      put('\\');
      put(c);
    } else if (c < 0x20) {
      controlEscape(c);
    } else {
      put(c);
    }
  }

  /** Escapes a control character as Jackson and DuckDB's {@code to_json} do. */
  private void controlEscape(char c) throws IOException {
    char shortForm =
        switch (c) {
          case '\b' -> 'b';
          case '\f' -> 'f';
          case '\n' -> 'n';
          case '\r' -> 'r';
          case '\t' -> 't';
          default -> 0;
        };
    if (shortForm == 0) {
      unicodeEscape(c);
    } else {
      put('\\');
      put(shortForm);
    }
  }

  /**
   * Writes a surrogate pair as UTF-8, an unpaired surrogate as a JSON escape; returns the index.
   */
  private int jsonSurrogate(String text, int i) throws IOException {
    if (isPair(text, i)) {
      codePoint(text.codePointAt(i));
      return i + 1;
    }
    unicodeEscape(text.charAt(i));
    return i;
  }

  private void unicodeEscape(char c) throws IOException {
    ensure(6);
    buffer[length++] = '\\';
    buffer[length++] = 'u';
    for (int shift = 12; shift >= 0; shift -= 4) {
      buffer[length++] = HEX[(c >> shift) & 0xf];
    }
  }

  private static boolean isPair(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  /** Writes {@code text} as UTF-8, doubling {@code quote} (0: none). */
  private void utf8(String text, char quote) throws IOException, UnencodableException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw new UnencodableException();
      } else if (c < 0x80) {
        put(c);
        if (c == quote) {
          put(c);
        }
      } else if (Character.isSurrogate(c)) {
        if (!isPair(text, i)) {
          throw new UnencodableException();
        }
        codePoint(text.codePointAt(i++));
      } else {
        encode(c);
      }
    }
  }

  private void encode(char c) throws IOException {
    ensure(3);
    if (c < 0x800) {
      buffer[length++] = (byte) (0xc0 | (c >> 6));
    } else {
      buffer[length++] = (byte) (0xe0 | (c >> 12));
      buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
    }
    buffer[length++] = (byte) (0x80 | (c & 0x3f));
  }

  private void codePoint(int codePoint) throws IOException {
    ensure(4);
    buffer[length++] = (byte) (0xf0 | (codePoint >> 18));
    buffer[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
    buffer[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
    buffer[length++] = (byte) (0x80 | (codePoint & 0x3f));
  }

  private void put(char asciiOrControl) throws IOException {
    if (length == buffer.length) {
      drain();
    }
    buffer[length++] = (byte) asciiOrControl;
  }

  private void ensure(int bytes) throws IOException {
    if (length + bytes > buffer.length) {
      drain();
    }
  }

  /** Writes what is buffered to the stream. */
  void drain() throws IOException {
    out.write(buffer, 0, length);
    drained += length;
    length = 0;
  }
}
