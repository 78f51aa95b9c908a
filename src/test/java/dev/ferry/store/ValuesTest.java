package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void checkpointAllowsADecompressedOffsetPastTheObjectButNoNegativeCounts() {
    assertThat(new Checkpoint("i", "k.csv.gz", "e", 10, 1, 11, false).byteOffset()).isEqualTo(11);
    assertThatThrownBy(() -> new Checkpoint("i", "k", "e", 10, -1, 0, false))
        .hasMessage("recordIndex must be 0 or more, was -1");
  }

  @Test
  void revisionPolicyNeedsAPositiveWindowAndSize() {
    assertThatThrownBy(() -> new RevisionPolicy(Duration.ZERO, 1))
        .hasMessage("window must be positive, was PT0S");
    assertThatThrownBy(() -> new RevisionPolicy(Duration.ofMinutes(5), 0))
        .hasMessage("maxRecords must be 1 or more, was 0");
    assertThat(RevisionPolicy.DEFAULT.window()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void apiSourceHasNoObject() {
    assertThat(Source.api("req-1")).isEqualTo(new Source("api", "req-1", "", 0));
    assertThat(Source.api("req-1").atLine(5).line()).isEqualTo(5);
    assertThatThrownBy(() -> new Source("i", "r", "k", -1))
        .hasMessage("line must be 0 or more, was -1");
  }

  @Test
  void appendedKnowsItsLastSequence() {
    assertThat(new Appended(4, 3).lastSequence()).isEqualTo(6);
    assertThat(new Appended(4, 0).lastSequence()).isEqualTo(3);
  }
}
