package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whitebox: a read that loses its connection reopens at the byte it had reached. */
class ResumingInputStreamTest {

  private final byte[] data = ObjectStoreContractTest.randomBytes(10_000);
  private final List<Long> opens = new ArrayList<>();

  @Test
  void reopensAtTheCurrentByteAfterADroppedConnection() throws IOException {
    try (InputStream in = new ResumingInputStream(this::dropsAfter3000Bytes, "s3://b/k", 100)) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 100, data.length));
    }
    assertThat(opens).containsExactly(100L, 3100L, 6100L, 9100L);
  }

  @Test
  void givesUpAfterRepeatedFailuresWithoutProgress() {
    InputStream in = new ResumingInputStream(this::alwaysFails, "s3://b/k", 7);

    assertThatThrownBy(in::read)
        .isInstanceOf(ObjectStoreException.class)
        .hasMessage("Failed to read s3://b/k at byte 7: Connection reset")
        .satisfies(e -> assertThat(((ObjectStoreException) e).canRetryHelp()).isTrue());
    assertThat(opens).hasSize(1 + ResumingInputStream.MAX_RESUMES);
  }

  private InputStream dropsAfter3000Bytes(long offset) {
    opens.add(offset);
    int end = (int) Math.min(data.length, offset + 3000);
    return new FailingAtEnd(Arrays.copyOfRange(data, (int) offset, end), end < data.length);
  }

  private InputStream alwaysFails(long offset) {
    opens.add(offset);
    return new FailingAtEnd(new byte[0], true);
  }

  /** Serves its bytes, then fails like a reset connection instead of reporting the end. */
  private static final class FailingAtEnd extends FilterInputStream {
    private final boolean fail;

    FailingAtEnd(byte[] bytes, boolean fail) {
      super(new ByteArrayInputStream(bytes));
      this.fail = fail;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n < 0 && fail) {
        throw new IOException("Connection reset");
      }
      return n;
    }
  }
}
