package dev.ferry.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies HTTP/1.1 message bodies verbatim, framing included, as they arrive. */
final class Bodies {

  private static final int BUFFER = 64 * 1024;

  private Bodies() {}

  /** How a message's body ends. */
  enum Framing {
    NONE,
    LENGTH,
    CHUNKED,
    UNTIL_CLOSE
  }

  static Framing requestFraming(HttpHead head) {
    if (head.chunked()) {
      return Framing.CHUNKED;
    }
    return head.contentLength() > 0 ? Framing.LENGTH : Framing.NONE;
  }

  static Framing responseFraming(String requestMethod, HttpHead response) {
    int status = response.status();
    if ("HEAD".equals(requestMethod) || status / 100 == 1 || status == 204 || status == 304) {
      return Framing.NONE;
    }
    if (response.chunked()) {
      return Framing.CHUNKED;
    }
    long length = response.contentLength();
    if (length >= 0) {
      return length == 0 ? Framing.NONE : Framing.LENGTH;
    }
    return Framing.UNTIL_CLOSE;
  }

  static void copy(Framing framing, HttpHead head, InputStream in, OutputStream out)
      throws IOException {
    switch (framing) {
      case NONE -> {}
      case LENGTH -> copyExactly(in, out, head.contentLength());
      case CHUNKED -> copyChunked(in, out);
      case UNTIL_CLOSE -> in.transferTo(out);
    }
  }

  static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[BUFFER];
    for (long left = length; left > 0; ) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException("Body ended " + left + " bytes early");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static void copyChunked(InputStream in, OutputStream out) throws IOException {
    for (long size = copyChunkLine(in, out); size > 0; size = copyChunkLine(in, out)) {
      copyExactly(in, out, size + 2);
    }
    for (String trailer = copyLine(in, out); !trailer.isEmpty(); trailer = copyLine(in, out)) {
      // trailers are copied as they are
    }
  }

  private static long copyChunkLine(InputStream in, OutputStream out) throws IOException {
    String line = copyLine(in, out);
    int extension = line.indexOf(';');
    return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
  }

  private static String copyLine(InputStream in, OutputStream out) throws IOException {
    String line = HttpHead.requireLine(in);
    out.write((line + "\r\n").getBytes(ISO_8859_1));
    return line;
  }
}
