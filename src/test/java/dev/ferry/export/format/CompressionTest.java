package dev.ferry.export.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompressionTest {

  @Test
  void gzippedBytesReadBackWithTheJdk() throws IOException {
    byte[] input = sample();

    assertThat(SampleEvents.gunzip(gzip(input, Compression.DEFAULT_LEVEL))).isEqualTo(input);
  }

  @Test
  void levelOneGivesMoreBytesThanLevelNine() throws IOException {
    byte[] input = sample();

    assertThat(gzip(input, 1).length).isGreaterThan(gzip(input, 9).length);
  }

  @Test
  void sameInputAndLevelGiveTheSameBytes() throws IOException {
    assertThat(gzip(sample(), 6)).isEqualTo(gzip(sample(), 6));
  }

  @Test
  void levelOutsideOneToNineIsRefused() {
    assertThatThrownBy(() -> Compression.gzip(new ByteArrayOutputStream(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compression level must be 1 to 9, not 0");
    assertThatThrownBy(() -> Compression.gzip(new ByteArrayOutputStream(), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compression level must be 1 to 9, not 10");
  }

  @Test
  void countingStreamCountsTheCompressedBytesProduced() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    CountingOutputStream counted = new CountingOutputStream(file);
    OutputStream gzip = Compression.gzip(counted, 6);
    byte[] input = sample();
    long previous = 0;
    for (int offset = 0; offset < input.length; offset += 10_000) {
      gzip.write(input, offset, Math.min(10_000, input.length - offset));
      assertThat(counted.count()).isEqualTo(file.size()).isGreaterThanOrEqualTo(previous);
      previous = counted.count();
    }
    gzip.close();

    assertThat(counted.count()).isEqualTo(file.size()).isPositive();
    assertThat(SampleEvents.gunzip(file.toByteArray())).isEqualTo(input);
  }

  @Test
  void countingStreamCountsSingleBytes() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (CountingOutputStream counted = new CountingOutputStream(file)) {
      counted.write('a');
      counted.write(new byte[] {1, 2, 3, 4}, 1, 2);
      assertThat(counted.count()).isEqualTo(3);
    }
    assertThat(file.toByteArray()).containsExactly('a', 2, 3);
  }

  /** About 1 MB of varied but compressible text. */
  private static byte[] sample() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 1_000_000; i++) {
      text.append("{\"identity\":\"user")
          .append(i * 7919 % 10_007)
          .append("\",\"n\":")
          .append(Integer.toHexString(i * 31))
          .append("}\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] input, int level) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gzip = Compression.gzip(bytes, level)) {
      gzip.write(input);
    }
    return bytes.toByteArray();
  }
}
