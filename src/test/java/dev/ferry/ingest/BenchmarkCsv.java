package dev.ferry.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the benchmarks' Kissmetrics-format CSV: identity, timestamp (epoch seconds), event and
 * four properties, about 110 bytes a row, ASCII only. The same rows as {@code AppendBenchmark}'s.
 */
final class BenchmarkCsv {
  static final String HEADER = "Identity,Timestamp,Event,Campaign Source,Plan,Browser,URL\n";
  private static final long FIRST_SECOND = 1_704_067_200L; // 2024-01-01T00:00:00Z

  private BenchmarkCsv() {}

  /** Writes the header and {@code rows} rows to {@code out}; returns the bytes written. */
  static long write(OutputStream out, long rows) throws IOException {
    byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
    out.write(header);
    long bytes = header.length;
    StringBuilder row = new StringBuilder(160);
    byte[] buffer = new byte[1 << 20];
    int length = 0;
    for (long i = 0; i < rows; i++) {
      row.setLength(0);
      append(row, i);
      if (length + row.length() > buffer.length) {
        out.write(buffer, 0, length);
        bytes += length;
        length = 0;
      }
      for (int c = 0; c < row.length(); c++) {
        buffer[length++] = (byte) row.charAt(c);
      }
    }
    out.write(buffer, 0, length);
    return bytes + length;
  }

  private static void append(StringBuilder row, long i) {
    row.append("user").append(i % 50_000).append("@example.com,");
    row.append(FIRST_SECOND + i).append(',');
    row.append("Viewed Page ").append(i % 25).append(',');
    row.append("google-").append(i % 100).append(',');
    row.append("plan-").append(i % 3).append(',');
    row.append("Firefox ").append(i % 40).append(',');
    row.append("https://example.com/p/").append(i).append('\n');
  }
}
