package dev.ferry.ingest.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of byte ranges, with an ASCII fast path. */
final class Utf8 {
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();

  /** Decodes, or throws {@link CharacterCodingException} on malformed input. */
  String decode(byte[] bytes, int offset, int length) throws CharacterCodingException {
    if (isAscii(bytes, offset, length)) {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
  }

  /** Index in {@code bytes} of the first byte of a malformed sequence, or -1. */
  static int firstMalformed(byte[] bytes, int offset, int length) {
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      CoderResult result = strict.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (!result.isOverflow()) {
        return -1;
      }
      out.clear();
    }
  }

  private static boolean isAscii(byte[] bytes, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
