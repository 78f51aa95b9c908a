package dev.ferry.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 4180 on bytes. A row is parsed in place in the read buffer; a row that crosses the end of the
 * buffer is moved to its start (the buffer grows up to the maximum row size) and parsed again from
 * its first byte, so the parser keeps no state between attempts. Delimiter, quote, CR and LF are
 * ASCII, so they never occur inside a multi-byte UTF-8 sequence; fields are decoded strictly only
 * when asked for. Line terminators are LF, CRLF or a lone CR; empty lines are skipped but counted.
 */
final class RowParser {
  static final int DEFAULT_MAX_ROW_BYTES = 16 << 20;
  static final int DEFAULT_BUFFER_BYTES = 256 << 10;
  private static final int NEED_MORE = 0;
  private static final int ROW = 1;
  private static final int END = 2;

  private final InputStream in;
  private final byte delimiter;
  private final int maxRowBytes;
  private final Utf8 utf8 = new Utf8();
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private long base;
  private long line;

  private long rowLine;
  private int rowStart;
  private int rowEnd;
  private int fieldCount;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] escaped = new boolean[16];
  private String problem;
  private byte[] scratch = new byte[256];

  RowParser(InputStream in, byte delimiter, long offset, long line, Sizes sizes) {
    this.in = in;
    this.delimiter = delimiter;
    this.base = offset;
    this.line = line;
    this.maxRowBytes = sizes.maxRowBytes();
    this.buf = new byte[Math.min(sizes.bufferBytes(), maxRowBytes)];
  }

  /** Initial read buffer and largest row, in bytes. */
  record Sizes(int bufferBytes, int maxRowBytes) {
    static final Sizes DEFAULT = new Sizes(DEFAULT_BUFFER_BYTES, DEFAULT_MAX_ROW_BYTES);

    Sizes {
      if (bufferBytes < 1 || maxRowBytes < 1) {
        throw new IllegalArgumentException(bufferBytes + " / " + maxRowBytes);
      }
    }
  }

  /** Skips a UTF-8 byte order mark at the current position. */
  void skipByteOrderMark() throws IOException {
    while (limit - pos < 3 && !eof) {
      fill();
    }
    if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB) {
      pos += buf[pos + 2] == (byte) 0xBF ? 3 : 0;
    }
  }

  /** Parses the next non-empty row; false at the end of input. */
  boolean next() throws IOException {
    while (true) {
      int status = parseRow();
      if (status == END) {
        return false;
      }
      if (status == ROW) {
        if (rowEnd == rowStart) {
          continue;
        }
        return true;
      }
      fill();
    }
  }

  private int parseRow() {
    int p = pos;
    final int lim = limit;
    if (p >= lim) {
      return eof ? END : NEED_MORE;
    }
    final byte[] b = buf;
    final byte d = delimiter;
    rowStart = p;
    fieldCount = 0;
    problem = null;
    int extraLines = 0;
    while (true) {
      int start;
      int end;
      boolean esc = false;
      if (p < lim && b[p] == '"') {
        p++;
        start = p;
        while (true) {
          while (p < lim) {
            byte c = b[p];
            if (c == '"') {
              break;
            } else if (c == '\n') {
              extraLines++;
            } else if (c == '\r') {
              if (p + 1 >= lim && !eof) {
                return NEED_MORE;
              }
              if (p + 1 >= lim || b[p + 1] != '\n') {
                extraLines++;
              }
            }
            p++;
          }
          if (p >= lim) {
            if (!eof) {
              return NEED_MORE;
            }
            problem = "quoted field " + (fieldCount + 1) + " is not closed at the end of the file";
            end = p;
            break;
          }
          if (p + 1 >= lim && !eof) {
            return NEED_MORE;
          }
          if (p + 1 < lim && b[p + 1] == '"') {
            esc = true;
            p += 2;
            continue;
          }
          end = p;
          p++;
          break;
        }
        if (p < lim && b[p] != d && b[p] != '\n' && b[p] != '\r') {
          if (problem == null) {
            problem = "field " + (fieldCount + 1) + " has text after its closing quote";
          }
          while (p < lim && b[p] != d && b[p] != '\n' && b[p] != '\r') {
            p++;
          }
        }
      } else {
        start = p;
        while (p < lim) {
          byte c = b[p];
          if (c == d || c == '\n' || c == '\r') {
            break;
          }
          p++;
        }
        end = p;
      }
      if (p >= lim && !eof) {
        return NEED_MORE;
      }
      addField(start, end, esc);
      if (p >= lim) {
        return finishRow(p, p, extraLines);
      }
      byte c = b[p];
      if (c == d) {
        p++;
        continue;
      }
      int contentEnd = p;
      if (c == '\r') {
        if (p + 1 >= lim && !eof) {
          return NEED_MORE;
        }
        if (p + 1 < lim && b[p + 1] == '\n') {
          p++;
        }
      }
      return finishRow(contentEnd, p + 1, extraLines);
    }
  }

  private int finishRow(int contentEnd, int next, int extraLines) {
    rowEnd = contentEnd;
    rowLine = line + 1;
    line += 1 + extraLines;
    pos = next;
    return ROW;
  }

  private void addField(int start, int end, boolean esc) {
    if (fieldCount == starts.length) {
      int size = fieldCount * 2;
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      escaped = Arrays.copyOf(escaped, size);
    }
    starts[fieldCount] = start;
    ends[fieldCount] = end;
    escaped[fieldCount] = esc;
    fieldCount++;
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      grow();
    }
    while (limit < buf.length) {
      int read = in.read(buf, limit, buf.length - limit);
      if (read < 0) {
        eof = true;
        return;
      }
      limit += read;
    }
  }

  private void grow() {
    if (buf.length >= maxRowBytes) {
      throw CsvFileException.atLine(
          line + 1,
          "row exceeds the maximum row size of "
              + size(maxRowBytes)
              + " (a quote that is never closed?)");
    }
    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxRowBytes));
  }

  private static String size(int bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }

  int fieldCount() {
    return fieldCount;
  }

  boolean isEmpty(int field) {
    return starts[field] == ends[field];
  }

  /** The field's text, strictly decoded. */
  String field(int field) throws CharacterCodingException {
    int start = starts[field];
    int length = ends[field] - start;
    if (!escaped[field]) {
      return utf8.decode(buf, start, length);
    }
    return utf8.decode(scratch, 0, unescape(start, length));
  }

  private int unescape(int start, int length) {
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    int n = 0;
    for (int i = start; i < start + length; i++) {
      scratch[n++] = buf[i];
      if (buf[i] == '"') {
        i++;
      }
    }
    return n;
  }

  /** A structural problem of the current row (a quote misplaced or never closed), or null. */
  String problem() {
    return problem;
  }

  /** File offset of the first byte of the current row that is not valid UTF-8, or -1. */
  long firstMalformedOffset() {
    int index = Utf8.firstMalformed(buf, rowStart, rowEnd - rowStart);
    return index < 0 ? -1 : base + index;
  }

  /** The current row as written, without its terminator, invalid UTF-8 replaced. */
  String rawText() {
    return new String(buf, rowStart, rowEnd - rowStart, StandardCharsets.UTF_8);
  }

  /** Physical line where the current row starts. */
  long rowLine() {
    return rowLine;
  }

  /** Physical line of the last consumed line. */
  long line() {
    return line;
  }

  /** File offset just after the last consumed line. */
  long offset() {
    return base + pos;
  }
}
