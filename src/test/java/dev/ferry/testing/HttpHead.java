package dev.ferry.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The start line and header lines of one HTTP/1.1 message, kept byte for byte (ISO-8859-1 maps
 * every byte to one char), with just enough parsing to find where its body ends.
 */
final class HttpHead {

  private static final int MAX_LINE = 64 * 1024;

  private final String startLine;
  private final List<String> headerLines;

  private HttpHead(String startLine, List<String> headerLines) {
    this.startLine = startLine;
    this.headerLines = List.copyOf(headerLines);
  }

  /** Reads a head; empty if the stream ends cleanly before its first byte. */
  static Optional<HttpHead> read(InputStream in) throws IOException {
    Optional<String> start = readLine(in, true);
    if (start.isEmpty()) {
      return Optional.empty();
    }
    List<String> headers = new ArrayList<>();
    for (String line = requireLine(in); !line.isEmpty(); line = requireLine(in)) {
      headers.add(line);
    }
    return Optional.of(new HttpHead(start.get(), headers));
  }

  static String requireLine(InputStream in) throws IOException {
    return readLine(in, false).orElseThrow();
  }

  private static Optional<String> readLine(InputStream in, boolean endAllowed) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        if (endAllowed && line.size() == 0) {
          return Optional.empty();
        }
        throw new EOFException("Connection closed inside an HTTP head");
      }
      if (line.size() > MAX_LINE) {
        throw new IOException("HTTP line longer than " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
    String text = line.toString(ISO_8859_1);
    return Optional.of(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
  }

  String startLine() {
    return startLine;
  }

  /** The first word of a request line: the method. */
  String method() {
    return startLine.split(" ", 3)[0];
  }

  /** The second word of a request line: the request target (path and query). */
  String target() {
    String[] words = startLine.split(" ", 3);
    return words.length > 1 ? words[1] : "";
  }

  /** The status code of a response line. */
  int status() {
    return Integer.parseInt(startLine.split(" ", 3)[1]);
  }

  Optional<String> header(String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    return headerLines.stream()
        .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
        .map(line -> line.substring(prefix.length()).trim())
        .findFirst();
  }

  boolean hasToken(String name, String token) {
    return header(name).map(v -> v.toLowerCase(Locale.ROOT).contains(token)).orElse(false);
  }

  boolean chunked() {
    return hasToken("Transfer-Encoding", "chunked");
  }

  /** The declared body length, or -1 without a Content-Length header. */
  long contentLength() {
    return header("Content-Length").map(Long::parseLong).orElse(-1L);
  }

  HttpHead without(String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    List<String> kept =
        headerLines.stream()
            .filter(line -> !line.toLowerCase(Locale.ROOT).startsWith(prefix))
            .toList();
    return new HttpHead(startLine, kept);
  }

  void writeTo(OutputStream out) throws IOException {
    StringBuilder text = new StringBuilder(startLine).append("\r\n");
    headerLines.forEach(line -> text.append(line).append("\r\n"));
    out.write(text.append("\r\n").toString().getBytes(ISO_8859_1));
  }
}
